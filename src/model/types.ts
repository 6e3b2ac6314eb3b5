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
 * This module imports nothing.
 */

export type DialectName = 'postgres' | 'sqlite';

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

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
 * An attribute an object has that the model does not describe (a table's storage parameters, a column's storage
 * mode, an index's tablespace...): read so that the object is known to be *partly managed*. The diff never compares
 * it; a plan lists it (`Plan.partlyManaged`) and refuses to re-create the object, which would lose it.
 * Each object lists them sorted by `attribute`.
 */
export interface UnmodelledAttribute {
  /** What it is, in words: `storage parameters`, `tablespace`, `persistence`, `replica identity`... */
  readonly attribute: string;
  /** Its value as the catalog spells it: `fillfactor=70`, `unlogged`, `full`. */
  readonly value: string;
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

export interface Column {
  readonly name: string;
  /**
   * The base type as the dialect's catalog names it, lower case: `integer`, `character varying`, `uuid`,
   * `timestamp with time zone`, `jsonb` on PostgreSQL; `integer`, `varchar`, `datetime`, `text` on SQLite.
   * For a PostgreSQL enum column the type is `enum` and `enum` names the type.
   */
  readonly type: string;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  /** PostgreSQL array of `type`. */
  readonly array?: boolean;
  /** PostgreSQL: the enum type this column uses (`type` is `enum`). */
  readonly enum?: QualifiedName;
  /** SQLite: the values of the column's enum CHECK (`"col" IN ('a','b')`). */
  readonly enumValues?: readonly string[];
  readonly nullable: boolean;
  /** A SQL expression, normalised by the dialect (no redundant literal casts). Absent when there is none. */
  readonly default?: string;
  /** Values generated by the database: a sequence (`serial`/`AUTOINCREMENT`) or a PostgreSQL identity. */
  readonly generated?: 'increment' | 'identity-always' | 'identity-by-default';
  /**
   * PostgreSQL: the options of an identity column's sequence that are not the default for its type (absent: all
   * default, as TypeORM creates them). Only with an identity `generated`; only introspection sets it.
   */
  readonly identity?: IdentityOptions;
  /**
   * A generated (computed) column, `GENERATED ALWAYS AS (expression) STORED|VIRTUAL`: its values derive from the
   * expression (as TypeORM records it in `typeorm_metadata`). Never together with `generated` or `default`.
   */
  readonly computed?: ComputedColumn;
  readonly comment?: string;
  /**
   * The column's collation, when it is not the default: PostgreSQL's (`C`, `de-x-icu`) when not its type's default
   * (the database's); SQLite's collating sequence (`NOCASE`, `RTRIM`, or one the application registers), in upper
   * case, absent for `BINARY`. A change of it on SQLite rebuilds the table.
   */
  readonly collation?: string;
  /**
   * PostgreSQL: what the column has that the model does not describe (storage mode, compression, statistics target,
   * attribute options...); absent when nothing. See `UnmodelledAttribute`.
   */
  readonly unmodelled?: readonly UnmodelledAttribute[];
  /**
   * PostgreSQL: `type` is a domain (as the catalog prints its name), and this is that domain and the type it is over.
   * Only introspection sets it. Domains are not managed: two columns of the same domain compare equal whatever the
   * domain's definition, and a column of a domain differs from one of its base type (a `type` change). Entities cannot
   * declare a domain: a plan from entities sees the column as its base type (see `declarableByEntities`).
   */
  readonly domain?: ColumnDomain;
}

export interface ColumnDomain {
  readonly schema: string;
  readonly name: string;
  /** The base type, as a column of it would have it (of the innermost domain, when domains are stacked). */
  readonly base: ColumnType;
}

/** The fields of a column that make its type. */
export type ColumnType = Pick<Column, 'type' | 'length' | 'precision' | 'scale' | 'array' | 'enum'>;

/**
 * Sequence options of an identity column, each absent when it is the default (`INCREMENT 1`, `MINVALUE 1`,
 * `MAXVALUE` the type's largest, `START` the minimum, `CACHE 1`, `NO CYCLE` for an ascending sequence). Numbers are
 * decimal text: a bigint sequence's bounds do not fit a JavaScript number.
 */
export interface IdentityOptions {
  readonly start?: string;
  readonly increment?: string;
  readonly minValue?: string;
  readonly maxValue?: string;
  readonly cache?: string;
  readonly cycle?: true;
}

export interface ComputedColumn {
  readonly expression: string;
  /** STORED (PostgreSQL only has these) rather than VIRTUAL (SQLite). */
  readonly stored: boolean;
}

export interface QualifiedName {
  readonly schema?: string;
  readonly name: string;
}

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

/** The file format of `generated/model.json`: one model per dialect, compiled from the same entities. */
export interface ModelDocument {
  readonly format: 'schemaplan.model';
  readonly version: 1;
  readonly models: { readonly [D in DialectName]?: Model };
}
