import type { DatabaseTarget } from '../connect/url';
import type { Change } from '../diff/changes';
import type { EnumStrategy } from '../diff/diff-enums';
import type { Column, DialectName, Exclusion, Model } from '../model';
import type { ApplyPhase } from './apply-phases';
import type { EntityTypes } from './entity-types';
import type { TypeormCompile } from './typeorm-compile';
import type { TypeormDataSource } from './typeorm-data-source';
import type { Measurement, MeasureOptions, Probe, ScriptFrame, Statement } from '../model';

/** Everything a plan needs to know about both ends when rendering a change (e.g. which columns use an enum). */
export interface RenderContext {
  readonly from: Model;
  readonly to: Model;
  /**
   * PostgreSQL: build and drop the indexes of existing tables with CONCURRENTLY (outside the transaction, without
   * blocking writes). Indexes of tables the plan creates are built with the table.
   */
  readonly concurrently?: boolean;
  /** Live-data counts the plan was made with; absent when planned without a database (see `Probe`). */
  readonly measurements?: readonly Measurement[];
  /** Above this many rows an index build on an existing table is an `INDEX_BUILD` hazard (default `LARGE_TABLE_ROWS`). */
  readonly largeTableRows?: number;
  /**
   * CREATE TABLE with one column or constraint per line, for people to read and diff (`plan --diff`). Statements that
   * are run (and stored: SQLite keeps the text of CREATE TABLE) are rendered on one line, as TypeORM writes them.
   */
  readonly oneColumnPerLine?: boolean;
}

export interface Capabilities {
  /** DDL can be rolled back (both PostgreSQL and SQLite). */
  readonly transactionalDdl: boolean;
  /** Enums are named types (`CREATE TYPE ... AS ENUM`) rather than CHECKs on the column. */
  readonly enumTypes: boolean;
  /** Schemas (namespaces) other than the default exist. */
  readonly schemas: boolean;
  /**
   * Names that differ only in ASCII letter case name the same object (SQLite). The current model then takes the
   * target's spelling of them before diffing (`respellLike`), so a difference of case alone is no change.
   */
  readonly caseInsensitiveNames?: boolean;
  /**
   * Apply rolls back a phase whose statement gave up waiting for a lock and tries it again (`lockAttempts`), so the
   * plan's timeouts name the attempts (PostgreSQL). SQLite waits for its one write lock up to the timeout instead.
   */
  readonly lockRetries?: boolean;
  /** Constraints may be DEFERRABLE (unique keys and foreign keys; SQLite: foreign keys INITIALLY DEFERRED only). */
  readonly deferrableConstraints: boolean;
  /** Indexes have an access method (`USING gin`...). */
  readonly indexMethods: boolean;
  /** Tables, columns, views and types carry comments. */
  readonly comments: boolean;
  /** Materialized views exist (elsewhere TypeORM makes an ordinary view). */
  readonly materializedViews: boolean;
  /** Generated columns may be VIRTUAL (PostgreSQL: STORED only). */
  readonly virtualGeneratedColumns: boolean;
  /** Tables may be `WITHOUT ROWID`. */
  readonly withoutRowid: boolean;
  /** Primary keys keep the constraint name given to them. */
  readonly namedPrimaryKeys: boolean;
  /** A `uuid` column type exists, with a generator TypeORM uses for `@PrimaryGeneratedColumn('uuid')`. */
  readonly uuidType: boolean;
  /** Indexes can be built without blocking writes, outside a transaction (`CREATE INDEX CONCURRENTLY`). */
  readonly concurrentIndexBuilds: boolean;
  /** Longest identifier in bytes; longer names are refused at compile time. Absent: no limit that matters. */
  readonly identifierMaxLength?: number;
  /**
   * Connecting to a database that does not exist creates it, unless `create: false` (SQLite's file). Planning then
   * connects only once the entities have compiled, so that an entity error leaves nothing behind.
   */
  readonly connectingCreates?: boolean;
}

export interface IntrospectOptions {
  /**
   * PostgreSQL schemas to read (default: `['public']`). Objects in other schemas are not managed, so a plan never
   * drops them. Ignored on SQLite.
   */
  readonly schemas?: readonly string[];
  /**
   * Optional work to do while the server answers: PostgreSQL calls it once, after the catalog queries that take longest
   * are sent (planning normalises the desired model then, about 45 ms at 1,000 tables that would otherwise follow the
   * reads); SQLite, whose reads do not wait on a server, does not call it. What it throws is ignored here: the caller
   * meets it again when it does that work itself.
   */
  readonly meanwhile?: () => void;
}

/**
 * Seconds apply waits, by default, for each lock: the apply lock (another apply's), and every lock a statement needs
 * (PostgreSQL `lock_timeout`; SQLite's busy timeout). Short, because while a statement waits for a table's lock,
 * every other query on that table queues behind it.
 */
export const DEFAULT_LOCK_TIMEOUT_SECONDS = 5;

/** How often apply tries a phase whose statement gave up waiting for a lock (the first try and two retries). */
export const DEFAULT_LOCK_ATTEMPTS = 3;

/** How a session is opened, and what bounds all it does. */
export interface ConnectOptions {
  /**
   * May the connection create the database (a SQLite file that does not exist)? Default true, for apply. Commands
   * that only read (plan, diff, inspect) pass false: a database that does not exist then reads as an empty one
   * (`DatabaseSession.missing`) and nothing is created.
   */
  readonly create?: boolean;
  /**
   * Cancels whatever the session is doing: the statement running on the server is cancelled (PostgreSQL:
   * `pg_cancel_backend` from a second connection; SQLite: interrupted), a transaction is rolled back, and the call
   * rejects with `CancelledError`; every later call rejects at once. The session must still be closed.
   */
  readonly signal?: AbortSignal;
  /**
   * Seconds any statement of the session (planning reads included) waits for a lock before it fails (PostgreSQL
   * `lock_timeout`, SQLite's busy timeout); `apply` has its own (`ApplyOptions.lockTimeout`). Default: the server's
   * (PostgreSQL: no limit) / 5 s (SQLite).
   */
  readonly lockTimeout?: number;
  /** Seconds any statement may run before it is cancelled (PostgreSQL `statement_timeout`). Default: no limit. */
  readonly statementTimeout?: number;
  /**
   * Open for reading only (`plan`, `diff`, `inspect`): SQLite opens an existing file read-only, so a read-only file
   * or directory can be planned against; `apply` on such a session fails. PostgreSQL ignores it.
   */
  readonly readOnly?: boolean;
}

/** A phase that gave up waiting for a lock and is tried again (see `ApplyOptions.onRetry`). */
export interface LockRetry {
  /** The statement that gave up, and its index (from 0) in the plan. */
  readonly statement: Statement;
  readonly index: number;
  /** The attempt that comes next (2 for the first retry), of `attempts`. */
  readonly attempt: number;
  readonly attempts: number;
  /** Milliseconds apply waits before that attempt. */
  readonly delayMs: number;
  /** What it waited for: `a lock on table public.accounts (AccessExclusiveLock) held by pid 42 (...)`. */
  readonly waitedFor: string;
}

/** What `DatabaseSession.apply` checks and reports along the way, and what bounds it. */
export interface ApplyOptions {
  /**
   * Seconds apply waits for a lock (default `DEFAULT_LOCK_TIMEOUT_SECONDS`): for the apply lock, while another apply
   * holds it, before failing with `ApplyLockedError` (0 tries once); and, on each attempt, for every lock a statement
   * needs (PostgreSQL `lock_timeout`, 0 meaning no wait at all; SQLite: the write lock at BEGIN and COMMIT), before the
   * phase is rolled back and tried again (`lockAttempts`), then given up (`GaveUpError`).
   */
  readonly lockTimeout?: number;
  /** Attempts of a phase whose statement gave up waiting for a lock (default `DEFAULT_LOCK_ATTEMPTS`; 1: no retry). */
  readonly lockAttempts?: number;
  /**
   * Seconds a statement may run (PostgreSQL `statement_timeout`; SQLite: interrupted) before it is cancelled and its
   * phase rolled back (`GaveUpError`, not retried). Default: no limit.
   */
  readonly statementTimeout?: number;
  /**
   * Cancels the apply (see `ConnectOptions.signal`): the running statement is cancelled, its transaction rolled back,
   * the lock released, and apply rejects with `CancelledError` saying what stays applied (earlier phases only).
   * An abort while COMMIT runs lets it finish: what COMMIT reports is what happened.
   */
  readonly signal?: AbortSignal;
  /**
   * Runs once the lock is held, before the first statement; when it throws, apply stops with nothing executed and
   * rethrows. The check that the database is still the one planned against (`StalePlanError`). On SQLite it runs
   * inside the write transaction, so the check and the statements are atomic; on PostgreSQL under the advisory lock,
   * just before the first transaction (and again before a retry of it).
   */
  readonly verify?: () => Promise<void>;
  /** Called as each phase (see `applyPhases`) starts: `index` from 0, of `count` phases. */
  readonly onPhase?: (phase: ApplyPhase, index: number, count: number) => void;
  /** Called just before each statement runs: `index` from 0 in the plan, of `count` statements. */
  readonly onStatement?: (statement: Statement, index: number, count: number) => void;
  /** Called as soon as each statement has run (before its phase commits), for progress with timings. */
  readonly onStatementDone?: (statement: Statement, index: number, count: number) => void;
  /** Called when a phase gave up waiting for a lock and is rolled back to be tried again after `delayMs`. */
  readonly onRetry?: (retry: LockRetry) => void;
}

/** A live connection to one database, owned by the caller, who must `close()` it. */
export interface DatabaseSession {
  readonly dialect: DialectName;
  /** A redacted description of the target (no password). */
  readonly target: string;
  serverVersion(): Promise<string>;
  /**
   * Which database this is, beyond its URL (a plan file records it; `apply --plan` refuses another): PostgreSQL
   * `postgres:<system identifier>/<database name>` (the cluster's identifier where the role may read it), SQLite
   * `sqlite:<file>` as the target names it.
   */
  identity(): Promise<string>;
  /** Reads the managed schema with a fixed number of set-based catalog queries. */
  introspect(options?: IntrospectOptions): Promise<Model>;
  /**
   * Runs a plan's statements, safely:
   * - under a lock, so two applies to one database never interleave (PostgreSQL: a session-level advisory lock on
   *   `APPLY_LOCK_KEY`; SQLite: the write lock of `BEGIN IMMEDIATE`). When another apply holds it past
   *   `lockTimeout`, throws `ApplyLockedError` naming the holder where the database can tell, with nothing executed;
   * - after `verify` (the schema hash check), under the lock;
   * - in phases (`applyPhases`): consecutive transactional statements in one transaction (SQLite: always the whole
   *   plan), each non-transactional statement on its own between them;
   * - under bounded waits: each statement waits at most `lockTimeout` for a lock; a phase that gave up is rolled back
   *   and tried again (`lockAttempts`, with a growing pause), then `GaveUpError` names the lock and who holds it;
   * - on a failure: rolls the phase back and throws `ApplyError` with the failing statement, the database's error,
   *   and how many statements of earlier phases stay applied (`applied`);
   * - cancellable (`signal`): `CancelledError`, the running statement cancelled and its phase rolled back.
   * The lock is released when it returns or throws. An empty list sends nothing.
   */
  apply(statements: readonly Statement[], options?: ApplyOptions): Promise<void>;
  /**
   * Answers the probes with set-based queries (see `Probe`): one per enum column; for `tableRows` probes one catalog
   * query for the row estimates of all their tables, then one aggregate query per table not larger than
   * `options.estimateAbove` (larger ones are answered from the catalog, `estimated`). Results in probe order.
   */
  measure(probes: readonly Probe[], options?: MeasureOptions): Promise<Measurement[]>;
  /**
   * Runs a SQL script as given (several statements; a schema file loaded into a scratch database), never a plan.
   * Throws the driver's own error, which the caller turns into a typed one (PostgreSQL's has the `position`).
   */
  runScript(sql: string): Promise<void>;
  /** PostgreSQL: the user schemas that exist (not system ones, not members of an extension), sorted; SQLite: none. */
  listSchemas(): Promise<string[]>;
  /** Number of queries sent so far (benchmarks and tests assert it stays fixed). */
  readonly queryCount: number;
  /**
   * The database does not exist and was not created (opened with `create: false`, SQLite): the session reads it as
   * an empty database.
   */
  readonly missing?: boolean;
  close(): Promise<void>;
}

/** Where `Dialect.loadSql` evaluates a SQL file. */
export interface LoadSqlOptions {
  /** PostgreSQL: an existing, empty database to evaluate the SQL in instead of the sandbox (`--dev-url`). */
  readonly devUrl?: string;
  /** The directory relative paths are resolved against (the sandbox's extension cache). */
  readonly cwd?: string;
}

export interface Dialect {
  readonly name: DialectName;
  /** For people: `PostgreSQL`, `SQLite`. */
  readonly displayName: string;
  /** The schema unqualified names live in, where there are schemas (`public`). */
  readonly defaultSchema?: string;
  readonly capabilities: Capabilities;
  quoteIdentifier(name: string): string;
  quoteLiteral(value: string): string;
  /** An array value as one literal of an array column (PostgreSQL `'{a,"x,y"}'`); absent without array columns. */
  arrayLiteral?(elements: readonly unknown[]): string;
  /** What follows EXCLUDE for an exclusion constraint (as TypeORM's `@Exclusion` takes it); absent without them. */
  exclusionBody?(exclusion: Exclusion): string;
  /** The dialect as a TypeORM DataSource names it (`type`), its URL and compile options. */
  readonly typeormDataSource: TypeormDataSource;
  /** What compiling TypeORM metadata needs of this dialect. */
  readonly typeorm: TypeormCompile;
  /** Column types as TypeORM takes them, for generated entities. */
  readonly entityTypes: EntityTypes;
  /**
   * Rewrites a model into the dialect's canonical spelling (type synonyms, literal casts in defaults, generated
   * sequences...) so that semantically equal models are equal data. Applied to both sides before diffing. Both
   * dialects remember their answer per model object (`memoizeByModel`): a model is normalised once however often it is
   * asked for (see `IntrospectOptions.meanwhile`).
   */
  normalize(model: Model): Model;
  /** How enums are diffed: named types (PostgreSQL) or CHECKs of enum columns (SQLite). */
  readonly enums: EnumStrategy;
  /**
   * Turns dialect-neutral changes into ones this dialect can execute (SQLite: folds changes it cannot ALTER into
   * `table.rebuild`, and foreign keys of new tables into their CREATE TABLE). Order is not significant here.
   */
  lower(changes: readonly Change[], context: RenderContext): Change[];
  /**
   * The length a column change narrows a textual column to, when values longer than it make the change fail (they
   * are counted before planning). Absent where lengths are not enforced (SQLite).
   */
  narrowedLength?(from: Column, to: Column): number | undefined;
  /** SQL for one change. Never returns an empty list for a change that does something. */
  render(change: Change, context: RenderContext): Statement[];
  /**
   * What a script of the (lowered, ordered) changes runs around them, which `DatabaseSession.apply` does itself
   * (SQLite: foreign keys off before the transaction of a table rebuild, checked before COMMIT); absent when nothing.
   */
  scriptFrame?(changes: readonly Change[]): ScriptFrame | undefined;
  /**
   * A database that needs no server (SQLite: the file, `:memory:` for one in memory), for scratch databases; absent
   * where a scratch database is created on a server.
   */
  localTarget?(filename: string): DatabaseTarget;
  /**
   * Evaluates a schema file's SQL where it cannot reach the user's servers (checked statement by statement first) and
   * reads it back with the dialect's introspector (see src/sources/sql-file.ts).
   */
  loadSql(sql: string, file: string, options: LoadSqlOptions): Promise<Model>;
  /** Opens a session; throws `ConnectionError` (one line, no password, with a hint) when that fails. */
  connect(target: DatabaseTarget, options?: ConnectOptions): Promise<DatabaseSession>;
}
