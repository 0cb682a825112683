import { sentence } from '../../../shared/format/sentence';
import type { CambClient } from '../camb';
import type { StatusOutcome } from '../camb';
import type { KeyTestOutcome } from './watchServiceTypes';

/** A task id no job will ever have: asking for it answers 404 when the key is accepted, 401/403 when not. */
const PROBE_TASK_ID = 'camb-watch-key-check-00000000-0000-0000-0000-000000000000';

/** One status request that cannot touch a real job: not-found means the key works. */
export function checkKey(client: CambClient): Promise<StatusOutcome> {
  return client.getStatus('story', PROBE_TASK_ID);
}

/** "Test key": the key check, read as works / rejected / inconclusive. */
export async function probeApiKey(client: CambClient): Promise<KeyTestOutcome> {
  const outcome = await checkKey(client);
  switch (outcome.type) {
    case 'not-found':
    case 'status':
      return { verdict: 'works', message: 'CAMB.AI accepted the key.' };
    case 'auth-rejected':
      // In words a person acts on; the status code and CAMB's own text stay in the log-facing message.
      return {
        verdict: 'rejected',
        message:
          outcome.httpStatus === 401
            ? 'CAMB.AI does not accept this key: check that it was copied whole from the CAMB.AI studio.'
            : 'CAMB.AI refuses access with this key: it may lack the permission to check tasks.',
      };
    default:
      return {
        verdict: 'inconclusive',
        message: `The key could not be tested. ${sentence(outcome.message)}`,
      };
  }
}
