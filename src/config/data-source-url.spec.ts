import { parseDatabaseUrl } from '../connect/url';
import { ConfigError } from '../errors/errors';
import { dataSourceUrl } from './data-source-url';

const url = (options: Parameters<typeof dataSourceUrl>[0]) => dataSourceUrl(options, 'src/data-source.ts', '/project');

describe('dataSourceUrl', () => {
  it('PostgreSQL: url as given, else one built from the credentials (password function called, escaped)', async () => {
    expect(await url({ type: 'postgres', url: 'postgres://a@h/db', host: 'ignored' })).toBe('postgres://a@h/db');
    const built = await url({
      type: 'postgres',
      host: 'db.local',
      port: 6543,
      username: 'app user',
      password: () => 'p@ss:/w',
      database: 'shop',
    });
    expect(built).toBe('postgres://app%20user:p%40ss%3A%2Fw@db.local:6543/shop');
    expect(parseDatabaseUrl(built).redacted).toBe('postgres://app%20user:***@db.local:6543/shop');
    expect(await url({ type: 'postgres', password: async () => 'x', username: 'u', database: 'd' })).toBe(
      'postgres://u:x@localhost/d',
    );
    expect(await url({ type: 'postgres', database: 'd' })).toBe('postgres://localhost/d');
    expect(await url({ type: 'postgres', host: '::1', database: 'd' })).toBe('postgres://[::1]/d');
    expect(await url({ type: 'postgres', host: '/var/run/postgresql', username: 'u', database: 'd' })).toBe(
      'postgres://u@localhost/d?host=%2Fvar%2Frun%2Fpostgresql',
    );
    expect(
      await url({
        type: 'postgres',
        host: 'replica',
        database: 'r',
        replication: { master: { host: 'primary', database: 'm' } },
      }),
    ).toBe('postgres://primary/m');
  });

  it('SQLite: the database file, relative to the project root', async () => {
    const sqlite = await url({ type: 'better-sqlite3', database: 'data/app.sqlite' });
    expect(parseDatabaseUrl(sqlite, '/elsewhere')).toMatchObject({
      dialect: 'sqlite',
      filename: '/project/data/app.sqlite',
    });
    expect(parseDatabaseUrl(await url({ type: 'sqlite', database: '/abs/a b%.db' }))).toMatchObject({
      filename: '/abs/a b%.db',
    });
  });

  it.each([
    [
      { type: 'better-sqlite3', database: ':memory:' },
      "src/data-source.ts: the data source's database is :memory:, which is empty for every connection",
    ],
    [{ type: 'better-sqlite3' }, 'src/data-source.ts: the better-sqlite3 data source names no database file'],
    [
      { type: 'mysql', host: 'h' },
      'src/data-source.ts: data source type "mysql" is not supported (postgres, better-sqlite3)',
    ],
  ])('refuses %j', async (options, message) => {
    const error = await url(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(message);
    expect((error as ConfigError).hint).toBe(
      'Give the database with --url, $DATABASE_URL or "url" in schema.config.json.',
    );
  });
});
