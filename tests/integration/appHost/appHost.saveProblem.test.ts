import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_API_KEY } from '../../support/watchServiceHarness';
import { createAppHostHarness, type AppHostHarness } from './appHostHarness';

let a: AppHostHarness;

afterEach(async () => {
  expect(a.everythingThePageSaw()).not.toContain(TEST_API_KEY);
  await a.close();
});

describe('app host: a watch list that cannot be saved', () => {
  it('tells the window once, in words, instead of only logging it', async () => {
    a = await createAppHostHarness();
    // A folder where the file was: every write of the list fails, even for a user who may write anywhere.
    fs.rmSync(a.h.storeFile, { force: true });
    fs.mkdirSync(a.h.storeFile);

    expect(await a.invoke('addTask', { kind: 'story', taskId: 'unsaved' })).toMatchObject({ ok: true });
    await a.h.advance(5_000);

    const notices = a.eventsOf('notice').filter((notice) => notice.level === 'error');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toBe(
      `The watch list could not be saved to ${a.h.storeFile}: check that the disk has room and the folder can be written. Your changes are kept while CAMB Watch runs, and saving is tried again.`,
    );
    expect(a.h.service.get('story:unsaved')).toBeDefined();
  });
});
