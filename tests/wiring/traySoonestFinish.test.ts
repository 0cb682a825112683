/** The tray says which watched job is expected to end first, in its tooltip and as a line of its menu. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { API_KEY, returningProfile, wiringSuite } from './support/wiringSuite';

const suite = wiringSuite();

describe('the tray: soonest expected finish', () => {
  it('names the job in the tooltip and in a menu line that does nothing when clicked', async () => {
    const id = randomUUID();
    suite.server().addTask('dub', id, step.pending({ untilMs: 600_000 }));
    const wired = await suite.launch({ profile: returningProfile(), apiKey: API_KEY, args: ['--hidden'] });
    await wired.started();
    wired.secondLaunch(['--watch', `dub:${id}`]);

    const soonest = /^Soonest finish: Dub “[0-9a-f]{8}…” in about \d+ min$/u;
    await expect.poll(() => wired.tray().menu?.labels.find((label) => soonest.test(label))).toBeDefined();
    const labels = wired.tray().menu?.labels ?? [];
    // Below the job's own line, above the actions.
    expect(labels.findIndex((label) => soonest.test(label))).toBe(1);
    const line = labels[1] ?? '';
    expect(() => wired.tray().menu?.click(line)).toThrow(/No clickable menu item/u);
    expect(wired.tray().tooltip).toBe(`CAMB Watch — 1 running\n${line}`);
  });
});
