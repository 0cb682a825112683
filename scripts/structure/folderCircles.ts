import type { IModule } from 'dependency-cruiser';

/** The folder a file belongs to under one of `parents` (its first level below it), or null. */
function folderOf(path: string, parents: readonly string[]): string | null {
  for (const parent of parents) {
    if (!path.startsWith(`${parent}/`)) continue;
    const rest = path.slice(parent.length + 1).split('/');
    return rest.length > 1 ? `${parent}/${rest[0]}` : null;
  }
  return null;
}

/**
 * Circles in the graph of folders (a file in A imports one in B, and B's files reach back to A): each as the
 * list of folders around it, found by Tarjan's strongly connected components, so each knot is said once.
 */
export function folderCircles(modules: readonly IModule[], parents: readonly string[]): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const module of modules) {
    const from = folderOf(module.source, parents);
    if (from === null) continue;
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved, parents);
      if (to === null || to === from) continue;
      const targets = edges.get(from) ?? new Set<string>();
      targets.add(to);
      edges.set(from, targets);
    }
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const knots: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const knot: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      knot.push(member);
    } while (member !== node);
    if (knot.length > 1) knots.push(knot.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return knots;
}
