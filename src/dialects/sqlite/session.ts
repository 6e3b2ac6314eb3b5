/**
 * A session on one SQLite file through the `sqlite3` package. Apply turns foreign key enforcement off BEFORE the
 * transaction (the pragma is a no-op inside one), runs every statement in one `BEGIN IMMEDIATE` transaction, checks
 * all foreign keys with `PRAGMA foreign_key_check` before COMMIT, and restores the previous setting. With enforcement
 * off, DROP TABLE (and so a table rebuild) never runs ON DELETE actions on child rows. The write lock `BEGIN IMMEDIATE`
 * takes is apply's lock: a second apply waits for it (`lockTimeout`), and the schema hash check runs inside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type sqlite3 from 'sqlite3';
import { requireDriver } from '../../connect/driver-package';
import type { DatabaseTarget } from '../../connect/url';
import { ApplyError, ApplyLockedError, ConnectionError, SchemaplanError } from '../../errors/errors';
import type { Model } from '../../model';
import type { Measurement, MeasureOptions, Probe, Statement } from '../../plan/types';
import { DEFAULT_LOCK_TIMEOUT_SECONDS, type ApplyOptions, type DatabaseSession } from '../dialect';
import { introspectSqlite, type Row } from './introspect';
import { measureSqlite } from './measure';
import { quoteIdentifier } from './quote';

type SqliteTarget = Extract<DatabaseTarget, { dialect: 'sqlite' }>;

function openDatabase(driver: typeof sqlite3, filename: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new driver.Database(filename, driver.OPEN_READWRITE | driver.OPEN_CREATE, (error) =>
      error ? reject(error) : resolve(db),
    );
  });
}

/** Why a file cannot be opened for writing, in one line, or undefined when it can. */
function unwritableReason(filename: string): { message: string; hint: string } | undefined {
  if (filename === ':memory:' || filename === '') return undefined;
  const directory = path.dirname(filename);
  if (!fs.existsSync(directory)) {
    return { message: `directory ${directory} does not exist`, hint: `Create it (mkdir -p ${directory}) or fix the path in the URL.` };
  }
  if (fs.existsSync(filename)) {
    if (fs.statSync(filename).isDirectory()) {
      return { message: `${filename} is a directory`, hint: 'Point the URL at a database file, e.g. sqlite:./dev.sqlite.' };
    }
    try {
      fs.accessSync(filename, fs.constants.R_OK | fs.constants.W_OK);
    } catch {
      return { message: `${filename} is not readable and writable`, hint: `Check the file's permissions (chmod u+rw ${filename}).` };
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

/** How long a query waits for another connection's lock outside apply (apply waits `--lock-timeout`). */
const BUSY_TIMEOUT_MS = 5000;

/** What to do about a failed statement, when SQLite's message says. */
function remedyFor(message: string): string | undefined {
  if (/NOT NULL constraint failed/i.test(message)) {
    return 'Rows would hold NULL in a NOT NULL column: fill them first, or give the column a default in the entity, then apply again.';
  }
  if (/UNIQUE constraint failed/i.test(message)) return 'Rows hold duplicate values: remove the duplicates, then apply again.';
  if (/CHECK constraint failed/i.test(message)) return 'Rows hold values the new CHECK refuses: update them, then apply again.';
  return undefined;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');

export class SqliteSession implements DatabaseSession {
  readonly dialect = 'sqlite' as const;
  private queries = 0;

  private constructor(
    private readonly db: sqlite3.Database,
    readonly target: string,
  ) {}

  static async connect(target: SqliteTarget): Promise<SqliteSession> {
    const fail = (message: string, hint: string, cause?: unknown): ConnectionError =>
      new ConnectionError(`cannot open SQLite database ${target.redacted}: ${message}`, hint, { cause });
    const problem = unwritableReason(target.filename);
    if (problem) throw fail(problem.message, problem.hint);
    // Loaded on the first connection, not at start: a run against PostgreSQL never loads the native module.
    const driver = requireDriver<typeof sqlite3>('sqlite3');
    let db: sqlite3.Database;
    try {
      db = await openDatabase(driver, target.filename);
    } catch (error) {
      throw fail(messageOf(error), 'Check that the path exists and is writable.', error);
    }
    const session = new SqliteSession(db, target.redacted);
    try {
      db.configure('busyTimeout', BUSY_TIMEOUT_MS);
      // Reading the schema proves the file is a database (SQLITE_NOTADB surfaces here, not at open).
      await session.query('SELECT count(*) AS n FROM sqlite_master');
      // Like TypeORM's SQLite drivers: foreign keys are enforced on this connection.
      await session.run('PRAGMA foreign_keys = ON');
    } catch (error) {
      await session.close().catch(() => undefined);
      throw fail(messageOf(error), 'Is this an SQLite database file? Check the path and that no other process locks it.', error);
    }
    return session;
  }

  get queryCount(): number {
    return this.queries;
  }

  /** Runs one query and returns its rows. */
  query(sql: string): Promise<Row[]> {
    this.queries++;
    return new Promise((resolve, reject) => this.db.all<Row>(sql, (error, rows) => (error ? reject(error) : resolve(rows))));
  }

  /** Runs SQL that returns no rows (may hold several statements). */
  run(sql: string): Promise<void> {
    this.queries++;
    return new Promise((resolve, reject) => this.db.exec(sql, (error) => (error ? reject(error) : resolve())));
  }

  async serverVersion(): Promise<string> {
    const rows = await this.query('SELECT sqlite_version() AS version');
    return String(rows[0]?.version);
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
   */
  async apply(statements: readonly Statement[], options: ApplyOptions = {}): Promise<void> {
    if (statements.length === 0) return;
    const previous = Number((await this.query('PRAGMA foreign_keys'))[0]?.foreign_keys ?? 0) === 1;
    await this.run('PRAGMA foreign_keys = OFF'); // must precede BEGIN: inside a transaction it does nothing
    try {
      await this.begin(options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT_SECONDS);
      let at = { sql: '', what: 'reading the schema before the first statement' };
      try {
        await options.verify?.();
        options.onPhase?.({ transactional: true, start: 0, statements }, 0, 1);
        for (const [index, statement] of statements.entries()) {
          at = { sql: statement.sql, what: `statement ${index + 1} of ${statements.length}` };
          options.onStatement?.(statement, index, statements.length);
          await this.run(statement.sql);
        }
        await this.checkForeignKeys();
        at = { sql: 'COMMIT', what: 'COMMIT' };
        await this.run('COMMIT');
      } catch (error) {
        await this.run('ROLLBACK').catch(() => undefined); // SQLite may already have rolled back
        await this.run('PRAGMA legacy_alter_table = OFF'); // a rebuild may have failed between ON and OFF
        if (error instanceof SchemaplanError) throw error; // verify's refusal, the foreign key check
        const message = messageOf(error);
        const hint = ['Nothing was applied: the transaction was rolled back.', remedyFor(message)].filter(Boolean).join(' ');
        throw new ApplyError(`${at.what} failed: ${message}`, at.sql, hint, { cause: error });
      }
    } finally {
      await this.run(`PRAGMA foreign_keys = ${previous ? 'ON' : 'OFF'}`);
    }
  }

  /** `BEGIN IMMEDIATE`, waiting up to `timeoutSeconds` for another connection's write lock. */
  private async begin(timeoutSeconds: number): Promise<void> {
    this.db.configure('busyTimeout', Math.round(timeoutSeconds * 1000));
    try {
      await this.run('BEGIN IMMEDIATE');
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') {
        throw new ApplyLockedError(
          `cannot take the apply lock on ${this.target}: another connection holds its write lock` +
            `${timeoutSeconds > 0 ? ` (waited ${timeoutSeconds}s)` : ''}; nothing was applied`,
          'Run apply again when the other apply (or the application writing to the file) is done, or wait longer with --lock-timeout SECONDS.',
          { cause: error },
        );
      }
      throw new ApplyError(`could not start a write transaction: ${messageOf(error)}`, 'BEGIN IMMEDIATE', 'Nothing was applied.', {
        cause: error,
      });
    } finally {
      this.db.configure('busyTimeout', BUSY_TIMEOUT_MS);
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

export function connectSqlite(target: DatabaseTarget): Promise<SqliteSession> {
  if (target.dialect !== 'sqlite') throw new Error(`internal error: a ${target.dialect} target given to the SQLite dialect`);
  return SqliteSession.connect(target);
}
