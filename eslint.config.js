// Type-aware linting (typescript-eslint's recommended-type-checked) for the TypeScript that
// tsconfig.json covers; plain recommended rules for the browser scripts in public/ and the
// Node scripts. No finding is suppressed in bulk; a rule switched off for some files says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.wrangler/',
      '.data/',
      'coverage/',
      'db/migrations/',
      'public/passkey-simplewebauthn-browser.js',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Small files and functions (issue 18): a file says one thing, a function does one step.
    // Blank lines and comments do not count. Tests are long lists of cases and are exempt.
    files: [
      'src/**/*.ts',
      'src/**/*.tsx',
      'emails/**/*.tsx',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'db/**/*.ts',
    ],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Header-injection and input checks match control characters on purpose.
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Tests read JSON answers of any shape (`read()` gives `any` on purpose): the unsafe-any
    // rules would only restate that; assertions fail loudly where the shape is wrong.
    files: ['test/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['public/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.browser, sourceType: 'module' },
  },
  {
    files: ['scripts/**/*.mjs', '*.js', '*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node, sourceType: 'module' },
  },
);
