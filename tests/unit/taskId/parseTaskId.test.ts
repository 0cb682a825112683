import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTaskId } from '../../../src/main/core/taskId/parseTaskId';
import { TASK_ID_MAX_LENGTH, taskIdSchema } from '../../../src/main/core/taskId/taskIdSchema';

const UUID = '3f2a9c1e-7b4d-4e0a-9c55-0d2b8e6f1a77';

function errorOf(input: string): string {
  const result = parseTaskId(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected, got ${result.taskId}`);
  return result.error;
}

/** Ids as CAMB and people make them: letters, digits, dashes, underscores, single dots, some non-ASCII. */
const validId = fc
  .array(fc.constantFrom(...'abcXYZ0189-_.:é字'.split('')), { minLength: 1, maxLength: TASK_ID_MAX_LENGTH })
  .map((chars) => chars.join(''))
  .filter((id) => !id.includes('..') && id !== '.');

describe('parseTaskId: what it accepts', () => {
  it('takes a bare id, trimmed', () => {
    expect(parseTaskId(UUID)).toEqual({ ok: true, taskId: UUID });
    expect(parseTaskId(`  ${UUID}\n`)).toEqual({ ok: true, taskId: UUID });
  });

  it('takes the JSON answer CAMB gives when a job is created', () => {
    expect(parseTaskId(`{"task_id": "${UUID}"}`)).toEqual({ ok: true, taskId: UUID });
    expect(parseTaskId(`{\n  "task_id": "${UUID}"\n}\n`)).toEqual({ ok: true, taskId: UUID });
  });

  it('takes JSON with other fields, a JSON string, and camelCase from SDK logs', () => {
    expect(parseTaskId(`{"status":"PENDING","task_id":"${UUID}","run_id":null}`)).toEqual({
      ok: true,
      taskId: UUID,
    });
    expect(parseTaskId(`"${UUID}"`)).toEqual({ ok: true, taskId: UUID });
    expect(parseTaskId(`{"taskId": "${UUID}"}`)).toEqual({ ok: true, taskId: UUID });
  });

  it('takes a numeric task_id as its digits', () => {
    expect(parseTaskId('{"task_id": 12345}')).toEqual({ ok: true, taskId: '12345' });
  });

  it('takes exactly the maximum length', () => {
    expect(parseTaskId('a'.repeat(TASK_ID_MAX_LENGTH)).ok).toBe(true);
  });

  it('takes single dots', () => {
    expect(parseTaskId('job.v2.final')).toEqual({ ok: true, taskId: 'job.v2.final' });
  });
});

describe('parseTaskId: what it rejects, in plain words', () => {
  it.each([
    ['', 'The task id is empty'],
    ['   \n\t ', 'The task id is empty'],
    ['abc def', 'A task id cannot contain spaces: "abc def"'],
    ['abc\tdef', 'A task id cannot contain tabs'],
    ['abc\ndef', 'A task id cannot contain line breaks'],
    ['abc\u00a0def', 'A task id cannot contain blank characters (found U+00A0)'],
    ['abc\u0007def', 'A task id cannot contain control characters (found U+0007)'],
    ['abc\u0000def', 'A task id cannot contain control characters (found U+0000)'],
    ['abc\u200bdef', 'A task id cannot contain invisible characters (found U+200B)'],
    ['abc/def', 'A task id cannot contain a slash (/)'],
    ['../admin', 'A task id cannot contain a slash (/)'],
    ['abc..def', 'A task id cannot contain two dots in a row (..)'],
    ['..', 'A task id cannot contain two dots in a row (..)'],
    ['.', 'A task id cannot be a single dot (.)'],
    ['{"task_id": " . "}', 'A task id cannot be a single dot (.)'],
  ])('%j', (input, message) => {
    expect(errorOf(input)).toContain(message);
  });

  it('says how long a too-long id is, without quoting all of it', () => {
    const error = errorOf('a'.repeat(140));
    expect(error).toContain('The task id is 140 characters long; task ids are at most 128');
    expect(error).not.toContain('a'.repeat(41));
  });

  it('makes invisible characters visible when quoting the input', () => {
    expect(errorOf('abc\u0007def')).toContain('"abc\\u0007def"');
  });

  it('explains JSON it cannot use', () => {
    expect(errorOf('{task_id: abc}')).toMatch(/looks like JSON but cannot be read/);
    expect(errorOf('{"run_id": 4242}')).toMatch(/has no "task_id" field/);
    expect(errorOf('["abc"]')).toMatch(/not an object with a "task_id" field/);
    expect(errorOf('{"task_id": null}')).toMatch(/not an object with a "task_id" field/);
    expect(errorOf('{"task_id": "abc def"}')).toContain('A task id cannot contain spaces');
    expect(errorOf('{"task_id": ""}')).toContain('The task id is empty');
  });

  it('refuses a numeric task_id that JSON would round, instead of watching the wrong job', () => {
    expect(errorOf('{"task_id": 12345678901234567890}')).toMatch(
      /cannot be read exactly; put the id in quotes/,
    );
    expect(errorOf('{"task_id": 1.5}')).toMatch(/put the id in quotes/);
    expect(errorOf('{"task_id": -3}')).toMatch(/put the id in quotes/);
  });
});

describe('parseTaskId: properties', () => {
  it('returns any valid id unchanged, however it is padded', () => {
    fc.assert(
      fc.property(validId, fc.constantFrom('', ' ', '\n', '\t ', '\r\n'), (id, pad) => {
        expect(parseTaskId(`${pad}${id}${pad}`)).toEqual({ ok: true, taskId: id });
      }),
    );
  });

  it('reads any valid id wrapped as {"task_id": id}, with or without other fields', () => {
    fc.assert(
      fc.property(validId, fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }), (id, extra) => {
        delete extra['task_id'];
        delete extra['taskId'];
        expect(parseTaskId(JSON.stringify({ task_id: id }))).toEqual({ ok: true, taskId: id });
        expect(parseTaskId(JSON.stringify({ ...extra, task_id: id }, null, 2))).toEqual({
          ok: true,
          taskId: id,
        });
        expect(parseTaskId(JSON.stringify(id))).toEqual({ ok: true, taskId: id });
      }),
    );
  });

  const forbidden: readonly (readonly [string, RegExp])[] = [
    [' ', /spaces/],
    ['\t', /tabs/],
    ['\n', /line breaks/],
    ['\u2028', /line breaks/],
    ['/', /slash/],
    ['..', /two dots/],
    ['\u0000', /control characters/],
    ['\u001b', /control characters/],
    ['\u007f', /control characters/],
    ['\u0085', /blank characters|control characters/],
    ['\u200b', /invisible characters/],
    ['\ufeff', /blank characters/],
  ];

  it('rejects any id with a forbidden character inside, and names it', () => {
    fc.assert(
      fc.property(validId, validId, fc.constantFrom(...forbidden), (before, after, [bad, named]) => {
        const result = parseTaskId(`${before}${bad}${after}`);
        expect(result.ok).toBe(false);
        // A longer id may be refused for its length first; that is named too.
        if (!result.ok) expect(result.error).toMatch(new RegExp(`${named.source}|characters long`));
      }),
    );
  });

  it('never throws, and keeps every message short, for any input at all', () => {
    const anyInput = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ task_id: v })),
      fc.string({ minLength: 129, maxLength: 5000 }),
    );
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = parseTaskId(input);
        if (result.ok) {
          expect(taskIdSchema.safeParse(result.taskId).success).toBe(true);
        } else {
          expect(result.error.length).toBeGreaterThan(0);
          expect(result.error.length).toBeLessThan(400);
        }
      }),
    );
  });
});

describe('taskIdSchema at other boundaries', () => {
  it('trims and checks an id the same way', () => {
    expect(taskIdSchema.parse(`  ${UUID} `)).toBe(UUID);
    expect(taskIdSchema.safeParse('a/b').error?.issues).toEqual([
      expect.objectContaining({ message: 'A task id cannot contain a slash (/)' }),
    ]);
  });

  it('reports only the first problem', () => {
    expect(taskIdSchema.safeParse('a b/c..d').error?.issues).toHaveLength(1);
  });

  it('rejects what is not text', () => {
    expect(taskIdSchema.safeParse(42).error?.issues[0]?.message).toBe('A task id must be text');
  });
});
