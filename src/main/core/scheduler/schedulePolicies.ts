import type { Schedule } from '../../../shared/settings';
import { adaptivePolicy } from './adaptivePolicy';
import type { CheckPolicy } from './checkPolicy';
import { durationAwarePolicy } from './durationAwarePolicy';
import type { DurationModelSource } from './durationAware';
import type { IntervalPolicy } from './pollInterval';

/** What the policies may read: the age-based interval in use and the user's history of durations. */
export interface PolicySources {
  readonly interval: IntervalPolicy;
  readonly durationModels: DurationModelSource;
}

/** The policy behind each schedule the settings offer; a new schedule adds its policy here. */
export function schedulePolicies(sources: PolicySources): Readonly<Record<Schedule, CheckPolicy>> {
  return {
    adaptive: adaptivePolicy(sources.interval),
    'duration-aware': durationAwarePolicy(sources.durationModels, sources.interval),
  };
}
