/**
 * A `.sql` file as a schema source: the SQL is loaded into a scratch database and read back with the dialect's own
 * introspector, so it is normalised exactly like a live database (types, defaults, expressions as the engine prints
 * them). SQLite loads into an in-memory database. PostgreSQL either creates a temporary database on a server and
 * always drops it (`serverUrl`), or runs the SQL in a dev database the user provides (`devUrl`, as Atlas's
 * `--dev-url`), inside a transaction that is rolled back, so that database is left as it was.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from '../connect/url';
import { dialectFor } from '../dialects/registry';
import { SourceError } from '../errors/errors';
import type { DialectName, Model } from '../model';
import { loadError, withScratchDatabase, type ScratchOptions } from './scratch-database';

export interface SqlFileOptions extends ScratchOptions {
  /**
   * PostgreSQL: an existing, empty database to load the SQL into instead of creating one. The SQL runs in a
   * transaction that is rolled back (so it must not COMMIT, nor use statements that cannot run in a transaction).
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
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String((error as Error).message);
    throw new SourceError(`cannot read SQL file ${file}: ${reason}`, 'Check the path of the .sql file.', { cause: error });
  }
}

/** Loads `file` into a scratch database of `dialect` and returns what the introspector reads there. */
export async function loadSqlFile(file: string, dialect: DialectName, options: SqlFileOptions = {}): Promise<Model> {
  const sql = readSqlFile(file, options.cwd);
  if (options.devUrl !== undefined && dialect === 'postgres') return loadIntoDevDatabase(sql, file, options.devUrl);
  return withScratchDatabase(dialect, options, async (db) => {
    await db.load(sql, file);
    return db.introspect();
  });
}

/** What a database that should be empty holds, for the message (`table public.users`), or undefined when empty. */
function firstObject(model: Model): string | undefined {
  const named = (kind: string, o: { schema?: string; name: string }) => `${kind} ${o.schema ? `${o.schema}.` : ''}${o.name}`;
  const table = model.tables[0];
  if (table) return named('table', table);
  const view = model.views?.[0];
  if (view) return named('view', view);
  const type = model.enums[0];
  if (type) return named('enum', type);
  const schema = (model.schemas ?? []).find((s) => s !== 'public');
  return schema === undefined ? undefined : `schema ${schema}`;
}

async function loadIntoDevDatabase(sql: string, file: string, devUrl: string): Promise<Model> {
  const target = parseDatabaseUrl(devUrl);
  if (target.dialect !== 'postgres') throw new SourceError(`the dev database ${target.redacted} is not a PostgreSQL database`);
  const dialect = dialectFor('postgres');
  const session = await dialect.connect(target);
  const inspect = async () => session.introspect({ schemas: await session.listSchemas() });
  const notEmpty = (what: string) =>
    new SourceError(`the dev database ${target.redacted} is not empty: ${what}`, 'Give an empty database as the dev database.');
  try {
    const existing = firstObject(await inspect());
    if (existing) throw notEmpty(`it has ${existing}`);
    await session.runScript('BEGIN');
    let model: Model;
    try {
      try {
        await session.runScript(sql);
      } catch (error) {
        throw loadError(error, sql, file, 'postgres', target.connectionString);
      }
      model = await inspect();
    } finally {
      await session.runScript('ROLLBACK').catch(() => undefined);
    }
    const left = firstObject(await inspect());
    if (left) throw notEmpty(`${file} committed its own transaction, leaving ${left} behind`);
    return model;
  } finally {
    await session.close();
  }
}
