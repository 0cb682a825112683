import { useId, useState, type FormEvent } from 'react';
import type { AutoSave } from '../../shared/autoSave';
import type { Settings } from '../../shared/settings';
import { TASK_KINDS, taskKindInfo, type TaskKind } from '../../shared/taskKinds';
import { useSettingsUpdate } from './useSettingsUpdate';

/**
 * Save results automatically: a folder (its whole path) and the kinds whose results go there as their
 * jobs succeed. CAMB.AI's links expire in about a day; a saved file stays. The app checks the path and
 * says in words what is wrong with it; whether the folder can be written is found out at each save.
 */
export function AutoSaveSettings({ settings }: { readonly settings: Settings }) {
  const id = useId();
  const { update, error } = useSettingsUpdate();
  // What was last asked for, shown until the saved settings come back (or the change is refused): a
  // ticked kind shows ticked at once, and a change made before the last one came back builds on it
  // rather than on the settings before it (which would undo a folder just saved).
  const [asked, setAsked] = useState<AutoSave | null>(null);
  const [saved, setSaved] = useState(settings.autoSave);
  if (saved !== settings.autoSave) {
    setSaved(settings.autoSave);
    setAsked(null);
  }
  const { folder, kinds } = asked ?? settings.autoSave;
  const [typed, setTyped] = useState(folder ?? '');

  function ask(next: AutoSave) {
    setAsked(next);
    void update({ autoSave: next }).then((taken) => {
      if (!taken) setAsked(null);
    });
  }

  function saveFolder(event: FormEvent) {
    event.preventDefault();
    ask({ folder: typed, kinds });
  }

  function toggleKind(kind: TaskKind, on: boolean) {
    const next = on ? [...kinds, kind] : kinds.filter((candidate) => candidate !== kind);
    ask({ folder, kinds: next });
  }

  const state =
    folder === null
      ? 'Off: no folder chosen.'
      : kinds.length === 0
        ? `Off: no kind chosen. Folder: ${folder}`
        : `On: ${kinds.map((kind) => taskKindInfo(kind).title).join(', ')} results are saved into ${folder}`;
  return (
    <fieldset className="settings-section">
      <legend>Save results automatically</legend>
      <p className="muted-text" data-testid="auto-save-state">
        {state}
      </p>
      <form className="key-form" onSubmit={saveFolder}>
        <label htmlFor={`${id}-folder`}>Folder (its whole path)</label>
        <input
          id={`${id}-folder`}
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="/home/me/CAMB results"
          value={typed}
          aria-invalid={error !== null}
          onChange={(event) => setTyped(event.target.value)}
        />
        <div className="button-row">
          <button type="submit">Save folder</button>
          {folder !== null && (
            <button
              type="button"
              onClick={() => {
                setTyped('');
                ask({ folder: null, kinds });
              }}
            >
              Stop saving
            </button>
          )}
        </div>
      </form>
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div role="group" aria-labelledby={`${id}-kinds`} className="auto-save-kinds">
        <p id={`${id}-kinds`} className="toggle-label">
          Save the results of
        </p>
        {TASK_KINDS.map((kind) => (
          <label key={kind} className="toggle">
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              onChange={(event) => toggleKind(kind, event.target.checked)}
            />
            <span className="toggle-label">{taskKindInfo(kind).title}</span>
          </label>
        ))}
      </div>
      <p className="muted-text">
        A file of the same name already there is never replaced: the new one gets “(2)”. A save that fails
        says why and is tried again a few minutes later.
      </p>
    </fieldset>
  );
}
