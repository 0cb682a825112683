import { describe, expect, it } from 'vitest';
import { failureAction, wrongKindHint, type FailureFacts } from '../../../src/shared/format/failureAction';
import { outcomeSentences, taskOutcome } from '../../../src/shared/format/taskOutcome';
import { TASK_KINDS } from '../../../src/shared/taskKinds';
import { STOP_CAUSES } from '../../../src/shared/watchedTask';

const RUNNING: FailureFacts = {
  kind: 'story',
  status: 'PENDING',
  stoppedReason: null,
  stopCause: null,
  exceptionReason: null,
  message: null,
  suggestedKind: null,
};
const facts = (changes: Partial<FailureFacts>): FailureFacts => ({ ...RUNNING, ...changes });
const notFound = (changes: Partial<FailureFacts> = {}) =>
  facts({
    status: null,
    stoppedReason: 'CAMB.AI does not know this task',
    stopCause: 'not-found',
    ...changes,
  });

describe('failureAction: each failure carries its one action', () => {
  it('offers "Top up credits" on the studio’s billing page for a job out of credits', () => {
    expect(failureAction(facts({ status: 'PAYMENT_REQUIRED' }))).toEqual({
      type: 'open-link',
      label: 'Top up credits',
      url: 'https://studio.camb.ai/billing',
    });
  });

  it.each([
    ['failed', { status: 'ERROR', exceptionReason: 'HARMFUL_CONTENT_DETECTED' }],
    ['timed out', { status: 'TIMEOUT' }],
  ] as const)('offers "Open in CAMB.AI studio" for a job that %s', (_name, changes) => {
    expect(failureAction(facts(changes))).toEqual({
      type: 'open-link',
      label: 'Open in CAMB.AI studio',
      url: 'https://studio.camb.ai',
    });
  });

  it('offers "Switch to dub" for an id CAMB.AI knows only as a dub', () => {
    expect(failureAction(notFound({ suggestedKind: 'dub' }))).toEqual({
      type: 'switch-kind',
      label: 'Switch to dub',
      kind: 'dub',
    });
    expect(failureAction(notFound({ suggestedKind: 'translated-story' }))?.label).toBe(
      'Switch to translated story',
    );
  });

  it.each([
    ['running', facts({})],
    ['waiting for its first answer', facts({ status: null })],
    ['ready', facts({ status: 'SUCCESS' })],
    ['in a status CAMB.AI does not document', facts({ status: 'QUEUED' })],
    ['unknown under every kind', notFound()],
    ['refused', facts({ status: null, stoppedReason: 'refused', stopCause: 'invalid' })],
    ['another account’s', facts({ status: null, stoppedReason: 'forbidden', stopCause: 'forbidden' })],
  ])('offers nothing for a job %s', (_name, task) => {
    expect(failureAction(task)).toBeNull();
  });

  it('says the switch as the stopped row’s next step, not "add it again"', () => {
    expect(outcomeSentences(taskOutcome(notFound({ suggestedKind: 'dub' })))).toBe(
      'CAMB.AI does not know this task. It is a dub task: switch to dub.',
    );
  });
});

describe('wrongKindHint: worded per kind, only where it applies', () => {
  it('names the kind a story id is mistaken for, and the other way round', () => {
    expect(wrongKindHint(notFound({ kind: 'story' }))).toBe('A dub id watched as a story is not found.');
    expect(wrongKindHint(notFound({ kind: 'dub' }))).toBe('A story id watched as a dub is not found.');
  });

  it('says nothing on speech or sound jobs, where no such mix-up is likely', () => {
    expect(wrongKindHint(notFound({ kind: 'tts' }))).toBeNull();
    expect(wrongKindHint(notFound({ kind: 'text-to-sound' }))).toBeNull();
  });

  it('says nothing once the right kind is known (the switch says it), nor for any other ending', () => {
    expect(wrongKindHint(notFound({ suggestedKind: 'dub' }))).toBeNull();
    expect(wrongKindHint(facts({ status: 'ERROR' }))).toBeNull();
    for (const stopCause of STOP_CAUSES.filter((cause) => cause !== 'not-found'))
      expect(wrongKindHint(facts({ status: null, stoppedReason: 'x', stopCause }))).toBeNull();
  });

  it('is never in the row’s sentence, for any kind', () => {
    for (const kind of TASK_KINDS)
      expect(outcomeSentences(taskOutcome(notFound({ kind })))).not.toMatch(/watched as/u);
  });
});
