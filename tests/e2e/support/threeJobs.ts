import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { step } from '../../../tools/fakeCamb/fakeCambServer';
import { statusOf, taskRow } from './appPage';
import type { E2eHarness } from './e2eHarness';

/** The shape the function Playwright runs in the page sees (this project has no DOM types). */
interface FocusTarget {
  readonly ownerDocument: { readonly activeElement: unknown };
}

/** Whether keyboard focus is on the element `locator` finds. */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element: FocusTarget) => element === element.ownerDocument.activeElement);
}

/**
 * A job that finished with a result, one still running, and one CAMB.AI does not know: what the shortcut
 * and quick-action journeys act on. Answers the finished job's audio link.
 */
export async function watchThree(h: E2eHarness): Promise<string> {
  const audioUrl = `${h.server.baseUrl.replace(/\/apis$/u, '')}/files/4242.flac`;
  h.server.addTask('story', 'chapter-1', [step.pending({ polls: 1 }), step.success(4242)]);
  h.server.addResult('story', 4242, { audio_url: audioUrl, transcript: [] });
  h.server.addTask('dub', 'trailer-dub', step.pending());
  h.web.service.add('story', 'chapter-1', 'Chapter 1 narration');
  h.web.service.add('dub', 'trailer-dub', 'Trailer (Spanish dub)');
  h.web.service.add('story', 'mistyped-id', 'Typo');
  await h.advance(2 * 60_000);
  await expect.poll(() => statusOf(taskRow(h.page, 'story:chapter-1'))).toBe('Ready');
  await expect.poll(() => statusOf(taskRow(h.page, 'story:mistyped-id'))).toBe('Stopped');
  return audioUrl;
}
