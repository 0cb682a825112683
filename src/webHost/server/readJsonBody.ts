import type { IncomingMessage } from 'node:http';

/** Larger than any watch list import (20 MB of JSON) plus its envelope. */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

export type BodyOutcome =
  | { readonly ok: true; readonly value: unknown; readonly text: string }
  | { readonly ok: false; readonly status: 400 | 413; readonly error: string };

const TOO_LARGE: BodyOutcome = {
  ok: false,
  status: 413,
  error: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, the most the web host accepts.`,
};

/** Reads a JSON request body of at most MAX_BODY_BYTES; an empty body is `undefined` (no parameters). */
export async function readJsonBody(req: IncomingMessage): Promise<BodyOutcome> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    req.resume();
    return TOO_LARGE;
  }
  const body = await new Promise<Buffer | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      // Keep draining without keeping, so the refusal can still be written on this connection.
      req.off('data', onData);
      req.resume();
      resolve(null);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
  if (body === null) return TOO_LARGE;
  const text = body.toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined, text };
  try {
    return { ok: true, value: JSON.parse(text) as unknown, text };
  } catch {
    return { ok: false, status: 400, error: 'The request body is not valid JSON.' };
  }
}
