import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.keeper/**',
      'packages/api-client/src/schema.ts',
      'apps/web/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='parseFloat']", message: 'No floats near money: use @keeper/money.' },
        { selector: "CallExpression[callee.property.name='toFixed']", message: 'No floats near money: use @keeper/money.' },
      ],
    },
  },
  {
    // Benchmarks format latencies and rates, never money.
    files: ['bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The credit model works in ratios, log-odds and probabilities, never in money: its floats
    // are the mathematics, and it prints them with toFixed. Money stays in @keeper/money.
    files: ['packages/credit-model/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Config is read once, at boot, through the validated schema.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/config/**', 'apps/api/src/cli/**', 'apps/api/src/main.ts', 'apps/api/src/worker.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through APP_CONFIG.' }],
    },
  },
  {
    files: ['**/*.cjs', 'jest.preset.js', '**/jest.config.js', '**/jest.int.config.js', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
