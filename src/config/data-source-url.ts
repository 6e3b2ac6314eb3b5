import path from 'node:path';
import { ConfigError } from '../errors/errors';
import type { DialectName } from '../model';

type Password = string | (() => string | Promise<string>);

interface PostgresCredentials {
  readonly url?: string;
  readonly host?: string;
  readonly port?: number | string;
  readonly username?: string;
  readonly password?: Password;
  readonly database?: string;
}

/** The connection options of a TypeORM DataSource that matter here (a structural subset). */
export interface DataSourceConnection extends PostgresCredentials {
  readonly type: string;
  /** PostgreSQL replication: the master is the database schema changes go to. */
  readonly replication?: { readonly master?: PostgresCredentials };
}

/**
 * A TypeORM DataSource's connection as a database URL:
 * - `postgres`: its `url` as is (TypeORM gives it priority over the other options), else one built from `host`
 *   (default `localhost`), `port`, `username`, `password` (a function is called, as TypeORM does) and `database`;
 *   with `replication`, the master's.
 * - `better-sqlite3` (and `sqlite` of TypeORM 0.3): the `database` file, a relative path resolved against the project
 *   root `cwd`, as TypeORM resolves it against the working directory of the app. `:memory:` is refused: an in-memory
 *   database is empty for every connection, so there is nothing to plan against.
 * Any other type is refused: pass `--url`.
 */
export async function dataSourceUrl(options: DataSourceConnection, file: string, cwd: string): Promise<string> {
  const hint = 'Give the database with --url, $DATABASE_URL or "url" in schema.config.json.';
  switch (options.type) {
    case 'postgres':
      return postgresUrl(options.replication?.master ?? options);
    case 'better-sqlite3':
    case 'sqlite': {
      const database = options.database;
      if (typeof database !== 'string' || database.trim() === '') {
        throw new ConfigError(`${file}: the ${options.type} data source names no database file`, hint);
      }
      if (database === ':memory:') {
        throw new ConfigError(`${file}: the data source's database is :memory:, which is empty for every connection`, hint);
      }
      return `sqlite:${encodeURIComponent(path.resolve(cwd, database))}`;
    }
    default:
      throw new ConfigError(`${file}: data source type "${options.type}" is not supported (postgres, better-sqlite3)`, hint);
  }
}

/**
 * The dialect a TypeORM driver type speaks, for the dialects a project declares by its data source: `postgres`, and
 * SQLite for TypeORM's SQLite drivers; `undefined` for any other type.
 */
export function dialectOfType(type: string): DialectName | undefined {
  if (type === 'postgres') return 'postgres';
  if (type === 'better-sqlite3' || type === 'sqlite' || type === 'sqljs') return 'sqlite';
  return undefined;
}

async function postgresUrl(credentials: PostgresCredentials): Promise<string> {
  if (credentials.url) return credentials.url;
  const password = typeof credentials.password === 'function' ? await credentials.password() : credentials.password;
  const user = credentials.username ? encodeURIComponent(credentials.username) : '';
  const auth = user ? `${user}${password ? `:${encodeURIComponent(password)}` : ''}@` : '';
  const host = credentials.host || 'localhost';
  const port = credentials.port ? `:${credentials.port}` : '';
  const database = encodeURIComponent(credentials.database ?? '');
  // A Unix socket directory travels as the `host` parameter, which pg prefers over the URL's host.
  if (host.startsWith('/')) return `postgres://${auth}localhost${port}/${database}?host=${encodeURIComponent(host)}`;
  return `postgres://${auth}${host.includes(':') ? `[${host}]` : host}${port}/${database}`;
}
