import { parseDatabaseUrl, redactSecrets, redactUrl } from './url';

describe('parseDatabaseUrl', () => {
  const cwd = '/project';
  it.each([
    ['postgres://u:p@h:5432/db', 'postgres://u:p@h:5432/db'],
    ['postgresql://u@h/db', 'postgres://u@h/db'],
    ['postgresql+asyncpg://u@h/db', 'postgres://u@h/db'],
    ['postgresql+psycopg://u@h/db?sslmode=disable', 'postgres://u@h/db?sslmode=disable'],
  ])('reads %s as PostgreSQL', (url, connectionString) => {
    expect(parseDatabaseUrl(url, cwd)).toMatchObject({ dialect: 'postgres', connectionString });
  });

  it.each([
    ['sqlite:./dev.sqlite', '/project/dev.sqlite'],
    ['sqlite:data/app.db', '/project/data/app.db'],
    ['sqlite:///var/lib/app.db', '/var/lib/app.db'],
    ['sqlite+aiosqlite:///var/lib/app.db', '/var/lib/app.db'],
    ['sqlite::memory:', ':memory:'],
    ['sqlite://:memory:', ':memory:'],
  ])('reads %s as SQLite file %s', (url, filename) => {
    expect(parseDatabaseUrl(url, cwd)).toMatchObject({ dialect: 'sqlite', filename });
  });

  it('rejects unknown schemes and malformed URLs with a hint', () => {
    expect(() => parseDatabaseUrl('mysql://x@h/db', cwd)).toThrow('unsupported database URL scheme "mysql:"');
    expect(() => parseDatabaseUrl('not a url', cwd)).toThrow('the database URL has no scheme');
    expect(() => parseDatabaseUrl('postgres://', cwd)).toThrow(/PostgreSQL URL/);
  });
});

describe('redaction', () => {
  it('masks the password in the URL and in any message', () => {
    expect(redactUrl('postgres://app:s3cr%3Et@db:5432/x')).toBe('postgres://app:***@db:5432/x');
    expect(parseDatabaseUrl('postgres://app:hunter2@db/x').redacted).toBe('postgres://app:***@db/x');
    const url = 'postgresql+asyncpg://app:p%40ss@db/x';
    expect(redactSecrets('auth failed for app with p@ss and p%40ss', url)).toBe('auth failed for app with *** and ***');
  });
});
