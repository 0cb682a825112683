export { opensWindowAtLaunch, stillRunningNotice, windowCloseAction } from './launchWindow';
export { POPOVER_SIZE, popoverBounds } from './popoverPosition';
export { createRendererRecovery } from './rendererRecovery';
export { parseNameHasOwner, trayDesktop } from './trayDesktop';
export { boundsToSave, MIN_WINDOW_SIZE, restoreWindowPlacement, type Rectangle } from './windowBounds';
