import path from 'node:path';
import { ConfigError } from '../../errors/errors';
import type { TypeormDataSource } from '../typeorm-data-source';

/**
 * SQLite as a TypeORM DataSource names it (`better-sqlite3`, and `sqlite` of TypeORM 0.3; `sqljs` only in memory):
 * the `database` file, a relative path resolved against the project root `cwd`, as TypeORM resolves it against the
 * working directory of the app. `:memory:` is refused: an in-memory database is empty for every connection, so there
 * is nothing to plan against.
 */
export const sqliteDataSource: TypeormDataSource = {
  types: ['better-sqlite3', 'sqlite', 'sqljs'],
  urlTypes: ['better-sqlite3', 'sqlite'],
  url: async (options, file, cwd) => {
    const hint = 'Give the database with --url, $DATABASE_URL or "url" in schema.config.json.';
    const database = options.database;
    if (typeof database !== 'string' || database.trim() === '') {
      throw new ConfigError(`${file}: the ${options.type} data source names no database file`, hint);
    }
    if (database === ':memory:') {
      throw new ConfigError(
        `${file}: the data source's database is :memory:, which is empty for every connection`,
        hint,
      );
    }
    return `sqlite:${encodeURIComponent(path.resolve(cwd, database))}`;
  },
  compileOptions: () => ({}),
  // The driver option receives the module TypeORM would load; metadata building never calls it.
  metadataOptions: (entities, naming) => ({
    type: 'better-sqlite3',
    database: ':memory:',
    entities: [...entities],
    driver: function stub() {},
    ...naming,
  }),
};
