import { CircleAlert, CircleCheck } from 'lucide-react';
import { useId, useState, type FormEvent, type RefObject } from 'react';
import type { KeyStatus } from '../../shared/contract';
import type { KeyCheck } from '../../shared/serviceState';
import { useBridge } from '../state/bridgeContext';
import { ActionMessageView } from '../common/ActionMessageView';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { StudioKeyHint } from '../common/StudioKeyLink';
import { useActionMessage } from '../common/useActionMessage';

/** What CAMB.AI said of the saved key, after where it is kept. */
const CHECK_TEXT: Record<KeyCheck, string> = {
  works: 'CAMB.AI accepted it.',
  rejected: 'CAMB.AI rejected it: tasks are not checked until you save a key that works.',
  'not-checked': 'Not checked yet: it is checked as soon as CAMB.AI answers.',
};

interface ApiKeySettingsProps {
  readonly keyStatus: KeyStatus;
  /** The key field, so "Add API key" elsewhere can put the cursor in it. */
  readonly keyFieldRef?: RefObject<HTMLInputElement | null>;
}

/**
 * The API key: whether one is set, where it is kept and whether CAMB.AI accepted it, never the key itself.
 * A typed key is sent to the app once and the field is emptied straight after; a key CAMB.AI rejects is
 * held here only until the user says whether to save it anyway.
 */
export function ApiKeySettings({ keyStatus, keyFieldRef }: ApiKeySettingsProps) {
  const bridge = useBridge();
  const id = useId();
  const [candidate, setCandidate] = useState('');
  const { busy, message, setMessage, run } = useActionMessage();
  const [confirmRemove, setConfirmRemove] = useState(false);
  /** A key CAMB.AI rejected, waiting for "Save anyway" or "Cancel"; nothing is saved meanwhile. */
  const [rejected, setRejected] = useState<{ apiKey: string; message: string } | null>(null);

  function saveKey(apiKey: string, saveEvenIfRejected: boolean) {
    void run(async () => {
      const outcome = await bridge.setApiKey({
        apiKey,
        ...(saveEvenIfRejected ? { saveEvenIfRejected } : {}),
      });
      if (!outcome.ok && outcome.rejectedByCamb) {
        setRejected({ apiKey, message: outcome.message });
        return { tone: 'error', text: `${outcome.message} The key was not saved.` };
      }
      return { tone: outcome.ok ? 'ok' : 'error', text: outcome.message };
    });
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const apiKey = candidate;
    setCandidate('');
    if (apiKey.trim() === '') {
      setMessage({ tone: 'error', text: 'Paste your CAMB.AI API key into the field first.' });
      return;
    }
    saveKey(apiKey, false);
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
                <CircleCheck size={12} strokeWidth={2.5} />
              </span>
              Key set
            </span>{' '}
            Kept in: {keyStatus.where ?? 'unknown place'}.
            {keyStatus.check !== null && (
              <>
                {' '}
                <span data-testid="key-check">{CHECK_TEXT[keyStatus.check]}</span>
              </>
            )}
          </>
        ) : (
          <>
            <span className="badge badge-failed">
              <span className="badge-glyph" aria-hidden="true">
                <CircleAlert size={12} strokeWidth={2.5} />
              </span>
              No key set
            </span>{' '}
            CAMB Watch cannot check tasks until you add one. <StudioKeyHint />
          </>
        )}
      </p>
      {/* Where the key is kept is said once: here only when no key is set, or the key in use lives elsewhere. */}
      {(!keyStatus.present ||
        keyStatus.where !== keyStatus.storeWhere ||
        keyStatus.storeProblem !== null) && (
        <p className="muted-text" data-testid="key-store">
          A key you save here is kept in: {keyStatus.storeWhere}.
          {keyStatus.storeProblem !== null && ` It cannot be used right now: ${keyStatus.storeProblem}`}
        </p>
      )}
      <form className="key-form" onSubmit={save}>
        <label htmlFor={`${id}-key`}>{keyStatus.present ? 'Replace key' : 'API key'}</label>
        <input
          id={`${id}-key`}
          ref={keyFieldRef}
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
      {rejected !== null && (
        <ConfirmDialog
          title="Save this key anyway?"
          message={`${rejected.message} If you save it anyway, no task is checked until you replace it.`}
          confirmLabel="Save anyway"
          onCancel={() => {
            setRejected(null);
            setMessage({ tone: 'error', text: 'The key was not saved.' });
          }}
          onConfirm={() => {
            const apiKey = rejected.apiKey;
            setRejected(null);
            saveKey(apiKey, true);
          }}
        />
      )}
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
