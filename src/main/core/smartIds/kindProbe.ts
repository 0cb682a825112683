import { TASK_KINDS, type TaskKind } from '../../../shared/taskKinds';
import type { StatusOutcome } from '../camb';

/**
 * What asking the other kinds about an id found: exactly one knows it (the likely mistake: a dub id added
 * as a story), none does, several do, or some could not tell (no answer, rate limited, refused).
 */
export type KindProbeVerdict =
  | { readonly type: 'one'; readonly kind: TaskKind }
  | { readonly type: 'none' }
  | { readonly type: 'several'; readonly kinds: readonly TaskKind[] }
  | { readonly type: 'unsure' };

/** Answers that say "no such task under this kind" for sure. */
function says404(outcome: StatusOutcome): boolean {
  return outcome.type === 'not-found' || outcome.type === 'invalid';
}

/** The verdict from one answer per other kind. */
export function kindProbeVerdict(answers: ReadonlyMap<TaskKind, StatusOutcome>): KindProbeVerdict {
  const knowing = [...answers].filter(([, outcome]) => outcome.type === 'status').map(([kind]) => kind);
  if (knowing.length > 1) return { type: 'several', kinds: knowing };
  const rest = [...answers].filter(([, outcome]) => outcome.type !== 'status');
  if (!rest.every(([, outcome]) => says404(outcome))) return { type: 'unsure' };
  const [kind] = knowing;
  return kind === undefined ? { type: 'none' } : { type: 'one', kind };
}

/**
 * Asks every kind but `watchedKind` about `taskId` once, through `ask` (the scheduler's probe, so the
 * requests count against the same budget as polling), and says which kind knows it.
 */
export async function probeOtherKinds(
  taskId: string,
  watchedKind: TaskKind,
  ask: (kind: TaskKind, taskId: string) => Promise<StatusOutcome>,
): Promise<KindProbeVerdict> {
  const kinds = TASK_KINDS.filter((kind) => kind !== watchedKind);
  const outcomes = await Promise.all(kinds.map((kind) => ask(kind, taskId)));
  return kindProbeVerdict(new Map(kinds.map((kind, index) => [kind, outcomes[index] as StatusOutcome])));
}
