/**
 * Issue 19, beyond the peers: quiet hours, a Do not disturb that comes back every night. Set in Settings
 * under Do not disturb; a time that cannot work is refused beside the fields; during the hours a success
 * waits while a failure is told at once ("always alert on failure"); when they end, one summary says what
 * finished. A settings file with a bad quiet-hours value loads with a clear error, every task and every
 * other setting kept and the file itself kept aside. Time is virtual; times are the computer's local ones.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { documentStoreFile } from '../../src/main/core/persistence/storeOptions';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { banner, openSettings, openTasks, taskRow, useChromium } from './support/appPage';
import { createE2eHarness, JOURNEY_VIEWPORTS, type E2eHarness } from './support/e2eHarness';
import { captureInThemes } from './support/themeCapture';
import { notice } from './support/listKeyboard';

const chromium = useChromium();
let h: E2eHarness;
afterEach(async () => {
  await h.close();
});

const MINUTE = 60_000;
const quietHours = () => h.page.getByRole('group', { name: 'Quiet hours' });

describe.each(JOURNEY_VIEWPORTS)('quiet hours ($name)', (viewport) => {
  it('hold a success overnight, tell a failure at once, and sum up in the morning', async () => {
    h = await createE2eHarness(chromium(), { viewport });
    const { page, server } = h;
    // 23:00 on the computer's clock.
    await h.advance(new Date(2026, 0, 2, 23, 0).getTime() - h.clock.now());

    await openSettings(page);
    await quietHours()
      .getByRole('checkbox', { name: /^Quiet hours/u })
      .click();
    await expect
      .poll(() => quietHours().getByTestId('quiet-hours-state').innerText())
      .toBe('Quiet now, until 08:00: notifications wait, then arrive as one summary.');
    // An end equal to the start cannot work: said beside the fields, and not saved.
    await quietHours().getByLabel('until', { exact: true }).fill('22:00');
    await expect
      .poll(() => quietHours().getByRole('alert').innerText())
      .toBe('Quiet hours must end at another time than they start.');
    expect(h.web.service.getSettings().quietHours.end).toBe('08:00');
    await quietHours().getByLabel('until', { exact: true }).fill('07:30');
    await expect.poll(() => h.web.service.getSettings().quietHours.end).toBe('07:30');
    expect(await quietHours().getByRole('alert').count()).toBe(0);
    expect(h.web.service.getSettings().quietHours).toMatchObject({
      enabled: true,
      start: '22:00',
      alwaysAlertOnFailure: true,
      days: [0, 1, 2, 3, 4, 5, 6],
    });
    await captureInThemes(h, `quiet-hours-settings-${viewport.width}`);

    // Overnight: a success waits, the faulty job's failure is told at once, a running one goes on.
    server.addTask('story', 'night-build', [step.pending({ untilMs: 20 * MINUTE }), step.success(4242)]);
    server.addTask('dub', 'broken-dub', [
      step.pending({ untilMs: 30 * MINUTE }),
      step.error('SOURCE_TOO_LONG'),
    ]);
    server.addTask('story', 'long-one', step.pending());
    h.web.service.add('story', 'night-build', 'Night build');
    h.web.service.add('dub', 'broken-dub', 'Broken dub');
    h.web.service.add('story', 'long-one', 'Long one');
    await openTasks(page);
    await h.advance(60 * MINUTE);
    await expect.poll(() => h.web.service.get('story:night-build')?.status).toBe('SUCCESS');
    await expect.poll(() => h.notifications.map((n) => n.title)).toEqual(['Dub failed']);
    await notice(page, 'Dub failed: Broken dub').waitFor();
    expect(await notice(page, /ready/u).count()).toBe(0);

    // 07:30: the quiet hours end, and one summary says what finished meanwhile.
    await h.advance(new Date(2026, 0, 3, 7, 30).getTime() - h.clock.now());
    await expect
      .poll(() => h.notifications.at(-1)?.body)
      .toBe('1 job finished during quiet hours: 1 succeeded.');
    await notice(page, '1 job finished during quiet hours: 1 succeeded.').waitFor();
    // The window learns the core's (virtual) time from the next check of the running job.
    await h.advance(2 * MINUTE);
    await openSettings(page);
    await expect
      .poll(() => quietHours().getByTestId('quiet-hours-state').innerText())
      .toBe('On 22:00–07:30 every day; next from 22:00.');
  });

  it('a settings file with a bad quiet-hours time loads with a clear error and loses nothing', async () => {
    const saved = JSON.stringify({
      tasks: [
        { kind: 'story', taskId: 'kept-1', label: 'Kept one' },
        { kind: 'dub', taskId: 'kept-2', label: 'Kept two' },
      ],
      settings: {
        ...DEFAULT_SETTINGS,
        compactDensity: true,
        soundOnFailure: 'chime',
        quietHours: { ...DEFAULT_SETTINGS.quietHours, enabled: true, end: '25:00' },
      },
    });
    h = await createE2eHarness(chromium(), {
      viewport,
      beforeStart: (stateDir) => fs.writeFileSync(documentStoreFile(stateDir), saved),
    });
    h.server.addTask('story', 'kept-1', step.pending());
    h.server.addTask('dub', 'kept-2', step.pending());
    const recovered = banner(h.page, 'recovered');
    await recovered.waitFor();
    const text = (await recovered.locator('.banner-text').textContent()) ?? '';
    expect(text).toContain('a setting in it is not valid');
    expect(text).toContain(
      'Quiet hours were turned off: the end time of quiet hours must be a time from 00:00 to 23:59, such as 22:00',
    );
    expect(text).not.toMatch(/ZodError|invalid_format|Error:/u);
    // Nothing lost: both tasks, the other settings, and the file as it was, kept aside.
    await taskRow(h.page, 'story:kept-1').waitFor();
    await taskRow(h.page, 'dub:kept-2').waitFor();
    expect(h.web.service.getSettings()).toMatchObject({
      compactDensity: true,
      soundOnFailure: 'chime',
      quietHours: DEFAULT_SETTINGS.quietHours,
    });
    const movedTo = /The old file was kept at (.+)\.$/u.exec(text.trim())?.[1] ?? '';
    expect(fs.readFileSync(movedTo, 'utf8')).toBe(saved);
    await h.screenshot(`quiet-hours-bad-file-${viewport.width}`);
  });
});
