/**
 * A `.sql` file as a schema source. A schema file is data to compare, not code to run with the user's credentials:
 * it is read with a real SQL parser and checked statement by statement first (`Dialect.loadSql`: each dialect's check-script.ts:
 * schema DDL only; anything else is refused with one line naming the statement), then evaluated where it cannot reach
 * the user's servers, and read back with the dialect's own introspector, so it is normalised exactly like a live
 * database (types, defaults, expressions as the engine prints them):
 *
 * - SQLite: an in-memory database;
 * - PostgreSQL: by default the sandbox, PGlite (PostgreSQL in WebAssembly, in this process:  dialects/postgres/pglite-sandbox.ts); on a
 *   server only when the user names one with `--dev-url` (an empty database, used in a transaction that is rolled
 *   back, as a role without superuser rights: dev-database.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SourceError } from '../errors/errors';
import type { DialectName, Model } from '../model';
import { dialectFor } from '../dialects/registry';

export interface SqlFileOptions {
  /**
   * PostgreSQL: an existing, empty database to evaluate the SQL in instead of the sandbox (`--dev-url`), for
   * extensions the sandbox lacks. The SQL runs in a transaction that is rolled back.
   */
  readonly devUrl?: string;
  /** Resolves a relative `file` (default: the process's working directory). */
  readonly cwd?: string;
}

/** The text of a SQL file; unreadable is a `SourceError` naming it. */
export function readSqlFile(file: string, cwd: string = process.cwd()): string {
  try {
    return readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String((error as Error).message);
    throw new SourceError(`cannot read SQL file ${file}: ${reason}`, 'Check the path of the .sql file.', {
      cause: error,
    });
  }
}

/** Checks `file` and evaluates it (see above); returns what the introspector reads there. */
export async function loadSqlFile(file: string, dialect: DialectName, options: SqlFileOptions = {}): Promise<Model> {
  const sql = readSqlFile(file, options.cwd);
  return loadSql(sql, file, dialect, options);
}

/** `loadSqlFile` for SQL text already read (`file` names it in messages). */
export async function loadSql(
  sql: string,
  file: string,
  dialect: DialectName,
  options: SqlFileOptions = {},
): Promise<Model> {
  return dialectFor(dialect).loadSql(sql, file, options);
}
