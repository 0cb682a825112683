import { sentence } from '../../../shared/format/sentence';
import type { CambClient } from '../camb/cambClient';
import type { KeyTestOutcome } from './watchServiceTypes';

/** A task id no job will ever have: asking for it answers 404 when the key is accepted, 401/403 when not. */
const PROBE_TASK_ID = 'camb-watch-key-check-00000000-0000-0000-0000-000000000000';

/** "Test key": one status request that cannot touch a real job, read as works / rejected / inconclusive. */
export async function probeApiKey(client: CambClient): Promise<KeyTestOutcome> {
  const outcome = await client.getStatus('story', PROBE_TASK_ID);
  switch (outcome.type) {
    case 'not-found':
    case 'status':
      return { verdict: 'works', message: 'CAMB.AI accepted the key.' };
    case 'auth-rejected':
      // The client's message already says who refused and how: it is the whole sentence.
      return { verdict: 'rejected', message: sentence(outcome.message) };
    default:
      return {
        verdict: 'inconclusive',
        message: `The key could not be tested. ${sentence(outcome.message)}`,
      };
  }
}
