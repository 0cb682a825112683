export { acceleratedClock } from './acceleratedClock';
export { systemClock, type Clock, type TimerHandle } from './clock';
