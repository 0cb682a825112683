import { contextBridge } from 'electron';

// One named object, one function per action, never raw ipcRenderer (Electron security checklist item 20).
// The actions are derived from the shared contract when the bridge lands (issue 3).
contextBridge.exposeInMainWorld('cambWatch', Object.freeze({}));
