/** What happened to a store file that could not be used as it was. */
export interface StoreRecovery {
  /** Where the original file now is, byte for byte; null when there was no file to move. */
  readonly movedTo: string | null;
  /** A sentence for the user: what was wrong and what was done about it. */
  readonly reason: string;
  /** Saved tasks that could not be kept. */
  readonly droppedTasks: number;
}
