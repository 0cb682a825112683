import { resultRequestProblem, type TaskResult } from '../../main/core/camb';
import { inertLine } from '../../shared/format/inertText';
import type { TaskKind } from '../../shared/taskKinds';
import { openApiAccess } from '../apiAccess';
import type { CliContext } from '../cliContext';
import { describeFailure, describeRetry } from '../describeFailure';
import { EXIT, type ExitCode } from '../exitCodes';
import { retryTransient } from '../retryTransient';

interface ResultRequest {
  kind: TaskKind;
  runId: number;
  targetLanguage: string | null;
  json: boolean;
}

/** `camb-watch result`: the output links (and texts) of a finished run. Links expire after about a day. */
export async function resultCommand(context: CliContext, request: ResultRequest): Promise<ExitCode> {
  const { kind, runId, targetLanguage, json } = request;
  const { out } = context;
  const resultOptions = targetLanguage === null ? {} : { targetLanguage };
  // A request that cannot be made is a usage error, whether or not a key is set.
  const refusal = resultRequestProblem(kind, resultOptions);
  if (refusal !== null) {
    out.note(
      refusal.type === 'target-language-required'
        ? `${refusal.message}: add --target-language <code>.`
        : `${refusal.message}.`,
    );
    return EXIT.usage;
  }
  const access = await openApiAccess(context);
  if (!access.ok) return access.exitCode;
  const outcome = await retryTransient(
    context.clock,
    () => access.client.getResult(kind, runId, resultOptions),
    (failure, waitMs) => out.note(describeRetry(failure, waitMs)),
  );
  switch (outcome.type) {
    case 'result':
      if (json) out.json(resultJson(outcome.result));
      else out.line(resultText(outcome.result));
      return EXIT.ok;
    case 'no-result-endpoint':
    case 'target-language-required':
      // Ruled out above; kept so every outcome is handled.
      out.note(`${outcome.message}.`);
      return EXIT.usage;
    default: {
      const verdict = describeFailure(outcome, access.keySource);
      out.note(verdict.message);
      return verdict.exitCode;
    }
  }
}

function resultJson(result: TaskResult) {
  return {
    kind: result.kind,
    run_id: result.runId,
    links: result.links,
    ...(result.texts ? { texts: result.texts } : {}),
    ...(result.transcript ? { transcript: result.transcript } : {}),
    details: result.details,
  };
}

function resultText(result: TaskResult): string {
  const lines = [`${result.kind} run ${result.runId}:`];
  // Every name and text is CAMB.AI's: one line each, so none can pass for a line of its own.
  for (const link of result.links) lines.push(`  ${inertLine(link.name)}: ${inertLine(link.url)}`);
  for (const text of result.texts ?? []) lines.push(`  text: ${inertLine(text)}`);
  for (const segment of result.transcript ?? []) {
    const speaker = segment.speaker === null ? '' : `${inertLine(segment.speaker)}: `;
    lines.push(`  [${segment.start}–${segment.end}] ${speaker}${inertLine(segment.text)}`);
  }
  if (lines.length === 1) lines.push('  (no links or texts in this result)');
  else if (result.links.length > 0) lines.push('Links expire after about 24 hours.');
  return lines.join('\n');
}
