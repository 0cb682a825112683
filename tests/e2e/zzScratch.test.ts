import { afterEach, describe, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { useChromium } from './support/appPage';
import { createE2eHarness, type E2eHarness } from './support/e2eHarness';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});
const sizes = [
  { name: 'n', width: 420, height: 640 },
  { name: 'w', width: 1280, height: 800 },
] as const;
describe('scratch', () => {
  for (const size of sizes)
    for (const scheme of ['light', 'dark'] as const)
      it(`shots ${size.name} ${scheme}`, async () => {
        h = await createE2eHarness(chromium(), { openPage: false, viewport: size, colorScheme: scheme });
        for (let i = 0; i < 1000; i++) {
          const id = `bulk-${String(i).padStart(4, '0')}`;
          h.server.addTask(
            'story',
            id,
            i % 3 === 0 ? [step.pending({ polls: 1 }), step.success(4000 + i)] : step.pending(),
          );
          h.web.service.add('story', id, `Bulk job ${id}`);
        }
        h.web.service.add('story', 'mistyped', 'Typo');
        await h.openPage();
        await h.advance(2 * 60_000);
        await h.page.getByTestId('task-row').first().waitFor();
        if (size.width > 700) await h.page.getByTestId('task-row').nth(1).click();
        else {
          await h.page.getByRole('listbox').focus();
          await h.page.keyboard.press('ArrowDown');
          await h.page.keyboard.press('ArrowDown');
        }
        await h.page.screenshot({
          path: `/tmp/shots/${process.env['SHOT'] ?? 'x'}-${size.name}-${scheme}.png`,
        });
      });
});
