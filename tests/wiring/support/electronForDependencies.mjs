// Node's own loader hooks (module.register) for the wiring suite: a dependency that Vitest leaves to Node
// (electron-store) and that imports `electron` gets the same stand-in as the bundle. Plain JavaScript:
// it runs on Node's loader thread, outside Vitest.
const standInModule = new URL('./electronFromStandIn.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' && (context.parentURL ?? '').includes('/node_modules/'))
    return { url: standInModule, shortCircuit: true };
  return nextResolve(specifier, context);
}
