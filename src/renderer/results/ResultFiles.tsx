import { useId, useState } from 'react';
import type { TaskKind } from '../../shared/taskKinds';
import type { TaskKey } from '../../shared/watchedTask';
import { resultFileInSentence, resultFileTitle } from '../../shared/results/resultFileNames';
import type { TaskDownloads } from '../state/appStatus';
import { useBridge } from '../state/bridgeContext';
import { ActionMessageView } from '../common/ActionMessageView';
import { copyText } from '../common/copyText';
import { useActionMessage } from '../common/useActionMessage';
import { DownloadStatus } from './DownloadStatus';

interface ResultFilesProps {
  readonly taskKey: TaskKey;
  readonly kind: TaskKind;
  /** The API's names of the result's links, in the order CAMB.AI's fields are listed. */
  readonly linkNames: readonly string[];
  readonly targetLanguage: string | undefined;
  readonly downloads: TaskDownloads | undefined;
}

/** Every file of a result, each named in words with Open, Copy link and Download. */
export function ResultFiles({ taskKey, kind, linkNames, targetLanguage, downloads }: ResultFilesProps) {
  return (
    <ul className="result-files">
      {linkNames.map((name, index) => (
        <ResultFile
          key={name}
          taskKey={taskKey}
          kind={kind}
          linkName={name}
          primary={index === 0}
          targetLanguage={targetLanguage}
          downloads={downloads}
        />
      ))}
    </ul>
  );
}

interface ResultFileProps {
  readonly taskKey: TaskKey;
  readonly kind: TaskKind;
  readonly linkName: string;
  readonly primary: boolean;
  readonly targetLanguage: string | undefined;
  readonly downloads: TaskDownloads | undefined;
}

/**
 * One file. Every action asks the app for a fresh link (they expire after about a day); links are never
 * drawn as links here: opening goes through the app, which checks them.
 */
function ResultFile({ taskKey, kind, linkName, primary, targetLanguage, downloads }: ResultFileProps) {
  const bridge = useBridge();
  const id = useId();
  const { busy, message, run } = useActionMessage();
  const [downloadId, setDownloadId] = useState<string | null>(null);
  const title = resultFileTitle(kind, linkName);
  const what = resultFileInSentence(kind, linkName);
  const request = { key: taskKey, linkName, ...(targetLanguage === undefined ? {} : { targetLanguage }) };
  const download = downloadId === null ? undefined : downloads?.get(downloadId);

  const open = () =>
    run(async () => {
      const outcome = await bridge.openResult(request);
      // Only the web host hands the link back (a browser page has no desktop to open it on); main checked it.
      if (outcome.ok && outcome.openInPage !== undefined)
        window.open(outcome.openInPage, '_blank', 'noopener,noreferrer');
      return { tone: outcome.ok ? 'ok' : 'error', text: outcome.message };
    });

  const copyLink = () =>
    run(async () => {
      const result = await bridge.fetchResult({
        key: taskKey,
        ...(targetLanguage === undefined ? {} : { targetLanguage }),
      });
      if (!result.ok) return { tone: 'error', text: result.message };
      const link = result.links.find((candidate) => candidate.name === linkName);
      if (link === undefined)
        return { tone: 'error', text: `CAMB.AI no longer lists ${what} in this result.` };
      return (await copyText(link.url))
        ? { tone: 'ok', text: `Copied the link to ${what}. It stops working after about a day.` }
        : { tone: 'error', text: 'Could not reach the clipboard. Try again, or use "Open".' };
    });

  const startDownload = () =>
    run(async () => {
      const started = await bridge.downloadResult(request);
      if (!started.ok) return { tone: 'error', text: started.message };
      setDownloadId(started.downloadId);
      return null;
    });

  return (
    <li className="result-file">
      <div role="group" aria-labelledby={`${id}-name`}>
        <span id={`${id}-name`} className="result-file-name">
          {title}
        </span>
        <div className="button-row">
          <button
            type="button"
            className={primary ? 'primary' : undefined}
            disabled={busy}
            onClick={() => void open()}
          >
            Open
          </button>
          <button type="button" disabled={busy} onClick={() => void copyLink()}>
            Copy link
          </button>
          <button type="button" disabled={busy} onClick={() => void startDownload()}>
            Download
          </button>
        </div>
        <ActionMessageView message={message} />
        {download !== undefined && <DownloadStatus download={download} verb="download" />}
      </div>
    </li>
  );
}
