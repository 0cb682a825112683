// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The layers of docs/ARCHITECTURE.md: imports point down, and only the shell and preload touch Electron. */
const electron = { name: 'electron', message: 'Only src/main/shell and src/preload may import electron.' };
const electronStore = {
  name: 'electron-store',
  message:
    'electron-store imports electron: only src/main/shell may use it (the core takes a conf-compatible store).',
};
const layer = (from, message) => ({ group: from, message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'coverage/**', 'test-results/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, electronStore],
          patterns: [
            layer(
              ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'],
              'src/shared depends on nothing else in src.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, electronStore],
          patterns: [
            layer(
              ['**/shell', '**/shell/**', '**/renderer/**', '**/preload/**'],
              'The core and CLI run without Electron: never import the shell, preload or renderer.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, electronStore],
          patterns: [
            layer(
              ['**/shell', '**/shell/**', '**/renderer/**', '**/preload/**', '**/cli/**'],
              'The core runs without Electron and knows no front end.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              ['**/renderer/**', '**/preload/**', '**/cli/**'],
              'The shell wires Electron to the core; it does not import front ends.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronStore],
          patterns: [
            layer(
              ['**/main/**', '**/renderer/**', '**/cli/**'],
              'The preload sees only the shared contract.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, electronStore],
          patterns: [
            layer(
              ['**/main/**', '**/preload/**', '**/cli/**', 'node:*'],
              'The renderer talks only to the bridge and src/shared.',
            ),
          ],
        },
      ],
    },
  },
);
