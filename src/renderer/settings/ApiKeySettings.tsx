import { useId, useState, type FormEvent } from 'react';
import type { KeyStatus } from '../../shared/contract';
import { useBridge } from '../app/bridgeContext';
import { ActionMessageView } from '../common/ActionMessageView';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { useActionMessage } from '../common/useActionMessage';

/**
 * The API key: whether one is set and where it is kept, never the key itself. A typed key is sent to the
 * app once and the field is emptied straight after.
 */
export function ApiKeySettings({ keyStatus }: { readonly keyStatus: KeyStatus }) {
  const bridge = useBridge();
  const id = useId();
  const [candidate, setCandidate] = useState('');
  const { busy, message, setMessage, run } = useActionMessage();
  const [confirmRemove, setConfirmRemove] = useState(false);

  function save(event: FormEvent) {
    event.preventDefault();
    const apiKey = candidate;
    setCandidate('');
    if (apiKey.trim() === '') {
      setMessage({ tone: 'error', text: 'Paste your CAMB.AI API key into the field first.' });
      return;
    }
    void run(async () => {
      const outcome = await bridge.setApiKey({ apiKey });
      return { tone: outcome.ok ? 'ok' : 'error', text: outcome.message };
    });
  }

  function test() {
    const apiKey = candidate.trim();
    void run(async () => {
      const outcome = await bridge.testApiKey(apiKey === '' ? {} : { apiKey });
      return { tone: outcome.verdict === 'works' ? 'ok' : 'error', text: outcome.message };
    });
  }

  function remove() {
    setConfirmRemove(false);
    void run(async () => {
      const outcome = await bridge.clearApiKey();
      return { tone: outcome.ok ? 'ok' : 'error', text: outcome.message };
    });
  }

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>CAMB.AI API key</h3>
      <p className="key-status" data-testid="key-status">
        {keyStatus.present ? (
          <>
            <span className="badge badge-ready">
              <span className="badge-glyph" aria-hidden="true">
                ✓
              </span>
              Key set
            </span>{' '}
            Kept in: {keyStatus.where ?? 'unknown place'}.
          </>
        ) : (
          <>
            <span className="badge badge-failed">
              <span className="badge-glyph" aria-hidden="true">
                !
              </span>
              No key set
            </span>{' '}
            CAMB Watch cannot check tasks until you add one.
          </>
        )}
      </p>
      <p className="muted-text">
        A key you save here is kept in: {keyStatus.storeWhere}.
        {keyStatus.storeProblem !== null && ` It cannot be used right now: ${keyStatus.storeProblem}`}
      </p>
      <form className="key-form" onSubmit={save}>
        <label htmlFor={`${id}-key`}>{keyStatus.present ? 'Replace key' : 'API key'}</label>
        <input
          id={`${id}-key`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={candidate}
          onChange={(event) => setCandidate(event.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {keyStatus.present ? 'Replace key' : 'Save key'}
          </button>
          <button type="button" disabled={busy} onClick={test}>
            Test key
          </button>
          {keyStatus.present && (
            <button type="button" className="danger" disabled={busy} onClick={() => setConfirmRemove(true)}>
              Remove key
            </button>
          )}
        </div>
      </form>
      <p className="muted-text">
        &quot;Test key&quot; tries the key in the field, or the saved key when the field is empty.
      </p>
      <ActionMessageView message={message} />
      {confirmRemove && (
        <ConfirmDialog
          title="Remove the API key?"
          message="CAMB Watch stops checking tasks until you add a key again."
          confirmLabel="Remove key"
          onCancel={() => setConfirmRemove(false)}
          onConfirm={remove}
        />
      )}
    </section>
  );
}
