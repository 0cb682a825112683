import { describe, expect, it } from 'vitest';
import {
  outcomeHeadline,
  outcomeSentences,
  reasonInWords,
  taskOutcome,
  type OutcomeFacts,
} from '../../../src/shared/format/taskOutcome';
import { DOCUMENTED_STATUSES } from '../../../src/shared/taskStatus';
import { STOP_CAUSES } from '../../../src/shared/watchedTask';

const NOTHING: OutcomeFacts = {
  status: null,
  stoppedReason: null,
  stopCause: null,
  exceptionReason: null,
  message: null,
};
const facts = (changes: Partial<OutcomeFacts>): OutcomeFacts => ({ ...NOTHING, ...changes });
const ENUM_LIKE = /\b[A-Z]+_[A-Z_]+\b/;

describe('taskOutcome: every ending reads as what it is', () => {
  it('gives a timed-out job its own word and the next step', () => {
    const outcome = taskOutcome(facts({ status: 'TIMEOUT' }));
    expect(outcome).toMatchObject({ kind: 'timed-out', word: 'Timed out' });
    expect(outcomeSentences(outcome)).toBe('CAMB.AI gave up on this job. Submit it again.');
  });

  it('says out of credits, never PAYMENT_REQUIRED, and how to get going again', () => {
    const outcome = taskOutcome(
      facts({ status: 'PAYMENT_REQUIRED', exceptionReason: 'PAYMENT_REQUIRED', message: null }),
    );
    expect(outcome).toMatchObject({ kind: 'out-of-credits', word: 'Out of credits' });
    expect(outcome.nextStep).toBe('Top up your CAMB.AI credits, then resubmit it.');
    expect(outcomeSentences(outcome)).not.toMatch(ENUM_LIKE);
  });

  it('gives a failure its reason in words and its message', () => {
    const outcome = taskOutcome(
      facts({
        status: 'ERROR',
        exceptionReason: 'HARMFUL_CONTENT_DETECTED',
        message: 'The source contains content we cannot process.',
      }),
    );
    expect(outcome.word).toBe('Failed');
    expect(outcome.detail).toBe('harmful content detected: The source contains content we cannot process.');
    expect(outcome.summary).toBe('Harmful content detected: The source contains content we cannot process.');
    expect(outcomeHeadline(outcome)).toBe(
      'Failed: harmful content detected: The source contains content we cannot process.',
    );
  });

  it('says a failure without a reason failed, and nothing more made up', () => {
    const outcome = taskOutcome(facts({ status: 'ERROR' }));
    expect(outcome.summary).toBe('CAMB.AI could not finish this job.');
    expect(outcomeHeadline(outcome)).toBe('Failed');
  });

  it.each(STOP_CAUSES)('says a task stopped for %s why, and what to check', (stopCause) => {
    const outcome = taskOutcome(facts({ stoppedReason: 'raw (HTTP 4xx)', stopCause }));
    expect(outcome).toMatchObject({ kind: 'stopped', word: 'Stopped' });
    expect(outcome.nextStep).toMatch(/^Check /);
    expect(outcomeSentences(outcome)).not.toMatch(/HTTP/);
  });

  it('falls back to the recorded reason for a task stopped before causes were kept', () => {
    const outcome = taskOutcome(facts({ stoppedReason: 'CAMB.AI does not know this task id' }));
    expect(outcome.summary).toBe('CAMB.AI does not know this task id.');
  });

  it('quotes an undocumented status as an unknown status', () => {
    const outcome = taskOutcome(facts({ status: 'QUEUED' }));
    expect(outcome.word).toBe('Unknown status');
    expect(outcome.summary).toContain('"QUEUED"');
  });

  it('never shows a documented status as its raw enum', () => {
    for (const status of DOCUMENTED_STATUSES) {
      const outcome = taskOutcome(facts({ status, exceptionReason: status }));
      expect(`${outcome.word} ${outcomeSentences(outcome)}`).not.toMatch(ENUM_LIKE);
    }
  });
});

describe('reasonInWords', () => {
  it.each([
    ['HARMFUL_CONTENT_DETECTED', 'harmful content detected'],
    ['SOURCE_TOO_LONG', 'source too long'],
    ['VoiceNotFound', 'voice not found'],
    ['The voice is gone', 'The voice is gone'],
  ])('%s reads "%s"', (reason, words) => {
    expect(reasonInWords(reason)).toBe(words);
  });
});
