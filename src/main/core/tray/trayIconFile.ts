import type { TrayIcon } from './trayModel';

/**
 * The image the tray shows for a state (files in resources/tray): macOS menu bars are light or dark, so
 * there it is a black template image the system recolours; Windows picks the size for the display's scale
 * from an .ico (a PNG would be scaled, and blurred); elsewhere a PNG, with its @2x twin for high density.
 */
export function trayIconFile(icon: TrayIcon, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `${icon}Template.png`;
  if (platform === 'win32') return `${icon}.ico`;
  return `${icon}.png`;
}
