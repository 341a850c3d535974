import { tanstackRouter } from '@tanstack/router-plugin/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// `npm run dev` proxies the API to a running emulator (`npm run emulator`), or to OT_DEV_API_TARGET.
const apiTarget = process.env.OT_DEV_API_TARGET ?? 'http://127.0.0.1:4010'

export default defineConfig({
  plugins: [
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      generatedRouteTree: './src/route-tree.gen.ts',
      routeFileIgnorePattern: '\\.test\\.tsx?$',
    }),
    react(),
  ],
  server: {
    proxy: {
      '/api/public/v1': { target: apiTarget, changeOrigin: true },
      '/api/agent/oauth/revoke': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    sourcemap: true,
  },
})
