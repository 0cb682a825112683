/**
 * Which links may leave the app. Opening a link hands it to the OS, which would as happily run a
 * `file:` or custom-scheme URL: only https goes out, without credentials in it.
 */
export type UrlCheck =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly message: string };

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

function checkHttps(raw: string, done: 'opened' | 'downloaded'): UrlCheck {
  const url = parse(raw.trim());
  if (url === null) return { ok: false, message: 'That is not a web link.' };
  if (url.protocol !== 'https:') return { ok: false, message: `Only secure (https) links are ${done}.` };
  if (url.username !== '' || url.password !== '')
    return { ok: false, message: `Links with a user name or password in them are not ${done}.` };
  return { ok: true, url: url.href };
}

/** Whether the CAMB API in use is a simulator on this computer (the demo, the tests): never the real CAMB.AI. */
export function isLocalApiBase(apiBase: string | undefined): boolean {
  const url = apiBase === undefined ? null : parse(apiBase);
  return url !== null && isLoopbackHost(url.hostname);
}

/**
 * Plain http is accepted only from this computer, and only when the app talks to a local simulator (the
 * demo and the tests), whose result files it serves itself; never from the real CAMB.AI.
 */
function checkResultUrl(raw: string, done: 'opened' | 'downloaded', allowLoopbackHttp: boolean): UrlCheck {
  const url = parse(raw.trim());
  if (url?.protocol === 'http:' && allowLoopbackHttp && isLoopbackHost(url.hostname)) {
    if (url.username !== '' || url.password !== '')
      return { ok: false, message: `Links with a user name or password in them are not ${done}.` };
    return { ok: true, url: url.href };
  }
  return checkHttps(raw, done);
}

/** For links opened in the browser or player (`allowLoopbackHttp`: see checkResultUrl). */
export function checkExternalUrl(raw: string, allowLoopbackHttp = false): UrlCheck {
  return checkResultUrl(raw, 'opened', allowLoopbackHttp);
}

/** For files main downloads itself. */
export function checkDownloadUrl(raw: string, allowLoopbackHttp: boolean): UrlCheck {
  return checkResultUrl(raw, 'downloaded', allowLoopbackHttp);
}
