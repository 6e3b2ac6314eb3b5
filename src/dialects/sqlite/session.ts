/**
 * A session on one SQLite file through the `sqlite3` package. Apply turns foreign key enforcement off BEFORE the
 * transaction (the pragma is a no-op inside one), runs every statement in one `BEGIN IMMEDIATE` transaction, checks
 * all foreign keys with `PRAGMA foreign_key_check` before COMMIT, and restores the previous setting. With enforcement
 * off, DROP TABLE (and so a table rebuild) never runs ON DELETE actions on child rows. The write lock `BEGIN IMMEDIATE`
 * takes is apply's lock: a second apply waits for it (`lockTimeout`), and the schema hash check runs inside it.
 * Waits for other connections' locks (at BEGIN IMMEDIATE, and at COMMIT for readers) are polled in short steps, so a
 * cancellation ends them at once; a running statement is cancelled with `sqlite3_interrupt`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type sqlite3 from 'sqlite3';
import { requireDriver } from '../../connect/driver-package';
import type { DatabaseTarget } from '../../connect/url';
import {
  ApplyError,
  ApplyLockedError,
  CancelledError,
  ConnectionError,
  GaveUpError,
  SchemaplanError,
} from '../../errors/errors';
import type { Model } from '../../model';
import type { Measurement, MeasureOptions, Probe, Statement } from '../../model';
import { anySignal, pause } from '../abort';
import { DEFAULT_LOCK_TIMEOUT_SECONDS, type ApplyOptions, type ConnectOptions, type DatabaseSession } from '../dialect';
import { introspectSqlite, type Row } from './introspect';
import { measureSqlite } from './measure';
import { quoteIdentifier } from './quote';

type SqliteTarget = Extract<DatabaseTarget, { dialect: 'sqlite' }>;

function openDatabase(driver: typeof sqlite3, filename: string, readOnly: boolean): Promise<sqlite3.Database> {
  const mode = readOnly ? driver.OPEN_READONLY : driver.OPEN_READWRITE | driver.OPEN_CREATE;
  return new Promise((resolve, reject) => {
    const db = new driver.Database(filename, mode, (error) => (error ? reject(error) : resolve(db)));
  });
}

/** Why an existing file cannot be read, in one line, or undefined when it can (a read-only session needs no more). */
function unreadableReason(filename: string): { message: string; hint: string } | undefined {
  if (fs.statSync(filename).isDirectory()) {
    return {
      message: `${filename} is a directory`,
      hint: 'Point the URL at a database file, e.g. sqlite:./dev.sqlite.',
    };
  }
  try {
    fs.accessSync(filename, fs.constants.R_OK);
  } catch {
    return { message: `${filename} is not readable`, hint: `Check the file's permissions (chmod u+r ${filename}).` };
  }
  return undefined;
}

/** Why a file cannot be opened for writing, in one line, or undefined when it can. */
function unwritableReason(filename: string): { message: string; hint: string } | undefined {
  if (filename === ':memory:' || filename === '') return undefined;
  const directory = path.dirname(filename);
  if (!fs.existsSync(directory)) {
    return {
      message: `directory ${directory} does not exist`,
      hint: `Create it (mkdir -p ${directory}) or fix the path in the URL.`,
    };
  }
  if (fs.existsSync(filename)) {
    if (fs.statSync(filename).isDirectory()) {
      return {
        message: `${filename} is a directory`,
        hint: 'Point the URL at a database file, e.g. sqlite:./dev.sqlite.',
      };
    }
    try {
      fs.accessSync(filename, fs.constants.R_OK | fs.constants.W_OK);
    } catch {
      return {
        message: `${filename} is not readable and writable`,
        hint: `Check the file's permissions (chmod u+rw ${filename}).`,
      };
    }
  }
  try {
    fs.accessSync(directory, fs.constants.W_OK);
  } catch {
    return {
      message: `directory ${directory} is read-only`,
      hint: 'SQLite needs to create its journal next to the database: make the directory writable.',
    };
  }
  return undefined;
}

/** How long a query waits for another connection's lock outside apply by default (apply waits `lockTimeout`). */
const BUSY_TIMEOUT_MS = 5000;
/** Inside apply, SQLite's own busy wait is this short, and apply polls up to its lock timeout (so a cancel is heard). */
const POLL_BUSY_MS = 100;

/** What to do about a failed statement, when SQLite's message says. */
function remedyFor(message: string): string | undefined {
  if (/NOT NULL constraint failed/i.test(message)) {
    return 'Rows would hold NULL in a NOT NULL column: fill them first, or give the column a default in the entity, then apply again.';
  }
  if (/UNIQUE constraint failed/i.test(message))
    return 'Rows hold duplicate values: remove the duplicates, then apply again.';
  if (/CHECK constraint failed/i.test(message))
    return 'Rows hold values the new CHECK refuses: update them, then apply again.';
  return undefined;
}

const messageOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');

export class SqliteSession implements DatabaseSession {
  readonly dialect = 'sqlite' as const;
  private queries = 0;
  /** Cancels what runs: the session's signal, joined by an apply's while it runs. */
  private signal?: AbortSignal;

  private constructor(
    private readonly db: sqlite3.Database,
    readonly target: string,
    private readonly busyTimeoutMs: number,
    private readonly readOnly: boolean,
    readonly missing?: boolean,
  ) {}

  /**
   * Opens the file. With `create: false`, a file that does not exist is not created: the session is an in-memory
   * database, empty, marked `missing` (plan, diff and inspect never leave a file behind; apply creates it). With
   * `readOnly`, an existing file is opened read-only (a read-only file or directory can be planned against).
   */
  static async connect(target: SqliteTarget, options: ConnectOptions = {}): Promise<SqliteSession> {
    if (options.signal?.aborted) throw new CancelledError('cancelled');
    const fail = (message: string, hint: string, cause?: unknown): ConnectionError =>
      new ConnectionError(`cannot open SQLite database ${target.redacted}: ${message}`, hint, { cause });
    const missing = options.create === false && target.filename !== ':memory:' && !fs.existsSync(target.filename);
    // Reading needs no write access: an existing file is opened read-only (a read-only file or directory is fine).
    const readOnly =
      !missing && Boolean(options.readOnly) && target.filename !== ':memory:' && fs.existsSync(target.filename);
    const problem = missing
      ? undefined
      : readOnly
        ? unreadableReason(target.filename)
        : unwritableReason(target.filename);
    if (problem) throw fail(problem.message, problem.hint);
    // Loaded on the first connection, not at start: a run against PostgreSQL never loads the native module.
    const driver = requireDriver<typeof sqlite3>('sqlite3');
    let db: sqlite3.Database;
    try {
      db = await openDatabase(driver, missing ? ':memory:' : target.filename, readOnly);
    } catch (error) {
      throw fail(
        messageOf(error),
        readOnly ? 'Check that the file exists and is readable.' : 'Check that the path exists and is writable.',
        error,
      );
    }
    const busyTimeoutMs = options.lockTimeout !== undefined ? Math.round(options.lockTimeout * 1000) : BUSY_TIMEOUT_MS;
    const session = new SqliteSession(db, target.redacted, busyTimeoutMs, readOnly, missing || undefined);
    session.useSignal(options.signal);
    try {
      db.configure('busyTimeout', busyTimeoutMs);
      // Reading the schema proves the file is a database (SQLITE_NOTADB surfaces here, not at open).
      await session.query('SELECT count(*) AS n FROM sqlite_master');
      // Like TypeORM's SQLite drivers: foreign keys are enforced on this connection (a per-connection setting, which
      // a read-only connection may set too).
      await session.run('PRAGMA foreign_keys = ON');
    } catch (error) {
      await session.close().catch(() => undefined);
      if (error instanceof CancelledError) throw error;
      throw fail(
        messageOf(error),
        'Is this an SQLite database file? Check the path and that no other process locks it.',
        error,
      );
    }
    return session;
  }

  get queryCount(): number {
    return this.queries;
  }

  /** Makes `signal` the one that cancels (a running statement is interrupted); returns a function that restores. */
  private useSignal(signal: AbortSignal | undefined): () => void {
    const previous = this.signal;
    if (!signal) return () => undefined;
    const onAbort = () => this.db.interrupt();
    signal.addEventListener('abort', onAbort, { once: true });
    this.signal = signal;
    return () => {
      signal.removeEventListener('abort', onAbort);
      this.signal = previous;
    };
  }

  /** Fails with `CancelledError` when cancelled, or with the statement's own error. */
  private settle<T>(
    error: Error | null,
    value: T,
    cleanup: boolean,
    resolve: (value: T) => void,
    reject: (error: unknown) => void,
  ): void {
    if (error && this.signal?.aborted && !cleanup) reject(new CancelledError('cancelled', { cause: error }));
    else if (error) reject(error);
    else resolve(value);
  }

  /** Runs one query and returns its rows. */
  query(sql: string, cleanup = false): Promise<Row[]> {
    if (this.signal?.aborted && !cleanup) return Promise.reject(new CancelledError('cancelled'));
    this.queries++;
    return new Promise((resolve, reject) =>
      this.db.all<Row>(sql, (error, rows) => this.settle(error, rows, cleanup, resolve, reject)),
    );
  }

  /** Runs SQL that returns no rows (may hold several statements). */
  run(sql: string, cleanup = false): Promise<void> {
    if (this.signal?.aborted && !cleanup) return Promise.reject(new CancelledError('cancelled'));
    this.queries++;
    return new Promise((resolve, reject) =>
      this.db.exec(sql, (error) => this.settle(error, undefined, cleanup, resolve, reject)),
    );
  }

  async serverVersion(): Promise<string> {
    const rows = await this.query('SELECT sqlite_version() AS version');
    return String(rows[0]?.version);
  }

  async identity(): Promise<string> {
    return this.target;
  }

  introspect(): Promise<Model> {
    return introspectSqlite((sql) => this.query(sql));
  }

  /** Set-based answers to the plan's probes (see measure.ts). */
  measure(probes: readonly Probe[], options?: MeasureOptions): Promise<Measurement[]> {
    return measureSqlite((sql) => this.query(sql), probes, options);
  }

  runScript(sql: string): Promise<void> {
    return this.run(sql);
  }

  async listSchemas(): Promise<string[]> {
    return [];
  }

  /**
   * See `DatabaseSession.apply`. The lock is the write lock of `BEGIN IMMEDIATE`, waited for up to `lockTimeout`;
   * `verify` runs inside that transaction, so nothing can change the schema between the check and the statements.
   * COMMIT waits for readers up to `lockTimeout` too. A statement running past `statementTimeout` is interrupted.
   */
  async apply(statements: readonly Statement[], options: ApplyOptions = {}): Promise<void> {
    if (statements.length === 0) return;
    if (this.readOnly) {
      throw new ApplyError(
        `cannot apply to ${this.target}: it was opened read-only`,
        '',
        'Nothing was applied. Apply opens the file for writing.',
      );
    }
    const joined = anySignal([this.signal, options.signal]);
    const restore = this.useSignal(joined.signal);
    const lockTimeout = options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT_SECONDS;
    let previous: boolean | undefined;
    try {
      previous = Number((await this.query('PRAGMA foreign_keys'))[0]?.foreign_keys ?? 0) === 1;
      await this.run('PRAGMA foreign_keys = OFF'); // must precede BEGIN: inside a transaction it does nothing
      await this.begin(lockTimeout);
      // A statement that needs more of the lock (a large rebuild spilling its cache) waits up to the lock timeout.
      this.db.configure('busyTimeout', Math.round(lockTimeout * 1000));
      let at = { sql: '', what: 'reading the schema before the first statement' };
      try {
        await options.verify?.();
        options.onPhase?.({ transactional: true, start: 0, statements }, 0, 1);
        for (const [index, statement] of statements.entries()) {
          at = { sql: statement.sql, what: `statement ${index + 1} of ${statements.length}` };
          options.onStatement?.(statement, index, statements.length);
          await this.withStatementTimeout(options.statementTimeout, () => this.run(statement.sql));
          options.onStatementDone?.(statement, index, statements.length);
        }
        await this.checkForeignKeys();
        at = { sql: 'COMMIT', what: 'COMMIT' };
        await this.commit(lockTimeout);
      } catch (error) {
        await this.run('ROLLBACK', true).catch(() => undefined); // SQLite may already have rolled back
        await this.run('PRAGMA legacy_alter_table = OFF', true); // a rebuild may have failed between ON and OFF
        if (error instanceof CancelledError || joined.signal.aborted) {
          throw new CancelledError(
            'cancelled; nothing was applied (the running statement was interrupted and the transaction rolled back)',
            { cause: error },
          );
        }
        if (error instanceof SchemaplanError) throw error; // verify's refusal, the foreign key check, a timeout
        const message = messageOf(error);
        if (options.statementTimeout && /interrupt/i.test(message)) {
          throw new GaveUpError(
            `${at.what} ran longer than the statement timeout (${options.statementTimeout}s) and was interrupted; nothing was applied`,
            at.sql,
            'The transaction was rolled back. Allow longer with --statement-timeout SECONDS.',
            { cause: error },
          );
        }
        const hint = ['Nothing was applied: the transaction was rolled back.', remedyFor(message)]
          .filter(Boolean)
          .join(' ');
        throw new ApplyError(`${at.what} failed: ${message}`, at.sql, hint, { cause: error });
      }
    } catch (error) {
      if (joined.signal.aborted && !(error instanceof CancelledError)) {
        throw new CancelledError('cancelled; nothing was applied', { cause: error });
      }
      throw error;
    } finally {
      this.db.configure('busyTimeout', this.busyTimeoutMs);
      restore();
      joined.dispose();
      if (previous !== undefined) await this.run(`PRAGMA foreign_keys = ${previous ? 'ON' : 'OFF'}`, true);
    }
  }

  /** Runs `statement`, interrupting it after `seconds` (none: no limit). */
  private async withStatementTimeout(seconds: number | undefined, statement: () => Promise<void>): Promise<void> {
    if (!seconds) return statement();
    const timer = setTimeout(() => this.db.interrupt(), Math.round(seconds * 1000));
    try {
      await statement();
    } finally {
      clearTimeout(timer);
    }
  }

  /** Tries `attempt` until it is not SQLITE_BUSY or `timeoutSeconds` have passed, pausing briefly (cancellable). */
  private async untilNotBusy(timeoutSeconds: number, attempt: () => Promise<void>): Promise<'done' | 'busy'> {
    const deadline = Date.now() + timeoutSeconds * 1000;
    this.db.configure('busyTimeout', POLL_BUSY_MS);
    for (;;) {
      try {
        await attempt();
        return 'done';
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        if (Date.now() >= deadline) return 'busy';
        await pause(Math.min(50, Math.max(0, deadline - Date.now())), this.signal);
      }
    }
  }

  /** `BEGIN IMMEDIATE`, waiting up to `timeoutSeconds` for another connection's write lock. */
  private async begin(timeoutSeconds: number): Promise<void> {
    let outcome: 'done' | 'busy';
    try {
      outcome = await this.untilNotBusy(timeoutSeconds, () => this.run('BEGIN IMMEDIATE'));
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      throw new ApplyError(
        `could not start a write transaction: ${messageOf(error)}`,
        'BEGIN IMMEDIATE',
        'Nothing was applied.',
        {
          cause: error,
        },
      );
    }
    if (outcome === 'busy') {
      throw new ApplyLockedError(
        `cannot take the apply lock on ${this.target}: another connection holds its write lock` +
          `${timeoutSeconds > 0 ? ` (waited ${timeoutSeconds}s)` : ''}; nothing was applied`,
        'Run apply again when the other apply (or the application writing to the file) is done, or wait longer with --lock-timeout SECONDS.',
      );
    }
  }

  /** COMMIT, waiting up to `timeoutSeconds` for readers to let go (a busy COMMIT leaves the transaction open). */
  private async commit(timeoutSeconds: number): Promise<void> {
    if ((await this.untilNotBusy(timeoutSeconds, () => this.run('COMMIT'))) === 'busy') {
      throw new GaveUpError(
        `COMMIT gave up waiting for other connections reading ${this.target} to let go (${timeoutSeconds}s); nothing was applied`,
        'COMMIT',
        'The transaction was rolled back. Run apply again when the readers are done, or wait longer with --lock-timeout SECONDS.',
      );
    }
  }

  /** Every foreign key of the database must hold after the statements, as if enforcement had been on. */
  private async checkForeignKeys(): Promise<void> {
    const violations = await this.query('PRAGMA foreign_key_check');
    if (violations.length === 0) return;
    const first = violations[0]!;
    const tables = [...new Set(violations.map((row) => String(row.table)))];
    throw new ApplyError(
      `foreign key check failed: ${violations.length} row(s) of table ${tables.map(quoteIdentifier).join(', ')} ` +
        `reference missing rows (first: rowid ${String(first.rowid)} of ${quoteIdentifier(String(first.table))} -> ${quoteIdentifier(String(first.parent))})`,
      'PRAGMA foreign_key_check',
      'Nothing was applied: the transaction was rolled back. Fix or delete the orphaned rows, or plan the parent table change differently.',
    );
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((error) => (error ? reject(error) : resolve())));
  }
}

export function connectSqlite(target: DatabaseTarget, options?: ConnectOptions): Promise<SqliteSession> {
  if (target.dialect !== 'sqlite')
    throw new Error(`internal error: a ${target.dialect} target given to the SQLite dialect`);
  return SqliteSession.connect(target, options);
}
