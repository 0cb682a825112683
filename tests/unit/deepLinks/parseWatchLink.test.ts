import { describe, expect, it } from 'vitest';
import {
  MAX_WATCH_REQUESTS,
  parseClipboardTask,
  parseLaunchArguments,
  parseWatchArgument,
  parseWatchLink,
} from '../../../src/main/core/deepLinks/parseWatchLink';

const ID = '3f2a9c1e-7b4d-4e0a-9c55-0d2b8e6f1a77';

describe('parseWatchLink', () => {
  it('reads kind, id and label from a camb-watch link', () => {
    expect(parseWatchLink(`camb-watch://watch/story/${ID}?label=Chapter%201`)).toEqual({
      ok: true,
      request: { kind: 'story', taskId: ID, label: 'Chapter 1' },
    });
  });

  it('reads hyphenated kinds and decodes the id', () => {
    expect(parseWatchLink('camb-watch://watch/translated-story/a%20b')).toEqual({
      ok: true,
      request: { kind: 'translated-story', taskId: 'a b', label: null },
    });
  });

  it('collapses whitespace in labels and treats a blank label as none', () => {
    const parsed = parseWatchLink('camb-watch://watch/dub/42?label=%20%20');
    expect(parsed).toEqual({ ok: true, request: { kind: 'dub', taskId: '42', label: null } });
    const long = parseWatchLink(`camb-watch://watch/dub/42?label=${'x'.repeat(500)}`);
    expect(long.ok && long.request.label?.length).toBe(200);
  });

  it.each([
    ['not a url', 'That is not a CAMB Watch link.'],
    ['https://watch/story/1', 'looks like camb-watch://watch/<kind>/<task id>'],
    ['camb-watch://open/story/1', 'looks like camb-watch://watch/<kind>/<task id>'],
    ['camb-watch://watch/story', 'looks like camb-watch://watch/<kind>/<task id>'],
    ['camb-watch://watch/story/1/extra', 'looks like camb-watch://watch/<kind>/<task id>'],
    ['camb-watch://watch/podcast/1', '"podcast" is not a job kind'],
    // The schema's cap (taskIdSchema), not a looser one of the link's own.
    [
      `camb-watch://watch/story/${'9'.repeat(129)}`,
      'The task id is too long (task ids are at most 128 characters).',
    ],
  ])('refuses %s', (link, problem) => {
    const parsed = parseWatchLink(link);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });
});

describe('parseWatchArgument', () => {
  it('reads kind:id', () => {
    expect(parseWatchArgument('tts: 77 ')).toEqual({
      ok: true,
      request: { kind: 'tts', taskId: '77', label: null },
    });
  });

  it('names what is wrong', () => {
    expect(parseWatchArgument('1234')).toEqual({
      ok: false,
      problem: '--watch needs <kind>:<task id>, for example story:1234.',
    });
    expect(parseWatchArgument('story:')).toEqual({ ok: false, problem: 'The task id is missing.' });
    expect(parseWatchArgument('movie:1')).toMatchObject({ ok: false });
  });
});

describe('parseLaunchArguments', () => {
  it('collects --watch (both spellings), links and --show, ignoring everything else', () => {
    const parsed = parseLaunchArguments([
      '/usr/lib/camb-watch/camb-watch',
      '--no-sandbox',
      '--watch',
      'story:1',
      '--watch=dub:2',
      'camb-watch://watch/tts/3?label=Intro',
      '--show',
      '--original-process-start-time=123',
    ]);
    expect(parsed).toEqual({
      requests: [
        { kind: 'story', taskId: '1', label: null },
        { kind: 'dub', taskId: '2', label: null },
        { kind: 'tts', taskId: '3', label: 'Intro' },
      ],
      problems: [],
      show: true,
      hidden: false,
    });
  });

  it('recognises --hidden, which the login item and autostart entry add', () => {
    expect(parseLaunchArguments(['/opt/camb-watch', '--hidden'])).toMatchObject({
      hidden: true,
      show: false,
    });
  });

  it('reports a --watch without its value and a bad link, keeping the good ones', () => {
    const parsed = parseLaunchArguments(['--watch', 'story:1', 'camb-watch://watch/nope/2', '--watch']);
    expect(parsed.requests).toEqual([{ kind: 'story', taskId: '1', label: null }]);
    expect(parsed.problems).toHaveLength(2);
    expect(parsed.show).toBe(false);
  });

  it('does not take a following switch as the value of --watch', () => {
    const parsed = parseLaunchArguments(['--watch', '--show']);
    expect(parsed.requests).toEqual([]);
    expect(parsed.problems).toEqual(['--watch needs <kind>:<task id>.']);
    expect(parsed.show).toBe(true);
  });

  it(`takes at most ${MAX_WATCH_REQUESTS} tasks and says so once`, () => {
    const argv = Array.from({ length: MAX_WATCH_REQUESTS + 5 }, (_, i) => `--watch=story:${i}`);
    const parsed = parseLaunchArguments(argv);
    expect(parsed.requests).toHaveLength(MAX_WATCH_REQUESTS);
    expect(parsed.problems).toEqual([
      `Only the first ${MAX_WATCH_REQUESTS} tasks were taken from one command.`,
    ]);
  });
});

describe('parseClipboardTask', () => {
  it('reads kind:id with the longest matching kind', () => {
    expect(parseClipboardTask(' translated-story:abc \n')).toEqual({
      kind: 'translated-story',
      taskId: 'abc',
      label: null,
    });
  });

  it('treats anything else as a story id or create-call JSON', () => {
    expect(parseClipboardTask(ID)).toEqual({ kind: 'story', taskId: ID, label: null });
    const json = `{"task_id":"${ID}"}`;
    expect(parseClipboardTask(json)).toEqual({ kind: 'story', taskId: json, label: null });
    expect(parseClipboardTask('story:')).toEqual({ kind: 'story', taskId: 'story:', label: null });
  });

  it('gives nothing for an empty clipboard', () => {
    expect(parseClipboardTask('  \n')).toBeNull();
  });
});

describe('one reading of kind:id', () => {
  it('reads a key, --watch and a paste alike, and refuses what is not <known kind>:<id>', async () => {
    const { parseTaskKey } = await import('../../../src/shared/watchedTask');
    const { splitKindPrefix } = await import('../../../src/shared/taskKindPrefix');
    expect(parseTaskKey('translated-story:a:b')).toEqual({ kind: 'translated-story', taskId: 'a:b' });
    expect(parseTaskKey('story:')).toBeNull();
    expect(parseTaskKey(':1')).toBeNull();
    expect(parseTaskKey('podcast:1')).toBeNull();
    expect(parseTaskKey('toString:1')).toBeNull();
    expect(parseTaskKey('__proto__:1')).toBeNull();
    expect(splitKindPrefix('  dub:  42 ')).toEqual({ kind: 'dub', rest: '42' });
    expect(parseWatchArgument('dub:42')).toEqual({
      ok: true,
      request: { kind: 'dub', taskId: '42', label: null },
    });
    expect(parseWatchArgument('constructor:1')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('not a job kind'),
    });
  });

  it('caps a --watch id at the schema cap of 128, as a link', () => {
    expect(parseWatchArgument(`story:${'9'.repeat(128)}`).ok).toBe(true);
    expect(parseWatchArgument(`story:${'9'.repeat(129)}`)).toMatchObject({ ok: false });
  });
});
