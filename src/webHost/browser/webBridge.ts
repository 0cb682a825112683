/**
 * The web host's stand-in for the preload: defines `window.cambWatch` from the shared contract, carried
 * over HTTP to the core running in the web host. Built as one classic script (vite.webbridge.config.ts)
 * that the host puts before the app's module script.
 */
import '../../shared/zodWithoutEval';
import { createBridge } from '../../shared/contract';
import { createHttpTransport } from './httpTransport';

const TOKEN_STORAGE_KEY = 'camb-watch:web-host-token';

/**
 * The token arrives in the address's #fragment, which browsers never send to a server. It is moved to
 * sessionStorage (so a reload still works, and it dies with the tab) and taken out of the address bar.
 */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/u.exec(window.location.hash);
  if (match?.[1] !== undefined) {
    const token = decodeURIComponent(match[1]);
    try {
      window.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      // Storage disabled: this load still works; a reload will ask for the address again.
    }
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return token;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

const transport = createHttpTransport({
  origin: '',
  token: takeToken(),
  fetch: window.fetch.bind(window),
  // The core holds all state, so a reload is the simplest complete catch-up after missed events.
  onReopened: () => window.location.reload(),
});

Object.defineProperty(window, 'cambWatch', {
  value: createBridge(transport),
  enumerable: true,
  writable: false,
  configurable: false,
});
