/**
 * A fuzz case is drawn as a "universe": every table, column, constraint, index and enum label that exists in either
 * schema, each with flags saying on which side (A, the starting schema; B, the target) it exists and how it looks
 * there. Drawing flags instead of mutation lists keeps the shapes independent, so fast-check shrinks a failing case
 * by switching things off one by one. `resolve.ts` turns a universe into two consistent models and rows.
 */
import fc from 'fast-check';

export type PrimaryKeyKind = 'none' | 'single' | 'composite';

export interface UColumn {
  readonly inA: boolean;
  readonly inB: boolean;
  /** Index into the dialect's catalogue (modulo its size); the enum types come after it. */
  readonly type: number;
  /** 0: the same type in B; n: the type's (n-1)-th conversion (modulo how many it has). */
  readonly conversion: number;
  readonly nullable: readonly [boolean, boolean];
  /** Index into the type's defaults (modulo), or -1 for none; per side. */
  readonly defaults: readonly [number, number];
  readonly unique: readonly [boolean, boolean];
  /** PostgreSQL: its unique constraint is DEFERRABLE INITIALLY DEFERRED, per side. */
  readonly deferrable: readonly [boolean, boolean];
  readonly check: readonly [boolean, boolean];
  /** PostgreSQL: it has a comment, per side. */
  readonly comment?: readonly [boolean, boolean];
}

export interface UIndex {
  /** Indexes into the table's columns (modulo), one or two. */
  readonly columns: readonly number[];
  readonly unique: boolean;
  readonly partial: boolean;
  /**
   * PostgreSQL, per side: 0 nothing more; 1 `WITH (fillfactor=70)`; 2 `INCLUDE (id)`; 3 a comment; 4 the first key
   * DESC; 5 the first key `COLLATE "C"` (string types); 6 its `*_pattern_ops` operator class (string types).
   */
  readonly detail: readonly [number, number];
  readonly inA: boolean;
  readonly inB: boolean;
}

export interface UForeignKey {
  /** The referenced table: an index (modulo) among this table and those before it. */
  readonly parent: number;
  readonly nullable: boolean;
  readonly columnInA: boolean;
  readonly columnInB: boolean;
  readonly constraint: readonly [boolean, boolean];
  /** Indexes into the referential actions, per side (a change of action is a drop and add of the constraint). */
  readonly onDelete: readonly [number, number];
  readonly onUpdate: number;
  /** PostgreSQL: MATCH FULL, per side. */
  readonly matchFull: readonly [boolean, boolean];
  /**
   * PostgreSQL, per side: 0 not deferrable, 1 `DEFERRABLE INITIALLY IMMEDIATE`, 2 `DEFERRABLE INITIALLY DEFERRED`
   * (a change of that alone is an `ALTER CONSTRAINT`).
   */
  readonly deferrable?: readonly [number, number];
}

export interface UTable {
  readonly inA: boolean;
  readonly inB: boolean;
  readonly primaryKey: readonly [PrimaryKeyKind, PrimaryKeyKind];
  /** The id column's type: an index (modulo) among the catalogue's distinct types that no conversion touches. */
  readonly idType: number;
  readonly columns: readonly UColumn[];
  readonly indexes: readonly UIndex[];
  readonly foreignKeys: readonly UForeignKey[];
  /** Rows inserted into A. */
  readonly rows: number;
  /** PostgreSQL, per side: 0 no comment, 1 or 2 one of two comments. */
  readonly comment?: readonly [number, number];
  /**
   * PostgreSQL, per side: 0 no exclusion constraint; 1 `EXCLUDE USING btree (id WITH =)` (ids are distinct); 2 the
   * same with a comment; 3 the same `DEFERRABLE INITIALLY DEFERRED`.
   */
  readonly exclusion?: readonly [number, number];
}

export interface ULabel {
  readonly inA: boolean;
  readonly inB: boolean;
  /** A label removed in B: rows holding it are mapped onto a label of both sides (declared), or none hold it. */
  readonly mapped: boolean;
  /** Where an added label goes among the others (its position in the list is its order). */
  readonly position: number;
}

export interface UEnum {
  readonly labels: readonly ULabel[];
}

export interface Universe {
  readonly tables: readonly UTable[];
  readonly enums: readonly UEnum[];
  /** Seeds the row values. */
  readonly seed: number;
}

const pair = <T>(arb: fc.Arbitrary<T>) => fc.tuple(arb, arb);
/** Mostly the same on both sides, so most cases change a few things rather than everything. */
const stable = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: arb.map((v) => [v, v] as const), weight: 3 }, { arbitrary: pair(arb), weight: 1 });
/** Present on both sides mostly; sometimes only in A (dropped) or only in B (added). */
const sides = fc.oneof(
  { arbitrary: fc.constant([true, true] as const), weight: 4 },
  { arbitrary: fc.constant([true, false] as const), weight: 1 },
  { arbitrary: fc.constant([false, true] as const), weight: 1 },
);

const column: fc.Arbitrary<UColumn> = fc
  .record({
    sides,
    type: fc.nat(40),
    conversion: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat(6), weight: 2 }),
    nullable: stable(fc.boolean()),
    defaults: stable(fc.oneof({ arbitrary: fc.constant(-1), weight: 2 }, { arbitrary: fc.nat(3), weight: 1 })),
    unique: stable(fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 })),
    deferrable: stable(
      fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
    ),
    check: stable(fc.boolean()),
    comment: stable(
      fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
    ),
  })
  .map(({ sides: [inA, inB], ...rest }) => ({ inA, inB, ...rest }));

const index: fc.Arbitrary<UIndex> = fc
  .record({
    columns: fc.array(fc.nat(8), { minLength: 1, maxLength: 2 }),
    unique: fc.boolean(),
    partial: fc.boolean(),
    detail: stable(fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat(6), weight: 2 })),
    sides,
  })
  .map(({ sides: [inA, inB], ...rest }) => ({ inA, inB, ...rest }));

const foreignKey: fc.Arbitrary<UForeignKey> = fc
  .record({
    parent: fc.nat(4),
    nullable: fc.boolean(),
    sides,
    constraint: stable(fc.boolean()),
    onDelete: stable(fc.nat(4)),
    onUpdate: fc.nat(4),
    matchFull: stable(
      fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
    ),
    deferrable: stable(fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat(2), weight: 1 })),
  })
  .map(({ sides: [columnInA, columnInB], ...rest }) => ({ columnInA, columnInB, ...rest }));

const primaryKeyKind = fc.constantFrom<PrimaryKeyKind>('single', 'single', 'none', 'composite');

const table: fc.Arbitrary<UTable> = fc
  .record({
    sides,
    primaryKey: stable(primaryKeyKind),
    idType: fc.nat(8),
    columns: fc.array(column, { maxLength: 6 }),
    indexes: fc.array(index, { maxLength: 3 }),
    foreignKeys: fc.array(foreignKey, { maxLength: 2 }),
    rows: fc.nat(6),
    comment: stable(fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat(2), weight: 1 })),
    exclusion: stable(fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.nat(3), weight: 1 })),
  })
  .map(({ sides: [inA, inB], ...rest }) => ({ inA, inB, ...rest }));

const label: fc.Arbitrary<ULabel> = fc
  .record({ sides, mapped: fc.boolean(), position: fc.nat(5) })
  .map(({ sides: [inA, inB], ...rest }) => ({ inA, inB, ...rest }));

export const universeArbitrary: fc.Arbitrary<Universe> = fc.record({
  tables: fc.array(table, { minLength: 1, maxLength: 4 }),
  enums: fc.array(fc.record({ labels: fc.array(label, { minLength: 1, maxLength: 5 }) }), { maxLength: 2 }),
  seed: fc.nat(1_000_000),
});
