import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TEXT_LIMIT } from '../../src/shared/watchedTask';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import type { CannedAnswer } from '../../tools/fakeCamb/fakeCambServer';
import { createWatchServiceHarness, TEST_API_KEY } from '../support/watchServiceHarness';
import type { WatchServiceHarness } from '../support/watchServiceHarness';

/**
 * Answers a hostile or broken CAMB.AI could send, played by the fake server, against the real core in
 * virtual time: none of them may make the app hammer CAMB.AI, lose what it saved, or stop working.
 */

let h: WatchServiceHarness;

afterEach(async () => {
  expect(h.everythingSaid()).not.toContain(TEST_API_KEY);
  await h.close();
});

const many = (fault: () => CannedAnswer, count = 500) => Array.from({ length: count }, fault);

describe.each([
  { advice: 'Retry-After: 0', fault: () => faults.rateLimited(0) },
  { advice: 'a negative Retry-After', fault: () => faults.rateLimited(-5) },
  {
    advice: 'a Retry-After date in the past',
    fault: () => faults.rateLimited(new Date(Date.UTC(2020, 0, 1))),
  },
])('watch service: a 429 with $advice', ({ fault }) => {
  it('waits at least the normal backoff between requests', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'limited', step.pending());
    h.server.injectGlobalFaults(many(fault));
    h.service.add('story', 'limited');
    const start = h.clock.now();
    await h.advance(20_000);

    const sent = h.server.requests.filter((r) => r.at >= start && r.at <= start + 20_000);
    // Backoff 2 s, 4 s, 8 s, …: at most five requests in 20 s (with a key check), never one per budget slot.
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.length).toBeLessThanOrEqual(6);
    expect(h.service.get('story:limited')?.lastProblem).toBe('CAMB.AI asked us to slow down (HTTP 429)');
  });
});

describe.each([
  { shape: 'a numeric string', runIdJson: '"99999999999999999999"' },
  { shape: 'a number', runIdJson: '99999999999999999999' },
])('watch service: a run_id above 2^53 as $shape', ({ runIdJson }) => {
  it('is an unreadable answer for that task alone, and everything else is still saved', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'huge-run', step.pending());
    h.server.injectFaults(
      'story',
      'huge-run',
      many(() => faults.runIdAs(runIdJson)),
    );
    h.server.addTask('story', 'fine', [step.pending({ untilMs: 30_000 }), step.success(42)]);
    h.service.add('story', 'huge-run');
    h.service.add('story', 'fine');
    await h.advance(2 * 60_000);

    const huge = h.service.get('story:huge-run');
    expect(huge).toMatchObject({ runId: null, status: null });
    expect(huge?.lastProblem).toBe('CAMB.AI sent an answer that could not be read; retrying');
    expect(h.service.get('story:fine')).toMatchObject({ status: 'SUCCESS', runId: 42 });
    expect(h.service.list()).toHaveLength(2);

    await h.restart();
    expect(h.service.get('story:fine')).toMatchObject({ status: 'SUCCESS', runId: 42 });
    expect(h.run.events.filter((event) => event.name === 'storeRecovered')).toEqual([]);
  });
});

describe('watch service: a message nested 200,000 levels deep', () => {
  it('is an unreadable answer: retried with backoff, the other tasks go on', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'nested', step.pending());
    h.server.injectFaults(
      'story',
      'nested',
      many(() => faults.deeplyNested(200_000), 20),
    );
    h.server.addTask('story', 'fine', [step.pending({ untilMs: 10_000 }), step.success(7)]);
    h.service.add('story', 'nested');
    h.service.add('story', 'fine');
    await h.advance(60_000);

    expect(h.service.get('story:nested')?.lastProblem).toBe(
      'CAMB.AI sent an answer that could not be read; retrying',
    );
    expect(h.service.get('story:fine')?.status).toBe('SUCCESS');
    expect(h.statusRequests('story', 'nested')).toBeLessThan(10);
  });
});

describe('watch service: a message of a million characters', () => {
  it('is kept cut to its bound, with "…" where it was cut, and saved', async () => {
    h = await createWatchServiceHarness();
    h.server.addTask('story', 'chatty', step.pending());
    h.server.injectFaults('story', 'chatty', [faults.statusMessage('blah '.repeat(200_000))]);
    h.service.add('story', 'chatty');
    await h.advance(2_000);

    const message = h.service.get('story:chatty')?.message ?? '';
    expect(message).toHaveLength(TEXT_LIMIT);
    expect(message.endsWith('…')).toBe(true);
    expect(fs.statSync(h.storeFile).size).toBeLessThan(20_000);
  });
});
