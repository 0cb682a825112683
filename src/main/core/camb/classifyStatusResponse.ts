import { z } from 'zod';
import { asText, contentTypeOf, looksLikeHtml, parseJson, summariseHtml, summaryLine } from './answerBody';
import { MAX_JSON_DEPTH } from './answerBody';
import type { CambAnswer, JsonParse } from './answerBody';
import { classifyFailureAnswer, isSuccessStatus } from './classifyFailure';
import type { Malformed, StatusOutcome } from './outcomes';
import { clipLine, clipText } from '../../../shared/format/clipText';
import { runIdSchema, TEXT_LIMIT } from '../../../shared/watchedTask';

/** Lenient on purpose: extra fields are CAMB.AI's business, and a numeric-string run id is still a run id. */
const statusBodySchema = z.looseObject({
  status: z.string().min(1, 'status should be a non-empty text'),
  // The store's own rule (a safe integer): a run id it cannot hold exactly must not get past here.
  run_id: z
    .union(
      [runIdSchema, z.string().regex(/^\d+$/).transform(Number).pipe(runIdSchema)],
      'should be a whole number',
    )
    .nullish(),
  exception_reason: z.unknown().optional(),
  message: z.unknown().optional(),
});

/** Classifies the answer to `GET /<kind>/{task_id}`. Pure: never throws, whatever the answer. */
export function classifyStatusResponse(answer: CambAnswer): StatusOutcome {
  if (!isSuccessStatus(answer.httpStatus)) return classifyFailureAnswer(answer, 'task');
  const json = parseJson(answer.bodyText);
  if (!json.ok) return notJson(answer, json);
  const parsed = statusBodySchema.safeParse(json.value);
  if (!parsed.success) {
    return unexpectedJson('the task status', parsed.error, answer);
  }
  const body = parsed.data;
  return {
    type: 'status',
    status: clipText(body.status, TEXT_LIMIT),
    runId: body.run_id ?? null,
    exceptionReason: optionalText(body.exception_reason),
    message: optionalText(body.message),
  };
}

/** Cut to the store's bound here, at the boundary, so a long reason is shortened rather than refused. */
function optionalText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return clipText(asText(value), TEXT_LIMIT);
}

/** A 2xx whose body is not JSON: an empty answer, a proxy's HTML page, plain text, or JSON nested too deep to read. */
export function notJson(answer: CambAnswer, json: JsonParse): Malformed {
  const text = answer.bodyText;
  const status = `(HTTP ${answer.httpStatus})`;
  if (!json.ok && json.tooDeep) {
    return {
      type: 'malformed',
      message: `CAMB.AI sent an unreadable answer ${status}: its JSON is nested more than ${MAX_JSON_DEPTH} levels deep`,
    };
  }
  if (text.trim() === '') {
    return { type: 'malformed', message: `CAMB.AI sent an empty answer ${status} where JSON was expected` };
  }
  if (looksLikeHtml(text, contentTypeOf(answer.headers))) {
    return {
      type: 'malformed',
      message: `CAMB.AI sent ${summariseHtml(text)} ${status} where JSON was expected`,
    };
  }
  return {
    type: 'malformed',
    message: `CAMB.AI sent text that is not JSON ${status}: ${clipLine(text, 80)}`,
  };
}

export function unexpectedJson(what: string, error: z.ZodError, answer: CambAnswer): Malformed {
  const issue = error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : `${issue.path.join('.')}: `;
  const problem = issue === undefined ? 'unexpected shape' : `${where}${issue.message}`;
  return {
    type: 'malformed',
    message: `CAMB.AI sent JSON that is not ${what} (HTTP ${answer.httpStatus}): ${summaryLine(problem)}`,
  };
}
