import type { Change } from '../diff/changes';
import type { DialectName, NotManaged, QualifiedName } from '../model';

export type HazardCode =
  | 'DATA_LOSS'
  | 'NOT_NULL_VIOLATION'
  | 'TABLE_REWRITE'
  | 'ACCESS_EXCLUSIVE_LOCK'
  | 'SQLITE_REBUILD'
  | 'INDEX_BUILD'
  /** A primary key (or unique index) is built over rows that hold the same key twice: apply fails. */
  | 'UNIQUE_VIOLATION'
  /** An enum label is removed: rows holding it are mapped as declared, or (not measured) would make the plan fail. */
  | 'ENUM_VALUE_REMOVED';

export interface Hazard {
  readonly code: HazardCode;
  readonly message: string;
  /**
   * The rows as counted (exactly, not estimated) make the statement fail: NULLs where NOT NULL is set, values longer
   * than a narrowed length, keys held twice under a new primary key. Apply refuses such a plan before asking or
   * running anything, whatever hazards are allowed: only fixing the rows (or the entities) can help.
   */
  readonly fails?: true;
}

/** One SQL statement of a plan, with the change it implements and what it risks. */
export interface Statement {
  readonly sql: string;
  readonly hazards: readonly Hazard[];
  /**
   * False for statements that cannot run inside a transaction block. Apply runs the transactional statements in one
   * transaction; a plan with non-transactional statements says so.
   */
  readonly transactional: boolean;
}

export interface PlannedStatement extends Statement {
  /** Index into `Plan.changes` of the change this statement implements. */
  readonly change: number;
}

export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
  /** Where the problem is: a file (`schema/user.ts:12:3`) or an object (`table users`). */
  readonly location?: string;
  readonly hint?: string;
}

/**
 * A question only the user can answer, such as whether a dropped and an added object that look alike are one object
 * renamed. Planning never guesses: an unanswered decision stops `plan --exit-code` with 3 and `apply` before it
 * touches anything, and on a TTY the CLI asks it.
 */
export interface Decision {
  readonly code: 'RENAME_OR_DROP';
  readonly object: 'table' | 'column' | 'enum' | 'enumValue';
  /** The object that would be dropped, e.g. `users.name`. */
  readonly from: string;
  /** The object that would be created, e.g. `users.full_name`. */
  readonly to: string;
  /** `Is users.full_name renamed from users.name?` */
  readonly question: string;
  /** The `schema/renames.json` entry that answers yes (with `"rename": false`: no). */
  readonly entry: { readonly section: 'tables' | 'columns' | 'enums' | 'enumValues'; readonly value: Readonly<Record<string, string>> };
  /** The same answer as a decorator, when one applies: `@RenamedFrom('name') on User.fullName`. */
  readonly decorator?: string;
}

/**
 * Live-data measurement. Some changes are only safe, or only plannable, depending on what rows hold (an enum label
 * removed while rows still hold it, NULLs in a column set NOT NULL, values longer than a narrowed length), and some
 * hazards only matter on large tables (an index build). Planning stays pure: `planProbes` lists what the changes need
 * to know, the session answers them with set-based queries (`DatabaseSession.measure`: one query per enum column,
 * one catalog query for the row estimates of every probed table, then one aggregate query per table that is not too
 * large to count; never one per table of the schema), and `createPlan` takes the answers as `measurements`. Without a
 * database (model vs model) there are no measurements, and the plan says in its hazards what it could not count
 * instead of refusing.
 *
 * To add a kind: add a variant here, emit it from `probesFor` (measure.ts), answer it in each session's `measure`, and
 * read it where the hazard is made (`measuredCount`, or `tableRows` in row-counts.ts).
 */
export type Probe = EnumValueRowsProbe | TableRowsProbe | EnumUsesProbe;

export interface EnumValueRowsProbe {
  /** Rows of `table.column` (current names) holding each of `values`; an array column counts rows containing it. */
  readonly kind: 'enumValueRows';
  readonly table: QualifiedName;
  readonly column: string;
  readonly array: boolean;
  readonly values: readonly string[];
  /** The names the plan uses, when it renames the table or column before the change that needs the count. */
  readonly planned?: { readonly table: QualifiedName; readonly column: string };
}

/**
 * PostgreSQL: the columns of schemas the plan does not read (tables, views, composite types...) whose type is the enum
 * type a swap (`enum.recreate`) drops, or an array of it: the swap cannot convert them, and its final `DROP TYPE`
 * would fail. Answered, for every such probe of a plan, by ONE catalog query; `counts` has one key per column
 * (`schema.table.column`, count 1).
 */
export interface EnumUsesProbe {
  readonly kind: 'enumUses';
  /** The type, by its current name. */
  readonly enum: QualifiedName;
  /** The schemas the plan reads (its current model's): uses there are the plan's own. */
  readonly schemas: readonly string[];
}

/** One count a `tableRows` probe asks for; columns by their current names. */
export type RowCount =
  /** `count(*)` */
  | { readonly kind: 'rows' }
  /** `count(column)`: rows where the column is not NULL. */
  | { readonly kind: 'nonNull'; readonly column: string }
  /** Rows whose value (of an array: any element) is longer than `length` characters, trailing spaces aside. */
  | { readonly kind: 'longer'; readonly column: string; readonly length: number; readonly array: boolean }
  /**
   * Keys held by more than one row: distinct values of `columns` (rows where none is NULL) that two or more rows
   * hold, which a primary key over them would refuse.
   */
  | { readonly kind: 'duplicateKeys'; readonly columns: readonly string[] };

export interface TableRowsProbe {
  /**
   * Everything the plan counts in one table (current name), answered by ONE aggregate query, or from the catalog's
   * estimates when the table is larger than `MeasureOptions.estimateAbove` (see `Measurement.estimated`).
   */
  readonly kind: 'tableRows';
  readonly table: QualifiedName;
  /**
   * The counts by key (`rows`, `nonNull:<column>`, `longer:<column>`, `duplicateKeys:<columns as JSON>`, columns by
   * the names the plan uses).
   */
  readonly counts: Readonly<Record<string, RowCount>>;
  /** The name the plan uses, when it renames the table before the changes that need the counts. */
  readonly planned?: { readonly table: QualifiedName };
}

export interface Measurement {
  readonly probe: Probe;
  /**
   * Counts by what the probe asks about. `enumValueRows`: by label; labels no row holds may be absent, meaning 0.
   * `tableRows`: by the probe's keys; when `estimated`, a count the catalog cannot estimate is absent.
   */
  readonly counts: Readonly<Record<string, number>>;
  /** The counts are the catalog's estimates (the table is too large to count), not exact. */
  readonly estimated?: boolean;
}

/** How `DatabaseSession.measure` keeps counting cheap. */
export interface MeasureOptions {
  /**
   * Tables whose catalog row estimate is above this many rows are not scanned: their counts are estimated from the
   * catalog (default `ESTIMATE_ABOVE_ROWS` in row-counts.ts).
   */
  readonly estimateAbove?: number;
}

export interface PlanSummary {
  readonly changes: number;
  readonly statements: number;
  /** Counts by change kind, e.g. `{ "table.create": 8, "enum.create": 4 }`. */
  readonly byKind: Readonly<Record<string, number>>;
  readonly hazards: number;
  /** One line for humans: `+8 tables, +4 enums`, or `no changes`. */
  readonly text: string;
}

/**
 * One attribute of a partly managed object (see `UnmodelledAttribute`): there in the database and not compared, or
 * (`differs`) stated otherwise by a target that is read as a whole, which the plan cannot change.
 */
export interface PartlyManaged {
  /** `table public.users`, `column public.users.bio`, `index public.users.users_bio_idx`... */
  readonly object: string;
  /** `storage parameters`, `tablespace`, `storage`... */
  readonly attribute: string;
  /** Its value in the database the plan starts from; absent when it has none. */
  readonly value?: string;
  /** The target states another value (or none): the database differs in what the plan leaves alone. */
  readonly differs?: true;
  /** The target's value, when it differs and has one. */
  readonly target?: string;
}

export interface Plan {
  readonly dialect: DialectName;
  /** Changes in execution order. */
  readonly changes: readonly Change[];
  readonly statements: readonly PlannedStatement[];
  readonly diagnostics: readonly Diagnostic[];
  /** Unanswered questions; a plan with decisions must not be applied (see `Decision`). */
  readonly decisions: readonly Decision[];
  readonly summary: PlanSummary;
  /**
   * What the database holds that the plan leaves untouched (functions, triggers, policies, extensions the target does
   * not need...), by schema and kind; absent when nothing. Read by introspection (`Model.notManaged`).
   */
  readonly notManaged?: readonly NotManaged[];
  /**
   * The attributes of partly managed objects (tables, columns, indexes, constraints, views, sequences) that the model
   * does not describe, by object; absent when none. An entry that `differs` means the database is not in line with
   * the target in a way the plan cannot change.
   */
  readonly partlyManaged?: readonly PartlyManaged[];
  /**
   * What a script of the plan (`--format sql`, a `.sql` migration file) must run before and after its statements,
   * where `apply` does the same itself (see `Dialect.scriptFrame`); absent when nothing.
   */
  readonly script?: ScriptFrame;
  /**
   * The schema hash (`hashModel`) of the database model the plan was made from. Apply re-reads the database under its
   * lock and refuses to run the plan when the hash differs. Absent when planned without a database.
   */
  readonly fromHash?: string;
}

/**
 * Statements a plan run as a script needs around its own: SQLite turns foreign key enforcement off before the
 * transaction of a plan that rebuilds or drops tables (`PRAGMA foreign_keys` does nothing inside one), checks every
 * foreign key before COMMIT, and turns enforcement back on, as `apply` does.
 */
export interface ScriptFrame {
  readonly before: readonly string[];
  readonly after: readonly string[];
}
