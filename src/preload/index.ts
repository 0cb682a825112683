import '../shared/zodWithoutEval';
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, eventChannelId, invokeChannelId, type BridgeTransport } from '../shared/contract';

/**
 * Electron IPC as the bridge's transport. The page gets only `window.cambWatch`, built from the contract
 * (one function per action, `on<Event>` returning its unsubscribe): never ipcRenderer, never an
 * IpcRendererEvent, whose `sender` would hand the page ipcRenderer back (Electron checklist item 20).
 */
const transport: BridgeTransport = {
  invoke: (channel, request) => ipcRenderer.invoke(invokeChannelId(channel), request),
  subscribe(event, listener) {
    const channel = eventChannelId(event);
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('cambWatch', createBridge(transport));
