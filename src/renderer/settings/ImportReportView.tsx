import { useEffect, useRef } from 'react';
import { summarizeImport, type ImportReport } from './importSummary';

export type { ImportReport } from './importSummary';

/** What an import did, in one sentence, and which entries were left out and why. */
export function ImportReportView({ report }: { readonly report: ImportReport }) {
  const { sentence, details } = summarizeImport(report);
  const ref = useRef<HTMLDivElement>(null);
  // The report appears under the buttons; in a small window that can be below the fold.
  useEffect(() => {
    const element = ref.current;
    // Test DOMs may lack scrolling altogether.
    if (element !== null && typeof element.scrollIntoView === 'function')
      element.scrollIntoView({ block: 'nearest' });
  }, [report]);
  return (
    <div ref={ref} className="import-report" role="status">
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
