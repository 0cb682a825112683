import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../../tools/fakeCamb/fakeCambServer';
import { TEST_API_KEY } from '../../support/watchServiceHarness';
import { createAppHostHarness, type AppHostHarness } from './appHostHarness';

const NEW_KEY = 'camb-watch-rotated-key-Hq3nW8rT5yZ2';

let a: AppHostHarness;

afterEach(async () => {
  const seen = a.everythingThePageSaw();
  expect(seen).not.toContain(TEST_API_KEY);
  expect(seen).not.toContain(NEW_KEY);
  await a.close();
});

describe('app host: the API key', () => {
  it('says whether a key is set and where, never the key', async () => {
    a = await createAppHostHarness({ storedKey: null });
    expect(await a.invoke('getKeyStatus')).toEqual({
      ok: true,
      value: { present: false, where: null, storeWhere: 'memory', storeProblem: null, check: null },
    });
    expect(await a.invoke('setApiKey', { apiKey: `  ${TEST_API_KEY}\n` })).toEqual({
      ok: true,
      value: {
        ok: true,
        message: 'Key saved in the memory. CAMB.AI accepted it.',
        status: { present: true, where: 'memory', storeWhere: 'memory', storeProblem: null, check: 'works' },
      },
    });
    await a.h.settle();
    expect(a.eventsOf('keyStatus').at(-1)).toMatchObject({ present: true, where: 'memory' });
    expect(await a.invoke('setApiKey', { apiKey: 'two words' })).toEqual({
      ok: true,
      value: {
        ok: false,
        message: 'The API key contains a space or line break: paste only the key, on one line.',
        rejectedByCamb: false,
      },
    });
    expect(await a.invoke('clearApiKey')).toMatchObject({
      value: { ok: true, message: 'Key removed from memory.', status: { present: false } },
    });
  });

  it('tests a candidate key without saving it', async () => {
    a = await createAppHostHarness({ storedKey: null });
    expect(await a.invoke('testApiKey', { apiKey: TEST_API_KEY })).toMatchObject({
      value: { verdict: 'works' },
    });
    expect(await a.invoke('testApiKey', { apiKey: NEW_KEY })).toMatchObject({
      value: { verdict: 'rejected' },
    });
    expect(await a.invoke('getKeyStatus')).toMatchObject({ value: { present: false } });
  });

  it('reports a rejected key as an auth problem, and recovers with a new key', async () => {
    a = await createAppHostHarness();
    a.h.server.addTask('story', 'job-1', [step.pending({ polls: 2 }), step.success(7)]);
    a.h.server.setApiKey(NEW_KEY);
    a.h.service.add('story', 'job-1');
    await a.h.advance(10_000);
    expect(a.eventsOf('serviceState').at(-1)?.authProblem).toMatch(/rejected/u);

    await a.invoke('setApiKey', { apiKey: NEW_KEY });
    await a.h.advance(120_000);
    expect(a.eventsOf('serviceState').at(-1)?.authProblem).toBeNull();
    expect(a.h.service.list()[0]?.status).toBe('SUCCESS');
  });

  it('sends the state once per change, and the window sees each change of connectivity once', async () => {
    a = await createAppHostHarness();
    a.h.service.setOnline(false);
    a.h.service.setOnline(false);
    await a.invoke('setPollingPaused', { paused: true });
    a.h.service.setOnline(true);
    expect(a.stateChanges((state) => state.connectivity)).toEqual(['offline', 'online']);
    // Offline, paused, online: three changes, three events (the second "offline" changed nothing).
    expect(a.eventsOf('serviceState').map((state) => [state.connectivity, state.pollingPaused])).toEqual([
      ['offline', false],
      ['offline', true],
      ['online', true],
    ]);
  });
});
