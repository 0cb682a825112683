import { useId, useState } from 'react';
import { resultNeedsTargetLanguage } from '../../shared/taskKinds';
import type { WatchedTask } from '../../shared/watchedTask';
import { taskKey } from '../../shared/watchedTask';
import type { DownloadProgress } from '../app/appStatus';
import { useBridge } from '../app/bridgeContext';
import { ActionMessageView } from '../common/ActionMessageView';
import { copyText } from '../common/copyText';
import { useActionMessage, type ActionMessage } from '../common/useActionMessage';
import { DownloadProgressView } from './DownloadProgressView';

interface ResultActionsProps {
  readonly task: WatchedTask;
  readonly download: DownloadProgress | undefined;
}

/**
 * What to do with a finished task's result. Result links expire after about a day, so each action asks
 * the app for a fresh one; links are never drawn as links here: opening goes through the app, which checks
 * them.
 */
export function ResultActions({ task, download }: ResultActionsProps) {
  const bridge = useBridge();
  const id = useId();
  const key = taskKey(task.kind, task.taskId);
  const [askLanguage, setAskLanguage] = useState(resultNeedsTargetLanguage(task.kind));
  const [language, setLanguage] = useState('');
  const { busy, message, setMessage, run: runAction } = useActionMessage();

  const target = language.trim() === '' ? {} : { targetLanguage: language.trim() };

  async function run(action: () => Promise<ActionMessage>) {
    if (askLanguage && language.trim() === '') {
      setMessage({ tone: 'error', text: 'Enter the target language of this result first, e.g. "fr".' });
      return;
    }
    await runAction(action);
  }

  const open = () =>
    run(async () => {
      const outcome = await bridge.openResult({ key, ...target });
      return { tone: outcome.ok ? 'ok' : 'error', text: outcome.message };
    });

  const copyLink = () =>
    run(async () => {
      const result = await bridge.fetchResult({ key, ...target });
      if (!result.ok) {
        if (result.needsTargetLanguage) setAskLanguage(true);
        return { tone: 'error', text: result.message };
      }
      const link = result.links[0];
      if (link === undefined) return { tone: 'error', text: 'This result has no link to copy.' };
      return (await copyText(link.url))
        ? { tone: 'ok', text: 'Copied the result link. It stops working after about a day.' }
        : { tone: 'error', text: 'Could not reach the clipboard. Try again, or use "Open result".' };
    });

  const startDownload = () =>
    run(async () => {
      const started = await bridge.downloadResult({ key, ...target });
      return started.ok
        ? { tone: 'ok', text: `Downloading ${started.fileName}…` }
        : { tone: 'error', text: started.message };
    });

  return (
    <section className="result-actions" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Result</h3>
      {askLanguage && (
        <div className="field field-inline">
          <label htmlFor={`${id}-language`}>Target language code</label>
          <input
            id={`${id}-language`}
            type="text"
            value={language}
            placeholder="e.g. fr or es-mx"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setLanguage(event.target.value)}
          />
        </div>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void open()}>
          Open result
        </button>
        <button type="button" disabled={busy} onClick={() => void copyLink()}>
          Copy link
        </button>
        <button type="button" disabled={busy} onClick={() => void startDownload()}>
          Download
        </button>
      </div>
      <ActionMessageView message={message} />
      {download !== undefined && <DownloadProgressView download={download} />}
    </section>
  );
}
