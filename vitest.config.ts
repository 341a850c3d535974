import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default defineConfig((env) =>
  mergeConfig(
    viteConfig(env),
    defineConfig({
      test: {
        projects: [
          {
            extends: true,
            test: {
              name: 'unit',
              environment: 'node',
              include: ['src/**/*.test.ts'],
            },
          },
          {
            extends: true,
            test: {
              name: 'integration',
              environment: 'jsdom',
              include: ['src/**/*.test.tsx'],
              setupFiles: ['./src/testing/setup-tests.ts'],
              // jsdom + user-event over the real route tree takes seconds per journey on a loaded
              // 2-core machine: the 5 s default made the first test of a file flaky.
              testTimeout: 20_000,
            },
          },
          {
            test: {
              name: 'server',
              environment: 'node',
              include: ['server/**/*.test.ts'],
            },
          },
        ],
      },
    }),
  ),
)
