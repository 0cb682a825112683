// What `import electron from 'electron'` gives a dependency in the wiring suite: the stand-in the setup
// file put on globalThis (substituteModules.ts).
export default globalThis.__cambWatchElectronStandIn;
