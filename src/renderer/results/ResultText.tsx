import { useId, useState } from 'react';
import type { TaskKey } from '../../shared/watchedTask';
import {
  clockTime,
  formatPlainText,
  isTimed,
  TEXT_FILE_FORMATS,
  type ResultTextParts,
  type TextFileFormat,
} from '../../shared/results/resultText';
import type { TaskDownloads } from '../state/appStatus';
import { useBridge } from '../state/bridgeContext';
import { ActionMessageView } from '../common/ActionMessageView';
import { copyText } from '../common/copyText';
import { useActionMessage } from '../common/useActionMessage';
import { DownloadStatus } from './DownloadStatus';

interface ResultTextProps {
  readonly taskKey: TaskKey;
  readonly parts: ResultTextParts;
  readonly targetLanguage: string | undefined;
  readonly downloads: TaskDownloads | undefined;
}

/**
 * The text a result carries (a translation's texts, a transcript with times and speakers), to read,
 * select, copy, and save as a file: .txt always, .srt and .vtt subtitles when it is timed. Saving goes
 * through the app, which writes into the Downloads folder and can then show the file in its folder.
 */
export function ResultText({ taskKey, parts, targetLanguage, downloads }: ResultTextProps) {
  const bridge = useBridge();
  const id = useId();
  const { busy, message, run } = useActionMessage();
  const [savedId, setSavedId] = useState<string | null>(null);
  const saved = savedId === null ? undefined : downloads?.get(savedId);
  const formats = isTimed(parts) ? TEXT_FILE_FORMATS : TEXT_FILE_FORMATS.filter((format) => format === 'txt');
  const title = parts.texts.length === 0 ? 'Transcript' : 'Text';

  const what = title.toLowerCase();
  const copy = () =>
    run(async () =>
      (await copyText(formatPlainText(parts)))
        ? { tone: 'ok', text: `Copied the ${what}.` }
        : { tone: 'error', text: 'Could not reach the clipboard: select the text and copy it by hand.' },
    );

  const save = (format: TextFileFormat) =>
    run(async () => {
      const outcome = await bridge.saveResultText({
        key: taskKey,
        format,
        ...(targetLanguage === undefined ? {} : { targetLanguage }),
      });
      if (!outcome.ok) return { tone: 'error', text: outcome.message };
      setSavedId(outcome.downloadId);
      return null;
    });

  return (
    <div className="result-text">
      <h4 id={`${id}-title`}>{title}</h4>
      {/* The text itself is the region (named by the heading), focusable so it scrolls from the keyboard. */}
      <div className="result-text-body" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
        {parts.texts.map((text, index) => (
          <p key={`text-${index}`} className="result-text-line">
            {text}
          </p>
        ))}
        {parts.transcript.length > 0 && (
          <ol className="transcript">
            {parts.transcript.map((segment, index) => (
              <li key={`segment-${index}`}>
                <span className="transcript-time">{clockTime(segment.start)}</span>{' '}
                {segment.speaker !== null && segment.speaker !== '' && (
                  <span className="transcript-speaker">{segment.speaker}:</span>
                )}{' '}
                <span className="transcript-text">{segment.text}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void copy()}>
          Copy {what}
        </button>
        {formats.map((format) => (
          <button key={format} type="button" disabled={busy} onClick={() => void save(format)}>
            Save as .{format}
          </button>
        ))}
      </div>
      <ActionMessageView message={message} />
      {saved !== undefined && <DownloadStatus download={saved} verb="save" />}
    </div>
  );
}
