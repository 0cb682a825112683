import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { NEW_TASK_FIELDS } from '../../../shared/watchedTask';

/**
 * The version the persisted document is at. Bump it (semver) together with a new entry in
 * `documentMigrations` whenever the shape of PersistedDocument changes.
 */
export const DOCUMENT_PROJECT_VERSION = '1.0.0';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fields a 1.0 task has that older or hand-written entries may lack. */
const TASK_FIELD_DEFAULTS = {
  ...NEW_TASK_FIELDS,
  // The real time is unknown: 0 sorts such a task after every task added since.
  addedAt: 0,
};

/**
 * Brings a document written before 1.0 (no version recorded, or a hand-written file holding only
 * `{kind, taskId}` entries) to the 1.0 shape by filling every missing field with its default. It never
 * throws and leaves values it does not understand as they are, so the schema check after loading still
 * sees them and the file is moved aside rather than silently rewritten.
 */
export function fillDocumentDefaults(document: Record<string, unknown>): Record<string, unknown> {
  const tasks = document.tasks ?? [];
  const settings = document.settings ?? {};
  return {
    ...document,
    tasks: Array.isArray(tasks)
      ? tasks.map((task: unknown) => (isPlainObject(task) ? { ...TASK_FIELD_DEFAULTS, ...task } : task))
      : tasks,
    settings: isPlainObject(settings) ? { ...DEFAULT_SETTINGS, ...settings } : settings,
  };
}

/** What a migration step needs from the store: conf and electron-store pass themselves. */
export interface MigratableStore {
  store: Record<string, unknown>;
}

/**
 * conf-style migrations, keyed by the version they bring the document to. conf runs the ones above the
 * version recorded in the file (all of them for a file that records none) and never for a new file.
 */
export const documentMigrations = {
  '1.0.0': (store: MigratableStore) => {
    store.store = fillDocumentDefaults(store.store);
  },
} satisfies Record<string, (store: MigratableStore) => void>;
