import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (see shared/docs/ENVIRONMENT.md); CHROMIUM_PATH points elsewhere when needed. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * One Chromium for the test files a worker runs, launched when the first asks for it. The e2e and
 * visual projects share modules across a worker's files (isolate: false in vitest.config.ts), so this
 * module, and the browser, outlive each file; each test still opens a browser context of its own (no
 * cookies, storage or cache in common). Playwright kills the browser when the worker exits
 * (processLauncher's exit handler). A browser that went away is launched again.
 */
let shared: Promise<Browser> | undefined;

export async function sharedChromium(): Promise<Browser> {
  const browser = await shared;
  if (browser?.isConnected() === true) return browser;
  shared = launchChromium();
  // A failed launch is tried again by the next file instead of failing it too.
  shared.catch(() => (shared = undefined));
  return shared;
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}
