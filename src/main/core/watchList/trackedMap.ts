/**
 * A Map that remembers which keys were set or deleted since it was last asked, and what each held before,
 * however the change was made: what a user action changed is then known without each action listing it,
 * and can be put back when the action could not be saved. Build it empty (Map's constructor would call
 * `set` before the record of changes exists).
 */
export class TrackedMap<K, V> extends Map<K, V> {
  /** Each key changed, in the order first changed, with its value before (undefined: it was absent). */
  private before = new Map<K, V | undefined>();

  private remember(key: K): void {
    if (!this.before.has(key)) this.before.set(key, super.get(key));
  }

  override set(key: K, value: V): this {
    this.remember(key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.remember(key);
    return super.delete(key);
  }

  override clear(): void {
    for (const key of this.keys()) this.remember(key);
    super.clear();
  }

  /** The keys changed since the last call, in the order they were first changed. */
  takeChanged(): K[] {
    return [...this.takeChanges().keys()];
  }

  /** Like takeChanged, with what each key held before (undefined: it was absent), for `putBack`. */
  takeChanges(): Map<K, V | undefined> {
    const changes = this.before;
    this.before = new Map();
    return changes;
  }

  /** Undoes the changes `takeChanges` handed out; recorded as no change. */
  putBack(changes: ReadonlyMap<K, V | undefined>): void {
    for (const [key, value] of changes)
      if (value === undefined) super.delete(key);
      else super.set(key, value);
  }
}
