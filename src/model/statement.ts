/** What a dialect renders a change into: SQL statements with what each risks. Plain readonly data. */
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
  | 'ENUM_VALUE_REMOVED'
  /**
   * An identity sequence whose new bounds may not hold its current value restarts at its START when they do not: rows
   * already holding the ids it then issues make new inserts fail.
   */
  | 'SEQUENCE_RESTART';

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

/**
 * Statements a plan run as a script needs around its own: SQLite turns foreign key enforcement off before the
 * transaction of a plan that rebuilds or drops tables (`PRAGMA foreign_keys` does nothing inside one), checks every
 * foreign key before COMMIT, and turns enforcement back on, as `apply` does.
 */
export interface ScriptFrame {
  readonly before: readonly string[];
  readonly after: readonly string[];
}
