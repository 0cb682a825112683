import { app } from 'electron';

export interface AppLifetime {
  /** True once a quit has begun: start-up stops where it is. */
  readonly ending: boolean;
  /** Runs when a quit begins, before windows close (now, if it has begun). */
  onQuitStarts(action: () => void): void;
  /** Runs once when the app ends, newest first (now, if it has ended): saving and letting go. */
  onEnd(dispose: () => void): void;
  /** Ends everything now (the session is ending and may not wait for will-quit). */
  end(): void;
}

/**
 * The app's end, listened for before anything else exists: a quit from the tray while the keychain is
 * still being read (or a permission prompt is open) must end the app, saving what exists, rather than
 * be lost because the listeners came later.
 */
export function startAppLifetime(): AppLifetime {
  let quitting = false;
  let ended = false;
  const atQuit: (() => void)[] = [];
  const atEnd: (() => void)[] = [];

  const end = () => {
    if (ended) return;
    ended = true;
    quitting = true;
    for (const dispose of atEnd.splice(0).reverse()) dispose();
  };
  app.on('before-quit', () => {
    quitting = true;
    for (const action of atQuit.splice(0)) action();
  });
  app.on('will-quit', end);

  return {
    get ending() {
      return quitting || ended;
    },
    onQuitStarts(action) {
      if (quitting) action();
      else atQuit.push(action);
    },
    onEnd(dispose) {
      if (ended) dispose();
      else atEnd.push(dispose);
    },
    end,
  };
}
