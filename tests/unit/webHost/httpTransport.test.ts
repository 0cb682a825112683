import { describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../../src/webHost/browser/httpTransport';

/** An event stream that delivers `chunks` and then ends, as when the host drops the connection. */
function endingStream(chunks: readonly string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

describe('the web bridge transport', () => {
  it('delivers events, and says when the stream reopens after a gap (events may have been missed)', async () => {
    const streams = [
      endingStream(['event: tasksRemoved\ndata: {"keys":["story:a"]}\n\n']),
      endingStream(['event: tasksRemoved\ndata: {"keys":["story:b"]}\n\n']),
    ];
    let reopened = 0;
    let stop = () => {};
    const finished = new Promise<void>((resolve) => (stop = resolve));
    const transport = createHttpTransport({
      origin: 'http://127.0.0.1:1',
      token: 'token',
      fetch: async () => {
        const next = streams.shift();
        if (next !== undefined) return next;
        stop();
        return new Response(null, { status: 403 });
      },
      waitBeforeReconnect: async () => {},
      onReopened: () => reopened++,
    });
    const seen: unknown[] = [];
    transport.subscribe('tasksRemoved', (payload) => seen.push(payload));
    await finished;
    expect(seen).toEqual([{ keys: ['story:a'] }, { keys: ['story:b'] }]);
    expect(reopened).toBe(1);
    transport.close();
  });
});
