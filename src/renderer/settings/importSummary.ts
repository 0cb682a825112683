import type { InvokeResponse } from '../../shared/contract';

export type ImportReport = InvokeResponse<'importWatchList'>;

export interface ImportSummary {
  /** One sentence: what was imported, or what the file is and why it cannot be imported. */
  readonly sentence: string;
  /** Which entries were left out and why, one line each (at most MAX_DETAILS, then "…and N more"). */
  readonly details: readonly string[];
}

const MAX_DETAILS = 5;

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function entryLines(rejected: ImportReport['rejected']): string[] {
  const lines = rejected
    .slice(0, MAX_DETAILS)
    .map((entry) => `Entry ${(entry.index ?? 0) + 1}: ${entry.reason}.`);
  if (rejected.length > MAX_DETAILS) lines.push(`…and ${rejected.length - MAX_DETAILS} more.`);
  return lines;
}

/** What an import did, in words a person reads once: the core's report turned into one sentence. */
export function summarizeImport(report: ImportReport): ImportSummary {
  const fileProblem = report.rejected.find((entry) => entry.index === null);
  if (fileProblem !== undefined) return { sentence: fileProblem.reason, details: [] };

  const { added, alreadyWatched, rejected } = report;
  if (added.length + alreadyWatched.length + rejected.length === 0)
    return { sentence: 'This watch list has no tasks, so there was nothing to import.', details: [] };

  const details = entryLines(rejected);
  if (added.length === 0 && alreadyWatched.length === 0) {
    const sentence =
      rejected.length === 1
        ? 'Nothing was imported: the only entry in this file is not a task CAMB Watch can watch.'
        : `Nothing was imported: none of the ${rejected.length} entries in this file is a task CAMB Watch can watch.`;
    return { sentence, details };
  }

  const parts = [
    added.length === 0 ? 'No new task was imported' : `Imported ${count(added.length, 'task', 'tasks')}`,
  ];
  if (alreadyWatched.length > 0) parts.push(`${count(alreadyWatched.length, 'was', 'were')} already watched`);
  if (rejected.length > 0)
    parts.push(
      `${count(rejected.length, 'entry is not a task and was', 'entries are not tasks and were')} left out`,
    );
  return { sentence: `${parts.join('; ')}.`, details };
}
