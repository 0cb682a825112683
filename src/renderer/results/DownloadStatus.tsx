import type { DownloadProgress } from '../state/appStatus';
import { useBridge } from '../state/bridgeContext';
import { ActionMessageView } from '../common/ActionMessageView';
import { useActionMessage } from '../common/useActionMessage';

/** "100 bytes", "32 kB", "48.2 MB": a first trickle never reads as "0.0 MB of 0.0 MB". */
function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

interface DownloadStatusProps {
  readonly download: DownloadProgress;
  /** "Downloaded …" for a result file, "Saved …" for a text written out. */
  readonly verb: 'download' | 'save';
}

/**
 * One download: a progress bar and Cancel while it runs, then its outcome, with "Show in folder" once it is
 * there.
 */
export function DownloadStatus({ download, verb }: DownloadStatusProps) {
  const bridge = useBridge();
  const { busy, message, run } = useActionMessage();

  if (download.state === 'done') {
    const show = () =>
      run(async () => {
        const outcome = await bridge.showDownloadedFile({ downloadId: download.downloadId });
        return { tone: outcome.ok ? 'ok' : 'error', text: outcome.message };
      });
    return (
      <div className="download-outcome">
        <p className="download-done" role="status">
          {verb === 'save' ? 'Saved' : 'Downloaded'} <span className="file-name">{download.fileName}</span> in
          your Downloads folder.
        </p>
        <button type="button" disabled={busy} onClick={() => void show()}>
          Show in folder
        </button>
        <ActionMessageView message={message} />
      </div>
    );
  }
  if (download.state === 'cancelled') {
    return (
      <p className="muted-text" role="status">
        Cancelled the download of <span className="file-name">{download.fileName}</span>; nothing was kept.
      </p>
    );
  }
  if (download.state === 'failed') {
    return (
      <p className="field-error" role="alert">
        Could not {verb} <span className="file-name">{download.fileName}</span>.{' '}
        {download.message ?? 'Try again.'}
      </p>
    );
  }
  const { receivedBytes, totalBytes } = download;
  const known = totalBytes !== null && totalBytes > 0;
  const cancel = () =>
    run(async () => {
      const outcome = await bridge.cancelDownload({ downloadId: download.downloadId });
      // Cancelled: the row says so when the download ends. Already over: say why nothing happened.
      return outcome.ok ? null : { tone: 'error', text: outcome.message };
    });
  return (
    <div className="download-progress">
      <label>
        <span>
          Downloading <span className="file-name">{download.fileName}</span>
        </span>
        <progress
          max={known ? totalBytes : undefined}
          value={known ? Math.min(receivedBytes, totalBytes) : undefined}
        />
      </label>
      <span className="muted-text">
        {sizeText(receivedBytes)}
        {known ? ` of ${sizeText(totalBytes)}` : ''}
      </span>
      <button
        type="button"
        disabled={busy}
        aria-label={`Cancel downloading ${download.fileName}`}
        onClick={() => void cancel()}
      >
        Cancel
      </button>
      <ActionMessageView message={message} />
    </div>
  );
}
