import type { StatusReport } from '../main/core/camb';
import { inertLine } from '../shared/format/inertText';
import { statusPhase } from '../shared/taskStatus';
import type { TaskKind } from '../shared/taskKinds';

/** The JSON form scripts read, for `status --json` and each line of `wait --json`. */
export function statusJson(kind: TaskKind, taskId: string, report: StatusReport) {
  return {
    kind,
    task_id: taskId,
    status: report.status,
    run_id: report.runId,
    exception_reason: report.exceptionReason,
    message: report.message,
  };
}

/** "story 3f2a…: SUCCESS (run 4242)", then the failure reason and message when CAMB.AI sent them. */
export function statusText(kind: TaskKind, taskId: string, report: StatusReport): string {
  const details: string[] = [];
  if (report.runId !== null) details.push(`run ${report.runId}`);
  if (statusPhase(report.status) === 'unknown') details.push('a status CAMB.AI does not document');
  // One line per field, whatever CAMB.AI put in it: a line break there cannot fake a line of output.
  let text = `${kind} ${inertLine(taskId)}: ${inertLine(report.status)}${details.length ? ` (${details.join(', ')})` : ''}`;
  if (report.exceptionReason !== null) text += `\n  reason: ${inertLine(report.exceptionReason)}`;
  if (report.message !== null) text += `\n  message: ${inertLine(report.message)}`;
  return text;
}
