import type { DownloadProgress } from '../app/appStatus';

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The latest download of a task: a progress bar while it runs, then where the file went or why it failed. */
export function DownloadProgressView({ download }: { readonly download: DownloadProgress }) {
  if (download.state === 'done') {
    return (
      <p className="download-done" role="status">
        Downloaded {download.fileName}
        {download.message !== null ? `: ${download.message}` : '.'}
      </p>
    );
  }
  if (download.state === 'failed') {
    return (
      <p className="field-error" role="alert">
        Download of {download.fileName} failed{download.message !== null ? `: ${download.message}` : '.'}
      </p>
    );
  }
  const { receivedBytes, totalBytes } = download;
  const known = totalBytes !== null && totalBytes > 0;
  return (
    <div className="download-progress">
      <label>
        <span>Downloading {download.fileName}</span>
        <progress
          max={known ? totalBytes : undefined}
          value={known ? Math.min(receivedBytes, totalBytes) : undefined}
        />
      </label>
      <span className="muted-text">
        {megabytes(receivedBytes)}
        {known ? ` of ${megabytes(totalBytes)}` : ''}
      </span>
    </div>
  );
}
