// @ts-check
import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import pluginRouter from '@tanstack/eslint-plugin-router'
import checkFile from 'eslint-plugin-check-file'
import { importX } from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import playwright from 'eslint-plugin-playwright'
import reactHooks from 'eslint-plugin-react-hooks'
import testingLibrary from 'eslint-plugin-testing-library'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Each feature's public entry is its `api/` folder: other features and src/testing import only that.
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

const featureZones = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [
    `./${feature}`,
    ...FEATURES.filter((other) => other !== feature).map((other) => `./${other}/api`),
  ],
  message: 'Import another feature only through its public entry, features/<name>/api.',
}))

// Inside the tokens feature (docs/architecture.md): api/ is the bottom layer, common/ sits on it,
// each capability folder uses both, and only the list page (list/) puts the capabilities together.
const TOKENS = './src/features/tokens'
const TOKEN_CAPABILITIES = ['revoke', 'bulk-revoke', 'create', 'rotate', 'details', 'export']
const tokensLayerZones = [
  {
    target: `${TOKENS}/api`,
    from: TOKENS,
    except: ['./api'],
    message: 'tokens/api is the bottom layer: it imports nothing else of the feature.',
  },
  {
    target: `${TOKENS}/common`,
    from: TOKENS,
    except: ['./api', './common'],
    message: 'tokens/common builds on tokens/api only.',
  },
  ...TOKEN_CAPABILITIES.map((capability) => ({
    target: `${TOKENS}/${capability}`,
    from: `${TOKENS}/list`,
    message: 'A capability never imports the list page: the page puts the capabilities together.',
  })),
]

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-server/**',
      'dist-ssr/**',
      'node_modules/**',
      '.data/**',
      'src/route-tree.gen.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      'import-x/resolver-next': [
        importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] }),
      ],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      // TanStack Router's control flow throws `redirect()` and `notFound()` objects by design.
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            {
              from: 'package',
              package: '@tanstack/router-core',
              name: ['Redirect', 'NotFoundError'],
            },
          ],
        },
      ],
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { '{src,server,e2e,bench}/**/': 'KEBAB_CASE' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['eslint.config.js', 'prettier.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  // A Node preload (src/testing/bidi-factory-once.cjs): CommonJS, outside every tsconfig.
  {
    files: ['**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: globals.node,
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // The React app: hooks, Query and Router rules, accessibility, browser globals, one-way imports.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // Shared modules know no feature and no route.
            { target: './src/lib', from: ['./src/features', './src/routes'] },
            { target: './src/components', from: ['./src/features', './src/routes'] },
            // Features never import routes (they read route state through getRouteApi).
            { target: './src/features', from: './src/routes' },
            ...featureZones,
            ...tokensLayerZones,
            // Test helpers follow the same rule as features, and know no route.
            {
              target: './src/testing',
              from: './src/features',
              except: FEATURES.map((feature) => `./${feature}/api`),
              message:
                'Test helpers import a feature only through its public entry, features/<name>/api.',
            },
            { target: './src/testing', from: './src/routes' },
          ],
        },
      ],
    },
  },
  ...pluginQuery.configs['flat/recommended'].map((c) => ({ ...c, files: ['src/**/*.{ts,tsx}'] })),
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { '@tanstack/query/prefer-query-options': 'error' },
  },
  ...pluginRouter.configs['flat/recommended'].map((c) => ({ ...c, files: ['src/**/*.{ts,tsx}'] })),
  { ...jsxA11y.flatConfigs.recommended, files: ['src/**/*.tsx'] },
  // Routes use TanStack's file-name tokens (`__root.tsx`, `tokens.$id.tsx`), not kebab-case.
  {
    files: ['src/routes/**'],
    rules: { 'check-file/filename-naming-convention': 'off' },
  },
  { ...testingLibrary.configs['flat/react'], files: ['src/**/*.test.tsx'] },
  { ...playwright.configs['flat/recommended'], files: ['e2e/**/*.ts'] },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  // The browser bench's in-page scripts (the paint probe, the baseline page), plain JS for Chromium.
  {
    files: ['bench/browser/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
)
