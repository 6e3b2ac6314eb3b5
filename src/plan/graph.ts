/**
 * Deterministic topological sort (Kahn's algorithm with a priority queue): among the nodes whose dependencies are
 * done, the one with the smallest `priority` key goes next. The same input always gives the same order.
 */
export interface SortNode {
  readonly id: number;
  /** Compared element-wise: numbers numerically, strings by code unit. */
  readonly priority: readonly (number | string)[];
  readonly label: string;
}

export class DependencyCycleError extends Error {
  constructor(readonly cycle: readonly string[]) {
    super(`the changes depend on each other in a cycle:\n  ${cycle.join('\n  -> ')}`);
    this.name = 'DependencyCycleError';
  }
}

function comparePriority(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** `edges` are `[before, after]` pairs of node ids. Throws `DependencyCycleError` naming the cycle. */
export function topologicalSort(nodes: readonly SortNode[], edges: readonly (readonly [number, number])[]): number[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const successors = new Map<number, Set<number>>(nodes.map((n) => [n.id, new Set<number>()]));
  const indegree = new Map<number, number>(nodes.map((n) => [n.id, 0]));
  for (const [before, after] of edges) {
    if (before === after || successors.get(before)!.has(after)) continue;
    successors.get(before)!.add(after);
    indegree.set(after, indegree.get(after)! + 1);
  }
  const ready = nodes.filter((n) => indegree.get(n.id) === 0);
  const order: number[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => comparePriority(a.priority, b.priority) || a.id - b.id);
    const next = ready.shift()!;
    order.push(next.id);
    for (const succ of successors.get(next.id)!) {
      const remaining = indegree.get(succ)! - 1;
      indegree.set(succ, remaining);
      if (remaining === 0) ready.push(byId.get(succ)!);
    }
  }
  if (order.length < nodes.length) throw new DependencyCycleError(findCycle(nodes, successors, new Set(order)));
  return order;
}

function findCycle(nodes: readonly SortNode[], successors: Map<number, Set<number>>, done: Set<number>): string[] {
  const label = (id: number) => nodes.find((n) => n.id === id)!.label;
  const start = nodes.find((n) => !done.has(n.id))!.id;
  const path: number[] = [];
  const onPath = new Set<number>();
  let current = start;
  // Every unfinished node has an unfinished predecessor chain; walking successors among unfinished nodes cycles.
  while (!onPath.has(current)) {
    path.push(current);
    onPath.add(current);
    current = [...successors.get(current)!].find((s) => !done.has(s)) ?? current;
  }
  return [...path.slice(path.indexOf(current)), current].map(label);
}
