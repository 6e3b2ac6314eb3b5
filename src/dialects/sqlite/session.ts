/**
 * A session on one SQLite file through the `sqlite3` package. Apply turns foreign key enforcement off BEFORE the
 * transaction (the pragma is a no-op inside one), runs every statement in one `BEGIN IMMEDIATE` transaction, checks
 * all foreign keys with `PRAGMA foreign_key_check` before COMMIT, and restores the previous setting. With enforcement
 * off, DROP TABLE (and so a table rebuild) never runs ON DELETE actions on child rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import type { DatabaseTarget } from '../../connect/url';
import { ApplyError, ConnectionError } from '../../errors/errors';
import type { Model } from '../../model';
import type { Measurement, Probe, Statement } from '../../plan/types';
import type { DatabaseSession } from '../dialect';
import { introspectSqlite, type Row } from './introspect';
import { quoteIdentifier, quoteLiteral } from './quote';

type SqliteTarget = Extract<DatabaseTarget, { dialect: 'sqlite' }>;

function openDatabase(filename: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(filename, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (error) =>
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
    let db: sqlite3.Database;
    try {
      db = await openDatabase(target.filename);
    } catch (error) {
      throw fail(messageOf(error), 'Check that the path exists and is writable.', error);
    }
    const session = new SqliteSession(db, target.redacted);
    try {
      db.configure('busyTimeout', 5000);
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

  /** One aggregate query per probe (see `Probe`). */
  async measure(probes: readonly Probe[]): Promise<Measurement[]> {
    const results: Measurement[] = [];
    for (const probe of probes) {
      const column = quoteIdentifier(probe.column);
      const rows = await this.query(
        `SELECT ${column} AS value, count(*) AS n FROM ${quoteIdentifier(probe.table.name)} ` +
          `WHERE ${column} IN (${probe.values.map(quoteLiteral).join(', ')}) GROUP BY ${column}`,
      );
      results.push({ probe, counts: Object.fromEntries(rows.map((row) => [String(row.value), Number(row.n)])) });
    }
    return results;
  }

  runScript(sql: string): Promise<void> {
    return this.run(sql);
  }

  async listSchemas(): Promise<string[]> {
    return [];
  }

  async apply(statements: readonly Statement[]): Promise<void> {
    if (statements.length === 0) return;
    const previous = Number((await this.query('PRAGMA foreign_keys'))[0]?.foreign_keys ?? 0) === 1;
    await this.run('PRAGMA foreign_keys = OFF'); // must precede BEGIN: inside a transaction it does nothing
    try {
      try {
        await this.run('BEGIN IMMEDIATE');
      } catch (error) {
        throw new ApplyError(
          `could not start a write transaction: ${messageOf(error)}`,
          'BEGIN IMMEDIATE',
          'Another process may hold a write lock on the database; retry when it is done.',
          { cause: error },
        );
      }
      try {
        for (const statement of statements) {
          try {
            await this.run(statement.sql);
          } catch (error) {
            throw new ApplyError(`statement failed: ${messageOf(error)}`, statement.sql, 'Nothing was changed: the transaction was rolled back.', {
              cause: error,
            });
          }
        }
        await this.checkForeignKeys();
        try {
          await this.run('COMMIT');
        } catch (error) {
          throw new ApplyError(`COMMIT failed: ${messageOf(error)}`, 'COMMIT', 'Nothing was changed: the transaction was rolled back.', {
            cause: error,
          });
        }
      } catch (error) {
        await this.run('ROLLBACK').catch(() => undefined); // SQLite may already have rolled back
        await this.run('PRAGMA legacy_alter_table = OFF'); // a rebuild may have failed between ON and OFF
        throw error;
      }
    } finally {
      await this.run(`PRAGMA foreign_keys = ${previous ? 'ON' : 'OFF'}`);
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
      'Nothing was changed: the transaction was rolled back. Fix or delete the orphaned rows, or plan the parent table change differently.',
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
