import type { UpdaterEvent, UpdaterPort } from '../../src/main/core/updates';

/**
 * An updater whose checks stay open until the test answers them, as electron-updater's would until the
 * server answers: `checks` counts them, `emit` plays its events, `answer`/`reject` end the oldest open
 * check (one the controller gave up, too: a late answer), `abandoned` counts the checks given up, and
 * `installs` lists each quitAndInstall with whether the app was to start again.
 */
export function scriptedUpdater() {
  const listeners = new Set<(event: UpdaterEvent) => void>();
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let checks = 0;
  let abandoned = 0;
  const installs: { relaunch: boolean }[] = [];
  const port: UpdaterPort = {
    check: () => {
      checks += 1;
      return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
    },
    abandon: () => {
      abandoned += 1;
    },
    quitAndInstall: ({ relaunch }) => {
      installs.push({ relaunch });
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
      return installs.length;
    },
    get installsAsked() {
      return [...installs];
    },
    get abandoned() {
      return abandoned;
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
