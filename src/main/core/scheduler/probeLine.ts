/**
 * One-off questions about an id under another kind (is this id known as another kind?), sent before due
 * polls: there are few, and someone waits for each. Probes and due polls take turns for the budget's
 * slots: under a budget kept full by polling a probe still goes out, and a poll (or a check the user
 * asked for) waits at most one slot for a probe.
 */
import type { TaskKind } from '../../../shared/taskKinds';
import type { StatusOutcome } from '../camb';

export interface Probe {
  readonly kind: TaskKind;
  readonly taskId: string;
  readonly resolve: (outcome: StatusOutcome) => void;
}

export class ProbeLine {
  private readonly waiting: Probe[] = [];
  private lastSlotWasProbe = false;

  get size(): number {
    return this.waiting.length;
  }

  add(probe: Probe): void {
    this.waiting.push(probe);
  }

  /** The probe that takes this slot, if one waits and it is a probe's turn (`pollDue`: a poll waits too). */
  takeTurn(pollDue: boolean): Probe | undefined {
    const probe = this.waiting[0];
    if (probe === undefined || (pollDue && this.lastSlotWasProbe)) return undefined;
    this.waiting.shift();
    this.lastSlotWasProbe = true;
    return probe;
  }

  /** A poll took this slot: the next is a probe's, if one waits. */
  pollSent(): void {
    this.lastSlotWasProbe = false;
  }

  /** Every probe still waiting, taken out (the scheduler ends: they are answered "not sent"). */
  drain(): Probe[] {
    return this.waiting.splice(0);
  }
}
