import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusOutcome } from '../../../src/main/core/camb/outcomes';
import { VirtualClock } from '../../../src/main/core/clock/virtualClock';
import type { Logger } from '../../../src/main/core/logging/logger';
import { journalFileFor } from '../../../src/main/core/persistence/actionJournal';
import {
  applyJournalLines,
  readJournal,
  type JournalLine,
} from '../../../src/main/core/persistence/journalLine';
import { MAX_JOURNAL_SEQ } from '../../../src/main/core/persistence/persistedDocument';
import { openDocumentStore } from '../../../src/main/core/persistence/openDocumentStore';
import { attachActionJournal } from '../../../src/main/core/persistence/replayJournal';
import { emptyDocument, type PersistedDocument } from '../../../src/main/core/persistence/persistedDocument';
import { documentStoreFile } from '../../../src/main/core/persistence/storeOptions';
import { createWatchList } from '../../../src/main/core/watchList/watchList';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { newWatchedTask, taskKey, type WatchedTask } from '../../../src/shared/watchedTask';
import { CountingStore } from './countingStore';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'camb-watch-journal-'));
  folders.push(folder);
  return folder;
}

interface LogEntry {
  level: string;
  message: string;
  details: string;
}

function recordingLogger(): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const record =
    (level: string) =>
    (message: string, details?: Record<string, unknown>): void => {
      entries.push({ level, message, details: JSON.stringify(details ?? {}) });
    };
  return {
    entries,
    logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
  };
}

/** Opens the watch list saved in `cwd` as the app does (document, then journal replayed). */
function open(cwd: string, clock = new VirtualClock(1_000), logger = recordingLogger().logger) {
  const { store } = openDocumentStore({ cwd, clock, logger });
  return { store, clock, list: createWatchList({ store, clock, logger }) };
}

/** Opens as `open` does, with the recovery notice the user would see. */
function openWithNotice(cwd: string, logger = recordingLogger().logger) {
  const clock = new VirtualClock(1_000);
  const { store, recovery } = openDocumentStore({ cwd, clock, logger });
  return { clock, recovery, list: createWatchList({ store, clock, logger }) };
}

const setAsideJournals = (cwd: string) =>
  fs.readdirSync(cwd).filter((name) => name.startsWith('watch-list.journal.corrupt-'));

const journalOf = (cwd: string) => journalFileFor(documentStoreFile(cwd));
const journalLines = (cwd: string) => readJournal(fs.readFileSync(journalOf(cwd))).lines;
const documentOf = (cwd: string) =>
  JSON.parse(fs.readFileSync(documentStoreFile(cwd), 'utf8')) as PersistedDocument;

function task(taskId: string, fields: Partial<WatchedTask> = {}): WatchedTask {
  return { ...newWatchedTask('story', taskId, null, 5), ...fields };
}

/** A folder holding `document` and a journal of `text`, as a run that was killed left them. */
function leftBehind(document: PersistedDocument, text: string): string {
  const cwd = tempFolder();
  fs.writeFileSync(documentStoreFile(cwd), JSON.stringify(document));
  fs.writeFileSync(journalOf(cwd), text);
  return cwd;
}

const line = (value: JournalLine): string => `${JSON.stringify(value)}\n`;

const success: StatusOutcome = {
  type: 'status',
  status: 'SUCCESS',
  runId: 7,
  exceptionReason: null,
  message: null,
};

describe('action journal: a user action is one flushed line, before the call returns', () => {
  it('puts the resulting task in the journal, not the document, and a reopened store has it', () => {
    const cwd = tempFolder();
    const { list } = open(cwd);
    const documentBefore = fs.readFileSync(documentStoreFile(cwd), 'utf8');
    list.add('story', 'a', 'First');
    list.rename(taskKey('story', 'a'), 'Renamed');
    list.updateSettings({ notifyOnSuccess: false });
    list.remove(taskKey('story', 'a'));
    list.add('story', 'b');

    // Nothing waited for the document: each action is its line.
    expect(fs.readFileSync(documentStoreFile(cwd), 'utf8')).toBe(documentBefore);
    const lines = journalLines(cwd);
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(lines[1]?.put?.[0]).toMatchObject({ taskId: 'a', label: 'Renamed' });
    expect(lines[2]?.settings).toEqual({ ...DEFAULT_SETTINGS, notifyOnSuccess: false });
    expect(lines[2]?.put).toBeUndefined();
    expect(lines[3]?.delete).toEqual(['story:a']);

    // As after a kill: the running list is never disposed.
    const reopened = open(cwd).list;
    expect(reopened.list().map((t) => t.taskId)).toEqual(['b']);
    expect(reopened.getSettings().notifyOnSuccess).toBe(false);
    // The replayed list was written to the document and the journal emptied.
    expect(documentOf(cwd)).toMatchObject({ journalSeq: 5, tasks: [{ taskId: 'b' }] });
    expect(journalLines(cwd)).toEqual([]);
  });

  it('empties the journal once the document holding its lines is written', async () => {
    const cwd = tempFolder();
    const { list, clock } = open(cwd);
    list.add('story', 'a');
    list.add('story', 'b');
    expect(journalLines(cwd)).toHaveLength(2);
    await clock.advance(1_000);
    expect(documentOf(cwd)).toMatchObject({ journalSeq: 2, tasks: [{ taskId: 'a' }, { taskId: 'b' }] });
    expect(journalLines(cwd)).toEqual([]);
    // Numbering goes on after the emptying.
    list.add('story', 'c');
    expect(journalLines(cwd).map((l) => l.seq)).toEqual([3]);
  });

  it('writes the document at once when the journal cannot take the line', () => {
    const cwd = tempFolder();
    const { list, store } = open(cwd);
    list.add('story', 'a');
    store.journal?.close();
    list.add('story', 'b');
    // The document holds line 1 too: it is not replayed over it.
    expect(documentOf(cwd)).toMatchObject({ journalSeq: 1, tasks: [{ taskId: 'a' }, { taskId: 'b' }] });
    expect(
      open(cwd)
        .list.list()
        .map((t) => t.taskId),
    ).toEqual(['a', 'b']);
  });

  it('saves an action too large for one line (a big import) by writing the document at once', () => {
    const cwd = tempFolder();
    const { list } = open(cwd);
    const label = 'x'.repeat(200);
    const entries = Array.from({ length: 4_000 }, (_, i) => ({ kind: 'story', taskId: `t${i}`, label }));
    list.importJson(JSON.stringify({ tasks: entries }));
    expect(documentOf(cwd).tasks).toHaveLength(4_000);
    expect(journalLines(cwd)).toEqual([]);
  });
});

describe('action journal: replay at start', () => {
  it('leaves out a last line cut short by a crash, and says so without what it held', () => {
    const whole = line({ seq: 1, put: [task('a')] });
    const torn = line({ seq: 2, put: [task('b', { label: 'secret-looking label' })] }).slice(0, 60);
    // The file is allocated ahead in zeros: a line cut short is followed by them.
    const cwd = leftBehind(emptyDocument(), whole + torn + '\0'.repeat(512));
    const { logger, entries } = recordingLogger();
    const { list } = open(cwd, undefined, logger);
    expect(list.list().map((t) => t.taskId)).toEqual(['a']);
    expect(entries.some((e) => e.message.includes('cut short'))).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('secret-looking');
  });

  it('leaves out a line that does not fit the schema, keeps the journal aside as it was, and tells the user', () => {
    const bad = line({ seq: 2, put: [task('b', { label: 'x'.repeat(5_000) })] });
    const text =
      line({ seq: 1, put: [task('a')] }) + bad + 'not json at all\n' + line({ seq: 3, put: [task('c')] });
    const cwd = leftBehind(emptyDocument(), text);
    const { logger, entries } = recordingLogger();
    const { list, recovery } = openWithNotice(cwd, logger);
    expect(list.list().map((t) => t.taskId)).toEqual(['a', 'c']);
    const warning = entries.find((e) => e.level === 'warn' && e.message.includes('could not be read'));
    expect(warning?.message).toContain('2 lines');
    expect(warning?.details).toContain('2, 3');
    expect(JSON.stringify(entries)).not.toContain('xxxxxxxx');
    // The evidence is kept byte for byte before the journal is emptied, and the user hears of it.
    expect(setAsideJournals(cwd)).toHaveLength(1);
    expect(fs.readFileSync(path.join(cwd, setAsideJournals(cwd)[0] ?? ''), 'utf8')).toBe(text);
    expect(recovery?.movedTo).toBe(path.join(cwd, setAsideJournals(cwd)[0] ?? ''));
    expect(recovery?.reason).toMatch(
      /^2 recent changes could not be read back .* left out; the others were kept\./,
    );
    expect(recovery?.reason).toContain('make that change again');
    expect(journalLines(cwd)).toEqual([]);
  });

  it('sets aside a line written by a newer version (a kind this one does not know) and a line out of order', () => {
    const newer = `${JSON.stringify({ seq: 2, put: [{ ...task('b'), kind: 'podcast' }] })}\n`;
    const cwd = leftBehind(
      emptyDocument(),
      line({ seq: 1, put: [task('a')] }) +
        newer +
        line({ seq: 3, put: [task('c')] }) +
        line({ seq: 3, delete: ['story:c'] }),
    );
    const { list, recovery } = openWithNotice(cwd);
    expect(list.list().map((t) => t.taskId)).toEqual(['a', 'c']);
    expect(recovery?.reason).toMatch(/^2 recent changes could not be read back/);
    expect(setAsideJournals(cwd)).toHaveLength(1);
  });

  it('refuses a line numbered 2^53 − 1 as not CAMB Watch’s, and every later action is still saved', async () => {
    const cwd = leftBehind(
      emptyDocument(),
      line({ seq: 1, put: [task('a')] }) + line({ seq: Number.MAX_SAFE_INTEGER, put: [task('hostile')] }),
    );
    const { list, clock, recovery } = openWithNotice(cwd);
    expect(recovery?.reason).toMatch(/^One recent change could not be read back/);
    expect(list.list().map((t) => t.taskId)).toEqual(['a']);
    list.add('story', 'b');
    await clock.advance(1_000);
    expect(documentOf(cwd)).toMatchObject({ journalSeq: 2, tasks: [{ taskId: 'a' }, { taskId: 'b' }] });
    expect(openWithNotice(cwd).recovery).toBeNull();
  });

  it('numbers lines from 1 again after a document recording the highest number, losing no action', async () => {
    const cwd = leftBehind({ ...emptyDocument(), journalSeq: MAX_JOURNAL_SEQ }, '');
    const { list, clock } = open(cwd);
    for (const id of ['a', 'b', 'c', 'd']) list.add('story', id);
    // As after a kill: what was acknowledged is on disk, whichever way it was saved.
    expect(
      open(cwd)
        .list.list()
        .map((t) => t.taskId),
    ).toEqual(['a', 'b', 'c', 'd']);
    list.add('story', 'e');
    await clock.advance(1_000);
    expect(documentOf(cwd).journalSeq).toBeLessThan(10);
    expect(openWithNotice(cwd).recovery).toBeNull();
  });

  it('says nothing to the user of a last line cut short, or of lines the document already holds', () => {
    const document = { ...emptyDocument(), tasks: [task('kept')], journalSeq: 2 };
    const torn = line({ seq: 4, put: [task('never-confirmed')] }).slice(0, 40);
    const cwd = leftBehind(
      document,
      line({ seq: 1, put: [task('old')] }) + line({ seq: 3, put: [task('new')] }) + torn,
    );
    const { list, recovery } = openWithNotice(cwd);
    expect(list.list().map((t) => t.taskId)).toEqual(['kept', 'new']);
    expect(recovery).toBeNull();
    expect(setAsideJournals(cwd)).toEqual([]);
  });

  it('applies only the lines above the seq the document records, in order, and numbers on from the highest', () => {
    // Lines 1 and 2 are in the document already: replaying them would bring back a removed task.
    const document = { ...emptyDocument(), tasks: [task('kept')], journalSeq: 2 };
    const cwd = leftBehind(
      document,
      line({ seq: 1, put: [task('removed')] }) +
        line({ seq: 2, delete: ['story:removed'] }) +
        line({ seq: 3, put: [task('new')] }) +
        line({ seq: 4, put: [task('new', { label: 'Named' })] }),
    );
    const { list } = open(cwd);
    expect(list.list().map((t) => [t.taskId, t.label])).toEqual([
      ['kept', null],
      ['new', 'Named'],
    ]);
    list.add('story', 'later');
    expect(journalLines(cwd).map((l) => l.seq)).toEqual([5]);
  });

  it('is idempotent: lines replayed twice give the list replayed once', () => {
    const lines: JournalLine[] = [
      { seq: 1, put: [task('a'), task('b')] },
      { seq: 2, delete: ['story:a'], put: [task('b', { muted: true })] },
      { seq: 3, settings: { ...DEFAULT_SETTINGS, pollingPaused: true } },
    ];
    const once = applyJournalLines(emptyDocument(), lines);
    const twice = applyJournalLines({ ...once, journalSeq: 0 }, lines);
    expect({ ...twice, journalSeq: 0 }).toEqual({ ...once, journalSeq: 0 });
    expect(once.tasks).toEqual([task('b', { muted: true })]);
    expect(once.settings.pollingPaused).toBe(true);
  });

  it('loses nothing when a crash comes between the document write and the emptying of the journal', async () => {
    const cwd = tempFolder();
    const { list, clock } = open(cwd);
    list.add('story', 'a');
    list.add('story', 'b');
    list.remove(taskKey('story', 'a'));
    const journalBefore = fs.readFileSync(journalOf(cwd));
    // A status learnt by polling reaches the document with the next write, after the lines.
    list.applyCheck(taskKey('story', 'b'), { outcome: success, checkedAt: clock.now() });
    await clock.advance(1_000);
    expect(documentOf(cwd).journalSeq).toBe(3);
    // As if the emptying never reached the disk.
    fs.writeFileSync(journalOf(cwd), journalBefore);

    const reopened = open(cwd).list;
    // The old lines are not replayed over the newer document: b keeps the status they did not have.
    expect(reopened.list().map((t) => [t.taskId, t.status])).toEqual([['b', 'SUCCESS']]);
    reopened.add('story', 'c');
    expect(journalLines(cwd).map((l) => l.seq)).toEqual([4]);
  });

  it('keeps the replayed list and the journal when the document cannot be written at start', () => {
    const cwd = leftBehind(emptyDocument(), line({ seq: 1, put: [task('a')] }));
    const journalBefore = fs.readFileSync(journalOf(cwd));
    const failing = new CountingStore();
    failing.failNextWrites = 1;
    const { store } = attachActionJournal(failing, documentStoreFile(cwd), 0, recordingLogger().logger);
    expect(store.store.tasks.map((t) => t.taskId)).toEqual(['a']);
    expect(fs.readFileSync(journalOf(cwd))).toEqual(journalBefore);
    // Until the document holds line 1, no line may follow it: the action writes the document.
    const list = createWatchList({ store, clock: new VirtualClock(), logger: recordingLogger().logger });
    list.add('story', 'b');
    expect(failing.store).toMatchObject({ journalSeq: 1, tasks: [{ taskId: 'a' }, { taskId: 'b' }] });
    expect(journalLines(cwd)).toEqual([]);
    list.add('story', 'c');
    expect(journalLines(cwd).map((l) => l.seq)).toEqual([2]);
  });

  it('moves a journal too large to be CAMB Watch’s aside unread, and tells the user', () => {
    const cwd = leftBehind(emptyDocument(), line({ seq: 1, put: [task('a')] }));
    fs.truncateSync(journalOf(cwd), 60 * 1024 * 1024);
    const { list, recovery } = openWithNotice(cwd);
    expect(list.list()).toEqual([]);
    expect(setAsideJournals(cwd)).toHaveLength(1);
    expect(fs.statSync(path.join(cwd, setAsideJournals(cwd)[0] ?? '')).size).toBe(60 * 1024 * 1024);
    expect(recovery?.reason).toMatch(
      /was 60 MB, far larger than CAMB Watch writes it, so it was set aside unread/,
    );
    expect(fs.statSync(journalOf(cwd)).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('names both places in one notice when the document and the journal were set aside', () => {
    const cwd = leftBehind(emptyDocument(), 'not json at all\n');
    fs.writeFileSync(documentStoreFile(cwd), '{ damaged');
    const { recovery } = openWithNotice(cwd);
    expect(recovery?.movedTo).toContain('watch-list.json.corrupt-');
    expect(recovery?.reason).toMatch(/^The saved watch list could not be used as it was/);
    expect(recovery?.reason).toContain(`It was kept at ${path.join(cwd, setAsideJournals(cwd)[0] ?? '')}`);
  });
});
