/**
 * Typed errors. Every error the user can cause or meet carries one clear line (`message`) and, where we know one,
 * a `hint`. The CLI prints exactly those two; a stack trace only with `--debug`.
 */
export class SchemaplanError extends Error {
  /**
   * What went wrong, stable across versions, for code that handles errors (`error.code === 'APPLY_LOCKED'`): one per
   * class (see each); the CLI maps them to its exit codes (`exitCodeOf` in src/cli/report-error.ts).
   */
  readonly code: string = 'SCHEMAPLAN';

  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An entity file cannot be loaded: syntax error, throws on import, missing module. */
export class EntityLoadError extends SchemaplanError {
  override readonly code = 'ENTITY_LOAD';
}

/** The entities load but do not form a valid schema for the dialect. */
export class CompileError extends SchemaplanError {
  override readonly code = 'COMPILE';
}

/** The database URL is malformed or names an unknown dialect. */
export class UrlError extends SchemaplanError {
  override readonly code = 'URL';
}

/** The database cannot be reached or refuses us. */
export class ConnectionError extends SchemaplanError {
  override readonly code = 'CONNECTION';
}

/**
 * A statement failed during apply. Its transaction was rolled back; `applied` statements of earlier phases (run
 * outside that transaction, or committed before it) stay applied, and the hint says so.
 */
export class ApplyError extends SchemaplanError {
  override readonly code = 'APPLY_FAILED';
  /** Statements of the plan that were committed before the failure and stay applied (0: the database is unchanged). */
  readonly applied: number;

  constructor(
    message: string,
    readonly statement: string,
    hint?: string,
    options?: { cause?: unknown; applied?: number },
  ) {
    super(message, hint, options);
    this.applied = options?.applied ?? 0;
  }
}

/** Another apply holds the database's apply lock (PostgreSQL advisory lock, SQLite write lock); nothing was applied. */
export class ApplyLockedError extends SchemaplanError {
  override readonly code = 'APPLY_LOCKED';
}

/**
 * A statement gave up: it waited longer than the lock timeout for a lock another session holds (after the retries
 * apply makes), or ran longer than the statement timeout. Its transaction was rolled back; `applied` statements of
 * earlier phases stay applied (0: the database is unchanged). Running again later may succeed.
 */
export class GaveUpError extends SchemaplanError {
  override readonly code = 'GAVE_UP';
  /** Statements of the plan committed before (by earlier phases) that stay applied (0: the database is unchanged). */
  readonly applied: number;

  constructor(
    message: string,
    /** The statement that gave up (empty for a planning read). */
    readonly statement: string,
    hint?: string,
    options?: { cause?: unknown; applied?: number },
  ) {
    super(message, hint, options);
    this.applied = options?.applied ?? 0;
  }
}

/**
 * The caller cancelled (an `AbortSignal`; the CLI's Ctrl-C or SIGTERM): the running statement was cancelled on the
 * server and its transaction rolled back. `applied` statements of earlier phases stay applied (0: nothing was).
 */
export class CancelledError extends SchemaplanError {
  override readonly code = 'CANCELLED';
  readonly applied: number;

  constructor(message: string, options?: { cause?: unknown; applied?: number }) {
    super(message, undefined, options);
    this.applied = options?.applied ?? 0;
  }
}

/**
 * A reviewed plan file (`apply --plan`) cannot be applied as it is: malformed, made for another database, or no
 * longer the plan the entities give. Nothing was applied.
 */
export class PlanFileError extends SchemaplanError {
  override readonly code = 'PLAN_FILE';
}

/** The database changed between planning and applying (its schema hash differs); nothing was applied. */
export class StalePlanError extends SchemaplanError {
  override readonly code = 'STALE_PLAN';
}

/** Apply ran but the database still differs from the desired model. */
export class ConvergenceError extends SchemaplanError {
  override readonly code = 'NOT_CONVERGED';
}

/** The user asked for something we refuse (e.g. apply without --yes and without a TTY). */
export class UsageError extends SchemaplanError {
  override readonly code = 'USAGE';
}

/** A schema source (a model JSON file, a SQL file) is unreadable or malformed. */
export class SourceError extends SchemaplanError {
  override readonly code = 'SOURCE';
}

/** The configuration is invalid: a config file (unknown key, wrong type), a data source file, a setting's value. */
export class ConfigError extends SchemaplanError {
  override readonly code = 'CONFIG';
}

/**
 * A package schemaplan takes from the app is missing or of a version it cannot use: the app's TypeORM, or the driver
 * package of a database (`pg`, `sqlite3`). The hint is the install command.
 */
export class DependencyError extends SchemaplanError {
  override readonly code = 'DEPENDENCY';
}
