export interface OnceThisTurn {
  /** Runs the work once, after the current turn of the event loop, however often asked during it. */
  request(): void;
  /** Drops a run asked for and not yet made (on dispose). */
  cancel(): void;
}

/** A batch of changes (a start, an import, a replan of every task) gives one run, not one per change. */
export function onceThisTurn(work: () => void): OnceThisTurn {
  let queued = false;
  return {
    request() {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        if (!queued) return;
        queued = false;
        work();
      });
    },
    cancel() {
      queued = false;
    },
  };
}
