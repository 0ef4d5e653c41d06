// Lint: typescript-eslint recommended plus the architecture's import boundaries (ARCHITECTURE.md):
// shared is pure; functions never import local/, and another domain only through its public/; only _kit touches the SDK;
// the mini-program never imports functions or local/.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const noLocal = { group: ['**/local/**', '../local', '../../local'], message: 'Nothing imports local/ (the local cloud).' }

// Import boundaries of the functions. A domain imports the kit, its own files, and another domain only
// through that domain's public surface, `<domain>/public/*`. A path is relative, so the rule depends on
// where the importing file sits: `../x/…` names another domain from a domain's top level, `../../x/…` from
// its handlers/ and public/. The kit imports no domain, except the registration (`_kit/collections.ts`),
// which names each domain's `documents`.
const noMiniprogram = { group: ['**/miniprogram/**'], message: 'Functions never import the mini-program.' }
const noSdk = { group: ['@cloudbase/*', 'wx-server-sdk'], message: 'Only cloudfunctions/_kit (store, caller, notifier, files) touches the SDKs.' }
const crossDomainMessage = 'Another domain is imported only through its public surface (`../<domain>/public/…`); or use events.'
const domainTop = { regex: '^\\.\\./(?!_kit/)[^./][^/]*(?:/(?!public(?:/|$))|$)', message: crossDomainMessage }
const domainNested = { regex: '^\\.\\./\\.\\./(?!_kit/)[^./][^/]*(?:/(?!public(?:/|$))|$)', message: crossDomainMessage }
const kitNoDomain = { regex: '^\\.\\./(?!_kit/)[^./]', message: 'The kit imports no domain (only _kit/collections.ts names their documents).' }
const kitRegistration = { regex: '^\\.\\./(?!_kit/)[^./][^/]*(?:/(?!documents$)|$)', message: 'The registration imports only `../<domain>/documents`.' }
const fnImports = (boundary, { sdk = true } = {}) => ['error', { patterns: [noLocal, noMiniprogram, ...(sdk ? [noSdk] : []), boundary] }]
const SDK_FILES = ['cloudfunctions/_kit/store.ts', 'cloudfunctions/_kit/caller.ts', 'cloudfunctions/_kit/notifier.ts', 'cloudfunctions/_kit/files.ts']

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'build/**',
      'miniprogram/dist/**',
      'coverage/**',
      '.data/**',
      'tests/e2e/artifacts/**',
      '**/*.cjs',
      'miniprogram/config/**',
      'miniprogram/babel.config.js',
      'jest.config.js',
      'tests/e2e/jest.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { console: 'readonly', process: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', globalThis: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', performance: 'readonly', Buffer: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noLocal,
            { group: ['@tarojs/*', '@cloudbase/*', 'wx-server-sdk', 'exceljs'], message: 'shared/ is pure: no platform or SDK.' },
            { group: ['**/cloudfunctions/**', '**/miniprogram/**'], message: 'shared/ imports nothing of the app.' },
            { group: ['node:*', 'fs', 'path', 'http', 'crypto'], message: 'shared/ does no I/O.' },
          ],
        },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'shared/ never reads the clock: take `now` as an argument.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'shared/ never reads the clock.' }, { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'shared/ reads no environment.' }],
    },
  },
  // Later blocks override earlier ones for the files they name: a domain's top level, its handlers/ and
  // public/, the kit, the kit's SDK files, the registration.
  { files: ['cloudfunctions/*/*.ts'], ignores: ['cloudfunctions/**/*.test.ts', '**/test-setup.ts'], rules: { 'no-restricted-imports': fnImports(domainTop) } },
  { files: ['cloudfunctions/*/*/**/*.ts'], ignores: ['cloudfunctions/**/*.test.ts', '**/test-setup.ts'], rules: { 'no-restricted-imports': fnImports(domainNested) } },
  { files: ['cloudfunctions/_kit/**/*.ts'], ignores: ['cloudfunctions/**/*.test.ts', '**/test-setup.ts'], rules: { 'no-restricted-imports': fnImports(kitNoDomain) } },
  { files: SDK_FILES, rules: { 'no-restricted-imports': fnImports(kitNoDomain, { sdk: false }) } },
  { files: ['cloudfunctions/_kit/collections.ts'], rules: { 'no-restricted-imports': fnImports(kitRegistration) } },
  {
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noLocal, { group: ['**/cloudfunctions/**'], message: 'The mini-program calls functions through services/api.' }] },
      ],
    },
  },
  {
    // Pages and components are layout: they call the API only through the hooks in features/<domain>/.
    files: [
      'miniprogram/src/pages/**/*.{ts,tsx}',
      'miniprogram/src/subpackages/**/*.{ts,tsx}',
      'miniprogram/src/components/**/*.{ts,tsx}',
      'miniprogram/src/features/*/components/**/*.{ts,tsx}',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noLocal,
            { group: ['**/cloudfunctions/**'], message: 'The mini-program calls functions through services/api.' },
            { group: ['@/services/api', '**/services/api'], message: 'Pages and components call the API through a hook in features/<domain>/.' },
          ],
        },
      ],
    },
  },
  {
    // Tests state their instant and function code takes the invocation's: nothing here reads the
    // machine's date. The one source is cloudfunctions/_kit/clock.ts (and the local cloud's shifter);
    // elapsed time is measured with performance.now(), which is not a date.
    files: ['cloudfunctions/**/*.ts', 'local/seed/**/*.ts', 'tests/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    ignores: ['shared/**', 'cloudfunctions/_kit/clock.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Do not read the machine date: use ctx.now (functions), the test cloud\'s `at` / clock.now() (tests), or performance.now() for elapsed time.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Do not read the machine date: use ctx.now (functions) or the instant the test states.' }],
    },
  },
  {
    // Authorization is the pipeline's step (createMain: target → policy → run). A handler that falls back
    // to the caller's own branch by hand is where a check used to be forgotten: `branchTarget` does it once.
    files: ['cloudfunctions/**/*.ts'],
    ignores: ['cloudfunctions/_kit/create-main.ts', 'cloudfunctions/_kit/clock.ts', 'cloudfunctions/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Do not read the machine date: use ctx.now (functions) or the instant the test states.' },
        {
          selector: "LogicalExpression[operator='??'] > MemberExpression.right[property.name='branchId']:matches([object.property.name='caller'], [object.name='caller'])",
          message: 'Name the target in the handler\'s `target` step (`branchTarget` from _kit/create-main), not by falling back to the caller\'s branch.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test-setup.ts', 'tests/**/*.ts', 'local/**/*.ts', 'scripts/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
