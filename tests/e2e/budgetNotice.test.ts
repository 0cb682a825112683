import { afterEach, describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { useChromium } from './support/appPage';
import { THEMES, createE2eHarness, JOURNEY_VIEWPORTS, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

/** One more than the 272 jobs the budget (a request every 220 ms) can check once a minute. */
const WORKING_JOBS = 272;

describe.each(JOURNEY_VIEWPORTS)('more jobs than the budget checks once a minute ($name)', (viewport) => {
  it.each(THEMES)(
    'says so quietly under the list heading, and stops saying it once a job ends (%s)',
    async (colorScheme) => {
      h = await createE2eHarness(chromium(), { openPage: false, viewport, colorScheme });
      for (let i = 0; i < WORKING_JOBS; i++) {
        h.server.addTask('story', `steady-${i}`, step.pending());
        expect(h.web.service.add('story', `steady-${i}`).ok).toBe(true);
      }
      // The faulty one, added last, is checked last: about a minute from now, and it has failed.
      h.server.addTask('dub', 'broken', step.error('HARMFUL_CONTENT_DETECTED', 'Cannot process this.'));
      expect(h.web.service.add('dub', 'broken', 'Broken dub').ok).toBe(true);

      await h.openPage();
      const notice = h.page.getByText('273 active jobs: each is checked about every 1 min.');
      await notice.waitFor({ state: 'visible' });
      // Under the heading, not instead of it.
      await h.page.getByRole('heading', { name: 'Watch list' }).waitFor({ state: 'visible' });
      await h.screenshot(`budget-notice-${viewport.name}-${colorScheme}`);

      await h.advance(70_000);
      await notice.waitFor({ state: 'detached' });
      await expect
        .poll(() => h.page.getByRole('combobox', { name: 'Show tasks' }).locator('option').allTextContents())
        .toContain('Failed (1)');
    },
  );
});
