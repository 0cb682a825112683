import type { ServerResponse } from 'node:http';
import type { StreamFault } from './faults';

/** Answers written as a stream, for the faults a JSON body cannot show: huge bodies and cut or endless ones. */

/** Blanks, then a status object: valid JSON of `bytes` bytes, written as the client reads it. */
export function streamOversized(res: ServerResponse, bytes: number): void {
  const tail = Buffer.from(JSON.stringify({ status: 'PENDING', run_id: null }));
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let left = Math.max(0, bytes - tail.length);
  // A client that stops reading closes the socket; that ends the stream, not the server.
  res.on('error', () => undefined);
  res.writeHead(200, { 'content-type': 'application/json' });
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}

export function streamFault(res: ServerResponse, fault: StreamFault): void {
  res.on('error', () => undefined);
  res.writeHead(200, fault.headers);
  if (fault.then === 'end') return void res.end(fault.body);
  res.write(fault.body);
  if (fault.then === 'hang') return;
  const chunk = Buffer.alloc(64 * 1024, 0x55);
  const pump = (): void => {
    while (!res.destroyed) {
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}
