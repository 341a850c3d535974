import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tanstackRouter } from '@tanstack/router-plugin/vite'
import react from '@vitejs/plugin-react'
import { defineConfig, type ConfigEnv, type Plugin } from 'vite'
import { precompressDir } from './server/serve/precompress.ts'

// Every plugin and chunk group below keeps the first render within its budget: what each one saves,
// measured, is in docs/performance.md.

/** The browser's production build, not the server's (src/entry-server.tsx, into dist-ssr/). */
const clientBuild = (_: unknown, { command, isSsrBuild }: ConfigEnv): boolean =>
  command === 'build' && isSsrBuild !== true

/** After a production build: brotli and gzip copies of every text asset, for the serve command. */
function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'opentrain:precompress',
    apply: clientBuild,
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle: () => {
      precompressDir(outDir)
    },
  }
}

/** Radix Colors' dark scales apply under this selector. */
const DARK_SELECTOR = '.dark, .dark-theme {'

/**
 * Radix Colors' dark scales follow the system's theme in CSS (`prefers-color-scheme`), not a class
 * a script sets: a page the serve command rendered is dark from its first paint, with JavaScript
 * off too. Applies in `npm run dev` and in the build.
 */
function darkScalesFollowTheSystem(): Plugin {
  return {
    name: 'opentrain:dark-scales-follow-the-system',
    transform: (code, id) => {
      if (!/\.css(?:$|\?)/.test(id) || !code.includes(DARK_SELECTOR)) return null
      let out = code
      for (let start = out.indexOf(DARK_SELECTOR); start >= 0; start = out.indexOf(DARK_SELECTOR)) {
        const end = blockEnd(out, start + DARK_SELECTOR.length - 1)
        const body = out.slice(start + DARK_SELECTOR.length, end)
        out = `${out.slice(0, start)}@media (prefers-color-scheme: dark) { :root {${body}} }${out.slice(end + 1)}`
      }
      return { code: out, map: null }
    },
  }
}

/** The opening of Radix Colors' wide-gamut block: the same steps again, in display-p3. */
const P3_BLOCK = '@supports (color: color(display-p3'

/** The index of the brace that closes the block whose opening brace is at `open`. */
function blockEnd(css: string, open: number): number {
  let depth = 0
  for (let at = open; at < css.length; at++) {
    if (css[at] === '{') depth++
    else if (css[at] === '}' && --depth === 0) return at
  }
  return css.length - 1
}

/** `css` without each block that opens with `opening` (up to its matching closing brace). */
function withoutBlocks(css: string, opening: string): string {
  let out = css
  for (let start = out.indexOf(opening); start >= 0; start = out.indexOf(opening, start)) {
    const end = blockEnd(out, out.indexOf('{', start))
    out = out.slice(0, start) + out.slice(end + 1)
  }
  return out
}

/**
 * In a build, drops the Radix Colors steps nothing under src/ names, and the scales' display-p3
 * copies, from the CSS before it is hashed; `npm run dev` keeps them (docs/performance.md).
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
 * TanStack Virtual's `memo` times itself for its `debug` option, which the console never sets: in a
 * build, that check is `false`, so the timing and its console output drop out (docs/performance.md).
 */
function virtualDebugTimingOut(): Plugin {
  const DEBUG_CHECK =
    /opts\.key && \(\(_\w+ = opts\.debug\) == null \? void 0 : _\w+\.call\(opts\)\)/g
  return {
    name: 'opentrain:virtual-debug-timing-out',
    apply: 'build',
    transform: (code, id) => {
      if (!/@tanstack[\\/]virtual-core[\\/]dist[\\/]esm[\\/]utils\.js$/.test(id)) return null
      const out = code.replace(DEBUG_CHECK, 'false')
      if (out === code)
        throw new Error('virtual-debug-timing-out: the debug check changed upstream')
      return { code: out, map: null }
    },
  }
}

/**
 * Puts src/early-requests.ts in index.html as a script of its own, before the entry's, so that
 * GET /tokens and GET /auth/me start while the app downloads (docs/performance.md).
 */
function earlyRequestsFirst(): Plugin {
  let root = ''
  let base = '/'
  return {
    name: 'opentrain:early-requests-first',
    apply: clientBuild,
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
        // runs as soon as it is here, not after the entry has run. No inline script: the CSP.
        const entryScript = '<script type="module" crossorigin'
        if (!html.includes(entryScript)) throw new Error('early-requests-first: no entry script')
        const earlyScript = `<script type="module" async crossorigin src="${base}${early.fileName}"></script>`
        return html.replace(entryScript, `${earlyScript}\n    ${entryScript}`)
      },
    },
  }
}

/** True for a module at or under one of `paths` (from the project root, or in node_modules). */
function under(paths: readonly string[]): (id: string) => boolean {
  return (id) => {
    const file = id.replaceAll('\\', '/')
    return paths.some((path) => file.endsWith(`/${path}`) || file.includes(`/${path}/`))
  }
}

/**
 * The chunks, in the order they pick modules: a module goes to the first row that holds it, with
 * the modules it imports that no earlier row took. What each saves: docs/performance.md#chunks.
 */
const CHUNKS: readonly { name: string; takes: readonly string[] | 'first render' }[] = [
  // The early script and what it imports, which the app imports too: see earlyRequestsFirst.
  { name: 'early', takes: ['src/early-requests.ts'] },
  // The rest of what the first render runs (React, TanStack, zod, the tokens page): the entry.
  { name: 'app', takes: 'first render' },
  // Loaded while the first API request is on its way (the first render of a page the serve
  // command rendered never needs them): zod, and the schemas the list and `me` are checked with.
  {
    name: 'schemas',
    takes: [
      'node_modules/zod',
      'src/lib/http/schema-fields.ts',
      'src/features/tokens/api/token-schema.ts',
      'src/features/session/api/me-schema.ts',
    ],
  },
  // Loaded later. Signing in and out: the sign-in page, the session menu and TanStack Query's
  // lazy half (useMutation), which the token dialogs use too.
  { name: 'session', takes: ['src/features/session', 'node_modules/@tanstack'] },
  // Radix, floating-ui and sonner, and the wrappers in components/ui that load them on first use.
  { name: 'radix', takes: ['node_modules', 'src/components/ui'] },
  // What the tokens page runs on a click: create, rotate, revoke, bulk revoke, details, export.
  { name: 'token-dialogs', takes: ['src/features/tokens'] },
]

const codeGroups = CHUNKS.map(({ name, takes }, index) => ({
  name,
  priority: CHUNKS.length - index,
  ...(takes === 'first render' ? { tags: ['$initial' as const] } : { test: under(takes) }),
}))

/** `npm run bench`'s per-package build: it sets its own chunk groups, and this one would hide them. */
export const BUNDLE_COMPOSITION_MODE = 'bundle-composition'

export default defineConfig(({ mode, isSsrBuild }) => ({
  resolve: {
    // TanStack Store's selector hook asks for the shim: React 19 has the hook (docs/performance.md).
    alias: [
      {
        find: /^use-sync-external-store\/shim(?:\/index\.js)?$/,
        replacement: resolve(import.meta.dirname, 'build/use-sync-external-store-shim.ts'),
      },
    ],
  },
  plugins: [
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      codeSplittingOptions: {
        // The tokens page, what nearly every visit shows first, ships in the entry rather than in a
        // chunk fetched once the entry has run (docs/performance.md).
        splitBehavior: ({ routeId }) => (routeId === '/tokens' ? [] : undefined),
      },
      generatedRouteTree: './src/route-tree.gen.ts',
      routeFileIgnorePattern: '\\.test\\.tsx?$',
    }),
    react(),
    darkScalesFollowTheSystem(),
    earlyRequestsFirst(),
    unusedColorStepsOut(),
    virtualDebugTimingOut(),
    precompress(),
  ],
  build: {
    // No source maps in what the serve command ships; `npm run dev` has them.
    sourcemap: false,
    // The server's render (`vite build --ssr`): Node imports it from dist-ssr/, never served.
    ...(isSsrBuild ? { outDir: 'dist-ssr', copyPublicDir: false } : {}),
    // Every browser the console supports preloads modules natively: no polyfill in the entry.
    modulePreload: { polyfill: false },
    rolldownOptions: isSsrBuild
      ? {}
      : {
          output: {
            codeSplitting: {
              groups:
                mode === BUNDLE_COMPOSITION_MODE
                  ? codeGroups.filter(({ name }) => name === 'early')
                  : codeGroups,
            },
          },
        },
  },
}))
