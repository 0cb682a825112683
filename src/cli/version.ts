// Replaced at build time from package.json (vite.cli.config.ts `define`), so the CLI needs no file reads.
declare const __CAMB_WATCH_VERSION__: string | undefined;

export const VERSION: string = typeof __CAMB_WATCH_VERSION__ === 'string' ? __CAMB_WATCH_VERSION__ : 'dev';
