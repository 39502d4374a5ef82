/**
 * The folder graph as Graphviz DOT. Rule violations are drawn red, the edges that close an
 * import cycle between folders orange. The readable variant leaves out an edge A → B when A
 * already reaches B through other folders (a transitive reduction that never reasons through a
 * cycle, so it cannot invent a path).
 */
/** One folder importing another; `imports` counts the module imports behind it. */
export type Edge = {
  from: string;
  to: string;
  rules: string[];
  typeOnly: boolean;
  imports: number;
};
type Drawn = Edge & { cycle: boolean };

/** Tarjan's strongly connected components: node → component number. */
export function components(nodes: string[], edges: Edge[]): Map<string, number> {
  const next = new Map(nodes.map((n) => [n, edges.filter((e) => e.from === n).map((e) => e.to)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const comp = new Map<string, number>();
  const stack: string[] = [];
  let counter = 0;
  let found = 0;
  const visit = (n: string) => {
    index.set(n, counter);
    low.set(n, counter++);
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      if (!index.has(m)) visit(m);
      if (!comp.has(m)) low.set(n, Math.min(low.get(n) ?? 0, low.get(m) ?? 0));
    }
    if (low.get(n) !== index.get(n)) return;
    let m: string | undefined;
    do {
      m = stack.pop();
      if (m !== undefined) comp.set(m, found);
    } while (m !== undefined && m !== n);
    found++;
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return comp;
}

function reaches(from: string, to: string, edges: Edge[]) {
  const seen = new Set([from]);
  const todo = [from];
  for (let n = todo.pop(); n !== undefined; n = todo.pop()) {
    for (const e of edges)
      if (e.from === n && !seen.has(e.to)) {
        if (e.to === to) return true;
        seen.add(e.to);
        todo.push(e.to);
      }
  }
  return false;
}

/** Compares score lists entry by entry; ties keep the edges' sorted order (Array.sort is stable). */
function lexical(a: number[], b: number[]) {
  const i = a.findIndex((v, k) => v !== b[k]);
  return i === -1 ? 0 : (a[i] ?? 0) - (b[i] ?? 0);
}

/** The edges that lie on some cycle of folders (both ends in one strongly connected component). */
function cyclic(nodes: string[], edges: Edge[]) {
  const comp = components(nodes, edges);
  return edges.filter((e) => comp.get(e.from) === comp.get(e.to));
}

/**
 * A small set of edges whose removal leaves no cycle between folders (a greedy feedback arc
 * set): each round removes the edge that leaves the fewest edges on cycles, preferring a
 * type-only edge and then the one carried by the fewest imports. These are what to cut.
 */
export function cycleClosingEdges(nodes: string[], edges: Edge[]): Set<Edge> {
  const removed = new Set<Edge>();
  let rest = edges;
  for (let inner = cyclic(nodes, rest); inner.length; inner = cyclic(nodes, rest)) {
    const scored = inner.map((e) => ({
      e,
      score: [
        cyclic(
          nodes,
          rest.filter((x) => x !== e),
        ).length,
        e.typeOnly ? 0 : 1,
        e.imports,
      ],
    }));
    scored.sort((a, b) => lexical(a.score, b.score));
    const best = scored[0]?.e;
    if (!best) break;
    removed.add(best);
    rest = rest.filter((x) => x !== best);
  }
  return removed;
}

/**
 * Marks the cycle-closing edges; with `reduce`, also drops every other edge A → B that a
 * longer path of unmarked edges already shows (those form no cycle, so no path is invented).
 */
export function drawnEdges(nodes: string[], edges: Edge[], reduce: boolean): Drawn[] {
  const closing = cycleClosingEdges(nodes, edges);
  const marked = edges.map((e) => ({ ...e, cycle: closing.has(e) }));
  if (!reduce) return marked;
  let kept = marked;
  for (const e of marked) {
    if (e.cycle || e.rules.length) continue;
    const others = kept.filter((k) => k !== e && !k.cycle);
    if (reaches(e.from, e.to, others)) kept = kept.filter((k) => k !== e);
  }
  return kept;
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const label = (id: string) => id.replace(/^src\//, '').replace(/\/$/, '');

function nodeLine(id: string) {
  const outsideSrc = !id.startsWith('src/');
  const file = /\.[a-z]+$/.test(id);
  const style = outsideSrc
    ? 'shape=box3d fillcolor="#e8e8e8"'
    : file
      ? 'shape=note fillcolor="#ddeeff"'
      : 'shape=folder fillcolor="#fff7cc"';
  const name = outsideSrc ? `${label(id)}/ (outside src)` : label(id);
  return `  ${quote(id)} [label=${quote(name)} ${style} tooltip=${quote(id)}];`;
}

function edgeLine(e: Drawn) {
  const what = `${e.imports} import${e.imports === 1 ? '' : 's'}${e.typeOnly ? ', types only' : ''}`;
  const names = `${label(e.from)} → ${label(e.to)} (${what})`;
  const attrs = e.rules.length
    ? [`color="#d62728"`, `penwidth=1.6`, `tooltip=${quote(`${names}: ${e.rules.join(', ')}`)}`]
    : e.cycle
      ? [
          `color="#ff7f0e"`,
          `penwidth=1.6`,
          `tooltip=${quote(`${names}: closes an import cycle between folders; cut here`)}`,
        ]
      : [`color="#00000066"`, `tooltip=${quote(names)}`];
  if (e.typeOnly) attrs.push('style=dashed');
  return `  ${quote(e.from)} -> ${quote(e.to)} [${attrs.join(' ')}];`;
}

export function toDot(nodes: string[], edges: Drawn[], title: string) {
  return [
    'digraph architecture {',
    `  graph [rankdir=TB nodesep=0.3 ranksep=0.5 fontname="Helvetica" fontsize=11 labelloc=t label=${quote(title)}];`,
    '  node [style="filled" fontname="Helvetica" fontsize=10 height=0.3 color="#555555"];',
    '  edge [arrowsize=0.6 penwidth=1.0];',
    ...nodes.map(nodeLine),
    ...edges.map(edgeLine),
    '}',
    '',
  ].join('\n');
}
