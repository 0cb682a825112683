import { describe, expect, it } from 'vitest';
import { TypedEmitter } from '../../../src/main/core/events/typedEmitter';

interface Events {
  ping: { n: number };
  other: string;
}

describe('TypedEmitter', () => {
  it('delivers to every listener of the event, and only that event', () => {
    const emitter = new TypedEmitter<Events>();
    const pings: number[] = [];
    const others: string[] = [];
    emitter.on('ping', ({ n }) => pings.push(n));
    emitter.on('ping', ({ n }) => pings.push(n * 10));
    emitter.on('other', (text) => others.push(text));
    emitter.emit('ping', { n: 2 });
    expect(pings).toEqual([2, 20]);
    expect(others).toEqual([]);
  });

  it('stops delivering once unsubscribed', () => {
    const emitter = new TypedEmitter<Events>();
    const seen: number[] = [];
    const off = emitter.on('ping', ({ n }) => seen.push(n));
    emitter.emit('ping', { n: 1 });
    off();
    emitter.emit('ping', { n: 2 });
    expect(seen).toEqual([1]);
    expect(emitter.listenerCount('ping')).toBe(0);
  });

  it('keeps delivering to the others when one listener throws, and reports the error', () => {
    const errors: unknown[] = [];
    const emitter = new TypedEmitter<Events>((error) => errors.push(error));
    const seen: number[] = [];
    emitter.on('ping', () => {
      throw new Error('bad listener');
    });
    emitter.on('ping', ({ n }) => seen.push(n));
    emitter.emit('ping', { n: 3 });
    expect(seen).toEqual([3]);
    expect(errors).toEqual([new Error('bad listener')]);
  });

  it('lets a listener unsubscribe itself while an event is being delivered', () => {
    const emitter = new TypedEmitter<Events>();
    const seen: string[] = [];
    const off = emitter.on('other', (text) => {
      seen.push(`once:${text}`);
      off();
    });
    emitter.on('other', (text) => seen.push(`always:${text}`));
    emitter.emit('other', 'a');
    emitter.emit('other', 'b');
    expect(seen).toEqual(['once:a', 'always:a', 'always:b']);
  });
});
