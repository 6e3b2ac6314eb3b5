import { componentIds } from './strongly-connected';

const graph = (edges: Record<string, string[]>) => (node: string) => edges[node] ?? [];

describe('componentIds', () => {
  it('puts nodes that reach each other together, and nothing else', () => {
    const ids = componentIds(
      ['a', 'b', 'c', 'd', 'e'],
      graph({ a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'] }),
    );
    expect(ids.get('a')).toBe(ids.get('b'));
    expect(ids.get('b')).toBe(ids.get('c'));
    expect(ids.get('d')).toBe(ids.get('e'));
    expect(ids.get('a')).not.toBe(ids.get('d'));
    expect(new Set(ids.values()).size).toBe(2);
  });

  it('handles a chain far longer than the call stack allows for recursion', () => {
    const n = 200_000;
    const nodes = Array.from({ length: n }, (_, i) => `t${i}`);
    const ids = componentIds(nodes, (node) => {
      const i = Number(node.slice(1));
      return i + 1 < n ? [`t${i + 1}`] : ['t0'];
    });
    expect(new Set(ids.values()).size).toBe(1);
  });
});
