import { summarizeImport, type ImportReport } from './importSummary';

export type { ImportReport } from './importSummary';

/** What an import did, in one sentence, and which entries were left out and why. */
export function ImportReportView({ report }: { readonly report: ImportReport }) {
  const { sentence, details } = summarizeImport(report);
  return (
    <div className="import-report" role="status">
      <p>{sentence}</p>
      {details.length > 0 && (
        <ul>
          {details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
