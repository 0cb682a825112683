import type { DurationModels } from '../../shared/durations';

/**
 * What the core has learned of how long each kind of job takes, as the window last heard it. It changes
 * when a job finishes (rarely), so one version number tells every reader, and the Insights view, to look
 * again.
 */
export class DurationStore {
  private models: DurationModels | null = null;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  get(): DurationModels | null {
    return this.models;
  }

  /** Changes whenever the models were replaced. */
  changes(): number {
    return this.version;
  }

  replace(models: DurationModels): void {
    this.models = models;
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
