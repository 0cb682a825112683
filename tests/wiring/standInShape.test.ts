/**
 * The stand-in's methods are typed against electron.d.ts (a wrong name or signature fails typecheck);
 * the events the app listens for and the tests emit are plain strings, so they are checked here against
 * the same file: an event Electron does not have (or renamed) fails this test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const declarations = readFileSync(
  path.join(path.dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'electron.d.ts'),
  'utf8',
);

/** The text of one top-level declaration of the Electron namespace (up to the next one). */
function declarationOf(name: string): string {
  const start = declarations.search(new RegExp(`^  (?:interface|class) ${name} `, 'mu'));
  if (start < 0) throw new Error(`electron.d.ts declares no ${name}`);
  const next = declarations.slice(start + 1).search(/^ {2}(?:interface|class|type) /mu);
  return declarations.slice(start, next < 0 ? undefined : start + 1 + next);
}

/** Every event the app or the wiring tests use, by the Electron type that emits it. */
const EVENTS: Record<string, readonly string[]> = {
  App: [
    'ready',
    'before-quit',
    'will-quit',
    'quit',
    'second-instance',
    'open-url',
    'activate',
    'window-all-closed',
    'web-contents-created',
  ],
  // BrowserWindow inherits its window events from BaseWindow; 'ready-to-show' is its own.
  BrowserWindow: ['ready-to-show'],
  BaseWindow: ['close', 'closed', 'resized', 'moved', 'resize', 'move', 'session-end', 'blur'],
  WebContents: [
    'render-process-gone',
    'will-navigate',
    'will-redirect',
    'will-attach-webview',
    'did-fail-load',
  ],
  Tray: ['click', 'right-click', 'double-click'],
  Notification: ['click', 'close', 'failed', 'show'],
  PowerMonitor: ['shutdown', 'suspend', 'resume', 'lock-screen', 'unlock-screen'],
  Session: ['will-download'],
  DownloadItem: ['updated', 'done'],
};

/** Options and fields the stand-in reads by name, by the Electron type that declares them. */
const FIELDS: Record<string, readonly string[]> = {
  NotificationConstructorOptions: ['toastXml', 'id', 'silent'],
  ActivationArguments: ['type', 'arguments'],
  CustomScheme: ['scheme', 'privileges'],
  Privileges: ['standard', 'secure', 'supportFetchAPI', 'codeCache'],
};

describe('the electron stand-in against electron.d.ts', () => {
  it.each(Object.entries(EVENTS))('%s emits every event used', (type, events) => {
    const declaration = declarationOf(type);
    const missing = events.filter((event) => !declaration.includes(`on(event: '${event}'`));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(FIELDS))('%s has every field used', (type, fields) => {
    const declaration = declarationOf(type);
    const missing = fields.filter((field) => !new RegExp(`^ +${field}\\??:`, 'mu').test(declaration));
    expect(missing).toEqual([]);
  });
});
