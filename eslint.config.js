// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bin/**', 'eslint.config.js', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='parseFloat']", message: 'amounts are decimal.js values, never floats' },
      ],
    },
  },
  {
    // the members' page and the front desk run in the browser
    files: ['apps/web/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    // `npm start`'s launcher: plain CommonJS for Node
    files: ['scripts/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/testing/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // the domain is pure: no framework, no storage, no I/O, no clock of its own
    files: ['libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'time comes in with the command' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'time comes in with the command' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'ids come in with the command' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'rxjs', 'rxjs/*'], message: 'the domain cannot import Nest or rxjs' },
            { group: ['better-sqlite3', '@eventstore/*', '@commons/*'], message: 'the domain cannot reach storage or other layers' },
            { group: ['node:*', 'fs', 'crypto', 'http', 'child_process'], message: 'the domain does no I/O' },
          ],
        },
      ],
    },
  },
);
