/**
 * A desktop notification's button, carried out by the app host on the task as it is when pressed (issue
 * 19): Copy link puts only a link it would open on the clipboard, says when the clipboard refuses or there
 * is none, and a press on a job removed since, or one whose failure has gone, does nothing and says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../../tools/fakeCamb/fakeCambServer';
import { TEST_API_KEY } from '../../support/watchServiceHarness';
import { createAppHostHarness, type AppHostHarness } from './appHostHarness';

let a: AppHostHarness;
let clipboard: string[] = [];

afterEach(async () => {
  expect(a.everythingThePageSaw()).not.toContain(TEST_API_KEY);
  expect(clipboard.join('\n')).not.toContain(TEST_API_KEY);
  await a.close();
  clipboard = [];
});

const copyText = async (text: string) => {
  clipboard.push(text);
};

async function finishedStory(audioUrl: string): Promise<void> {
  a.h.server.addTask('story', 'done', step.success(4242));
  a.h.server.addResult('story', 4242, { audio_url: audioUrl, transcript: [] });
  a.h.service.add('story', 'done', 'Chapter 1');
  await a.h.settle();
}

describe('app host: notification buttons', () => {
  it('Copy link copies the result’s https link and says so', async () => {
    a = await createAppHostHarness({ copyText });
    await finishedStory('https://audio-storage.camb.ai/files/story-4242.flac?Expires=1&Signature=abc');
    expect(await a.host.runNotificationAction('story:done', 'copy-link')).toEqual({
      ok: true,
      message: 'Copied the link to the story audio. It works for about a day.',
    });
    expect(clipboard).toEqual([
      'https://audio-storage.camb.ai/files/story-4242.flac?Expires=1&Signature=abc',
    ]);
  });

  it.each([
    ['plain http', 'http://storage.example/story.flac'],
    ['credentials in it', 'https://user:secret@storage.example/story.flac'],
    ['a script', 'javascript:alert(1)'],
  ])('a result link with %s is not copied, and the person is told why', async (_what, link) => {
    a = await createAppHostHarness({ copyText });
    await finishedStory(link);
    const outcome = await a.host.runNotificationAction('story:done', 'copy-link');
    expect(outcome.ok).toBe(false);
    expect(outcome.message).not.toBe('');
    expect(clipboard).toEqual([]);
  });

  it('a clipboard that refuses, or none at all, is said in words', async () => {
    a = await createAppHostHarness({
      copyText: () => Promise.reject(new Error('org.freedesktop.DBus.Error')),
    });
    await finishedStory('https://audio-storage.camb.ai/files/story-4242.flac');
    expect(await a.host.runNotificationAction('story:done', 'copy-link')).toEqual({
      ok: false,
      message: 'Could not reach the clipboard. Try again, or open the result instead.',
    });
    await a.close();
    a = await createAppHostHarness();
    await finishedStory('https://audio-storage.camb.ai/files/story-4242.flac');
    expect(await a.host.runNotificationAction('story:done', 'copy-link')).toEqual({
      ok: false,
      message: 'There is no clipboard to copy the link to here.',
    });
  });

  it('a press on a job removed since does nothing and says so', async () => {
    a = await createAppHostHarness({ copyText });
    await finishedStory('https://audio-storage.camb.ai/files/story-4242.flac');
    a.h.service.remove('story:done');
    for (const id of ['open-result', 'download', 'copy-link', 'fix-failure'] as const)
      expect(await a.host.runNotificationAction('story:done', id)).toEqual({
        ok: false,
        message: 'That job is no longer in your watch list, so nothing was done. Add it again to act on it.',
      });
    expect(a.opened).toEqual([]);
    expect(clipboard).toEqual([]);
  });

  it('a failure’s fix pressed once the job no longer needs it does nothing and says so', async () => {
    a = await createAppHostHarness({ copyText });
    await finishedStory('https://audio-storage.camb.ai/files/story-4242.flac');
    expect(await a.host.runNotificationAction('story:done', 'fix-failure')).toEqual({
      ok: false,
      message: 'That job has changed since, and needs nothing from you now.',
    });
    expect(a.opened).toEqual([]);
  });

  it('a press that fails inside the app (no browser to open the result) says so in words', async () => {
    a = await createAppHostHarness({ copyText, openExternalFails: true });
    await finishedStory('https://audio-storage.camb.ai/files/story-4242.flac');
    expect(await a.host.runNotificationAction('story:done', 'open-result')).toEqual({
      ok: false,
      message: 'That did not work. Open CAMB Watch and try it from the job’s details.',
    });
  });
});
