import { isTransientFailure } from '../../main/core/camb';
import { createScheduler } from '../../main/core/scheduler';
import { formatDuration } from '../../shared/format/duration';
import { inertLine } from '../../shared/format/inertText';
import type { TaskKind } from '../../shared/taskKinds';
import { buildDurationModel } from '../../shared/durations';
import { isTerminalStatus, statusPhase } from '../../shared/taskStatus';
import { taskKey } from '../../shared/watchedTask';
import { openApiAccess } from '../apiAccess';
import type { CliContext } from '../cliContext';
import { describeFailure, describeRetry } from '../describeFailure';
import { EXIT, type ExitCode } from '../exitCodes';
import { statusJson, statusText } from '../statusReport';
import { createEstimateNotes } from '../waitEstimate';
import { appWatchListFile, readWatchHistory } from '../watchHistory';

/** "0 s" for the first answer, which usually arrives within the first second. */
function elapsedLabel(ms: number): string {
  return ms < 1000 ? '0 s' : formatDuration(ms);
}

interface WaitRequest {
  kind: TaskKind;
  taskId: string;
  timeoutMs: number | null;
  json: boolean;
}

/**
 * `camb-watch wait`: polls one task with the app's own scheduler until it ends, printing each status change.
 * Temporary faults (5xx, 429, network, malformed answers, unknown statuses) are reported on stderr and
 * retried with backoff; only the task's end, a key or id problem, --timeout or Ctrl-C stop it. While the
 * task runs, stderr also says how long it may take, from the desktop app's history of this kind of job
 * when there is one (read only), else from the usual time for the kind.
 */
export async function waitCommand(context: CliContext, request: WaitRequest): Promise<ExitCode> {
  const { kind, taskId, timeoutMs, json } = request;
  const { out, clock } = context;
  const access = await openApiAccess(context);
  if (!access.ok) return access.exitCode;

  const startedAt = clock.now();
  const key = taskKey(kind, taskId);
  const history = readWatchHistory(appWatchListFile(context.env), kind, taskId);
  // A task the app already watches has run since it was added there, not since this wait began.
  const runningSince = history.addedAt !== null && history.addedAt <= startedAt ? history.addedAt : startedAt;
  const estimates = createEstimateNotes(buildDurationModel(kind, history.runs), runningSince, (text) =>
    out.note(text),
  );
  const scheduler = createScheduler({
    clock,
    check: (task) => access.client.getStatus(task.kind, task.taskId),
  });
  const unsubscribe: (() => void)[] = [];
  let timeoutTimer: ReturnType<typeof clock.setTimer> | null = null;

  const exitCode = await new Promise<ExitCode>((finish) => {
    const fail = (message: string, code: ExitCode) => {
      out.note(message);
      finish(code);
    };
    unsubscribe.push(
      scheduler.on('statusChanged', ({ report, at }) => {
        if (json) out.json(statusJson(kind, taskId, report));
        else out.line(`[${elapsedLabel(at - startedAt)}] ${statusText(kind, taskId, report)}`);
        if (statusPhase(report.status) === 'unknown') {
          out.note(
            `CAMB.AI reported "${inertLine(report.status)}", which it does not document; still watching.`,
          );
        }
      }),
      scheduler.on('finished', ({ report }) => {
        finish(statusPhase(report.status) === 'succeeded' ? EXIT.ok : EXIT.taskFailed);
      }),
      scheduler.on('checked', ({ outcome, nextCheckAt, checkedAt }) => {
        if (!json && outcome.type === 'status' && !isTerminalStatus(outcome.status))
          estimates.stillRunning(checkedAt);
        if (isTransientFailure(outcome) && outcome.type !== 'rate-limited') {
          out.note(describeRetry(outcome, nextCheckAt === null ? null : nextCheckAt - clock.now()));
        } else if (outcome.type === 'not-found' || outcome.type === 'invalid') {
          const verdict = describeFailure(outcome, access.keySource);
          fail(verdict.message, verdict.exitCode);
        }
      }),
      scheduler.on('rateLimited', ({ outcome, until }) => {
        out.note(describeRetry(outcome, until - clock.now()));
      }),
      scheduler.on('authProblem', ({ outcome }) => {
        const verdict = describeFailure(outcome, access.keySource);
        fail(verdict.message, verdict.exitCode);
      }),
    );
    if (timeoutMs !== null) {
      timeoutTimer = clock.setTimer(() => {
        fail(
          `Gave up after ${formatDuration(timeoutMs)} (--timeout): ${kind} task ${taskId} has not finished. ` +
            'It keeps running at CAMB.AI; wait again or check it with `camb-watch status`.',
          EXIT.timedOut,
        );
      }, timeoutMs);
    }
    void context.interrupted.then(() => finish(EXIT.interrupted));
    scheduler.track({ key, kind, taskId, addedAt: startedAt, lastCheckAt: null, status: null });
  });

  if (timeoutTimer !== null) clock.clearTimer(timeoutTimer);
  for (const stop of unsubscribe) stop();
  scheduler.dispose();
  return exitCode;
}
