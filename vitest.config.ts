import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One project per kind of test (see tests/README-style layout in the main README): each names what it needs.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The React UI in happy-dom, driven through the real contract.
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.tsx'],
          environment: 'happy-dom',
          testTimeout: 30_000,
        },
      },
      {
        // Real Chromium through the web host, the real core and the fake CAMB server.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser per file is plenty; several at once only compete for the same cores.
          fileParallelism: false,
        },
      },
      {
        // The built main bundle (out/main) in Node against a stand-in of the electron module: the shell's
        // wiring (start-up order, tray, window, quit, session end), not Electron's own behaviour.
        test: {
          name: 'wiring',
          include: ['tests/wiring/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/wiring/support/substituteModules.ts'],
          // A test checks what the app keeps alive: it collects garbage on purpose.
          execArgv: ['--expose-gc'],
          testTimeout: 30_000,
        },
      },
      {
        // Playwright's _electron against the built app, wherever the Electron binary exists.
        test: {
          name: 'electron',
          include: ['tests/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
