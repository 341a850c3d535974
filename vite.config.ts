import { resolve } from 'node:path'
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

export default defineConfig({
  plugins: [
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      generatedRouteTree: './src/route-tree.gen.ts',
      routeFileIgnorePattern: '\\.test\\.tsx?$',
    }),
    react(),
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
  },
})
