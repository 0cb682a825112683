import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { renderApp } from './support/renderApp';

const MINUTE = 60_000;

describe('time remaining', () => {
  it('a running row says one figure of time left, its range on hover; details say from what', async () => {
    const { real, user } = await renderApp({
      before: (r) => {
        r.server.addTask('story', 'quick', [step.pending({ untilMs: 2 * MINUTE }), step.success(1)]);
        r.server.addTask('story', 'slow', step.pending());
        r.service.add('story', 'quick');
        r.service.add('story', 'slow', 'Slow story');
      },
    });
    const row = await screen.findByRole('option', { name: /Slow story/ });
    await real.advance(MINUTE);
    await waitFor(() =>
      expect(within(row).getByTestId('row-time').textContent).toMatch(/^~\d+ (s|min) left$/u),
    );
    expect(within(row).getByTestId('row-time').getAttribute('title')).toMatch(/\(usually .+ more\), from /u);

    await user.click(row);
    const detail = screen.getByRole('region', { name: 'Slow story' });
    await waitFor(() => expect(detail.textContent).toMatch(/no story has finished here yet/u));

    await real.advance(2 * MINUTE);
    await waitFor(() => expect(detail.textContent).toMatch(/from 1 earlier story/u));
  });

  it('finished tasks show no estimate', async () => {
    const { real } = await renderApp({
      before: (r) => {
        r.server.addTask('tts', 'done', [step.pending({ polls: 1 }), step.success(3)]);
        r.service.add('tts', 'done', 'Greeting');
      },
    });
    await real.advance(MINUTE);
    const row = await screen.findByRole('option', { name: /Greeting/ });
    await waitFor(() => expect(within(row).getByText('Ready')).toBeTruthy());
    expect(within(row).getByTestId('row-time').textContent).toMatch(/^finished .+ · took /u);
  });
});

describe('insights', () => {
  it('opens from the header, says when nothing finished, and fills in as jobs finish', async () => {
    const { real, user } = await renderApp({
      before: (r) => {
        r.server.addTask('dub', 'a', [step.pending({ untilMs: 3 * MINUTE }), step.success(1)]);
        r.server.addTask('dub', 'b', [step.pending({ untilMs: 5 * MINUTE }), step.error('Oops', 'It broke')]);
        r.service.add('dub', 'a');
        r.service.add('dub', 'b');
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Insights' }));
    const view = await screen.findByRole('region', { name: 'Insights' });
    await within(view).findByRole('heading', { name: 'Nothing has finished yet' });

    await real.advance(6 * MINUTE);
    const dubs = await within(view).findByRole('region', { name: 'Dub' });
    await waitFor(() => expect(dubs.textContent).toContain('2 finished: 1 succeeded, 1 failed'));
    expect(within(dubs).getByRole('img').getAttribute('aria-label')).toMatch(
      /^Dub: 2 jobs took \d–\d min, /u,
    );

    await user.keyboard('{Escape}');
    await screen.findByRole('listbox');
  });
});
