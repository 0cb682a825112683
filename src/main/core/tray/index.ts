export { trayIconFile } from './trayIconFile';
export {
  countsMenuEntries,
  STARTING_TRAY,
  trayMenuEntries,
  trayMenuKey,
  trayTitle,
  type TrayAction,
  type TrayMenuEntry,
} from './trayMenu';
export {
  trayAttentionEndsAt,
  trayModel,
  type TrayConditions,
  type TrayIcon,
  type TrayModel,
} from './trayModel';
