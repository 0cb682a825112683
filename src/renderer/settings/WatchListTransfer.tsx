import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useBridge } from '../state/bridgeContext';
import { errorMessage } from '../state/errorMessage';
import { removedText, useRemoveWithUndo } from '../tasks/removeWithUndo';
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
  const { offerUndo } = useRemoveWithUndo();

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

  const clearFinished = () =>
    run(async () => {
      const { tasks } = await bridge.clearFinished();
      if (tasks.length === 0) return 'No finished tasks to clear.';
      // No confirmation first: the notice says what went and offers Undo.
      offerUndo(tasks, removedText(tasks, 'Cleared'));
      return null;
    });

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
        <button type="button" className="danger" onClick={() => void clearFinished()}>
          Clear finished tasks
        </button>
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
