import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/args';
import type { CliCommand } from '../../../src/cli/args';
import { TASK_KINDS } from '../../../src/shared/taskKinds';

function command(argv: readonly string[]): CliCommand {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) throw new Error(`expected ${JSON.stringify(argv)} to parse, got: ${parsed.error}`);
  return parsed.command;
}

function error(argv: readonly string[]): string {
  const parsed = parseCliArgs(argv);
  if (parsed.ok)
    throw new Error(`expected ${JSON.stringify(argv)} to fail, got ${JSON.stringify(parsed.command)}`);
  return parsed.error;
}

describe('parseCliArgs: status', () => {
  it('defaults to a story, human output', () => {
    expect(command(['status', 'abc'])).toEqual({ name: 'status', kind: 'story', taskId: 'abc', json: false });
  });

  it('takes --kind and --json, before or after the id', () => {
    expect(command(['status', '--json', 'abc', '--kind', 'dub'])).toEqual({
      name: 'status',
      kind: 'dub',
      taskId: 'abc',
      json: true,
    });
    expect(command(['status', 'abc', '--kind=tts'])).toMatchObject({ kind: 'tts' });
  });

  it.each(TASK_KINDS)('accepts --kind %s', (kind) => {
    expect(command(['status', 'abc', '--kind', kind])).toMatchObject({ kind });
  });

  it('reads the id out of pasted JSON and trims blanks', () => {
    expect(command(['status', '{"task_id": "abc-123", "status": "PENDING"}'])).toMatchObject({
      taskId: 'abc-123',
    });
    expect(command(['status', '  abc \n'])).toMatchObject({ taskId: 'abc' });
    expect(command(['status', '"quoted-id"'])).toMatchObject({ taskId: 'quoted-id' });
  });

  it('refuses an unknown kind, listing the valid ones', () => {
    expect(error(['status', 'abc', '--kind', 'podcast'])).toBe(
      `unknown job kind "podcast"; expected one of: ${TASK_KINDS.join(', ')}`,
    );
  });

  it.each([
    ['abc def', 'A task id cannot contain spaces: "abc def"'],
    ['a/b', 'A task id cannot contain a slash (/): "a/b"'],
    ['..', 'A task id cannot contain two dots in a row (..): ".."'],
    ['', 'The task id is empty'],
    ['x'.repeat(129), /^The task id is 129 characters long; task ids are at most 128/],
    ['a\u0000b', 'A task id cannot contain control characters (found U+0000): "a\\u0000b"'],
    ['a\u200bb', /invisible characters \(found U\+200B\)/],
    ['{"task_id": 12.5}', /cannot be read exactly/],
    ['{"nope": 1}', /no "task_id" field/],
    ['{broken', /looks like JSON but cannot be read/],
  ])('refuses the task id %j, naming the problem', (id, message) => {
    expect(error(['status', id])).toMatch(
      typeof message === 'string' ? new RegExp(`^${escape(message)}$`) : message,
    );
  });

  it('needs exactly one task id', () => {
    expect(error(['status'])).toBe('"status" needs a task id');
    expect(error(['status', 'a', 'b'])).toBe('"status" takes one task id, not 2');
  });

  it.each(['timeout', 'target-language'])('does not take --%s', (option) => {
    expect(error(['status', 'abc', `--${option}`, 'x'])).toBe(`"status" does not take --${option}`);
  });
});

describe('parseCliArgs: wait', () => {
  it('waits without a timeout by default', () => {
    expect(command(['wait', 'abc'])).toEqual({
      name: 'wait',
      kind: 'story',
      taskId: 'abc',
      timeoutMs: null,
      json: false,
    });
  });

  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['45', 45_000],
  ])('reads --timeout %s', (text, ms) => {
    expect(command(['wait', 'abc', '--timeout', text, '--json', '--kind', 'dub'])).toEqual({
      name: 'wait',
      kind: 'dub',
      taskId: 'abc',
      timeoutMs: ms,
      json: true,
    });
  });

  it.each([
    ['soon', /^--timeout: Could not read "soon" as a duration/],
    ['10x', /^--timeout: "x" in "10x" is not a unit/],
    ['-5m', /^--timeout needs a value; to give one that starts with "-", write --timeout=<value>$/],
    ['', /^--timeout: A duration cannot be empty/],
  ])('refuses --timeout %j, naming the problem', (text, message) => {
    expect(error(['wait', 'abc', '--timeout', text])).toMatch(message);
  });

  it('refuses a negative --timeout given with =', () => {
    expect(error(['wait', 'abc', '--timeout=-5m'])).toMatch(/^--timeout: A duration cannot be negative/);
  });

  it('refuses a bad id before looking at the timeout', () => {
    expect(error(['wait', 'a b', '--timeout', '1m'])).toMatch(/cannot contain spaces/);
  });

  it('needs a task id and refuses --target-language', () => {
    expect(error(['wait'])).toBe('"wait" needs a task id');
    expect(error(['wait', 'abc', '--target-language', 'fr'])).toBe('"wait" does not take --target-language');
  });
});

describe('parseCliArgs: result', () => {
  it('reads a run id, with defaults', () => {
    expect(command(['result', '4242'])).toEqual({
      name: 'result',
      kind: 'story',
      runId: 4242,
      targetLanguage: null,
      json: false,
    });
  });

  it('takes --kind, --target-language and --json', () => {
    expect(
      command(['result', ' 7 ', '--kind', 'translated-story', '--target-language', 'fr-fr', '--json']),
    ).toEqual({ name: 'result', kind: 'translated-story', runId: 7, targetLanguage: 'fr-fr', json: true });
  });

  it.each(['abc', '1.5', '1e3', '0x10', '1234567890123456', ''])('refuses the run id %j', (runId) => {
    expect(error(['result', runId])).toBe(
      'a run id is a whole number, such as 4242 (the run_id of a finished task)',
    );
  });

  it.each(['fr fr', 'a/b', 'x'.repeat(21), ''])('refuses the target language %j', (language) => {
    expect(error(['result', '7', '--target-language', language])).toMatch(
      /^a target language is a short code/,
    );
  });

  it('needs exactly one run id and refuses --timeout', () => {
    expect(error(['result'])).toBe('"result" needs a run id');
    expect(error(['result', '1', '2'])).toBe('"result" takes one run id, not 2');
    expect(error(['result', '1', '--timeout', '1m'])).toBe('"result" does not take --timeout');
  });
});

describe('parseCliArgs: key', () => {
  it('knows set, status (with --json) and clear', () => {
    expect(command(['key', 'set'])).toEqual({ name: 'key-set' });
    expect(command(['key', 'status'])).toEqual({ name: 'key-status', json: false });
    expect(command(['key', 'status', '--json'])).toEqual({ name: 'key-status', json: true });
    expect(command(['key', 'clear'])).toEqual({ name: 'key-clear' });
  });

  it('never takes the key as an argument', () => {
    expect(error(['key', 'set', 'my-secret-key'])).toBe('"key set" takes no further arguments');
  });

  it('refuses options the key commands do not take', () => {
    expect(error(['key', 'set', '--json'])).toBe('"key set" does not take --json');
    expect(error(['key', 'clear', '--json'])).toBe('"key clear" does not take --json');
    expect(error(['key', 'status', '--kind', 'dub'])).toBe('"key status" does not take --kind');
  });

  it('names the subcommands when one is missing or unknown', () => {
    expect(error(['key'])).toBe('"key" takes one of: set, status, clear');
    expect(error(['key', 'show'])).toBe('"key" takes one of: set, status, clear (not "show")');
  });
});

describe('parseCliArgs: everything else', () => {
  it('--help and -h win over anything else, even a bad command', () => {
    expect(command(['--help'])).toEqual({ name: 'help' });
    expect(command(['-h'])).toEqual({ name: 'help' });
    expect(command(['wait', 'a b', '--help'])).toEqual({ name: 'help' });
    expect(command(['nonsense', '-h'])).toEqual({ name: 'help' });
  });

  it('--version', () => {
    expect(command(['--version'])).toEqual({ name: 'version' });
  });

  it('says when no command was given, or an unknown one', () => {
    expect(error([])).toBe('no command given');
    expect(error(['watch', 'abc'])).toBe('unknown command "watch"');
  });

  it('names unknown options in its own words', () => {
    expect(error(['status', 'abc', '--verbose'])).toBe('unknown option --verbose');
    expect(error(['status', 'abc', '-x'])).toBe('unknown option -x');
  });

  it('names an option missing its value', () => {
    expect(error(['status', 'abc', '--kind'])).toBe('--kind needs a value');
    expect(error(['wait', 'abc', '--kind', '--json'])).toBe(
      '--kind needs a value; to give one that starts with "-", write --kind=<value>',
    );
  });

  it('says a flag takes no value', () => {
    expect(error(['status', 'abc', '--json=yes'])).toMatch(/'--json' does not take an argument/);
  });

  it('takes an id that starts with a dash after --', () => {
    expect(command(['status', '--', '-abc'])).toMatchObject({ name: 'status', taskId: '-abc' });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
