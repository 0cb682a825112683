import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

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

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/** One fixed seed for every property test (PROP_SEED explores others): see the file. */
const PROPERTY_SEED = 'tests/unit/support/propertySeed.ts';

/** Every test file under a folder of tests/ (relative to the repository root), for the globs below. */
function testFilesUnder(folder: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.test\.tsx?$/.test(file))
    .map((file) => path.posix.join(folder, file.split(path.sep).join('/')));
}

/**
 * Unit test files that replace a module (vi.mock/vi.doMock) or spy on a built-in's prototype (every sort of
 * the process). Where the test files of a worker share their modules (isolate: false), a replaced module
 * would stay in the module cache for the files after it, and one imported unreplaced by an earlier file
 * would not be replaced; and the 1,000-task case of watchList/linearCosts (a spy on Array.prototype.sort)
 * took 4 s in a process of its own but went past 20 s in a shared one on a loaded machine: these files keep
 * a process each.
 */
const UNIT_FILES_WITH_MODULE_MOCKS = testFilesUnder('tests/unit').filter((file) =>
  /\bvi\.(?:do)?[mM]ock\(|\bvi\.spyOn\(\w+\.prototype\b/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')),
);

/*
 * isolate: false (unit, integration, renderer, e2e): the files one worker runs share the modules they
 * import instead of each starting a process and importing everything again (Vitest's per-file cost, which
 * was more than half the unit project's CPU time). Safe where no test replaces a module (see above) and
 * hooks are registered by each file (a support module's top-level afterEach would run for the first file
 * only: the renderer's cleanup is a setup file for that reason). Each test still gets fresh state: the
 * tests build what they use.
 */

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
          exclude: [...configDefaults.exclude, ...UNIT_FILES_WITH_MODULE_MOCKS],
          environment: 'node',
          isolate: false,
          setupFiles: [PROPERTY_SEED],
          // Some cases do a lot of work on purpose (1,000 tasks, calibration over thousands of runs): 4 s
          // of a 5 s default on a quiet machine; a shared one needs room.
          testTimeout: 20_000,
        },
      },
      {
        // Unit files that replace a module or spy on a prototype: a process each (UNIT_FILES_WITH_MODULE_MOCKS).
        test: {
          name: 'unit-mocks',
          include: UNIT_FILES_WITH_MODULE_MOCKS,
          environment: 'node',
          setupFiles: [PROPERTY_SEED],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          isolate: false,
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
          isolate: false,
          // Unmounts and closes what each test opened, registered anew for every file (see isolate above).
          setupFiles: ['tests/renderer/support/afterEachTest.ts'],
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
          exclude: [...configDefaults.exclude, ...VISUAL_ONLY],
          environment: 'node',
          // One Chromium and one set of imports per worker (tests/e2e/support/chromium.ts).
          isolate: false,
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
          exclude: [...configDefaults.exclude, ...NOTHING_TO_SEE],
          environment: 'node',
          isolate: false,
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
