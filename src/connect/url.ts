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
  if (rest.startsWith('///'))
    rest = rest.slice(2); // sqlite:///abs/path -> /abs/path (SQLAlchemy)
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

/**
 * Query parameters of a connection URL whose values are credentials or point at them, in any case: libpq's
 * `password`, `sslpassword`, `passfile`, `sslkey` (a key file's path; some drivers take the key itself), and anything
 * named like a secret (`secret`, `token`, `apikey`, `api_key`, `credentials`...). Their values are masked wherever the
 * URL is printed and removed from every message.
 */
const SECRET_PARAMETER = /pass|secret|token|api[_-]?key|sslkey|credential|auth/i;

/** Is `name` a query parameter whose value is masked (`password`, `sslpassword`, ...)? */
export function isSecretParameter(name: string): boolean {
  return SECRET_PARAMETER.test(name);
}

/** The URL inside `text` (`--url=postgres://...` gives `postgres://...`), or undefined. */
function findUrl(text: string): string | undefined {
  return /[a-z][a-z0-9+.-]*:\/\/\S*/i.exec(text)?.[0];
}

/**
 * Masks every credential of a URL, for printing: the password of its user info (`postgres://app:***@db/x`) and the
 * value of every secret query parameter (`?sslmode=require&sslpassword=***`; see `isSecretParameter`). Everything else
 * is kept as written. The one function through which every URL the tool prints or stores passes.
 */
export function redactUrl(url: string): string {
  let out = url;
  try {
    const parsed = new URL(url.replace(POSTGRES, 'postgres://'));
    if (parsed.password) out = out.replace(/^([^:]+:\/\/[^:/@?#]*:)[^@]*@/, '$1***@');
  } catch {
    out = out.replace(/^([^:]+:\/\/[^:/@?#]*:)[^@/]*@/, '$1***@');
  }
  const query = out.indexOf('?');
  if (query < 0) return out;
  const hash = out.indexOf('#', query);
  const end = hash < 0 ? out.length : hash;
  const parameters = out
    .slice(query + 1, end)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = safeDecode((equals < 0 ? pair : pair.slice(0, equals)).replace(/\+/g, ' '));
      return equals >= 0 && isSecretParameter(name) ? `${pair.slice(0, equals)}=***` : pair;
    });
  return `${out.slice(0, query)}?${parameters.join('&')}${out.slice(end)}`;
}

/**
 * The secrets a URL carries, each as written and decoded: its user info password and the values of its secret query
 * parameters. Found in `text` that holds a URL somewhere (an argument such as `--url=postgres://...`) too.
 */
export function urlSecrets(text: string | undefined): string[] {
  const url = text ? findUrl(text) : undefined;
  if (!url) return [];
  const found: string[] = [];
  try {
    const parsed = new URL(url.replace(POSTGRES, 'postgres://'));
    if (parsed.password) found.push(parsed.password);
  } catch {
    const password = /\/\/[^:/@?#]*:([^@/]*)@/.exec(url)?.[1];
    if (password) found.push(password);
  }
  const query = url.indexOf('?');
  if (query >= 0) {
    for (const pair of url
      .slice(query + 1)
      .split('#')[0]!
      .split('&')) {
      const equals = pair.indexOf('=');
      if (equals < 0) continue;
      const name = safeDecode(pair.slice(0, equals).replace(/\+/g, ' '));
      const value = pair.slice(equals + 1);
      if (value && isSecretParameter(name)) found.push(value, value.replace(/\+/g, ' '));
    }
  }
  const secrets = new Set<string>();
  for (const secret of found) for (const form of [secret, safeDecode(secret)]) if (form) secrets.add(form);
  // Longest first, so a secret that contains another is removed whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}

/**
 * Removes every secret of the URL (see `urlSecrets`: the password and the secret query parameters' values, raw and
 * URL-decoded) from a message, so database errors, stack traces and debug output never carry credentials.
 */
export function redactSecrets(message: string, url: string | undefined): string {
  let out = message;
  for (const secret of urlSecrets(url)) out = out.split(secret).join('***');
  return out;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
