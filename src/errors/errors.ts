/**
 * Typed errors. Every error the user can cause or meet carries one clear line (`message`) and, where we know one,
 * a `hint`. The CLI prints exactly those two; a stack trace only with `--debug`.
 */
export class SchemaplanError extends Error {
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
export class EntityLoadError extends SchemaplanError {}

/** The entities load but do not form a valid schema for the dialect. */
export class CompileError extends SchemaplanError {}

/** The database URL is malformed or names an unknown dialect. */
export class UrlError extends SchemaplanError {}

/** The database cannot be reached or refuses us. */
export class ConnectionError extends SchemaplanError {}

/**
 * A statement failed during apply. Its transaction was rolled back; `applied` statements of earlier phases (run
 * outside that transaction, or committed before it) stay applied, and the hint says so.
 */
export class ApplyError extends SchemaplanError {
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
export class ApplyLockedError extends SchemaplanError {}

/** The database changed between planning and applying (its schema hash differs); nothing was applied. */
export class StalePlanError extends SchemaplanError {}

/** Apply ran but the database still differs from the desired model. */
export class ConvergenceError extends SchemaplanError {}

/** The user asked for something we refuse (e.g. apply without --yes and without a TTY). */
export class UsageError extends SchemaplanError {}

/** A schema source (a model JSON file, a SQL file) is unreadable or malformed. */
export class SourceError extends SchemaplanError {}

/** The configuration is invalid: a config file (unknown key, wrong type), a data source file, a setting's value. */
export class ConfigError extends SchemaplanError {}

/**
 * A package schemaplan takes from the app is missing or of a version it cannot use: the app's TypeORM, or the driver
 * package of a database (`pg`, `sqlite3`). The hint is the install command.
 */
export class DependencyError extends SchemaplanError {}
