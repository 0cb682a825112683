import { z } from 'zod';
import { clipLine } from '../../../shared/format/clipText';
import type { ValidationDetail } from './outcomes';

/** The part of a Headers object the classifiers read, so tests can pass a plain lookup. */
export interface HeaderLookup {
  get(name: string): string | null;
}

/** Everything the classifiers need from one HTTP answer; no I/O left to do. */
export interface CambAnswer {
  readonly httpStatus: number;
  readonly headers: HeaderLookup;
  readonly bodyText: string;
  /** Clock time the answer arrived, for Retry-After dates. */
  readonly receivedAt: number;
}

const SUMMARY_LIMIT = 200;

export type JsonParse =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly tooDeep: boolean };

/** Far deeper than any answer of CAMB.AI's; shallow enough that reading the value never exhausts the stack. */
export const MAX_JSON_DEPTH = 100;

/**
 * JSON.parse itself is iterative, but nearly everything that reads its value after (validation, redaction,
 * JSON.stringify, String()) recurses: a hostile answer nested 200,000 levels deep would overflow the stack
 * there. Such an answer is not read at all.
 */
export function parseJson(text: string): JsonParse {
  if (nestingExceeds(text, MAX_JSON_DEPTH)) return { ok: false, tooDeep: true };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, tooDeep: false };
  }
}

/** Whether brackets outside strings nest deeper than `limit`; one pass, no recursion. */
function nestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // a backslash: the next character is escaped
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return false;
}

export function contentTypeOf(headers: HeaderLookup): string {
  return (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function looksLikeHtml(bodyText: string, contentType: string): boolean {
  return contentType === 'text/html' || /^\s*<(!doctype|html|head|body)\b/i.test(bodyText);
}

/** One line, at most SUMMARY_LIMIT characters: bodies can be whole pages and end up in a tray tooltip. */
export function summaryLine(text: string): string {
  return clipLine(text, SUMMARY_LIMIT);
}

/** Names an HTML page by its title or first heading instead of dumping its markup. */
export function summariseHtml(html: string): string {
  const title =
    /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const text = title === undefined ? '' : summaryLine(title.replace(/<[^>]*>/g, ''));
  return text === '' ? 'an HTML page' : `an HTML page titled "${text}"`;
}

const validationDetailSchema = z.looseObject({
  loc: z.array(z.unknown()).catch([]),
  msg: z.unknown(),
  type: z.unknown(),
});

/** FastAPI's `detail` list; items of other shapes are kept as far as they can be read. */
export function readValidationDetails(detail: unknown): ValidationDetail[] {
  if (!Array.isArray(detail)) return [];
  return detail.map((item) => {
    const parsed = validationDetailSchema.safeParse(item);
    if (!parsed.success) return { loc: [], msg: asText(item), type: '' };
    return {
      loc: parsed.data.loc.map((part) => (typeof part === 'number' ? part : asText(part))),
      msg: parsed.data.msg === undefined ? asText(item) : asText(parsed.data.msg),
      type: parsed.data.type === undefined ? '' : asText(parsed.data.type),
    };
  });
}

export function describeValidationDetail(detail: ValidationDetail): string {
  const where = detail.loc.filter((part) => part !== 'body' && part !== 'path' && part !== 'query').join('.');
  return where === '' ? detail.msg : `${where}: ${detail.msg}`;
}

const errorBodySchema = z.union([
  z.looseObject({ error: z.unknown().refine((value) => value !== undefined) }),
  z.looseObject({ detail: z.unknown().refine((value) => value !== undefined) }),
  z.looseObject({ message: z.string() }),
]);

/**
 * What an error answer says, in one short line, or null when it says nothing useful. Reads both of
 * CAMB.AI's error shapes (`{"error": ..., "status": n}` and `{"detail": ...}`), HTML from proxies and text.
 */
export function describeErrorBody(answer: CambAnswer): string | null {
  const text = answer.bodyText;
  if (text.trim() === '') return null;
  const json = parseJson(text);
  if (json.ok) {
    const parsed = errorBodySchema.safeParse(json.value);
    if (!parsed.success) return summaryLine(text);
    const body = parsed.data;
    if ('error' in body) return summaryLine(asText(body.error));
    if ('detail' in body) {
      const details = readValidationDetails(body.detail);
      return summaryLine(
        details.length > 0 ? details.map(describeValidationDetail).join('; ') : asText(body.detail),
      );
    }
    return summaryLine(body.message);
  }
  if (looksLikeHtml(text, contentTypeOf(answer.headers))) return summariseHtml(text);
  return summaryLine(text);
}

/** Strings as they are; anything else as its JSON text (an object `message` stays readable). */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
