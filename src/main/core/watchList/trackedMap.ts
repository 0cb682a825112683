/**
 * A Map that remembers which keys were set or deleted since it was last asked, however the change was
 * made: what a user action changed is then known without each action listing it. Build it empty (Map's
 * constructor would call `set` before the record of changes exists).
 */
export class TrackedMap<K, V> extends Map<K, V> {
  private changed = new Set<K>();

  override set(key: K, value: V): this {
    this.changed.add(key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.changed.add(key);
    return super.delete(key);
  }

  override clear(): void {
    for (const key of this.keys()) this.changed.add(key);
    super.clear();
  }

  /** The keys changed since the last call, in the order they were first changed. */
  takeChanged(): K[] {
    const keys = [...this.changed];
    this.changed.clear();
    return keys;
  }
}
