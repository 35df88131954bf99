// Circles in a directed graph (of folders or of files). Within each tangle (strongly connected
// component) every edge is shown in one shortest circle through it, so the report names every
// dependency to untie.

/** node → node it depends on → something that says why (an import line). */
export type Graph<E> = Map<string, Map<string, E>>;

export interface Cycle<E> {
  /** The nodes in order; the last one depends on the first. */
  nodes: string[];
  /** One piece of evidence for each edge nodes[i] → nodes[i + 1] (and last → first). */
  edges: E[];
  /** How many nodes the whole tangle has (at least nodes.length). */
  tangle: number;
}

export function findCycles<E>(graph: Graph<E>): Cycle<E>[] {
  const cycles = new Map<string, Cycle<E>>();
  for (const component of components(graph)) {
    const inside = new Set(component);
    for (const from of [...component].sort()) {
      for (const to of [...(graph.get(from)?.keys() ?? [])].sort()) {
        if (!inside.has(to)) continue;
        const nodes = rotate([from, ...shortestPath(graph, to, from, inside).slice(0, -1)]);
        const key = nodes.join('\n');
        if (cycles.has(key)) continue;
        const edges = nodes.map((n, i) => graph.get(n)!.get(nodes[(i + 1) % nodes.length]!)!);
        cycles.set(key, { nodes, edges, tangle: component.length });
      }
    }
  }
  return [...cycles.values()].sort((a, b) => a.nodes.length - b.nodes.length || a.nodes.join().localeCompare(b.nodes.join()));
}

// The same circle read from its alphabetically first node, so each circle is reported once.
function rotate(nodes: string[]): string[] {
  const first = nodes.indexOf([...nodes].sort()[0]!);
  return [...nodes.slice(first), ...nodes.slice(0, first)];
}

// Breadth-first from one node to another, staying inside their component: [from, ..., to].
function shortestPath<E>(graph: Graph<E>, from: string, to: string, inside: Set<string>): string[] {
  if (from === to) return [from];
  const cameFrom = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const next of [...(graph.get(at)?.keys() ?? [])].sort()) {
      if (!inside.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, at);
      if (next === to) {
        const path = [to];
        while (path[0] !== from) path.unshift(cameFrom.get(path[0]!)!);
        return path;
      }
      queue.push(next);
    }
  }
  throw new Error(`no path from ${from} to ${to} inside their component`);
}

// Tarjan's strongly connected components, iterative so a long chain cannot overflow the stack.
function components<E>(graph: Graph<E>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((m) => [...m.keys()])]);
  for (const root of [...nodes].sort()) {
    if (index.has(root)) continue;
    const work: { node: string; next: string[] }[] = [];
    const enter = (node: string): void => {
      index.set(node, index.size);
      low.set(node, index.get(node)!);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: [...(graph.get(node)?.keys() ?? [])].sort() });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const next = frame.next.shift();
      if (next !== undefined) {
        if (!index.has(next)) enter(next);
        else if (onStack.has(next)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        result.push(component);
      }
    }
  }
  return result;
}
