import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { metaPolicyOf, RENDERER_CSP } from './src/main/core/appProtocol/rendererFiles';

/**
 * The built page carries the same Content-Security-Policy that app:// and the web host send as a header
 * (one definition: RENDERER_CSP), minus what a meta tag cannot hold. Only in the build: the dev server
 * behind `npm start` injects styles and React's refresh runtime inline, which that policy forbids.
 */
function contentSecurityPolicyMeta(): Plugin {
  const metaPolicy = metaPolicyOf(RENDERER_CSP);
  return {
    name: 'camb-watch:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only `electron` (and a few Node built-ins): zod and the shared
      // contract are bundled into it rather than left as require() calls to node_modules.
      externalizeDeps: false,
      // A sandboxed renderer cannot load an ESM preload: emit one bundled CommonJS file.
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the window's script is parsed at every start of the window.
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
