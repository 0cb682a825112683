export { startWebHost, DEFAULT_BRIDGE_SCRIPT, DEFAULT_RENDERER_DIR } from './startWebHost';
export type { TrafficEntry, WebHost, WebHostOptions } from './webHostTypes';
export { DEVELOPMENT_KEY_WHERE } from './developmentSecrets';
export { CONTENT_SECURITY_POLICY } from './securityHeaders';
