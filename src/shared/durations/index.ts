export * from './durationModel';
export * from './estimate';
export * from './finishedRun';
export { PRIOR_PSEUDO_RUNS, type DurationPrior } from './priors';
export * from './recordRun';
export * from './taskEstimate';
export { driftFactor } from './drift';
export { EARLY_FAILURE_FLOOR, earlyFailureShare } from './earlyFailures';
