/**
 * The canonical schema model: readonly, plain, JSON-serialisable data.
 *
 * Both sides of a diff are expressed in this shape: a model compiled from TypeORM entities and a model introspected
 * from a live database. A model is always for one dialect; values such as `type` and `default` are spelled the way
 * that dialect's catalog spells them after normalisation, so two models of the same dialect compare field by field.
 *
 * Objects refer to each other by name, never by pointer. Collections are sorted (see normalize.ts) except
 * `Table.columns`, which keeps the declared/ordinal order because it is meaningful for the rendered DDL.
 *
 * This module imports nothing from outside src/model; columns, constraints and indexes have files of their own
 * (columns.ts, constraints.ts, indexes.ts), re-exported here.
 */
import type { QualifiedName, UnmodelledAttribute } from './common';
import type { Column, IdentityOptions } from './columns';
import type { Check, Exclusion, ForeignKey, PrimaryKey, Unique } from './constraints';
import type { Index } from './indexes';

export * from './common';
export * from './columns';
export * from './constraints';
export * from './indexes';

export type DialectName = 'postgres' | 'sqlite';

export interface Model {
  readonly dialect: DialectName;
  /**
   * PostgreSQL schemas (namespaces): those the model's tables and enums live in, plus `public`; introspected, also
   * every schema read that exists, so a plan knows which ones to create. Absent on SQLite.
   */
  readonly schemas?: readonly string[];
  /** PostgreSQL extensions the schema needs (e.g. `uuid-ossp` for `uuid_generate_v4()`); always empty on SQLite. */
  readonly extensions: readonly string[];
  /** PostgreSQL enum types; always empty on SQLite, where an enum is a CHECK carried by the column (`Column.enumValues`). */
  readonly enums: readonly EnumType[];
  readonly tables: readonly Table[];
  /** Views (TypeORM `@ViewEntity`); absent when there are none. */
  readonly views?: readonly View[];
  /**
   * Introspected only: the objects of the read schemas this model does not describe (functions, triggers, policies...),
   * by schema and kind, with the extensions installed in each schema; absent when there are none. Never diffed: a
   * plan lists them as left untouched, and does not drop a schema that still holds any (see `NotManaged`).
   */
  readonly notManaged?: readonly NotManaged[];
  /**
   * PostgreSQL standalone sequences (`CREATE SEQUENCE`), sorted by schema and name; absent when there are none. The
   * sequence of a serial column (`generated: 'increment'`) and of an identity column are implied by the column and
   * never listed. Entities cannot declare sequences: a plan from entities leaves them alone (see `withoutSequences`).
   */
  readonly sequences?: readonly Sequence[];
  /**
   * PostgreSQL: `COMMENT ON SCHEMA`, by schema name, for the schemas that have one (of `schemas`); absent when none.
   * Read from databases and `.sql` sources; entities cannot declare it.
   */
  readonly schemaComments?: Readonly<Record<string, string>>;
}

/**
 * A PostgreSQL sequence that is not implied by a column. Options (from `IdentityOptions`) are present only when they
 * are not the default for `type` and the direction of `increment` (as `CREATE SEQUENCE` gives them).
 */
export interface Sequence extends IdentityOptions {
  /** PostgreSQL schema; always set once normalised. */
  readonly schema?: string;
  readonly name: string;
  /** `AS smallint|integer|bigint` (`bigint` when not said). */
  readonly type: SequenceType;
  /** `OWNED BY table.column`: the sequence is dropped with the column (or its table). The table is in the sequence's schema. */
  readonly ownedBy?: SequenceOwner;
  /** PostgreSQL `COMMENT ON SEQUENCE`. */
  readonly comment?: string;
  /** What the sequence has that the model does not describe (see `UnmodelledAttribute`); absent when nothing. */
  readonly unmodelled?: readonly UnmodelledAttribute[];
}

export type SequenceType = 'smallint' | 'integer' | 'bigint';

export interface SequenceOwner {
  readonly table: string;
  readonly column: string;
}

/**
 * What a database holds besides the model's objects, for one schema (absent: database-wide, such as an event
 * trigger) and one kind. `extension` entries name the extensions installed in the schema: those the model lists in
 * `extensions` are needed by it, the others are not managed.
 */
export interface NotManaged {
  readonly schema?: string;
  readonly kind: NotManagedKind;
  /** The objects, sorted: `name` or `table.name` (a trigger, policy or rule), `name(args)` for a routine. */
  readonly names: readonly string[];
}

export type NotManagedKind =
  | 'aggregate'
  | 'domain'
  | 'event trigger'
  | 'extension'
  | 'foreign table'
  | 'function'
  | 'partition'
  | 'policy'
  | 'privilege'
  | 'procedure'
  | 'publication'
  | 'row level security'
  | 'rule'
  | 'sequence'
  | 'trigger'
  | 'type'
  | 'typeorm table'
  | 'virtual table';

/**
 * What the target model says about the schemas and extensions that are not in it:
 * - `needs` (compiled from entities, or a `generated/model.json` document): it lists only those it needs; the others are left alone (the user's, or
 *   another tool's), and never dropped;
 * - `inventory` (read from a database, a `.sql` file or a raw model file): it lists every one that should exist; the
 *   others are dropped.
 */
export type TargetScope = 'needs' | 'inventory';

export interface View {
  /** PostgreSQL schema; `undefined` on SQLite. */
  readonly schema?: string;
  readonly name: string;
  /**
   * The defining query as TypeORM records it in `typeorm_metadata` (trimmed), which is what TypeORM compares;
   * the catalog's own text (`pg_get_viewdef`, `sqlite_master.sql`) only when no such record exists.
   */
  readonly expression: string;
  /** PostgreSQL `MATERIALIZED VIEW`. */
  readonly materialized?: boolean;
  /**
   * PostgreSQL: the indexes of a materialized view (TypeORM's `@Index` on a materialized `@ViewEntity`), sorted by
   * name; absent when there are none. Created with the view, so a recreated view gets them back.
   */
  readonly indexes?: readonly Index[];
  /**
   * Tables and views of the same model this view reads, sorted (catalog dependencies on PostgreSQL; names found in
   * the expression elsewhere). Used for ordering only: never compared by the diff.
   */
  readonly dependsOn: readonly QualifiedName[];
  /** PostgreSQL `COMMENT ON [MATERIALIZED] VIEW`. */
  readonly comment?: string;
  /**
   * PostgreSQL: the view's options (`security_barrier=true`, `check_option=cascaded`) or a materialized view's storage
   * parameters (`fillfactor=70`), as `name=value` in the catalog's spelling, sorted; absent when none. Entities cannot
   * declare them. A change of them re-creates the view.
   */
  readonly options?: readonly string[];
  /** What the view has that the model does not describe (see `UnmodelledAttribute`); absent when nothing. */
  readonly unmodelled?: readonly UnmodelledAttribute[];
}

export interface EnumType {
  /** PostgreSQL schema; `undefined` on SQLite. */
  readonly schema?: string;
  readonly name: string;
  /** Labels in declared order: the order is meaningful (`ORDER BY` on an enum column sorts by it). */
  readonly values: readonly string[];
  /** PostgreSQL `COMMENT ON TYPE`; entities cannot declare it. */
  readonly comment?: string;
  /** What the type has that the model does not describe (privileges granted on it); absent when nothing. */
  readonly unmodelled?: readonly UnmodelledAttribute[];
}

export interface Table {
  readonly schema?: string;
  readonly name: string;
  readonly columns: readonly Column[];
  readonly primaryKey?: PrimaryKey;
  readonly foreignKeys: readonly ForeignKey[];
  readonly uniques: readonly Unique[];
  readonly checks: readonly Check[];
  readonly indexes: readonly Index[];
  /** PostgreSQL exclusion constraints (TypeORM's `@Exclusion`), sorted by name; absent when there are none. */
  readonly exclusions?: readonly Exclusion[];
  readonly comment?: string;
  /**
   * SQLite `STRICT` table (declared types enforced). Never compiled from entities (TypeORM cannot declare it); read from
   * the database and from SQL sources. A change of it (or of `withoutRowid`) rebuilds the table.
   */
  readonly strict?: true;
  /** SQLite `WITHOUT ROWID` table (stored by its primary key). As `strict`: SQL sources only. */
  readonly withoutRowid?: true;
  /**
   * SQLite: the user's triggers on this table, as stored, read so that a table rebuild (which drops the table and
   * its triggers) recreates them. Not managed: never compiled from entities, never diffed. Absent when none.
   */
  readonly triggers?: readonly Trigger[];
  /**
   * PostgreSQL: what the table has that the model does not describe (storage parameters, tablespace, UNLOGGED,
   * replica identity, inheritance...); absent when nothing. See `UnmodelledAttribute`.
   */
  readonly unmodelled?: readonly UnmodelledAttribute[];
  /**
   * PostgreSQL: the table is partitioned (`PARTITION BY ...`); absent for an ordinary table. Only introspection sets it
   * (entities cannot declare partitioning: a plan from entities leaves it alone, see `declarableByEntities`). Between
   * two inventories a difference of strategy or key is refused, never planned: converting needs a rebuild.
   */
  readonly partitioning?: Partitioning;
}

/** How a PostgreSQL table is partitioned, and its partitions (which are not managed: listed, never diffed). */
export interface Partitioning {
  readonly strategy: PartitionStrategy;
  /** The partition key as `pg_get_partkeydef` prints it inside the parentheses: `created_at`, `lower(name)`, `a, b`. */
  readonly key: string;
  /** The tables attached as its partitions (`PARTITION OF`), sorted by schema and name; empty when none. */
  readonly partitions: readonly Partition[];
}

export type PartitionStrategy = 'range' | 'list' | 'hash';

export interface Partition {
  readonly schema?: string;
  readonly name: string;
  /** The partition bound as `pg_get_expr` prints it: `FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`, `DEFAULT`. */
  readonly bound: string;
}

export interface Trigger {
  readonly name: string;
  /** The `CREATE TRIGGER` statement exactly as the database stores it. */
  readonly sql: string;
}

/** The file format of `generated/model.json`: one model per dialect, compiled from the same entities. */
export interface ModelDocument {
  readonly format: 'schemaplan.model';
  readonly version: 1;
  readonly models: { readonly [D in DialectName]?: Model };
}
