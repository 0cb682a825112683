import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/** The camb-watch CLI: the headless core bundled for plain Node, dependencies left to node_modules. */
export default defineConfig({
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'out/cli',
    target: 'node20',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'keytar', 'conf', 'zod'],
      output: { entryFileNames: 'main.js', format: 'es' },
    },
  },
});
