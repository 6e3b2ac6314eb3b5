/** Indexes of the model (see types.ts). */
import { type UnmodelledAttribute } from './common';

/**
 * One key of an index: a column (a name, always quoted when rendered) or an expression (SQL text in the dialect's
 * own spelling, as its catalog prints it; rendered inside parentheses, never taken for a name or vice versa), with
 * its sort order when that is not the default (see `IndexKeyOrder`).
 */
export type IndexKey = ({ readonly column: string } | { readonly expression: string }) & IndexKeyOrder & IndexKeyClass;

/**
 * PostgreSQL: how one index key compares, each field present only when it is not the default: `opclass` the operator
 * class (`gin_trgm_ops`, `text_pattern_ops`) when it is not the default class of the key's type for the index's
 * method; `collation` (`C`) when it is not the collation of the column (of an expression key: of its type).
 * Entities cannot declare either: only introspection and `.sql` sources set them.
 */
export interface IndexKeyClass {
  readonly opclass?: string;
  readonly collation?: string;
}

/**
 * The sort order of an index key, each field present only when it is not the default: `ASC NULLS LAST` is `{}`,
 * `DESC` (whose default is `NULLS FIRST`) is `{ desc: true }`, `DESC NULLS LAST` is `{ desc: true, nulls: 'last' }`,
 * `ASC NULLS FIRST` is `{ nulls: 'first' }`. `nulls` is PostgreSQL only (SQLite's CREATE INDEX has no NULLS clause).
 * TypeORM cannot declare either: only introspection sets them.
 */
export interface IndexKeyOrder {
  readonly desc?: true;
  readonly nulls?: 'first' | 'last';
}

export interface Index {
  readonly name: string;
  /** The columns of the column keys, in key order (all the keys when none is an expression). */
  readonly columns: readonly string[];
  /**
   * Every key in order; present only when at least one key is an expression or has a sort order that is not the
   * default (see `indexKeys`), so an index on plain ascending columns is `columns` alone.
   */
  readonly keys?: readonly IndexKey[];
  readonly unique: boolean;
  /** Partial index predicate, without the `WHERE` keyword. */
  readonly where?: string;
  /** PostgreSQL access method, lower case (`gin`, `gist`, `hash`, `brin`, `spgist`); absent means `btree`. */
  readonly method?: string;
  /**
   * PostgreSQL: the index exists but is not valid (left behind by a failed `CREATE INDEX CONCURRENTLY`); it serves no
   * queries and enforces nothing, so a plan drops and builds it again. Only introspection sets it.
   */
  readonly invalid?: true;
  /** PostgreSQL `INCLUDE (...)`: non-key columns stored in the index, in order; absent when none. */
  readonly include?: readonly string[];
  /** PostgreSQL storage parameters, `WITH (fillfactor=70)`: `name=value` as the catalog spells them, sorted; absent when none. */
  readonly options?: readonly string[];
  /** PostgreSQL 15+ `NULLS NOT DISTINCT` of a unique index. */
  readonly nullsNotDistinct?: true;
  /** PostgreSQL `COMMENT ON INDEX`. */
  readonly comment?: string;
  /** What the index has that the model does not describe (tablespace, operator class options...); absent when nothing. */
  readonly unmodelled?: readonly UnmodelledAttribute[];
}
