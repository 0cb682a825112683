import { BlockList, isIP } from 'node:net';
import { CAMB_MEDIA_HOST_SUFFIX } from '../../../shared/cambMedia';
import { clipText } from '../../../shared/format/clipText';

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

/** Addresses of this computer and of private networks, which a link on the internet has no business naming. */
const PRIVATE_NETWORKS = (() => {
  const list = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
  ] as const)
    list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of [
    ['::', 127],
    ['fc00::', 7],
    ['fe80::', 10],
  ] as const)
    list.addSubnet(network, prefix, 'ipv6');
  return list;
})();

/** Whether a link's host is this computer or a private network, by name or by address. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/gu, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/u.exec(host)?.[1];
  if (mapped !== undefined) return PRIVATE_NETWORKS.check(mapped, 'ipv4');
  const family = isIP(host);
  if (family === 0) return false;
  return PRIVATE_NETWORKS.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * For files the app downloads, checked again at every redirect: https without credentials, and (except
 * from a local simulator, whose files are on this computer) never to this computer or a private network,
 * where a hostile link could reach a router's or a local service's pages. A host name that resolves to a
 * private address is not caught here: that needs the resolver (see README, Security).
 */
export function checkDownloadUrl(raw: string, allowLocal: boolean): UrlCheck {
  const checked = checkResultUrl(raw, 'downloaded', allowLocal);
  if (!checked.ok || allowLocal) return checked;
  if (isPrivateHost(new URL(checked.url).hostname))
    return { ok: false, message: 'Links to this computer or a private network are not downloaded.' };
  return checked;
}

/**
 * For the details' inline player: https on CAMB.AI's own hosts (CAMB_MEDIA_SOURCE, the page's `media-src`)
 * without credentials, or exactly `localOrigin` — the local simulator a development page also lets play.
 * Any other host, and plain http from anywhere else, is not played: the page would refuse it anyway.
 */
export function checkMediaUrl(raw: string, localOrigin: string | null): UrlCheck {
  const url = parse(raw.trim());
  if (url === null) return { ok: false, message: 'Its link is not a web link.' };
  if (url.username !== '' || url.password !== '')
    return { ok: false, message: 'Its link has a user name or password in it.' };
  if (localOrigin !== null && url.origin === localOrigin) return { ok: true, url: url.href };
  if (url.protocol !== 'https:') return { ok: false, message: 'Its link is not secure (https).' };
  if (!url.hostname.endsWith(CAMB_MEDIA_HOST_SUFFIX))
    return { ok: false, message: `It is on ${clipText(url.hostname, 60)}, not on a CAMB.AI host.` };
  return { ok: true, url: url.href };
}
