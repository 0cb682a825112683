// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The layers of the architecture: imports point down, and only the shell and preload touch Electron. */
const electron = { name: 'electron', message: 'Only src/main/shell and src/preload may import electron.' };
const electronStore = {
  name: 'electron-store',
  message:
    'electron-store imports electron: only src/main/shell may use it (the core takes a conf-compatible store).',
};
const electronUpdater = {
  name: 'electron-updater',
  message:
    'electron-updater drives Electron: only src/main/shell may use it (the core takes an UpdaterPort).',
};

/** A layer may not import the named packages or the folders matched by `forbidden`. */
function layer(files, packages, forbidden, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { paths: packages, patterns: [{ group: forbidden, message: why }] }],
    },
  };
}

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
    files: ['src/renderer/**', 'src/webHost/browser/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The Rules of Hooks, and the rules v7 brings from the React Compiler (purity, refs read in render,
    // state set in an effect…): they catch renders that depend on when they run. Every finding is an
    // error, missing effect dependencies included: a stale closure is a bug a person sees.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      // Only says the React Compiler would leave a component alone (useVirtualizer returns a mutable
      // object); this project does not run the compiler, so there is nothing to act on.
      'react-hooks/incompatible-library': 'off',
    },
  },

  layer(
    ['src/shared/**'],
    [electron, electronStore, electronUpdater],
    ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'],
    'src/shared depends on nothing else in src.',
  ),
  layer(
    ['src/main/core/**'],
    [electron, electronStore, electronUpdater],
    ['**/shell', '**/shell/**', '**/renderer/**', '**/preload/**', '**/cli/**'],
    'The core runs without Electron and knows no front end.',
  ),
  layer(
    ['src/cli/**'],
    [electron, electronStore, electronUpdater],
    ['**/shell', '**/shell/**', '**/renderer/**', '**/preload/**'],
    'The CLI runs the core in plain Node: never the shell, preload or renderer.',
  ),
  layer(
    ['src/main/shell/**'],
    [],
    ['**/renderer/**', '**/preload/**', '**/cli/**'],
    'The shell wires Electron to the core; it does not import front ends.',
  ),
  layer(
    ['src/preload/**'],
    [electronStore, electronUpdater],
    ['**/main/**', '**/renderer/**', '**/cli/**'],
    'The preload sees only the shared contract.',
  ),
  layer(
    ['src/webHost/**'],
    [electron, electronStore, electronUpdater],
    [
      '**/shell',
      '**/shell/**',
      '**/renderer/**',
      '**/preload/**',
      '**/cli/**',
      '**/tests/unit/**',
      '**/tests/integration/**',
      '**/tests/renderer/**',
      '**/tests/e2e/**',
      '**/tests/electron/**',
      '**/tests/**',
    ],
    'The web host runs the core for a browser (development only); it may use the fake CAMB server in tools/, for --demo.',
  ),
  layer(
    ['src/webHost/browser/**'],
    [electron, electronStore, electronUpdater],
    [
      '**/main/**',
      '**/renderer/**',
      '**/preload/**',
      '**/cli/**',
      '**/server/**',
      '**/demo/**',
      '**/tests/**',
      'node:*',
    ],
    'The browser bridge runs in the page: it sees only src/shared.',
  ),
  layer(
    ['src/renderer/**'],
    [electron, electronStore, electronUpdater],
    ['**/main/**', '**/preload/**', '**/cli/**', 'node:*'],
    'The renderer talks only to the bridge and src/shared.',
  ),
);
