import { defineConfig } from 'vite';

/**
 * The web host's browser bridge (src/webHost/browser): one classic script, not a module, so it defines
 * window.cambWatch before the app's module script runs. Development and tests only; never packaged.
 */
export default defineConfig({
  build: {
    outDir: 'out/web-bridge',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'src/webHost/browser/webBridge.ts',
      formats: ['iife'],
      name: 'cambWatchWebBridge',
      fileName: () => 'bridge.js',
    },
  },
});
