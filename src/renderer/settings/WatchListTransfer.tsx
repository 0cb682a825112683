import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';
import { ClearFinishedButton } from '../tasks/ClearFinishedButton';
import { downloadTextFile } from './downloadTextFile';
import { ImportReportView, type ImportReport } from './ImportReportView';
import { ActionMessageView } from '../common/ActionMessageView';
import type { ActionMessage } from '../common/useActionMessage';

/** Export and import the watch list as JSON, and clear finished tasks. */
export function WatchListTransfer() {
  const bridge = useBridge();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  /** The name of the file last chosen to import, said in words beside the button. */
  const [chosenName, setChosenName] = useState<string | null>(null);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  async function run(action: () => Promise<string | null>) {
    try {
      const text = await action();
      setMessage(text === null ? null : { tone: 'ok', text });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  }

  const exportList = () =>
    run(async () => {
      const exported = await bridge.exportWatchList();
      downloadTextFile(exported.json, exported.suggestedFileName);
      return `Saved ${exported.suggestedFileName}.`;
    });

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    setChosenName(file.name);
    setReport(null);
    await run(async () => {
      setReport(await bridge.importWatchList({ json: await file.text() }));
      return null;
    });
  }

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Watch list</h3>
      <div className="button-row">
        <button type="button" onClick={() => void exportList()}>
          Export watch list
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          Import watch list…
        </button>
        {/* Never drawn (the browser's own "Choose File / No file chosen"): the button above opens it. */}
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          aria-label="Watch list file to import"
          hidden
          tabIndex={-1}
          onChange={(event) => void importFile(event)}
        />
        <ClearFinishedButton run={run} />
      </div>
      {chosenName !== null && (
        <p className="muted-text" data-testid="import-file-name">
          File chosen: {chosenName}
        </p>
      )}
      <ActionMessageView message={message} />
      {report !== null && <ImportReportView report={report} />}
    </section>
  );
}
