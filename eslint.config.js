import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './scripts/lint/import-direction.js';

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'data/', 'client/dist/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['server/**/*.ts', 'notifications/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/import-direction': 'error' },
  },
  {
    files: ['bench/**', 'scripts/**', 'server/db/build-ferretdb.ts'],
    rules: { 'no-console': 'off' },
  },
);
