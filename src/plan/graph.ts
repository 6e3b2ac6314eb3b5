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

/** A binary heap: the smallest item by `compare` comes out first; push and pop in O(log n). */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let smallest = i;
      if (l < items.length && this.compare(items[l]!, items[smallest]!) < 0) smallest = l;
      if (r < items.length && this.compare(items[r]!, items[smallest]!) < 0) smallest = r;
      if (smallest === i) return top;
      [items[i], items[smallest]] = [items[smallest]!, items[i]!];
      i = smallest;
    }
  }
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
  const ready = new MinHeap<SortNode>((a, b) => comparePriority(a.priority, b.priority) || a.id - b.id);
  for (const n of nodes) if (indegree.get(n.id) === 0) ready.push(n);
  const order: number[] = [];
  while (ready.size > 0) {
    const next = ready.pop()!;
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
