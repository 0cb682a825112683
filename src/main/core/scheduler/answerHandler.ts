/**
 * What each answer from CAMB.AI does: to its task (queued again, stopped, finished), to the episodes
 * (connection lost or back, key rejected) and holds (rate limit, 403 triage), and which events it makes,
 * in their order: episode news first, then `checked`, then status news, so a listener reacting to a check
 * already knows whether CAMB is reachable and the key accepted (e.g. the tray never shows a fresh answer
 * under a stale "offline" icon).
 */
import { isTerminalStatus, statusPhase } from '../../../shared/taskStatus';
import type { StopCause } from '../../../shared/watchedTask';
import type { Clock } from '../clock';
import type { AuthRejected, RateLimited, StatusOutcome, StatusReport } from '../camb';
import type { TypedEmitter } from '../events';
import type { ForbiddenTriage } from './forbiddenTriage';
import type { Probe } from './probeLine';
import type { RateLimitHold } from './rateLimitHold';
import type { Reachability } from './reachability';
import type { SchedulerEvents } from './schedulerTypes';
import type { Entry, Request, Sent, TrackedTasks } from './trackedTask';

/** One 'checked' event to emit. */
interface Checked {
  readonly request: Request;
  readonly outcome: StatusOutcome;
  readonly nextCheckAt: number | null;
  readonly stopCause: StopCause | null;
}

type Emit = () => void;

/** The scheduler's parts an answer changes. */
export interface AnswerEffects {
  readonly clock: Clock;
  readonly tasks: TrackedTasks;
  readonly reach: Reachability;
  readonly triage: ForbiddenTriage;
  readonly hold: RateLimitHold;
  readonly emitter: TypedEmitter<SchedulerEvents>;
  /** Queues a task again at its next planned time, returned. */
  requeue(entry: Entry): number;
  /** Puts a task the server turned away back where it stood. */
  returnToQueue(request: Request): void;
  /** Sends what may go next, once an answer's events are out. */
  pump(): void;
}

export class AnswerHandler {
  constructor(private readonly parts: AnswerEffects) {}

  /** A task's status request was answered. */
  task(request: Request, outcome: StatusOutcome): void {
    const { entry } = request;
    if (!this.parts.tasks.holds(entry)) {
      this.parts.pump();
      return;
    }
    const now = this.parts.clock.now();
    entry.lastCheckAt = request.sentAt;
    const episodeEvents: Emit[] = [];
    const statusEvents: Emit[] = [];
    this.noteReachability(request, outcome, episodeEvents);
    if (request.retry === true && this.parts.hold.retryAnswered(outcome))
      episodeEvents.push(() => this.parts.emitter.emit('rateLimitEnded', {}));

    let nextCheckAt: number | null;
    let stopCause: StopCause | null = null;
    switch (outcome.type) {
      case 'status':
        nextCheckAt = this.onStatus(entry, outcome, now, statusEvents);
        break;
      case 'server-error':
      case 'malformed':
      case 'network':
        entry.strikes++;
        nextCheckAt = this.parts.requeue(entry);
        break;
      case 'rate-limited':
        nextCheckAt = Math.max(request.dueAt, this.rateLimit(outcome, now, episodeEvents));
        this.parts.returnToQueue(request);
        break;
      case 'auth-rejected': {
        const verdict = this.onAuthRejected(request, outcome, episodeEvents);
        if (verdict === 'held') {
          // Told once the key check answers; episode news (e.g. connectivity back) goes out now.
          this.announce(episodeEvents, []);
          return;
        }
        ({ nextCheckAt, stopCause } = verdict);
        break;
      }
      case 'not-found':
      case 'invalid':
        // Asking again will not change the answer; checkNow(key) restarts it if the user says so.
        this.parts.tasks.setPhase(entry, 'stopped');
        nextCheckAt = null;
        stopCause = outcome.type;
        break;
    }
    this.announce(episodeEvents, [{ request, outcome, nextCheckAt, stopCause }], statusEvents);
  }

  /** The key check (see ForbiddenTriage) was answered: what it says decides every 403 held. */
  keyCheck(sent: Sent, outcome: StatusOutcome): void {
    const now = this.parts.clock.now();
    const episodeEvents: Emit[] = [];
    this.noteReachability(sent, outcome, episodeEvents);
    if (outcome.type === 'rate-limited') this.rateLimit(outcome, now, episodeEvents);
    const sameKey = sent.authStamp === this.parts.reach.auth.stamp();
    const verdict = this.parts.triage.keyCheckAnswered(sent, outcome, sameKey);
    // A new key since the check was sent: its 403s went back to the queue, to be asked with the new key.
    if (verdict === null) {
      this.announce(episodeEvents, []);
      return;
    }
    const refusals = this.parts.triage.take((entry) => this.parts.tasks.holds(entry));
    const checks = refusals.map(({ request, outcome: refusal }): Checked => {
      const decided = (nextCheckAt: number | null, stopCause: StopCause | null = null): Checked => ({
        request,
        outcome: refusal,
        nextCheckAt,
        stopCause,
      });
      switch (verdict) {
        case 'forbidden':
          this.parts.tasks.setPhase(request.entry, 'stopped');
          return decided(null, 'forbidden');
        case 'key':
          this.parts.returnToQueue(request);
          return decided(null);
        case 'rate-limited':
          this.parts.returnToQueue(request);
          return decided(Math.max(request.dueAt, this.parts.hold.until ?? now));
        case 'unknown':
          // The check could not tell: ask for the task again later, as after any failed answer.
          request.entry.strikes++;
          return decided(this.parts.requeue(request.entry));
      }
    });
    if (outcome.type === 'auth-rejected' && this.parts.reach.auth.begin(sent.authStamp))
      episodeEvents.push(() => this.parts.emitter.emit('authProblem', { outcome }));
    this.announce(episodeEvents, checks);
  }

  /** A probe was answered: it counts for reachability and rate limits like a poll; its asker hears it. */
  probe(sent: Sent, probe: Probe, outcome: StatusOutcome): void {
    const episodeEvents: Emit[] = [];
    this.noteReachability(sent, outcome, episodeEvents);
    if (outcome.type === 'rate-limited') this.rateLimit(outcome, this.parts.clock.now(), episodeEvents);
    probe.resolve(outcome);
    this.announce(episodeEvents, []);
  }

  /** Emits one answer's news in its order (episodes, checks, statuses), then sends what may go next. */
  private announce(
    episodeEvents: readonly Emit[],
    checks: readonly Checked[],
    statusEvents: readonly Emit[] = [],
  ) {
    for (const emit of episodeEvents) emit();
    for (const { request, outcome, nextCheckAt, stopCause } of checks)
      this.parts.emitter.emit('checked', {
        key: request.entry.key,
        outcome,
        checkedAt: request.sentAt,
        nextCheckAt,
        stopCause,
      });
    for (const emit of statusEvents) emit();
    this.parts.pump();
  }

  /** What any answer says of the connection: failures in a row make CAMB unreachable; an answer ends it. */
  private noteReachability(sent: Sent, outcome: StatusOutcome, episodeEvents: Emit[]): void {
    this.parts.hold.answered(outcome);
    const news = this.parts.reach.note(sent, outcome);
    if (news === 'lost' && outcome.type === 'network')
      episodeEvents.push(() => this.parts.emitter.emit('connectivityProblem', { outcome }));
    else if (news === 'restored')
      episodeEvents.push(() => this.parts.emitter.emit('connectivityRestored', {}));
  }

  /**
   * A 401 means the key is invalid: everything waits for a new one. A 403 may be this task's alone (see
   * ForbiddenTriage): held for the key check, or stopped at once when a later one found the key working.
   */
  private onAuthRejected(
    request: Request,
    outcome: AuthRejected,
    episodeEvents: Emit[],
  ): 'held' | { nextCheckAt: number | null; stopCause: StopCause | null } {
    const verdict = this.parts.triage.triage(request, outcome, this.parts.reach.keyCurrent(request));
    if (verdict === 'forbidden') {
      this.parts.tasks.setPhase(request.entry, 'stopped');
      return { nextCheckAt: null, stopCause: 'forbidden' };
    }
    if (verdict === 'held') {
      this.parts.tasks.setPhase(request.entry, 'awaiting-key-check');
      return 'held';
    }
    this.parts.returnToQueue(request);
    const { auth } = this.parts.reach;
    if (auth.begin(request.authStamp))
      episodeEvents.push(() => this.parts.emitter.emit('authProblem', { outcome }));
    return { nextCheckAt: auth.active ? null : request.dueAt, stopCause: null };
  }

  private onStatus(entry: Entry, report: StatusReport, now: number, statusEvents: Emit[]): number | null {
    const { emitter } = this.parts;
    const from = entry.status;
    entry.status = report.status;
    if (from !== report.status)
      statusEvents.push(() =>
        emitter.emit('statusChanged', { key: entry.key, from, to: report.status, at: now, report }),
      );
    if (isTerminalStatus(report.status)) {
      this.parts.tasks.delete(entry.key);
      statusEvents.push(() => emitter.emit('finished', { key: entry.key, report, at: now }));
      return null;
    }
    // An undocumented status may mean trouble on CAMB's side: keep asking, but less and less often.
    entry.strikes = statusPhase(report.status) === 'pending' ? 0 : entry.strikes + 1;
    return this.parts.requeue(entry);
  }

  /** Holds every request until CAMB's wait is over (announced once per hold); returns when that is. */
  private rateLimit(outcome: RateLimited, now: number, episodeEvents: Emit[]): number {
    const { until, began } = this.parts.hold.begin(outcome, now);
    if (began) episodeEvents.push(() => this.parts.emitter.emit('rateLimited', { until, outcome }));
    return until;
  }
}
