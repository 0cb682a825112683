import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseTaskId } from '../main/core/taskId';
import { parseDuration } from '../shared/format/duration';
import { DEFAULT_TASK_KIND, taskKindSchema, type TaskKind } from '../shared/taskKinds';

/** What the command line asked for, fully validated: nothing is sent for anything that fails here. */
export type CliCommand =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'status'; kind: TaskKind; taskId: string; json: boolean }
  | { name: 'wait'; kind: TaskKind; taskId: string; timeoutMs: number | null; json: boolean }
  | { name: 'result'; kind: TaskKind; runId: number; targetLanguage: string | null; json: boolean }
  | { name: 'key-set' }
  | { name: 'key-status'; json: boolean }
  | { name: 'key-clear' };

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; error: string };

const OPTIONS = {
  kind: { type: 'string' },
  timeout: { type: 'string' },
  'target-language': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Which options each command takes; anything else is a usage error rather than silently ignored. */
const ALLOWED: Record<string, readonly (keyof typeof OPTIONS)[]> = {
  status: ['kind', 'json'],
  wait: ['kind', 'timeout', 'json'],
  result: ['kind', 'target-language', 'json'],
  'key set': [],
  'key status': ['json'],
  'key clear': [],
};

const runIdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,15}$/, 'a run id is a whole number, such as 4242 (the run_id of a finished task)')
  .transform(Number);

const languageSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9_-]{1,20}$/,
    'a target language is a short code such as "fr-fr" or a numeric language id',
  );

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, error: describeParseError(error) };
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { ok: true, command: { name: 'help' } };
  if (values.version === true) return { ok: true, command: { name: 'version' } };

  const [verb, ...operands] = positionals;
  if (verb === undefined) return { ok: false, error: 'no command given' };
  const commandName = verb === 'key' ? `key ${operands[0] ?? ''}`.trim() : verb;
  const allowed = ALLOWED[commandName];
  if (allowed === undefined) {
    return verb === 'key'
      ? {
          ok: false,
          error: `"key" takes one of: set, status, clear${operands[0] ? ` (not "${operands[0]}")` : ''}`,
        }
      : { ok: false, error: `unknown command "${verb}"` };
  }
  const stray = (Object.keys(values) as (keyof typeof OPTIONS)[]).find((option) => !allowed.includes(option));
  if (stray !== undefined) return { ok: false, error: `"${commandName}" does not take --${stray}` };

  const json = values.json === true;
  if (verb === 'key') {
    if (operands.length > 1) return { ok: false, error: `"${commandName}" takes no further arguments` };
    if (commandName === 'key set') return { ok: true, command: { name: 'key-set' } };
    if (commandName === 'key status') return { ok: true, command: { name: 'key-status', json } };
    return { ok: true, command: { name: 'key-clear' } };
  }

  if (operands.length !== 1) {
    const what = verb === 'result' ? 'run id' : 'task id';
    return {
      ok: false,
      error:
        operands.length === 0
          ? `"${verb}" needs a ${what}`
          : `"${verb}" takes one ${what}, not ${operands.length}`,
    };
  }
  const operand = operands[0] ?? '';
  const kind = taskKindSchema.safeParse(values.kind ?? DEFAULT_TASK_KIND);
  if (!kind.success) return { ok: false, error: firstIssue(kind.error) };

  if (verb === 'result') {
    const runId = runIdSchema.safeParse(operand);
    if (!runId.success) return { ok: false, error: firstIssue(runId.error) };
    let targetLanguage: string | null = null;
    if (values['target-language'] !== undefined) {
      const language = languageSchema.safeParse(values['target-language']);
      if (!language.success) return { ok: false, error: firstIssue(language.error) };
      targetLanguage = language.data;
    }
    return {
      ok: true,
      command: { name: 'result', kind: kind.data, runId: runId.data, targetLanguage, json },
    };
  }

  const taskId = parseTaskId(operand);
  if (!taskId.ok) return { ok: false, error: taskId.error };
  if (verb === 'status')
    return { ok: true, command: { name: 'status', kind: kind.data, taskId: taskId.taskId, json } };

  let timeoutMs: number | null = null;
  if (values.timeout !== undefined) {
    const timeout = parseDuration(values.timeout);
    if (!timeout.ok) return { ok: false, error: `--timeout: ${timeout.error}` };
    timeoutMs = timeout.ms;
  }
  return { ok: true, command: { name: 'wait', kind: kind.data, taskId: taskId.taskId, timeoutMs, json } };
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'invalid input';
}

/** node:util's messages mention internals ("parseArgs"); say it in the CLI's own words. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknownOption = /Unknown option '([^']+)'/.exec(message);
  if (unknownOption) return `unknown option ${unknownOption[1]}`;
  const missingValue = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missingValue) return `${missingValue[1]} needs a value`;
  // "--kind --json" or "--timeout -5m": the next word starts with a dash, so it is not taken as the value.
  const dashValue = /Option '(?:-\w, )?(--[\w-]+)' argument is ambiguous/.exec(message);
  if (dashValue) {
    const option = dashValue[1] ?? '';
    return `${option} needs a value; to give one that starts with "-", write ${option}=<value>`;
  }
  return message.replace(/\. To specify a positional argument.*$/s, '');
}
