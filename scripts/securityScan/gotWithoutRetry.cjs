// Preloaded (node --require) into the electronegativity process only. Its HTTP client, got 11, throws an
// uncaught "The `onCancel` handler was attached after the promise settled" when it retries a failed request
// whose socket Node 24 has also closed with ERR_SOCKET_CLOSED_BEFORE_CONNECTION (sindresorhus/got#1489,
// fixed only in got 12): offline, its online checks (translations, Electron releases) crash the scan.
// Without retries they fail once, as on any machine without internet, and the scan goes on.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload for node --require
const Module = require('node:module');

const load = Module._load;
let gotWithoutRetry;
Module._load = function loadWithGotWithoutRetry(request, ...rest) {
  const exported = load.call(this, request, ...rest);
  if (request !== 'got' || typeof exported?.extend !== 'function') return exported;
  gotWithoutRetry ??= exported.extend({ retry: 0 });
  return gotWithoutRetry;
};
