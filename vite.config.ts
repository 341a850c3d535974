import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tanstackRouter } from '@tanstack/router-plugin/vite'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { precompressDir } from './server/serve/precompress.ts'

// `npm run dev` proxies the API to a running emulator (`npm run emulator`), or to OT_DEV_API_TARGET.
const apiTarget = process.env.OT_DEV_API_TARGET ?? 'http://127.0.0.1:4010'

/** After a production build: brotli and gzip copies of every text asset, for the serve command. */
function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'opentrain:precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle: () => {
      precompressDir(outDir)
    },
  }
}

/** The opening of Radix Colors' wide-gamut block: the same steps again, in display-p3. */
const P3_BLOCK = '@supports (color: color(display-p3'

/** `css` without each block that opens with `opening` (up to its matching closing brace). */
function withoutBlocks(css: string, opening: string): string {
  let out = css
  for (let start = out.indexOf(opening); start >= 0; start = out.indexOf(opening, start)) {
    let depth = 0
    let end = out.indexOf('{', start)
    for (; end < out.length; end++) {
      if (out[end] === '{') depth++
      else if (out[end] === '}' && --depth === 0) break
    }
    out = out.slice(0, start) + out.slice(end + 1)
  }
  return out
}

/**
 * Radix Colors gives each scale twelve steps, declared four times (light, dark, and both again for
 * P3 screens); the console names about half of them. In a build, the steps nothing under src/
 * mentions are dropped from the CSS as it is compiled, before the files are named by their
 * content, and so are the P3 copies: on a wide-gamut screen the sRGB steps look a little less
 * saturated, which a settings page can afford, and the first render is ~0.6 kB (brotli) lighter.
 * `npm run dev` keeps the full scales.
 */
function unusedColorStepsOut(): Plugin {
  const TOKENS_FILE = 'src/styles/design-tokens.css'
  let root = ''
  let step: RegExp | null = null
  let used = new Set<string>()
  return {
    name: 'opentrain:unused-color-steps-out',
    apply: 'build',
    configResolved: (config) => {
      root = config.root
    },
    buildStart: () => {
      const tokens = readFileSync(resolve(root, TOKENS_FILE), 'utf8')
      const scales = [...tokens.matchAll(/@import '@radix-ui\/colors\/([a-z]+?)(?:-dark)?\.css'/g)]
        .map(([, scale]) => scale)
        .join('|')
      if (!scales) throw new Error(`unused-color-steps-out: no Radix scale in ${TOKENS_FILE}`)
      step = new RegExp(`--(?:${scales})-\\d+\\b`, 'g')
      used = new Set()
      const src = resolve(root, 'src')
      for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
        if (!/\.(?:css|tsx?)$/.test(file)) continue
        for (const [name] of readFileSync(join(src, file), 'utf8').matchAll(step)) used.add(name)
      }
    },
    transform: (code, id) => {
      if (!step || !/\.css(?:$|\?)/.test(id)) return null
      const declaration = new RegExp(`(${step.source})\\s*:[^;{}]*;`, 'g')
      const pruned = withoutBlocks(code, P3_BLOCK).replace(declaration, (text, name: string) =>
        used.has(name) ? text : '',
      )
      return pruned === code ? null : { code: pruned, map: null }
    },
  }
}

/**
 * The first render of /tokens, without waiting for the app's code to run first: index.html gets
 * src/early-requests.ts as a script of its own, first of the page's requests, which starts
 * GET /tokens and GET /auth/me while the rest downloads (Vite would bundle a second <script> into
 * the entry). No inline script: the CSP forbids it. The tokens page itself is part of the entry
 * (see `codeSplittingOptions` below), so Vite's own preloads cover the rest.
 */
function earlyRequestsFirst(): Plugin {
  let root = ''
  let base = '/'
  return {
    name: 'opentrain:early-requests-first',
    apply: 'build',
    config: (config) => ({
      build: {
        rolldownOptions: {
          input: {
            index: resolve(config.root ?? '', 'index.html'),
            'early-requests': resolve(config.root ?? '', 'src/early-requests.ts'),
          },
        },
      },
    }),
    configResolved: (config) => {
      root = config.root
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle }) => {
        const early = Object.values(bundle ?? {}).find(
          (file) =>
            file.type === 'chunk' &&
            file.isEntry &&
            file.facadeModuleId === resolve(root, 'src/early-requests.ts'),
        )
        if (!early) throw new Error('early-requests-first: no early-requests chunk')
        // Before the entry's script, so that it is not queued behind the app's chunks; `async`: it
        // runs as soon as it is here, not after the entry has run.
        const entryScript = '<script type="module" crossorigin'
        if (!html.includes(entryScript)) throw new Error('early-requests-first: no entry script')
        const earlyScript = `<script type="module" async crossorigin src="${base}${early.fileName}"></script>`
        return html.replace(entryScript, `${earlyScript}\n    ${entryScript}`)
      },
    },
  }
}

/**
 * Everything else the first render runs (React, TanStack, zod and the app's own initial modules)
 * in one chunk, which becomes the entry's: one file compresses ~1.5 kB (brotli) smaller than the
 * vendor + index pair did, and rolldown no longer splits the app's API modules into a chunk of
 * their own when a lazy chunk also uses them. The price: a deploy that changes the app changes
 * this whole file. What only lazy chunks use (TanStack Query's useMutation, Radix, sonner) is not
 * "initial" and stays out.
 */
const initialCodeGroup = {
  name: 'app',
  priority: 1, // before the lazy groups below
  tags: ['$initial' as const],
  test: (id: string) => !id.endsWith('.css'),
}

/**
 * What loads after the first render, in three chunks instead of the two dozen rolldown would cut
 * by usage: the entry names every lazy chunk and its CSS in its preload map, so each file fewer
 * is a hashed name less in the first render (~0.45 kB brotli for these three), and the page
 * fetches nearly all of it when the browser is first idle anyway.
 *  - mutations: TanStack Query's lazy half (useMutation), all the sign-in page needs besides its own;
 *  - radix: Radix, its positioning and sonner, shared by the tooltips, menus, dialogs and toasts;
 *  - token-dialogs: the tokens page's code that waits for a click (New token, Rotate, Revoke,
 *    Revoke selected, the details, the export writer) and the dialogs it is built on.
 * Each after the initial group: a module the first render needs stays there.
 */
const lazyCodeGroups = [
  { name: 'mutations', priority: 0.7, test: /node_modules[\\/]@tanstack[\\/]/ },
  {
    name: 'radix',
    priority: 0.5,
    test: /node_modules[\\/]|src[\\/]components[\\/]ui[\\/](?:radix-tooltip|radix-dropdown-menu|sonner-toaster)\./,
  },
  {
    name: 'token-dialogs',
    priority: 0,
    test: /src[\\/](?:features[\\/]tokens[\\/]|components[\\/](?:ui[\\/](?:dialog|alert-dialog|drawer)|copy-button|warning-icon|close-icon|error-reference)\.)/,
  },
]

/** `npm run bench`'s per-package build: it sets its own chunk groups, and this one would hide them. */
export const BUNDLE_COMPOSITION_MODE = 'bundle-composition'

export default defineConfig(({ mode }) => ({
  plugins: [
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      codeSplittingOptions: {
        // The tokens page is what nearly every visit shows first: it ships in the entry, not in
        // a chunk the router asks for once the entry has run (one request and ~1.3 kB of chunk
        // glue less before the first row; sign-in, seen once a session, loads it too).
        splitBehavior: ({ routeId }) => (routeId === '/tokens' ? [] : undefined),
      },
      generatedRouteTree: './src/route-tree.gen.ts',
      routeFileIgnorePattern: '\\.test\\.tsx?$',
    }),
    react(),
    earlyRequestsFirst(),
    unusedColorStepsOut(),
    precompress(),
  ],
  server: {
    proxy: {
      '/api/public/v1': { target: apiTarget, changeOrigin: true },
      '/api/agent/oauth/revoke': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    // No source maps in what the serve command ships; `npm run dev` has them.
    sourcemap: false,
    // Every browser the console supports preloads modules natively: no polyfill in the entry.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // src/early-requests.ts and what it shares with the app (the session's token, the
              // base URL, the early answers): a small chunk of their own, which the early script
              // runs without waiting for the app's code, and which the app imports, so the early
              // requests always start first, and once.
              name: 'early',
              priority: 2,
              test: /src[\\/](?:early-requests|lib[\\/]http[\\/]early-responses|features[\\/]session[\\/]api[\\/](?:session-store|api-base))\.ts$/,
            },
            ...(mode === BUNDLE_COMPOSITION_MODE ? [] : [initialCodeGroup, ...lazyCodeGroups]),
          ],
        },
      },
    },
  },
}))
