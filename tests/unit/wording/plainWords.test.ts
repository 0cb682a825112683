import { describe, expect, it } from 'vitest';
import { savedKeyMessage } from '../../../src/main/core/appHost/contractHandlers';
import { toResultView } from '../../../src/main/core/appHost/resultView';
import { describeProblem } from '../../../src/main/core/watchList/problemText';
import { probeApiKey } from '../../../src/main/core/watchService/keyProbe';
import type { CambClient } from '../../../src/main/core/camb/cambClient';
import type { StatusOutcome } from '../../../src/main/core/camb/outcomes';
import { summarizeImport } from '../../../src/renderer/settings/importSummary';
import { checkedNowMessage } from '../../../src/renderer/tasks/checkNowMessage';
import { formatUntil } from '../../../src/renderer/tasks/relativeTime';

/** A client whose one status request answers `outcome`. */
function answering(outcome: StatusOutcome): CambClient {
  return { getStatus: () => Promise.resolve(outcome) } as unknown as CambClient;
}

describe('messages say each thing once', () => {
  it('"Test key" repeats none of the client’s words', async () => {
    const rejected = await probeApiKey(
      answering({
        type: 'auth-rejected',
        httpStatus: 401,
        message: 'CAMB.AI rejected the API key (HTTP 401): Invalid API key',
      }),
    );
    expect(rejected).toEqual({
      verdict: 'rejected',
      message: 'CAMB.AI does not accept this key: check that it was copied whole from the CAMB.AI studio.',
    });
    const unreachable = await probeApiKey(
      answering({
        type: 'network',
        reason: 'refused',
        message: 'Could not reach CAMB.AI: the connection was refused',
      }),
    );
    expect(unreachable).toEqual({
      verdict: 'inconclusive',
      message: 'The key could not be tested. Could not reach CAMB.AI: the connection was refused.',
    });
    expect(await probeApiKey(answering({ type: 'not-found', message: 'x' }))).toEqual({
      verdict: 'works',
      message: 'CAMB.AI accepted the key.',
    });
  });

  it('saving a key says where it went and what CAMB.AI said of it', () => {
    expect(savedKeyMessage({ where: 'OS keychain', check: 'works' })).toBe(
      'Key saved in the OS keychain. CAMB.AI accepted it.',
    );
    expect(savedKeyMessage({ where: 'OS keychain', check: 'not-checked' })).toBe(
      'Key saved in the OS keychain, not checked yet: CAMB.AI could not be reached.',
    );
    expect(savedKeyMessage({ where: 'OS keychain', check: 'rejected' })).toBe(
      'Key saved in the OS keychain, although CAMB.AI rejected it.',
    );
  });
});

describe('a refused request is described once', () => {
  const invalid = {
    type: 'invalid',
    message: 'CAMB.AI rejected the request as invalid (HTTP 422): task_id: value is not a valid uuid',
    details: [],
  } as const;

  it('in a task’s problem line', () => {
    expect(describeProblem(invalid)).toBe(
      'CAMB.AI rejected the request as invalid (HTTP 422): task_id: value is not a valid uuid',
    );
  });

  it('in a result that cannot be fetched', () => {
    expect(toResultView(invalid)).toEqual({
      ok: false,
      needsTargetLanguage: false,
      message:
        'CAMB.AI did not accept the request for this result: check the target language, if it needs one.',
    });
  });
});

describe('an import in one sentence', () => {
  const none = { added: [], alreadyWatched: [], rejected: [] };

  it('passes a file-level reason on as the whole sentence', () => {
    const reason = 'This file is empty, so there is nothing to import.';
    expect(summarizeImport({ ...none, rejected: [{ index: null, reason }] })).toEqual({
      sentence: reason,
      details: [],
    });
  });

  it('says nothing was imported when no entry is a task, and why for each', () => {
    const rejected = [0, 1, 2].map((index) => ({ index, reason: 'it has no "kind"' }));
    expect(summarizeImport({ ...none, rejected })).toEqual({
      sentence: 'Nothing was imported: none of the 3 entries in this file is a task CAMB Watch can watch.',
      details: ['Entry 1: it has no "kind".', 'Entry 2: it has no "kind".', 'Entry 3: it has no "kind".'],
    });
    expect(
      summarizeImport({ ...none, rejected: [{ index: 0, reason: 'it is text, not a task' }] }).sentence,
    ).toBe('Nothing was imported: the only entry in this file is not a task CAMB Watch can watch.');
  });

  it('counts what was imported, already watched and left out', () => {
    expect(
      summarizeImport({
        added: ['story:a', 'dub:b'],
        alreadyWatched: ['story:c'],
        rejected: [{ index: 3, reason: 'it has no "taskId"' }],
      }),
    ).toEqual({
      sentence: 'Imported 2 tasks; 1 was already watched; 1 entry is not a task and was left out.',
      details: ['Entry 4: it has no "taskId".'],
    });
    expect(summarizeImport({ ...none, alreadyWatched: ['story:a', 'story:b'] }).sentence).toBe(
      'No new task was imported; 2 were already watched.',
    );
    expect(summarizeImport(none).sentence).toBe(
      'This watch list has no tasks, so there was nothing to import.',
    );
  });

  it('lists at most five bad entries, then how many more', () => {
    const rejected = Array.from({ length: 8 }, (_, index) => ({ index, reason: 'it has no "kind"' }));
    const { details } = summarizeImport({ ...none, rejected });
    expect(details).toHaveLength(6);
    expect(details.at(-1)).toBe('…and 3 more.');
  });
});

describe('times and checks in words', () => {
  it('says "in about 2 s" for an estimated next check, and "any moment" when it is due', () => {
    expect(formatUntil(12_000, 10_000, true)).toBe('in about 2 s');
    expect(formatUntil(10_000 + 5 * 60_000, 10_000, true)).toBe('in about 5 min');
    expect(formatUntil(10_500, 10_000, true)).toBe('any moment');
    expect(formatUntil(12_000, 10_000)).toBe('in 2 s');
  });

  it('says what a "Check now" found once it is done', () => {
    expect(checkedNowMessage({ status: 'PENDING', lastProblem: null })).toBe(
      'Checked just now: still running.',
    );
    expect(checkedNowMessage({ status: 'SUCCESS', lastProblem: null })).toBe(
      'Checked just now: it has finished.',
    );
    expect(checkedNowMessage({ status: 'ERROR', lastProblem: null })).toBe(
      'Checked just now: it has failed.',
    );
    expect(checkedNowMessage({ status: null, lastProblem: null })).toBe(
      'Checked just now: no answer from CAMB.AI yet.',
    );
    expect(
      checkedNowMessage({
        status: 'PENDING',
        lastProblem: 'CAMB.AI had a server error (HTTP 502); retrying',
      }),
    ).toBe('Checked just now: CAMB.AI had a server error (HTTP 502); retrying.');
  });
});
