import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/main/core/persistence/memoryStore';
import { DOCUMENT_PROJECT_VERSION, documentMigrations } from '../../../src/main/core/persistence/migrations';
import { persistedDocumentSchema } from '../../../src/main/core/persistence/persistedDocument';
import { salvageDocument } from '../../../src/main/core/persistence/salvage';
import { documentStoreOptions } from '../../../src/main/core/persistence/storeOptions';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

describe('persisted document: migrations', () => {
  it('declares a migration for the current project version', () => {
    expect(Object.keys(documentMigrations)).toContain(DOCUMENT_PROJECT_VERSION);
    expect(documentStoreOptions).toMatchObject({
      projectVersion: DOCUMENT_PROJECT_VERSION,
      clearInvalidConfig: false,
    });
  });

  it('1.0.0 fills every missing field of an old or hand-written document', () => {
    const store = new MemoryStore<Record<string, unknown>>({
      tasks: [
        { kind: 'story', taskId: 'a' },
        { kind: 'dub', taskId: 'b', label: 'kept', notified: true },
      ],
      settings: { responsiveness: 'frugal' },
    });
    documentMigrations['1.0.0'](store);
    const migrated = persistedDocumentSchema.parse(store.store);
    expect(migrated.settings).toEqual({ ...DEFAULT_SETTINGS, responsiveness: 'frugal' });
    expect(migrated.tasks[0]).toMatchObject({
      kind: 'story',
      taskId: 'a',
      label: null,
      history: [],
      notified: false,
      muted: false,
    });
    expect(migrated.tasks[1]).toMatchObject({ label: 'kept', notified: true });
  });

  it('1.0.0 gives an empty document its defaults and leaves values it does not understand for the schema check', () => {
    const empty = new MemoryStore<Record<string, unknown>>({});
    documentMigrations['1.0.0'](empty);
    expect(persistedDocumentSchema.parse(empty.store)).toEqual({ tasks: [], settings: DEFAULT_SETTINGS });

    const odd = new MemoryStore<Record<string, unknown>>({ tasks: 'many', settings: 3 });
    expect(() => documentMigrations['1.0.0'](odd)).not.toThrow();
    expect(odd.store).toEqual({ tasks: 'many', settings: 3 });
  });
});

describe('persisted document: salvage', () => {
  it('keeps the valid tasks, drops damaged and duplicate ones, and resets invalid settings', () => {
    const good = { kind: 'story', taskId: 'a' };
    const result = salvageDocument({
      tasks: [good, { kind: 'nope', taskId: 'b' }, 7, good],
      settings: { responsiveness: 'turbo' },
    });
    expect(result).toMatchObject({ kind: 'partial', droppedTasks: 3, settingsReset: false });
    if (result.kind !== 'partial') throw new Error('unreachable');
    expect(result.document.tasks.map((t) => t.taskId)).toEqual(['a']);
    expect(result.document.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.settingsProblems).toHaveLength(1);
  });

  it('a bad quiet-hours value resets quiet hours alone, says why, and keeps every other setting', () => {
    const result = salvageDocument({
      tasks: [{ kind: 'story', taskId: 'a' }],
      settings: {
        ...DEFAULT_SETTINGS,
        compactDensity: true,
        soundOnFailure: 'chime',
        quietHours: { ...DEFAULT_SETTINGS.quietHours, enabled: true, end: '25:00' },
      },
    });
    if (result.kind !== 'partial') throw new Error(`expected a partial salvage, got ${result.kind}`);
    expect(result.document.settings).toEqual({
      ...DEFAULT_SETTINGS,
      compactDensity: true,
      soundOnFailure: 'chime',
    });
    expect(result.settingsProblems).toEqual([
      'Quiet hours were turned off: the end time of quiet hours must be a time from 00:00 to 23:59, such as 22:00',
    ]);
  });

  it('settings that are not an object at all go back to their defaults', () => {
    const result = salvageDocument({ tasks: [], settings: 'loud' });
    expect(result).toMatchObject({ kind: 'partial', settingsReset: true, settingsProblems: [] });
  });

  it('calls anything that is not an object holding a task list unusable', () => {
    expect(salvageDocument([1, 2])).toEqual({ kind: 'unusable', problem: 'it is not a JSON object' });
    expect(salvageDocument(null).kind).toBe('unusable');
    expect(salvageDocument({ tasks: { a: 1 } })).toEqual({
      kind: 'unusable',
      problem: 'it holds no list of tasks',
    });
  });
});

describe('persisted document: sounds, Do not disturb and suggested kinds', () => {
  it('a file saved before they existed loads with their defaults', () => {
    const { soundOnSuccess, soundOnFailure, doNotDisturbUntil, ...older } = DEFAULT_SETTINGS;
    expect([soundOnSuccess, soundOnFailure, doNotDisturbUntil]).toEqual(['system', 'system', null]);
    const salvage = salvageDocument({
      tasks: [{ kind: 'story', taskId: 'old-1', addedAt: 1 }],
      settings: { ...older, notifyOnSuccess: false },
    });
    expect(salvage.kind).toBe('valid');
    if (salvage.kind !== 'valid') return;
    expect(salvage.document.settings).toMatchObject({
      notifyOnSuccess: false,
      soundOnSuccess: 'system',
      soundOnFailure: 'system',
      doNotDisturbUntil: null,
    });
    expect(salvage.document.tasks[0]?.suggestedKind).toBeNull();
  });

  it('keeps what was chosen', () => {
    const salvage = salvageDocument({
      tasks: [],
      settings: { ...DEFAULT_SETTINGS, soundOnFailure: 'chime', doNotDisturbUntil: 1_800_000_000_000 },
    });
    expect(salvage.kind === 'valid' && salvage.document.settings).toMatchObject({
      soundOnFailure: 'chime',
      doNotDisturbUntil: 1_800_000_000_000,
    });
  });
});
