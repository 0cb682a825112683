import type { FakeCambServer } from '../../../tools/fakeCamb/fakeCambServer';
import type { DemoJob } from './demoJobs';

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
 * Serves every file the demo's results link to (`<files>/<name>.wav` or `.json`) from the simulator
 * itself, without a key, as CAMB.AI's storage links are, so "Open" and "Download" work in the demo — and
 * the details' player too: the page's media-src admits the simulator's origin only, so the files must
 * come from that very origin. Every `.wav` is the same quiet clip (the dubbed "video" too: it has no
 * picture), every `.json` the same dialogue.
 */
export function serveDemoFiles(server: FakeCambServer, jobs: readonly DemoJob[]): void {
  const clip = silentWav(2);
  for (const job of jobs) {
    const body: unknown = job.result?.body;
    const links = typeof body === 'object' && body !== null ? Object.values(body) : [];
    for (const link of links) {
      const file = typeof link === 'string' ? /\/files\/([\w-]+\.(wav|json))$/u.exec(link) : null;
      if (file === null) continue;
      const [, name = '', extension] = file;
      if (extension === 'wav') server.addFile(name, clip, 'audio/wav');
      else server.addFile(name, DIALOGUE, 'application/json; charset=utf-8');
    }
  }
}
