import './results.css';
import { useId, useState } from 'react';
import { resultNeedsTargetLanguage } from '../../shared/taskKinds';
import type { WatchedTask } from '../../shared/watchedTask';
import { taskKey } from '../../shared/watchedTask';
import { hasResultText } from '../../shared/results/resultText';
import { languageCodeSchema } from '../../shared/contract';
import type { TaskDownloads } from '../state/appStatus';
import { ResultFiles } from './ResultFiles';
import { ResultPlayer } from './ResultPlayer';
import { ResultText } from './ResultText';
import { useResultView } from './useResultView';

interface TaskResultProps {
  readonly task: WatchedTask;
  readonly downloads: TaskDownloads | undefined;
}

/**
 * A finished task's result in its details: fetched when shown, then its audio in a player (speech, sound
 * effects, stories), every file it has and the text it carries. A translated story's result lives per language, so that one asks for the language first.
 */
export function TaskResult({ task, downloads }: TaskResultProps) {
  const id = useId();
  const key = taskKey(task.kind, task.taskId);
  const asksLanguage = resultNeedsTargetLanguage(task.kind);
  const [languageInput, setLanguageInput] = useState('');
  const [language, setLanguage] = useState<string | null | undefined>(asksLanguage ? null : undefined);
  const [languageError, setLanguageError] = useState<string | null>(null);
  const { result, retry } = useResultView(key, language);
  const targetLanguage = language ?? undefined;

  function chooseLanguage() {
    const parsed = languageCodeSchema.safeParse(languageInput);
    if (!parsed.success) {
      setLanguageError(
        languageInput.trim() === ''
          ? 'Enter the target language of this result first, e.g. "fr".'
          : 'A target language is a code such as "fr" or "es-mx".',
      );
      return;
    }
    setLanguageError(null);
    setLanguage(parsed.data);
  }

  return (
    <section className="task-result" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Result</h3>
      {asksLanguage && (
        <form
          className="field field-inline"
          onSubmit={(event) => {
            event.preventDefault();
            chooseLanguage();
          }}
        >
          <label htmlFor={`${id}-language`}>Target language code</label>
          <input
            id={`${id}-language`}
            type="text"
            value={languageInput}
            placeholder="e.g. fr or es-mx"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={languageError !== null}
            aria-describedby={languageError !== null ? `${id}-language-error` : undefined}
            onChange={(event) => setLanguageInput(event.target.value)}
          />
          <button type="submit" className={language === null ? 'primary' : undefined}>
            Show result
          </button>
          {languageError !== null && (
            <p id={`${id}-language-error`} className="field-error" role="alert">
              {languageError}
            </p>
          )}
        </form>
      )}
      {result.state === 'loading' && (
        <p className="muted-text" role="status">
          Fetching the result from CAMB.AI…
        </p>
      )}
      {result.state === 'failed' && (
        <div className="result-failed">
          <p className="field-error" role="alert">
            {result.message}
          </p>
          {!result.needsTargetLanguage && (
            <button type="button" onClick={retry}>
              Try again
            </button>
          )}
        </div>
      )}
      {result.state === 'loaded' && (
        <>
          {result.view.player !== undefined && <ResultPlayer kind={task.kind} player={result.view.player} />}
          {result.view.links.length > 0 && (
            <ResultFiles
              taskKey={key}
              kind={task.kind}
              linkNames={result.view.links.map((link) => link.name)}
              targetLanguage={targetLanguage}
              downloads={downloads}
            />
          )}
          {hasResultText(result.view) && (
            <ResultText
              taskKey={key}
              parts={result.view}
              targetLanguage={targetLanguage}
              downloads={downloads}
            />
          )}
          {result.view.links.length === 0 && !hasResultText(result.view) && (
            <p>This result has no file and no text to show.</p>
          )}
        </>
      )}
    </section>
  );
}
