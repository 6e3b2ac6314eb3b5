import { ConfigError } from '../errors/errors';
import type { DialectName } from '../model';
import { allDialects, dialectOfTypeormType } from '../dialects/registry';
import type { DataSourceConnection } from '../dialects/typeorm-data-source';

export type { DataSourceConnection };

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
  const spoken = allDialects().find((dialect) => dialect.typeormDataSource.urlTypes.includes(options.type));
  if (spoken) return spoken.typeormDataSource.url(options, file, cwd);
  const hint = 'Give the database with --url, $DATABASE_URL or "url" in schema.config.json.';
  const supported = allDialects()
    .map((dialect) => dialect.typeormDataSource.urlTypes[0])
    .join(', ');
  throw new ConfigError(`${file}: data source type "${options.type}" is not supported (${supported})`, hint);
}

/**
 * The dialect a TypeORM driver type speaks, for the dialects a project declares by its data source: `postgres`, and
 * SQLite for TypeORM's SQLite drivers; `undefined` for any other type.
 */
export function dialectOfType(type: string): DialectName | undefined {
  return dialectOfTypeormType(type)?.name;
}
