import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A second of quiet 16 kHz mono audio: small, but large enough for the download bar to move. */
function silentWav(seconds: number): Buffer {
  const sampleRate = 16_000;
  const dataBytes = seconds * sampleRate * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, Buffer.alloc(dataBytes)]);
}

export interface DemoFiles {
  /** e.g. http://127.0.0.1:43125/files/: a result link is this plus a file name ending in .wav. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** A story's dialogue file: who says what, in order. */
const DIALOGUE = Buffer.from(
  `${JSON.stringify(
    [
      { speaker: 'Narrator', text: 'The lamp had burned for a hundred years.' },
      { speaker: 'Narrator', text: 'Tonight it flickered.' },
    ],
    null,
    2,
  )}\n`,
);

/**
 * Serves the demo's result files on 127.0.0.1 without a key, as CAMB.AI's storage links do, so "Open"
 * and "Download" work in the demo. Every `<name>.wav` below /files/ is the same quiet clip (the demo's
 * dubbed "video" too: it has no picture), every `<name>.json` the same dialogue.
 */
export async function startDemoFiles(): Promise<DemoFiles> {
  const clip = silentWav(2);
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const extension = /^\/files\/[\w-]+\.(wav|json)$/u.exec(path)?.[1];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || extension === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const [body, type] =
      extension === 'wav' ? [clip, 'audio/wav'] : [DIALOGUE, 'application/json; charset=utf-8'];
    res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/files/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
