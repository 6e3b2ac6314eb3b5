import type { DatabaseTarget } from '../connect/url';
import type { Change } from '../diff/changes';
import type { DialectName, Model } from '../model';
import type { Measurement, Probe, Statement } from '../plan/types';

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
}

export interface Capabilities {
  /** DDL can be rolled back (both PostgreSQL and SQLite). */
  readonly transactionalDdl: boolean;
  /** Enums are named types (`CREATE TYPE ... AS ENUM`) rather than CHECKs on the column. */
  readonly enumTypes: boolean;
  /** Schemas (namespaces) other than the default exist. */
  readonly schemas: boolean;
}

export interface IntrospectOptions {
  /**
   * PostgreSQL schemas to read (default: `['public']`). Objects in other schemas are not managed, so a plan never
   * drops them. Ignored on SQLite.
   */
  readonly schemas?: readonly string[];
}

/** A live connection to one database, owned by the caller, who must `close()` it. */
export interface DatabaseSession {
  readonly dialect: DialectName;
  /** A redacted description of the target (no password). */
  readonly target: string;
  serverVersion(): Promise<string>;
  /** Reads the managed schema with a fixed number of set-based catalog queries. */
  introspect(options?: IntrospectOptions): Promise<Model>;
  /**
   * Runs statements atomically: all transactional statements in one transaction, rolled back entirely if any fails.
   * Throws `ApplyError` naming the failing statement.
   */
  apply(statements: readonly Statement[]): Promise<void>;
  /** Answers each probe with one set-based query (see `Probe`); results in probe order. */
  measure(probes: readonly Probe[]): Promise<Measurement[]>;
  /**
   * Runs a SQL script as given (several statements; a schema file loaded into a scratch database), never a plan.
   * Throws the driver's own error, which the caller turns into a typed one (PostgreSQL's has the `position`).
   */
  runScript(sql: string): Promise<void>;
  /** PostgreSQL: the user schemas that exist (not system ones, not members of an extension), sorted; SQLite: none. */
  listSchemas(): Promise<string[]>;
  /** Number of queries sent so far (benchmarks and tests assert it stays fixed). */
  readonly queryCount: number;
  close(): Promise<void>;
}

export interface Dialect {
  readonly name: DialectName;
  readonly capabilities: Capabilities;
  quoteIdentifier(name: string): string;
  quoteLiteral(value: string): string;
  /**
   * Rewrites a model into the dialect's canonical spelling (type synonyms, literal casts in defaults, generated
   * sequences...) so that semantically equal models are equal data. Applied to both sides before diffing.
   */
  normalize(model: Model): Model;
  /**
   * Turns dialect-neutral changes into ones this dialect can execute (SQLite: folds changes it cannot ALTER into
   * `table.rebuild`, and foreign keys of new tables into their CREATE TABLE). Order is not significant here.
   */
  lower(changes: readonly Change[], context: RenderContext): Change[];
  /** SQL for one change. Never returns an empty list for a change that does something. */
  render(change: Change, context: RenderContext): Statement[];
  /** Opens a session; throws `ConnectionError` (one line, no password, with a hint) when that fails. */
  connect(target: DatabaseTarget): Promise<DatabaseSession>;
}
