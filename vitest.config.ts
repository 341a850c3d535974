import { availableParallelism } from 'node:os'
import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

// Every core: Vitest's default (cores - 1) ran one file at a time on a 2-core machine.
const workers = availableParallelism()
// `isolate: false`: a worker keeps its modules from one file to the next instead of importing
// everything again (integration 73 s -> 47 s). Each test builds its own app and query client, and
// setup-tests.ts resets the session store and MSW after each test; see docs/testing.md.

export default defineConfig((env) =>
  mergeConfig(
    viteConfig(env),
    defineConfig({
      test: {
        maxWorkers: workers,
        projects: [
          {
            extends: true,
            test: {
              name: 'unit',
              environment: 'node',
              isolate: false,
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
              // Makes jsdom's bidi-js factory once (the file says why): 20% of this project's time.
              execArgv: ['--require', './src/testing/bidi-factory-once.cjs'],
              isolate: false,
              // jsdom + user-event over the real route tree takes seconds per journey on a loaded
              // 2-core machine: the 5 s default made the first test of a file flaky.
              testTimeout: 20_000,
            },
          },
          {
            test: {
              name: 'server',
              environment: 'node',
              isolate: false,
              include: ['server/**/*.test.ts'],
              exclude: ['server/**/*.process.test.ts'],
            },
          },
          {
            // Tests that start, kill and restart processes: slow, so in a project of their own,
            // run on the emulator CLI bundled once (server/bundle-emulator.ts) instead of tsx.
            test: {
              name: 'process',
              environment: 'node',
              include: ['server/**/*.process.test.ts'],
              globalSetup: ['./server/bundle-emulator.ts'],
            },
          },
        ],
      },
    }),
  ),
)
