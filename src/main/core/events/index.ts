export { TypedEmitter, type Listener } from './typedEmitter';
