/**
 * A 403 may be one task's alone (another account's job) or the key's: the triage holds such answers until
 * one key check (a request for a task that cannot exist, shared by every 403 meanwhile) tells which.
 * A key that works stops those tasks alone ("forbidden"); a key refused too pauses all polling, as a 401.
 */
import type { TaskKey } from '../../../shared/watchedTask';
import type { AuthRejected, StatusOutcome } from '../camb';
import type { Entry, Request, Sent } from './trackedTask';

/** A task's 403 held until the key check tells whether the key or the task is the problem. */
export interface Refusal {
  readonly request: Request;
  readonly outcome: AuthRejected;
}

/** What a 403 to one task comes to at once: stop it, hold it for the key check, or blame the key. */
export type RefusalVerdict = 'forbidden' | 'held' | 'key';

/**
 * What the key check's answer says of each held 403: `forbidden`, the key works, the task is not ours;
 * `key`, the key is refused too; `rate-limited`, CAMB would not say; `unknown`, the check failed.
 */
export type KeyCheckVerdict = 'forbidden' | 'key' | 'rate-limited' | 'unknown';

export class ForbiddenTriage {
  /** 403s waiting for the key check; several at once share one. */
  private readonly refusals = new Map<TaskKey, Refusal>();
  private checking = false;
  /** The last key check that found the key working: a 403 to a request sent before it is the task's alone. */
  private keyWorked: Sent | null = null;

  /** `canCheckKey`: without a key check every 403 is blamed on the key. */
  constructor(private readonly canCheckKey: boolean) {}

  /** A key check should go out: 403s are held and none is in flight. */
  get keyCheckWanted(): boolean {
    return this.refusals.size > 0 && !this.checking;
  }

  /** `current`: the request carried the key in use, and that key is not known to be refused. */
  triage(request: Request, outcome: AuthRejected, current: boolean): RefusalVerdict {
    if (outcome.httpStatus !== 403 || !this.canCheckKey || !current) return 'key';
    const worked = this.keyWorked;
    if (worked !== null && worked.authStamp === request.authStamp && worked.seq > request.seq)
      return 'forbidden';
    this.refusals.set(request.entry.key, { request, outcome });
    return 'held';
  }

  keyCheckSent(): void {
    this.checking = true;
  }

  /**
   * Records the key check's answer and returns what it says of the 403s held (see take()); null when the
   * key changed since it was sent (`sameKey` false): its 403s were asked again with the new key.
   */
  keyCheckAnswered(sent: Sent, outcome: StatusOutcome, sameKey: boolean): KeyCheckVerdict | null {
    this.checking = false;
    if (!sameKey) return null;
    switch (outcome.type) {
      case 'status':
      case 'not-found':
        this.keyWorked = sent;
        return 'forbidden';
      case 'auth-rejected':
        return 'key';
      case 'rate-limited':
        return 'rate-limited';
      default:
        return 'unknown';
    }
  }

  /** The key changed: what the old one found says nothing of the new one. */
  forgetKey(): void {
    this.keyWorked = null;
  }

  /** Forgets the 403 held for a task no longer tracked. */
  forget(key: TaskKey): void {
    this.refusals.delete(key);
  }

  /** The held 403s of tasks still tracked (`tracked`), forgotten here. */
  take(tracked: (entry: Entry) => boolean): Refusal[] {
    const refusals = [...this.refusals.values()].filter(({ request }) => tracked(request.entry));
    this.refusals.clear();
    return refusals;
  }
}
