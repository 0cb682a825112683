/**
 * What answers say of the way to CAMB.AI: whether it can be reached (failures in a row, see FailureStreak)
 * and whether the key is accepted. Each is an Episode, told once, and every request is stamped when sent
 * so that an answer to a request older than the episode's start or end does not tell it again.
 */
import type { StatusOutcome } from '../camb';
import { Episode } from './episode';
import { FailureStreak } from './failureStreak';
import type { Sent } from './trackedTask';

/** Network failures in a row, with no answer in between, that make CAMB.AI "unreachable". */
export const UNREACHABLE_AFTER_FAILURES = 3;

export class Reachability {
  readonly auth = new Episode();
  readonly connectivity = new Episode();
  private readonly networkFailures = new FailureStreak(UNREACHABLE_AFTER_FAILURES);
  private sequence = 0;

  /** The marks a request carries from the moment it is sent. */
  stamp(): Sent {
    return {
      seq: ++this.sequence,
      authStamp: this.auth.stamp(),
      connectivityStamp: this.connectivity.stamp(),
    };
  }

  /** Whether the key a request carried is still the one in use and not known to be refused. */
  keyCurrent(sent: Sent): boolean {
    return sent.authStamp === this.auth.stamp() && !this.auth.active;
  }

  /** Any answer's news of the connection: 'lost' begins an outage, 'restored' ends one, null neither. */
  note(sent: Sent, outcome: StatusOutcome): 'lost' | 'restored' | null {
    if (outcome.type === 'network') {
      const lost =
        this.networkFailures.fail(this.sequence) && this.connectivity.begin(sent.connectivityStamp);
      return lost ? 'lost' : null;
    }
    return this.networkFailures.answer(sent.seq) && this.connectivity.end() ? 'restored' : null;
  }
}
