import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Convention 1: one module per bounded context, and no cycle between modules (a cycle means the
 * boundary is wrong and ends in forwardRef). The graph is read from the source files: an edge
 * A → B for every import, type-only ones included, from a file of modules/A to a file of modules/B.
 */
const MODULES = __dirname;
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]|(?:^|[\s;(])import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !/[.-]spec\.ts$/.test(e.name) ? [path] : [];
  });
}

const moduleOf = (path: string): string | null => {
  const rel = relative(MODULES, path);
  return rel.startsWith('..') || !rel.includes(sep) ? null : rel.split(sep)[0];
};

/** from → to → the files that make the edge. */
export function moduleGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(MODULES)) {
    const from = moduleOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Map<string, string[]>();
    graph.set(from, edges);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (!spec.startsWith('.')) continue;
      const to = moduleOf(resolve(dirname(file), spec));
      if (!to || to === from) continue;
      edges.set(to, [...(edges.get(to) ?? []), relative(MODULES, file)]);
    }
  }
  return graph;
}

/** Each cycle once, as the list of modules along it, found from its smallest member. */
export function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  const found = new Map<string, string[]>();
  const names = [...graph.keys()].sort();
  for (const start of names) {
    // Breadth-first for the shortest way back to `start` through modules named after it.
    const prev = new Map<string, string>();
    const queue = [start];
    while (queue.length) {
      const at = queue.shift()!;
      for (const next of [...(graph.get(at)?.keys() ?? [])].sort()) {
        if (next === start) {
          const path = [at];
          while (path[0] !== start) path.unshift(prev.get(path[0])!);
          const key = [...path].sort().join(',');
          if (!found.has(key)) found.set(key, path);
          continue;
        }
        if (next < start || prev.has(next)) continue;
        prev.set(next, at);
        queue.push(next);
      }
    }
  }
  return [...found.values()];
}

describe('module imports', () => {
  it('reads the graph of the modules', () => {
    const graph = moduleGraph();
    expect(graph.size).toBeGreaterThanOrEqual(17);
    expect(graph.get('tickets')?.has('auth')).toBe(true);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', new Map([['b', ['a/x.ts']]])],
      ['b', new Map([['c', ['b/y.ts']]])],
      ['c', new Map([['a', ['c/z.ts']]])],
      ['d', new Map([['a', ['d/w.ts']]])],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('has no cycle between modules', () => {
    const graph = moduleGraph();
    const described = cycles(graph).map((cycle) =>
      cycle
        .map(
          (from, i) =>
            `${from} → ${cycle[(i + 1) % cycle.length]} (${graph
              .get(from)!
              .get(cycle[(i + 1) % cycle.length])!
              .join(', ')})`,
        )
        .join('; '),
    );
    expect(described).toEqual([]);
  });
});
