/** Where the web host serves the contract and the bridge: shared by the server and the page. */
export const WEB_HOST_PATH_PREFIX = '/__camb-watch/';
export const BRIDGE_SCRIPT_PATH = `${WEB_HOST_PATH_PREFIX}bridge.js`;
export const INVOKE_PATH_PREFIX = `${WEB_HOST_PATH_PREFIX}invoke/`;
export const EVENTS_PATH = `${WEB_HOST_PATH_PREFIX}events`;
