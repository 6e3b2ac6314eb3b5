/** Table constraints of the model (see types.ts). */
import { type UnmodelledAttribute } from './common';

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';
export interface PrimaryKey {
  readonly name?: string;
  readonly columns: readonly string[];
  /**
   * The column order is not fixed: the key is the same in any order of `columns`, which is only the order a plan
   * creates it in. Compiled only: a many-to-many junction declared with `@JoinTable` on both sides, which TypeORM
   * builds from either side (so in either column order). A diff does not count an order-only difference of such a
   * key as a change.
   */
  readonly anyOrder?: true;
  /** PostgreSQL `DEFERRABLE INITIALLY ...`; absent when not deferrable. */
  readonly deferrable?: Deferrable;
  /** PostgreSQL `COMMENT ON CONSTRAINT`. */
  readonly comment?: string;
  /** What the constraint (or its index) has that the model does not describe; absent when nothing. */
  readonly unmodelled?: readonly UnmodelledAttribute[];
}

export interface ForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  readonly referencedSchema?: string;
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  /** `DEFERRABLE INITIALLY ...`; absent when the constraint is not deferrable. */
  readonly deferrable?: Deferrable;
  /**
   * PostgreSQL `NOT VALID`: enforced for new rows, existing rows not checked (`pg_constraint.convalidated` false).
   * Only introspection sets it (entities never declare it); absent means validated.
   */
  readonly notValid?: true;
  /** PostgreSQL `MATCH FULL` (a multi-column key is either all NULL or all set); absent is `MATCH SIMPLE`, the default. */
  readonly match?: 'FULL';
  /** PostgreSQL `COMMENT ON CONSTRAINT`. */
  readonly comment?: string;
  /** What the constraint has that the model does not describe (`ON DELETE SET NULL (columns)`...); absent when nothing. */
  readonly unmodelled?: readonly UnmodelledAttribute[];
}

export type Deferrable = 'INITIALLY IMMEDIATE' | 'INITIALLY DEFERRED';

export interface Unique {
  readonly name: string;
  readonly columns: readonly string[];
  /** PostgreSQL `DEFERRABLE INITIALLY ...` (TypeORM's `@Unique({ deferrable })`); absent when not deferrable. */
  readonly deferrable?: Deferrable;
  /** PostgreSQL 15+ `UNIQUE NULLS NOT DISTINCT`: NULLs conflict with each other. */
  readonly nullsNotDistinct?: true;
  /** PostgreSQL `COMMENT ON CONSTRAINT`. */
  readonly comment?: string;
  /** What the constraint (or its index) has that the model does not describe; absent when nothing. */
  readonly unmodelled?: readonly UnmodelledAttribute[];
}

export interface Check {
  readonly name: string;
  /** The boolean expression, without the `CHECK` keyword. */
  readonly expression: string;
  /** PostgreSQL `NOT VALID` (see `ForeignKey.notValid`); only introspection sets it. */
  readonly notValid?: true;
  /** PostgreSQL `NO INHERIT`: the check does not apply to child tables; only introspection sets it. */
  readonly noInherit?: true;
  /** PostgreSQL `COMMENT ON CONSTRAINT`. */
  readonly comment?: string;
}

/**
 * A PostgreSQL exclusion constraint, `EXCLUDE USING gist ("room" WITH =, "during" WITH &&) WHERE (...)`: no two rows
 * may have every element compare true under its operator. Backed by an index of `method`.
 */
export interface Exclusion {
  readonly name: string;
  /** The index access method, lower case (`gist`, `spgist`, `btree`...; EXCLUDE's default is `btree`). */
  readonly method: string;
  readonly elements: readonly ExclusionElement[];
  /** Partial: the predicate rows must satisfy to be constrained, without the `WHERE` keyword. */
  readonly where?: string;
  /** `DEFERRABLE INITIALLY ...`; absent when the constraint is not deferrable. */
  readonly deferrable?: Deferrable;
  /**
   * What follows the elements besides WHERE and DEFERRABLE, as SQL text (`INCLUDE (id) WITH (fillfactor='70')`), kept
   * and rendered as read; absent when none.
   */
  readonly options?: string;
  /** PostgreSQL `COMMENT ON CONSTRAINT`; absent when none. */
  readonly comment?: string;
}

/**
 * One element of an exclusion constraint: a column (a name) or an expression (SQL text, rendered in parentheses), its
 * operator class when not the default, its order, and the operator (`=`, `&&`, `OPERATOR(myschema.===)`).
 */
export type ExclusionElement = ({ readonly column: string } | { readonly expression: string }) & {
  readonly opclass?: string;
  readonly desc?: true;
  readonly nulls?: 'first' | 'last';
  readonly operator: string;
};
