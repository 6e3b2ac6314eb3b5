import path from 'node:path';
import { UrlError } from '../errors/errors';

export type DatabaseTarget =
  | {
      readonly dialect: 'postgres';
      /** A `postgres://` connection string for `pg` (driver suffixes such as `+asyncpg` removed). */
      readonly connectionString: string;
      /** The same with the password masked: safe to print. */
      readonly redacted: string;
    }
  | {
      readonly dialect: 'sqlite';
      /** An absolute file path, or `:memory:`. */
      readonly filename: string;
      readonly redacted: string;
    };

export const DEFAULT_DATABASE_URL = 'sqlite:./dev.sqlite';

const POSTGRES = /^postgres(?:ql)?(?:\+[a-z0-9_]+)?:\/\//i;
const SQLITE = /^sqlite(?:\+[a-z0-9_]+)?:/i;

/**
 * Parses the URL forms users bring from Prisma, Atlas and SQLAlchemy/Alembic:
 * `postgres://`, `postgresql://`, `postgresql+asyncpg://`, `postgresql+psycopg://`,
 * `sqlite:relative/path`, `sqlite:./path`, `sqlite:///absolute/path` (SQLAlchemy: three slashes + absolute path),
 * `sqlite+aiosqlite:///path`, `sqlite::memory:` and `sqlite://:memory:`.
 * Relative SQLite paths resolve against `cwd`.
 */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseTarget {
  const trimmed = url.trim();
  if (POSTGRES.test(trimmed)) return parsePostgres(trimmed);
  if (SQLITE.test(trimmed)) return parseSqlite(trimmed, cwd);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  throw new UrlError(
    scheme ? `unsupported database URL scheme "${scheme}:"` : 'the database URL has no scheme',
    'Use postgres://user@host:5432/db or sqlite:./file.sqlite.',
  );
}

function parsePostgres(url: string): DatabaseTarget {
  const connectionString = url.replace(POSTGRES, 'postgres://');
  let parsed: URL;
  try {
    parsed = new URL(connectionString);
  } catch {
    throw new UrlError('the PostgreSQL URL is malformed', 'Expected postgres://user:password@host:port/database.');
  }
  if (!parsed.hostname && !parsed.searchParams.get('host')) {
    throw new UrlError('the PostgreSQL URL names no host', 'Expected postgres://user:password@host:port/database.');
  }
  return { dialect: 'postgres', connectionString, redacted: redactUrl(connectionString) };
}

function parseSqlite(url: string, cwd: string): DatabaseTarget {
  let rest = url.replace(SQLITE, '');
  if (rest === ':memory:' || rest === '//:memory:' || rest === '///:memory:' || rest === '') {
    return { dialect: 'sqlite', filename: ':memory:', redacted: 'sqlite::memory:' };
  }
  if (rest.startsWith('///')) rest = rest.slice(2); // sqlite:///abs/path -> /abs/path (SQLAlchemy)
  else if (rest.startsWith('//')) rest = rest.slice(2); // sqlite://relative -> relative
  rest = rest.split('?')[0] ?? rest;
  try {
    rest = decodeURIComponent(rest);
  } catch {
    throw new UrlError('the SQLite URL is malformed', 'Expected sqlite:./file.sqlite or sqlite:///absolute/path.');
  }
  if (rest.includes('\u0000')) {
    // SQLite's C interface would cut the path at the NUL and create another file (`bad%00name.sqlite` -> `bad`).
    throw new UrlError('the SQLite path contains a NUL character', 'Remove the %00 (or \\0) from the SQLite URL.');
  }
  const filename = path.resolve(cwd, rest);
  return { dialect: 'sqlite', filename, redacted: `sqlite:${path.relative(cwd, filename) || filename}` };
}

/** Masks the password of a URL (`postgres://app:***@db/x`); returns the input unchanged when it has none. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
  }
}

/**
 * Removes every occurrence of the URL's password (raw and URL-decoded) from a message, so database errors and debug
 * output never carry credentials.
 */
export function redactSecrets(message: string, url: string | undefined): string {
  if (!url) return message;
  let password: string | undefined;
  try {
    password = new URL(url.replace(POSTGRES, 'postgres://')).password || undefined;
  } catch {
    password = /\/\/[^:/@]+:([^@]*)@/.exec(url)?.[1];
  }
  if (!password) return message;
  let out = message;
  for (const secret of new Set([password, safeDecode(password)])) if (secret) out = out.split(secret).join('***');
  return out;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
