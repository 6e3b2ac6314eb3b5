import { parseDatabaseUrl, redactSecrets, redactUrl, urlSecrets } from './url';

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

describe('redaction of every credential a URL carries', () => {
  it('masks the user info password and the secret query parameters, keeping the rest as written', () => {
    expect(
      redactUrl('postgres://app:pw@db:5432/x?sslmode=require&password=p2&sslpassword=p3&application_name=a+b'),
    ).toBe('postgres://app:***@db:5432/x?sslmode=require&password=***&sslpassword=***&application_name=a+b');
    expect(redactUrl('postgres://app@db/x?sslkey=%2Fhome%2Fme%2Fkey.pem&passfile=~%2F.pgpass&sslcert=c.pem#frag')).toBe(
      'postgres://app@db/x?sslkey=***&passfile=***&sslcert=c.pem#frag',
    );
    expect(redactUrl('postgres://app@db/x?PASSWORD=p&api_token=t')).toBe(
      'postgres://app@db/x?PASSWORD=***&api_token=***',
    );
    expect(redactUrl('postgres://app:pw@[::1/app')).toBe('postgres://app:***@[::1/app');
    expect(parseDatabaseUrl('postgres://u:a@h/db?password=b').redacted).toBe('postgres://u:***@h/db?password=***');
  });

  it('lists the secrets raw, URL-decoded and form-decoded, also of a URL inside an argument', () => {
    expect(urlSecrets('--url=postgres://u:p%40w@h/db?password=a+b%21&sslpassword=c').sort()).toEqual(
      ['a b!', 'a b%21', 'a+b!', 'a+b%21', 'c', 'p%40w', 'p@w'].sort(),
    );
    expect(urlSecrets('sqlite:./dev.sqlite')).toEqual([]);
    expect(urlSecrets(undefined)).toEqual([]);
  });

  it('removes them from any message', () => {
    const url = 'postgres://u:first@h/db?password=second&sslpassword=third';
    expect(redactSecrets('tried first, then second; key third', url)).toBe('tried ***, then ***; key ***');
    expect(redactSecrets(`connect failed for ${url}`, url)).not.toMatch(/first|second|third/);
  });
});
