import os from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** e2e files that only draw and check every view (screenshots and axe): the visual project's alone. */
const VISUAL_ONLY = ['tests/e2e/views.test.ts'];
/** e2e files with one size, one theme and no pictures: the e2e project runs them whole, the visual one need not. */
const NOTHING_TO_SEE = [
  'tests/e2e/addTask.test.ts',
  'tests/e2e/apiKey.test.ts',
  'tests/e2e/bundleSize.test.ts',
  'tests/e2e/connectivity.test.ts',
  'tests/e2e/manyTasks.test.ts',
  'tests/e2e/stateDir.test.ts',
];

// One project per kind of test (see tests/README-style layout in the main README): each names what it needs.
export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores: a single one on a 2-core machine. The tests
    // wait on Chromium, child processes and sockets much of the time, so two keep 2 cores busy.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
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
        // Real Chromium through the web host, the real core and the fake CAMB server: each journey once,
        // at the narrow size (tests/e2e/support/e2eHarness.ts says why), without screenshots or axe.
        // Its files share the workers with the other projects (no fileParallelism: false, which would
        // hold them back until every other project had finished, one file at a time).
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: [...VISUAL_ONLY],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The e2e journeys again at both sizes and in both themes, with their screenshots
        // (test-results/screenshots) and axe checks. Not in a plain `npm test`: `npm test -- --long`
        // (what .ci/run runs) or `npm test -- --project visual`.
        test: {
          name: 'visual',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: [...NOTHING_TO_SEE],
          environment: 'node',
          env: { CAMB_WATCH_E2E_VISUAL: '1' },
          // An axe run in both themes after every step is slow where other work shares the cores: views
          // .test.ts took over 120 s for one test on a machine loaded 15 deep.
          testTimeout: 300_000,
          hookTimeout: 120_000,
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
