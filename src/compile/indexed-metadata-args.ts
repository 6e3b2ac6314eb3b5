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
  private readonly indexes = new Map<
    readonly TargetRecord[],
    { readonly length: number; readonly byTarget: Map<unknown, number[]> }
  >();

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
      return original.call(
        this,
        Array.isArray(array) ? index.narrow(array as TargetRecord[], target) : array,
        target,
        ...rest,
      );
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

type InheritanceCheck = (this: unknown, target1: unknown, target2: unknown) => boolean;

/**
 * TypeORM's metadata builder gives each entity its child entities by asking, for every pair of entities, whether one
 * inherits from the other (`MetadataUtils.isInherited`: `target1.prototype instanceof target2`): 25 million checks
 * at 5,000 entities, the largest part of building their metadata. For the duration of `work` that check is shadowed
 * by one that gives the same answer from each class's chain of prototypes, walked once: `instanceof` walks exactly
 * that chain looking for `target2.prototype`. Anything else than plain classes with the default `instanceof` (a
 * custom `Symbol.hasInstance`, a bound function, a missing prototype) is left to TypeORM's own check.
 */
export async function withMemoizedInheritance<T>(
  utils: { isInherited: InheritanceCheck },
  work: () => Promise<T>,
): Promise<T> {
  const original = utils.isInherited;
  const owned = Object.prototype.hasOwnProperty.call(utils, 'isInherited');
  // Per class, once: its prototype (null: not a plain class, see above) and the chain of prototypes above it.
  const classes = new Map<unknown, { readonly prototype: object; readonly chain: Set<object> } | null>();
  const defaultHasInstance = Function.prototype[Symbol.hasInstance];
  const plainClass = (target: unknown): { readonly prototype: object; readonly chain: Set<object> } | null => {
    let known = classes.get(target);
    if (known !== undefined) return known;
    known = null;
    if (
      typeof target === 'function' &&
      (target as Function)[Symbol.hasInstance] === defaultHasInstance &&
      // own: a bound function has none (it inherits one; instanceof then asks the function it is bound to)
      Object.prototype.hasOwnProperty.call(target, 'prototype')
    ) {
      const prototype = (target as { prototype?: unknown }).prototype;
      if (typeof prototype === 'object' && prototype !== null) {
        const chain = new Set<object>();
        for (
          let proto = Object.getPrototypeOf(prototype) as object | null;
          proto !== null;
          proto = Object.getPrototypeOf(proto) as object | null
        )
          chain.add(proto);
        known = { prototype, chain };
      }
    }
    classes.set(target, known);
    return known;
  };
  utils.isInherited = function memoizedIsInherited(this: unknown, target1: unknown, target2: unknown): boolean {
    const child = plainClass(target1);
    const parent = plainClass(target2);
    if (!child || !parent) return original.call(this, target1, target2);
    return child.chain.has(parent.prototype);
  };
  try {
    return await work();
  } finally {
    if (owned) utils.isInherited = original;
    else delete (utils as { isInherited?: InheritanceCheck }).isInherited;
  }
}
