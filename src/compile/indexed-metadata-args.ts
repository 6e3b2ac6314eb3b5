/**
 * TypeORM's `MetadataArgsStorage` answers "the columns (relations, indices, ...) of this entity" by scanning every
 * decorator record of every entity, once per entity: building the metadata of N entities is quadratic (the largest
 * share of compiling 1,000 entities). `withIndexedMetadataArgs` lets TypeORM's own lookups run on only the records
 * of the targets asked for, found through an index by target: each lookup method is shadowed, on the storage
 * instance and for the duration of `work`, by one that calls TypeORM's own method (from the prototype) with the
 * record array narrowed to the records whose `target` is one of the targets asked for, in their original order. The
 * methods' logic (duplicate properties, inheritance order) stays TypeORM's, and a narrowed array gives the same result
 * as the whole one, since every one of these methods keeps only records of those targets. Works on TypeORM 0.3.x and
 * 1.x (the same methods; a method or array one line lacks is left alone).
 */

interface TargetRecord {
  readonly target?: unknown;
}
type Storage = Record<string, unknown>;
type Method = (this: any, ...args: unknown[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Methods `(array, target)`: the array is narrowed to the target(s). */
const ARRAY_METHODS = [
  'filterByTarget',
  'filterByTargetAndWithoutDuplicateProperties',
  'filterByTargetAndWithoutDuplicateRelationProperties',
  'filterByTargetAndWithoutDuplicateEmbeddedProperties',
] as const;

/** Methods `(target, ...)` that scan one array of the storage: that array is narrowed, on a shadow of the storage. */
const PROPERTY_METHODS: Readonly<Record<string, string>> = {
  findGenerated: 'generations',
  findTree: 'trees',
  filterIndices: 'indices',
  filterForeignKeys: 'foreignKeys',
  filterUniques: 'uniques',
  filterChecks: 'checks',
  filterExclusions: 'exclusions',
  findJoinTable: 'joinTables',
  filterJoinColumns: 'joinColumns',
  findInheritanceType: 'inheritances',
  findDiscriminatorValue: 'discriminatorValues',
};

/**
 * Positions of each target's records in the storage's arrays, built on first use of each array. One per build: the
 * arrays do not change while TypeORM builds metadata (an array whose length changed is indexed again, to be safe).
 */
export class TargetIndex {
  private readonly indexes = new Map<readonly TargetRecord[], { readonly length: number; readonly byTarget: Map<unknown, number[]> }>();

  private positionsByTarget(array: readonly TargetRecord[]): Map<unknown, number[]> {
    const known = this.indexes.get(array);
    if (known && known.length === array.length) return known.byTarget;
    const byTarget = new Map<unknown, number[]>();
    array.forEach((record, position) => {
      const positions = byTarget.get(record.target);
      if (positions) positions.push(position);
      else byTarget.set(record.target, [position]);
    });
    this.indexes.set(array, { length: array.length, byTarget });
    return byTarget;
  }

  /** The records of `array` whose target is `target` (or one of `target`, an array), in their order in `array`. */
  narrow<T extends TargetRecord>(array: readonly T[], target: unknown): T[] {
    const byTarget = this.positionsByTarget(array);
    if (!Array.isArray(target)) return (byTarget.get(target) ?? []).map((position) => array[position]!);
    const positions = [...new Set(target)].flatMap((each) => byTarget.get(each) ?? []).sort((a, b) => a - b);
    return positions.map((position) => array[position]!);
  }
}

/** Runs `work` with the storage's lookups indexed by target (see above); the storage is restored afterwards. */
export async function withIndexedMetadataArgs<T>(storage: object, work: () => Promise<T>): Promise<T> {
  const instance = storage as Storage;
  const proto = Object.getPrototypeOf(storage) as Storage;
  const shadowed: string[] = [];
  const index = new TargetIndex();
  const shadow = (name: string, method: Method) => {
    if (typeof proto[name] !== 'function' || Object.prototype.hasOwnProperty.call(instance, name)) return;
    instance[name] = method;
    shadowed.push(name);
  };
  for (const name of ARRAY_METHODS) {
    const original = proto[name] as Method;
    shadow(name, function indexed(this: unknown, array: unknown, target: unknown, ...rest: unknown[]) {
      return original.call(this, Array.isArray(array) ? index.narrow(array as TargetRecord[], target) : array, target, ...rest);
    });
  }
  for (const [name, property] of Object.entries(PROPERTY_METHODS)) {
    const original = proto[name] as Method;
    shadow(name, function indexed(this: Storage, target: unknown, ...rest: unknown[]) {
      const records = this[property];
      if (!Array.isArray(records)) return original.call(this, target, ...rest);
      const narrowed = Object.create(this) as Storage;
      narrowed[property] = index.narrow(records as TargetRecord[], target);
      return original.call(narrowed, target, ...rest);
    });
  }
  try {
    return await work();
  } finally {
    for (const name of shadowed) delete instance[name];
  }
}
