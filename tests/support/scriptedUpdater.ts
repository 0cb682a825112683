import type { UpdaterEvent, UpdaterPort } from '../../src/main/core/updates';

/**
 * An updater whose checks stay open until the test answers them, as electron-updater's would until the
 * server answers: `checks` counts them, `emit` plays its events, `answer`/`reject` end the latest check.
 */
export function scriptedUpdater() {
  const listeners = new Set<(event: UpdaterEvent) => void>();
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let checks = 0;
  let installs = 0;
  const port: UpdaterPort = {
    check: () => {
      checks += 1;
      return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
    },
    quitAndInstall: () => {
      installs += 1;
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    port,
    get checks() {
      return checks;
    },
    get installs() {
      return installs;
    },
    emit(event: UpdaterEvent) {
      for (const listener of listeners) listener(event);
    },
    /** Ends the latest check, telling first what it found (if anything). */
    async answer(...events: UpdaterEvent[]) {
      for (const event of events) this.emit(event);
      pending.shift()?.resolve();
      await Promise.resolve();
    },
    async reject(message: string) {
      pending.shift()?.reject(new Error(message));
      await new Promise((resolve) => setImmediate(resolve));
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}
