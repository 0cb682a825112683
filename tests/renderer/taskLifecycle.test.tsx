import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { step } from '../../tools/fakeCamb/fakeCambServer';
import { renderApp } from './support/renderApp';

describe('a task’s life in the window', () => {
  it('goes from Checking… to Running to Ready as the clock advances', async () => {
    const { real } = await renderApp({
      before: (r) => {
        r.server.addTask('story', 'job-1', [step.pending({ polls: 2 }), step.success(4242)]);
      },
    });
    real.service.add('story', 'job-1', 'Narration');
    const row = await screen.findByRole('option', { name: /Narration/ });
    await real.settle();
    await waitFor(() => expect(within(row).getByText('Running')).toBeTruthy());

    await real.advance(120_000);
    await waitFor(() => expect(within(row).getByText('Ready')).toBeTruthy());
    expect(within(row).queryByText('Running')).toBeNull();
  });
});

describe('task detail', () => {
  it('renames, mutes and removes a task (removal offers Undo, no confirmation)', async () => {
    const { user, real } = await renderApp({ before: (r) => void r.service.add('dub', 'dub-7', 'Trailer') });
    await user.click(await screen.findByRole('option', { name: /Trailer/ }));
    const detail = screen.getByRole('region', { name: 'Trailer' });

    await user.click(within(detail).getByRole('button', { name: 'Rename' }));
    const field = within(detail).getByRole('textbox', { name: 'New label' });
    await user.clear(field);
    await user.type(field, 'Final trailer{Enter}');
    await screen.findByRole('option', { name: /Final trailer/ });
    expect(real.service.get('dub:dub-7')?.label).toBe('Final trailer');

    const mute = screen.getByRole('button', { name: 'Mute notifications' });
    await user.click(mute);
    await screen.findByRole('button', { name: 'Unmute notifications' });
    expect(real.service.get('dub:dub-7')?.muted).toBe(true);
    expect(within(screen.getByRole('option', { name: /Final trailer/ })).getByText('Muted')).toBeTruthy();

    // No confirmation: the task goes at once and the notice offers Undo, which brings it back as it was.
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryAllByTestId('task-row')).toHaveLength(0));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(real.service.get('dub:dub-7')).toBeUndefined();
    const notice = await screen.findByText('Removed “Final trailer”');
    await user.click(
      within(notice.closest('[data-testid="notice"]') as HTMLElement).getByRole('button', { name: 'Undo' }),
    );
    const back = await screen.findByRole('option', { name: /Final trailer/ });
    expect(within(back).getByText('Muted')).toBeTruthy();
    expect(real.service.get('dub:dub-7')).toMatchObject({ label: 'Final trailer', muted: true });
  });

  it('shows the status history, failure reason and copyable ids', async () => {
    const { user, real } = await renderApp({
      before: (r) => {
        r.server.addTask('tts', 'tts-1', [
          step.pending({ polls: 1 }),
          {
            status: 'ERROR',
            runId: 77,
            exceptionReason: 'VoiceNotFound',
            message: 'Voice 12 does not exist',
          },
        ]);
        r.service.add('tts', 'tts-1', 'Greeting');
      },
    });
    await real.advance(60_000);
    const row = await screen.findByRole('option', { name: /Greeting/ });
    await waitFor(() => expect(within(row).getByText('Failed')).toBeTruthy());
    expect(row.textContent).toContain('Voice not found: Voice 12 does not exist.');

    await user.click(row);
    const detail = screen.getByRole('region', { name: 'Greeting' });
    const history = within(detail).getByRole('list');
    expect(
      within(history)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringContaining('Running'), expect.stringContaining('Failed')]);

    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
    await user.click(within(detail).getByRole('button', { name: 'Copy run id' }));
    expect(await within(detail).findByText('Copied')).toBeTruthy();
    expect(written).toEqual(['77']);

    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async () => Promise.reject(new Error('denied')) },
    });
    await user.click(within(detail).getByRole('button', { name: 'Copy task id' }));
    expect(await within(detail).findByText(/Could not copy/)).toBeTruthy();
  });

  it('opens and copies a result through the app, never as a link in the page', async () => {
    const { user, real } = await renderApp({
      before: (r) => {
        r.server.addTask('story', 'done', step.success(4242));
        r.server.addResult('story', 4242, {
          audio_url: 'https://storage.example/story/4242/audio.flac',
          transcript: [],
        });
        r.service.add('story', 'done', 'Chapter 1');
      },
    });
    await real.settle();
    const row = await screen.findByRole('option', { name: /Chapter 1/ });
    await waitFor(() => expect(within(row).getByText('Ready')).toBeTruthy());
    await user.click(row);

    const file = await screen.findByRole('group', { name: 'Story audio' });
    await user.click(within(file).getByRole('button', { name: 'Open' }));
    await within(file).findByText('Opened the story audio.');
    expect(real.openedLinks).toEqual(['https://storage.example/story/4242/audio.flac']);

    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
    await user.click(within(file).getByRole('button', { name: 'Copy link' }));
    await within(file).findByText(/Copied the link to the story audio/);
    expect(written).toEqual(['https://storage.example/story/4242/audio.flac']);
    expect(document.querySelector('a[href]')).toBeNull();
  });

  it('asks for the target language a translated story needs, and fetches that one', async () => {
    const { user, real } = await renderApp({
      before: (r) => {
        r.server.addTask('translated-story', 'fr-1', step.success(77));
        r.server.addResult(
          'translated-story',
          77,
          { audio_url: 'https://storage.example/77/fr.flac', transcript: [] },
          { targetLanguage: 'fr' },
        );
        r.service.add('translated-story', 'fr-1', 'Roman');
      },
    });
    await real.settle();
    const row = await screen.findByRole('option', { name: /Roman/ });
    await waitFor(() => expect(within(row).getByText('Ready')).toBeTruthy());
    await user.click(row);

    await user.click(screen.getByRole('button', { name: 'Show result' }));
    await screen.findByText(/Enter the target language of this result first/);
    expect(screen.queryByRole('group', { name: 'Story audio' })).toBeNull();

    await user.type(screen.getByRole('textbox', { name: 'Target language code' }), 'fr');
    await user.click(screen.getByRole('button', { name: 'Show result' }));
    const file = await screen.findByRole('group', { name: 'Story audio' });
    await user.click(within(file).getByRole('button', { name: 'Open' }));
    await within(file).findByText('Opened the story audio.');
    expect(real.openedLinks).toEqual(['https://storage.example/77/fr.flac']);
  });

  it('downloads a result and reports where the file went', async () => {
    const files = http.createServer((_req, res) => {
      const body = Buffer.alloc(200_000, 7);
      res.writeHead(200, { 'content-length': body.length });
      res.end(body);
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = files.address() as AddressInfo;
      const { user, real } = await renderApp({
        before: (r) => {
          r.server.addTask('story', 'done', step.success(4242));
          r.server.addResult('story', 4242, {
            audio_url: `http://127.0.0.1:${port}/audio.flac`,
            transcript: [],
          });
          r.service.add('story', 'done', 'Chapter 1');
        },
      });
      await real.settle();
      const row = await screen.findByRole('option', { name: /Chapter 1/ });
      await waitFor(() => expect(within(row).getByText('Ready')).toBeTruthy());
      await user.click(row);
      // The result is fetched when the details open: its buttons come with it.
      await user.click(await screen.findByRole('button', { name: 'Download' }, { timeout: 10_000 }));
      expect(await screen.findByText(/^Downloaded /, {}, { timeout: 10_000 })).toBeTruthy();
    } finally {
      await new Promise((resolve) => files.close(resolve));
    }
  });
});
