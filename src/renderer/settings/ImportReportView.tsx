import type { InvokeResponse } from '../../shared/contract';

export type ImportReport = InvokeResponse<'importWatchList'>;

/** What an import did: how many tasks were added, already watched, and which entries were refused and why. */
export function ImportReportView({ report }: { readonly report: ImportReport }) {
  return (
    <div className="import-report" role="status">
      <p>
        Added {report.added.length} {report.added.length === 1 ? 'task' : 'tasks'};{' '}
        {report.alreadyWatched.length} already watched; {report.rejected.length} rejected.
      </p>
      {report.rejected.length > 0 && (
        <ul>
          {report.rejected.map((entry, index) => (
            <li key={index}>
              {entry.index !== null ? `Entry ${entry.index + 1}: ` : ''}
              {entry.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
