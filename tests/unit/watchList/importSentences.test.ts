import { describe, expect, it } from 'vitest';
import { entryProblem, readImportEntries } from '../../../src/main/core/watchList/exchangeFormat';

/** The one sentence a file that cannot be imported gets, exactly as the user reads it. */
function refusal(text: string): string {
  const read = readImportEntries(text);
  if (read.ok) throw new Error('expected the file to be refused');
  return read.reason;
}

describe('import: what a file is and why it cannot be imported, in one sentence', () => {
  it('says an empty file is empty', () => {
    expect(refusal('')).toBe('This file is empty, so there is nothing to import.');
    expect(refusal('\uFEFF  \n')).toBe('This file is empty, so there is nothing to import.');
  });

  it('says a CSV or text file is not JSON, naming what it looks like', () => {
    expect(refusal('kind,taskId,label\nstory,abc,Chapter 1\n')).toBe(
      'This file is not JSON (it looks like a CSV or spreadsheet file), so it is not a CAMB Watch watch list.',
    );
    expect(refusal('my tasks to watch\nabc\n')).toBe(
      'This file is not JSON (it looks like a text file), so it is not a CAMB Watch watch list.',
    );
  });

  it('says JSON from another app is not a watch list, and why', () => {
    expect(refusal('{"name": "my-app", "version": "1.0.0", "dependencies": {}}')).toBe(
      'This is a JSON file, but not a CAMB Watch watch list: it has no "tasks" list.',
    );
    expect(refusal('{"format": "other-app/backup", "tasks": []}')).toBe(
      'This is a JSON file, but not a CAMB Watch watch list: its "format" is "other-app/backup".',
    );
    expect(refusal('{"tasks": {"a": 1}}')).toBe(
      'This is a JSON file, but not a CAMB Watch watch list: its "tasks" is an object, not a list.',
    );
    expect(refusal('42')).toBe(
      'This is a JSON file, but not a CAMB Watch watch list: it holds a number, not a list of tasks.',
    );
  });

  it('says a watch list from a newer CAMB Watch needs an update', () => {
    expect(refusal('{"format": "camb-watch/watch-list", "version": 2, "tasks": []}')).toBe(
      'This watch list was saved by a newer CAMB Watch (file version 2); update CAMB Watch to import it.',
    );
    expect(refusal('{"format": "camb-watch/watch-list", "version": "x", "tasks": []}')).toBe(
      'This watch list has a file version CAMB Watch does not know ("x"), so it cannot be imported.',
    );
  });

  it('reads the entries of a watch list, a bare list, and an object with a tasks list', () => {
    expect(readImportEntries('{"format": "camb-watch/watch-list", "version": 1, "tasks": [1]}')).toEqual({
      ok: true,
      entries: [1],
      runs: [],
    });
    expect(readImportEntries('[1, 2]')).toEqual({ ok: true, entries: [1, 2], runs: [] });
    expect(readImportEntries('{"tasks": []}')).toEqual({ ok: true, entries: [], runs: [] });
  });

  it('says why an entry is not a task, without validator wording', () => {
    expect(entryProblem({ id: 7, name: 'x' })).toBe('it has no "kind" and no "taskId", so it is not a task');
    expect(entryProblem({ taskId: 'a' })).toBe('it has no "kind"');
    expect(entryProblem({ kind: 'podcast', taskId: 'a' })).toBe(
      'its kind "podcast" is not one CAMB Watch knows',
    );
    expect(entryProblem({ kind: 'story' })).toBe('it has no "taskId"');
    expect(entryProblem({ kind: 'story', taskId: 12 })).toBe('its "taskId" is a number, not text');
    expect(entryProblem({ kind: 'story', taskId: 'a', label: ['x'] })).toBe(
      'its "label" is a list, not text',
    );
    expect(entryProblem({ kind: 'story', taskId: 'a', label: 'x'.repeat(201) })).toBe(
      'its label is longer than 200 characters',
    );
    expect(entryProblem(null)).toBe('it is an empty value (null), not a task');
    expect(entryProblem([1])).toBe('it is a list, not a task');
  });
});
