/**
 * Writes resources/sounds/chime.wav, the short two-note chime a notification can ring with (Settings →
 * Notifications → "CAMB Watch chime"): `npx tsx scripts/generate-chime.ts`. Made from sine waves here, so
 * it is ours to ship, and plain 16-bit PCM WAV, which every player the app uses reads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const CHIME_SAMPLE_RATE = 22_050;
const NOTES = [
  { hz: 1318.5, startS: 0, lengthS: 0.45 }, // E6
  { hz: 1760, startS: 0.12, lengthS: 0.5 }, // A6
] as const;
const LENGTH_S = 0.65;
const VOLUME = 0.28;

/** The chime's samples, -1..1: each note a sine with a 5 ms rise and an exponential fade. */
export function chimeSamples(): Float64Array {
  const samples = new Float64Array(Math.round(LENGTH_S * CHIME_SAMPLE_RATE));
  for (const note of NOTES) {
    const start = Math.round(note.startS * CHIME_SAMPLE_RATE);
    const length = Math.round(note.lengthS * CHIME_SAMPLE_RATE);
    for (let i = 0; i < length && start + i < samples.length; i++) {
      const t = i / CHIME_SAMPLE_RATE;
      const envelope = Math.min(1, t / 0.005) * Math.exp(-t * 9);
      samples[start + i] =
        (samples[start + i] ?? 0) + VOLUME * envelope * Math.sin(2 * Math.PI * note.hz * t);
    }
  }
  return samples;
}

/** A mono 16-bit PCM WAV file of `samples`. */
export function encodeWav(samples: Float64Array, sampleRate = CHIME_SAMPLE_RATE): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, i) =>
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample)) * 32_767), i * 2),
  );
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // bytes per frame
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = path.join(import.meta.dirname, '..', 'resources', 'sounds', 'chime.wav');
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, encodeWav(chimeSamples()));
  console.log(`Wrote ${target}`);
}
