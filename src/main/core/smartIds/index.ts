export { probeOtherKinds } from './kindProbe';
