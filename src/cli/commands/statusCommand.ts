import { hasFailed } from '../../shared/watchedTask';
import type { TaskKind } from '../../shared/taskKinds';
import { openApiAccess } from '../apiAccess';
import { appSavingProblem } from '../appSavingCheck';
import type { CliContext } from '../cliContext';
import { describeFailure, describeRetry } from '../describeFailure';
import { EXIT, type ExitCode } from '../exitCodes';
import { retryTransient } from '../retryTransient';
import { statusJson, statusText } from '../statusReport';

/**
 * `camb-watch status`: one look at a task. Exit 1 when it ended in failure, 0 otherwise. When the desktop
 * app cannot save its watch list (a full or read-only disk), stderr says so and what to do: the task's
 * status stays the answer (and the exit code), whatever the disk.
 */
export async function statusCommand(
  context: CliContext,
  { kind, taskId, json }: { kind: TaskKind; taskId: string; json: boolean },
): Promise<ExitCode> {
  const saving = appSavingProblem(context.env);
  if (saving !== null)
    context.out.note(`CAMB Watch is not saving changes: ${saving.summary}. ${saving.message}`);
  const access = await openApiAccess(context);
  if (!access.ok) return access.exitCode;
  const outcome = await retryTransient(
    context.clock,
    () => access.client.getStatus(kind, taskId),
    (failure, waitMs) => context.out.note(describeRetry(failure, waitMs)),
  );
  if (outcome.type !== 'status') {
    const verdict = describeFailure(outcome, access.keySource);
    context.out.note(verdict.message);
    return verdict.exitCode;
  }
  if (json) context.out.json(statusJson(kind, taskId, outcome));
  else context.out.line(statusText(kind, taskId, outcome));
  return hasFailed(outcome) ? EXIT.taskFailed : EXIT.ok;
}
