import { MemoryStore } from '../../../src/main/core/persistence/memoryStore';
import { emptyDocument, type PersistedDocument } from '../../../src/main/core/persistence/persistedDocument';

/** An in-memory document store that records every write, for asserting how often the watch list saves. */
export class CountingStore extends MemoryStore<PersistedDocument> {
  writes = 0;
  /** When each write happened, by `now` (the test's clock). */
  readonly writeTimes: number[] = [];
  failNextWrites = 0;

  constructor(
    initial: PersistedDocument = emptyDocument(),
    private readonly now: () => number = () => 0,
  ) {
    super(initial);
  }

  override get store(): PersistedDocument {
    return super.store;
  }

  override set store(value: PersistedDocument) {
    if (this.failNextWrites > 0) {
      this.failNextWrites -= 1;
      throw new Error('disk full');
    }
    this.writes += 1;
    this.writeTimes.push(this.now());
    super.store = value;
  }
}
