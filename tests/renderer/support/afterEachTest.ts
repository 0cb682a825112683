/**
 * The renderer project's setup file: after every test, unmount what it drew and close the bridges it
 * opened. A setup file runs for each test file, whereas a support module's top-level hook would be
 * registered only by the first file of a worker that imports it (the project shares modules across
 * files: isolate false in vitest.config.ts).
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { closeOpenedBridges } from './renderApp';

afterEach(async () => {
  cleanup();
  await closeOpenedBridges();
});
