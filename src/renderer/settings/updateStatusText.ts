import type { UpdateState } from '../../shared/updateState';

/** The one line Settings says about the app's own updates. */
export function updateStatusText(state: UpdateState): string {
  switch (state.phase) {
    case 'idle':
      return state.checkedAt === null ? 'Not checked yet.' : 'Up to date.';
    case 'checking':
      return 'Checking for updates…';
    case 'downloading':
      return `Downloading version ${state.version}: ${state.percent} %`;
    case 'ready':
      // Not at a log-off or shutdown (an installer then can leave the app broken): only these two.
      return `Version ${state.version} is ready. It is installed when you restart CAMB Watch or quit it from its icon.`;
    case 'error':
      return state.message;
    case 'unavailable':
      return state.reason;
  }
}
