/**
 * A scratch database: an empty database of one dialect that SQL is loaded into and read back by the dialect's own
 * introspector, so SQL text is normalised exactly as a live database is. SQLite: in memory (or a file the caller
 * names). PostgreSQL: a temporary database created on a server the caller names, with a unique name
 * (`schemaplan_scratch_<pid>_<random>`), and ALWAYS dropped afterwards, also when anything fails.
 *
 * The SQL runs as given, with the server URL's rights: this is for trusted SQL only (the conformance runner's
 * vendored suites, tests). A user's `.sql` source never comes here on PostgreSQL: it is checked and evaluated in the
 * sandbox or a dev database (sql-file.ts).
 */
import { randomBytes } from 'node:crypto';
import { parseDatabaseUrl, redactSecrets } from '../connect/url';
import type { DatabaseSession, Dialect } from '../dialects/dialect';
import { loadError } from '../dialects/load-error';
import { dialectFor } from '../dialects/registry';

export { loadError };
import { ConnectionError, SourceError } from '../errors/errors';
import type { DialectName, Model } from '../model';

export interface ScratchOptions {
  /**
   * PostgreSQL: a URL on a server where the role may create databases (`postgres://user@host/postgres`). The scratch
   * database is created there and dropped when done.
   */
  readonly serverUrl?: string;
  /** SQLite: the database file to use (created); default: an in-memory database. */
  readonly sqliteFile?: string;
}

export interface ScratchDatabase {
  readonly dialect: Dialect;
  /** A session on the scratch database, open until it is disposed. */
  readonly session: DatabaseSession;
  /** PostgreSQL: the database's name; SQLite: the file name or `:memory:`. */
  readonly name: string;
  /** A connection URL of the scratch database (may hold the server's password: never print it). */
  readonly url: string;
  /** Runs the text of a SQL file; a failure is a `SourceError` naming `file`, with the line where PostgreSQL says. */
  load(sql: string, file: string): Promise<void>;
  /** Every user schema that exists (PostgreSQL), or none (SQLite). */
  schemas(): Promise<string[]>;
  /** The model of everything loaded: all user schemas unless `schemas` are named. */
  introspect(schemas?: readonly string[]): Promise<Model>;
}

/** The prefix of every scratch database's name; the runner sweeps leftovers of its own process by it. */
export const SCRATCH_PREFIX = 'schemaplan_scratch_';

export function scratchName(): string {
  return `${SCRATCH_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
}

const messageOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/** `serverUrl` with its database replaced by `name`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

function scratch(dialect: Dialect, session: DatabaseSession, name: string, url: string): ScratchDatabase {
  return {
    dialect,
    session,
    name,
    url,
    async load(sql, file) {
      try {
        await session.runScript(sql);
      } catch (error) {
        throw loadError(error, sql, file, dialect.displayName, url);
      }
    },
    schemas: () => session.listSchemas(),
    async introspect(schemas) {
      return session.introspect({ schemas: schemas ?? (await session.listSchemas()) });
    },
  };
}

/**
 * Creates a scratch database, runs `action` on it, and disposes of it whatever happens: the session is closed and,
 * on PostgreSQL, the database dropped (`WITH (FORCE)`, so a connection left behind cannot keep it alive).
 */
export async function withScratchDatabase<T>(
  dialectName: DialectName,
  options: ScratchOptions,
  action: (db: ScratchDatabase) => Promise<T>,
): Promise<T> {
  const dialect = dialectFor(dialectName);
  if (dialect.localTarget) {
    const filename = options.sqliteFile ?? ':memory:';
    const target = dialect.localTarget(filename);
    const session = await dialect.connect(target);
    try {
      return await action(scratch(dialect, session, filename, target.redacted));
    } finally {
      await session.close();
    }
  }
  const serverUrl = options.serverUrl;
  if (!serverUrl) {
    throw new SourceError(
      'loading SQL for PostgreSQL needs a server to create a scratch database on',
      'Give a PostgreSQL URL of a role that may create databases (or a dev database URL).',
    );
  }
  const server = parseDatabaseUrl(serverUrl);
  if (server.dialect !== dialectName || !('connectionString' in server)) {
    throw new SourceError(`the scratch server URL ${server.redacted} is not a ${dialect.displayName} URL`);
  }
  const name = scratchName();
  const admin = await dialect.connect(server);
  try {
    try {
      await admin.runScript(`CREATE DATABASE ${dialect.quoteIdentifier(name)} TEMPLATE template0`);
    } catch (error) {
      throw new ConnectionError(
        `cannot create a scratch database on ${server.redacted}: ${redactSecrets(messageOf(error), server.connectionString)}`,
        'The role in the URL needs CREATEDB; or name an existing empty database to use instead (a dev database).',
        { cause: error },
      );
    }
    const url = databaseUrl(server.connectionString, name);
    let failed = false;
    try {
      const session = await dialect.connect(parseDatabaseUrl(url));
      try {
        return await action(scratch(dialect, session, name, url));
      } finally {
        await session.close();
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      try {
        await dropScratch(dialect, admin, name, server.connectionString);
      } catch (error) {
        // eslint-disable-next-line no-unsafe-finally -- a failed cleanup is reported only when the action succeeded
        if (!failed) throw error; // otherwise the first failure is the one to report
      }
    }
  } finally {
    await admin.close();
  }
}

async function dropScratch(dialect: Dialect, admin: DatabaseSession, name: string, serverUrl: string): Promise<void> {
  try {
    await admin.runScript(`DROP DATABASE IF EXISTS ${dialect.quoteIdentifier(name)} WITH (FORCE)`);
  } catch (error) {
    throw new ConnectionError(
      `could not drop the scratch database ${name}: ${redactSecrets(messageOf(error), serverUrl)}`,
      `Drop it by hand: DROP DATABASE ${dialect.quoteIdentifier(name)};`,
      { cause: error },
    );
  }
}
