import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 32 random bytes per run, URL-safe: it travels in the address's #fragment. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Whether the request was addressed to this server by name. A page on another site can make its own host
 * name resolve to 127.0.0.1 (DNS rebinding) and would then be same-origin with us; its requests still
 * carry its own name in Host, which is refused here.
 */
export function hasOwnHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser names the page's origin on cross-origin and state-changing requests: only ours is accepted. */
export function hasOwnOriginIfAny(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return (
    origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
  );
}

/** Checks `Authorization: Bearer <token>` in constant time. */
export function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  if (header === undefined) return false;
  const match = /^Bearer (\S+)$/u.exec(header);
  if (match?.[1] === undefined) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
