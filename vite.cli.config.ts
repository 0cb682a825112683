import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** The camb-watch CLI: the headless core bundled for plain Node, dependencies left to node_modules. */
export default defineConfig({
  define: { __CAMB_WATCH_VERSION__: JSON.stringify(version) },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'out/cli',
    target: 'node24',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'keytar', 'conf', 'zod'],
      output: { entryFileNames: 'main.js', format: 'es' },
    },
  },
});
