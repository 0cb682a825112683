import type { KeyStatus } from '../../../shared/contract';
import type { KeyCheck } from '../../../shared/serviceState';
import type { KeyDescription } from '../secrets';

/** What the UI may know of the key: whether there is one and where it is kept, never the key. */
export function keyStatusFrom(description: KeyDescription, check: KeyCheck | null): KeyStatus {
  return {
    present: description.where !== null,
    where: description.where,
    storeWhere: description.store.where,
    storeProblem: description.store.works ? null : description.store.message,
    check: description.where === null ? null : check,
  };
}
