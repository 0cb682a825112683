import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { faults, step } from '../../tools/fakeCamb/fakeCambServer';
import { renderApp } from './support/renderApp';

describe('Check all now', () => {
  it('says what it did, and when checking resumes after CAMB.AI asked to slow down', async () => {
    const { user, real } = await renderApp({
      before: (r) => {
        r.server.addTask('story', 'a', step.pending());
        r.service.add('story', 'a');
      },
    });
    await real.settle();
    // An icon button in the title bar; what it did shows under it there.
    await screen.findByRole('region', { name: 'Watch list' });
    const list = screen.getByRole('banner');
    const button = within(list).getByRole('button', { name: 'Check all now' });

    await user.click(button);
    await waitFor(() => expect(within(list).getByRole('status').textContent).toBe('Checking 1 task now.'));

    real.server.injectGlobalFaults([faults.rateLimited(120)]);
    await real.advance(3_000);
    await user.click(button);
    await waitFor(() =>
      expect(within(list).getByRole('status').textContent).toMatch(
        /^CAMB\.AI asked CAMB Watch to slow down\. Checking resumes in .*2 min, by itself\.$/,
      ),
    );
  });
});
