import type { KeyValueStore } from './keyValueStore';

/**
 * A KeyValueStore held in memory, for tests and for runs that must leave nothing on disk. Values are
 * copied through JSON on the way in and out, as a file-backed store would, so callers cannot share
 * objects with it by accident.
 */
export class MemoryStore<T extends Record<string, unknown>> implements KeyValueStore<T> {
  readonly path = '(in memory)';
  private json: string;

  constructor(initial: T) {
    this.json = JSON.stringify(initial);
  }

  get store(): T {
    return JSON.parse(this.json) as T;
  }

  set store(value: T) {
    this.json = JSON.stringify(value);
  }
}
