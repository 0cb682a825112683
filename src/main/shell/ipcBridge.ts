import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  eventChannelId,
  INVOKE_CHANNEL_NAMES,
  invokeChannelId,
  type InvokeChannel,
  type InvokeEnvelope,
} from '../../shared/contract';
import { isTrustedRendererUrl } from '../core/appProtocol';
import type { AppHost } from '../core/appHost';
import type { Logger } from '../core/logging';

const REFUSED: InvokeEnvelope = { ok: false, error: 'This page may not talk to CAMB Watch.' };

/**
 * Only the main frame of a page from a trusted origin may call the app: not an iframe, not a page the
 * window was somehow navigated to (VS Code's validatedIpcMain does the same).
 */
function isTrustedSender(event: IpcMainInvokeEvent, trustedOrigins: ReadonlySet<string>): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return isTrustedRendererUrl(frame.url, trustedOrigins);
}

/**
 * Serves every action of the contract over IPC, each on its own channel. Payloads are validated by the
 * app host's dispatcher; here only the sender is checked. Returns the function that stops serving.
 */
export function serveContractOverIpc(
  appHost: AppHost,
  trustedOrigins: ReadonlySet<string>,
  logger: Logger,
  /** Called just after an answer has gone out (so an event sent then arrives after it). */
  onServed: (channel: InvokeChannel) => void = () => {},
): () => void {
  for (const channel of INVOKE_CHANNEL_NAMES) {
    ipcMain.handle(invokeChannelId(channel), async (event, payload: unknown) => {
      if (!isTrustedSender(event, trustedOrigins)) {
        logger.warn('Refused a request from an untrusted frame', {
          channel,
          url: event.senderFrame?.url ?? null,
        });
        return REFUSED;
      }
      const envelope = await appHost.dispatch(channel, payload);
      setImmediate(() => onServed(channel));
      return envelope;
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNEL_NAMES) ipcMain.removeHandler(invokeChannelId(channel));
  };
}

/** Sends the app's events to `window` for as long as it exists. */
export function sendEventsTo(window: BrowserWindow, appHost: AppHost): void {
  const detach = appHost.attach((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(eventChannelId(event), payload);
  });
  window.once('closed', detach);
}
