import { withIndexedMetadataArgs, withMemoizedInheritance } from '../src/compile/indexed-metadata-args';
import { appTypeorm } from '../src/typeorm/runtime';
import { entityClasses } from './support/entities';

type Storage = Record<string, unknown>;
type Lookup = (this: unknown, ...args: unknown[]) => unknown;

/** A class and its ancestors, the way TypeORM's `MetadataUtils.getInheritanceTree` lists them. */
function inheritanceTree(target: Function): Function[] {
  const tree = [target];
  for (
    let parent = Object.getPrototypeOf(target);
    parent && parent !== Function.prototype;
    parent = Object.getPrototypeOf(parent)
  )
    tree.push(parent);
  return tree;
}

describe('indexed metadata-args lookups', () => {
  it('answer every lookup of TypeORM exactly as its own scans do (same records, same order), for single targets and inheritance trees', async () => {
    for (const folder of [
      'test/entities/single-table-inheritance',
      'test/entities/junctions/both-sides',
      'test/entities/junctions/two-relations',
      'test/entities/no-spurious-diffs',
      'test/entities/typeorm-lines',
      'test/entities/views',
      'fixtures/many-to-many/to',
    ]) {
      await entityClasses(folder);
    }
    const storage = appTypeorm().getMetadataArgsStorage() as unknown as Storage;
    const proto = Object.getPrototypeOf(storage) as Storage;
    const arrays = Object.entries(storage).filter(
      (entry): entry is [string, { target?: unknown; propertyName?: string }[]] => Array.isArray(entry[1]),
    );
    const targets = new Set<unknown>();
    for (const [, records] of arrays) for (const record of records) targets.add(record.target);
    const classes = [...targets].filter((t): t is Function => typeof t === 'function');
    expect(classes.length).toBeGreaterThan(10);
    const asked: unknown[] = [
      ...targets,
      ...classes.map(inheritanceTree),
      'no such target',
      [classes[0], 'no such target'],
    ];
    const propertyNames = [...new Set(arrays.flatMap(([, records]) => records.map((r) => r.propertyName)))].filter(
      (p) => typeof p === 'string',
    );

    // TypeORM's own answers (the prototype's methods on the whole arrays) ...
    const calls: { name: string; args: unknown[] }[] = [];
    for (const target of asked) {
      for (const name of [
        'filterTables',
        'filterColumns',
        'filterRelations',
        'filterRelationIds',
        'filterIndices',
        'filterForeignKeys',
        'filterUniques',
        'filterChecks',
        'filterExclusions',
        'filterListeners',
        'filterEmbeddeds',
        'findTree',
        'findInheritanceType',
        'findDiscriminatorValue',
        'filterSubscribers',
        'filterNamingStrategies',
      ]) {
        if (typeof proto[name] === 'function') calls.push({ name, args: [target] });
      }
      for (const propertyName of propertyNames) {
        for (const name of ['findGenerated', 'findJoinTable', 'filterJoinColumns'])
          calls.push({ name, args: [target, propertyName] });
      }
    }
    const expected = calls.map(({ name, args }) => (proto[name] as Lookup).apply(storage, args));
    const nonEmpty = expected.filter((answer) => (Array.isArray(answer) ? answer.length > 0 : answer !== undefined));
    expect(nonEmpty.length).toBeGreaterThan(100);

    // ... and the indexed ones: the same records (the same objects, in the same order).
    const actual = await withIndexedMetadataArgs(storage, async () => {
      expect(Object.keys(storage)).toEqual(
        expect.arrayContaining(['filterByTarget', 'findGenerated', 'filterIndices']),
      );
      return calls.map(({ name, args }) => (storage[name] as Lookup).apply(storage, args));
    });
    actual.forEach((answer, i) => {
      const want = expected[i];
      if (Array.isArray(want)) {
        expect(Array.isArray(answer)).toBe(true);
        const got = answer as unknown[];
        expect(got).toHaveLength(want.length);
        want.forEach((record, j) => {
          // filterRelations answers a relation a subclass overrides with a fresh clone (Object.create of the parent's
          // record) on every call: the same parent record and the same own members then.
          if (Object.getPrototypeOf(record) !== Object.prototype) {
            expect(Object.getPrototypeOf(got[j])).toBe(Object.getPrototypeOf(record));
            expect({ ...(got[j] as object) }).toEqual({ ...(record as object) });
          } else {
            expect(got[j]).toBe(record);
          }
        });
      } else {
        expect(answer).toBe(want);
      }
    });
    // The storage is itself again afterwards.
    expect(Object.keys(storage).filter((key) => typeof storage[key] === 'function')).toEqual([]);
  });

  it("answer TypeORM's inheritance check exactly as TypeORM does, for every pair of entity classes and odd values", async () => {
    await entityClasses('test/entities/single-table-inheritance');
    await entityClasses('fixtures/many-to-many/to');
    const { MetadataUtils, getMetadataArgsStorage } = appTypeorm();
    const classes = [...new Set(getMetadataArgsStorage().tables.map((t) => t.target))].filter(
      (t): t is Function => typeof t === 'function',
    );
    class Base {}
    class Child extends Base {}
    class GrandChild extends Child {}
    class Custom {
      static [Symbol.hasInstance](): boolean {
        return true;
      }
    }
    const arrow = () => undefined;
    const bound = Child.bind(null);
    const values: unknown[] = [...classes, Base, Child, GrandChild, Custom, Object, Function, arrow, bound];
    const pairs: [unknown, unknown][] = values.flatMap((a) => values.map((b): [unknown, unknown] => [a, b]));
    const outcome = (a: unknown, b: unknown) => {
      try {
        return MetadataUtils.isInherited(a, b);
      } catch (error) {
        return `throws ${(error as Error).constructor.name}`;
      }
    };
    const expected = pairs.map(([a, b]) => outcome(a, b));
    expect(expected.filter((answer) => answer === true).length).toBeGreaterThan(3);
    const original = MetadataUtils.isInherited;
    const actual = await withMemoizedInheritance(MetadataUtils, async () => {
      expect(MetadataUtils.isInherited).not.toBe(original);
      return pairs.map(([a, b]) => outcome(a, b));
    });
    const name = (v: unknown) => (typeof v === 'function' ? v.name : String(v));
    expect(pairs.filter((_, i) => actual[i] !== expected[i]).map(([a, b]) => `${name(a)} ${name(b)}`)).toEqual([]);
    expect(actual).toEqual(expected);
    expect(MetadataUtils.isInherited).toBe(original);
  });
});
