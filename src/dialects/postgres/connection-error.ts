/** A PostgreSQL connection failure as one line naming the endpoint, user and database, with a hint (no password). */
import { redactSecrets } from '../../connect/url';
import { ConnectionError } from '../../errors/errors';

interface DatabaseErrorLike {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
}

/** Where a connection string points, for messages: `db.example.com:5432` (never the password). */
function describeEndpoint(connectionString: string): { endpoint: string; user?: string; database?: string } {
  try {
    const url = new URL(connectionString);
    const socket = url.searchParams.get('host');
    const host = url.hostname ? url.hostname.replace(/^\[|\]$/g, '') : (socket ?? 'localhost');
    const port = url.port || url.searchParams.get('port') || '5432';
    return {
      endpoint: `${host}:${port}`,
      user: decodeURIComponent(url.username) || undefined,
      database: decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined,
    };
  } catch {
    return { endpoint: 'the configured host' };
  }
}

/** One clear line (and a hint) for why we could not connect. */
export function connectionError(error: unknown, connectionString: string): ConnectionError {
  const { endpoint, user, database } = describeEndpoint(connectionString);
  const e = (error ?? {}) as DatabaseErrorLike & { errno?: string };
  const raw = redactSecrets(String(e.message ?? error), connectionString);
  const at = `PostgreSQL at ${endpoint}`;
  const make = (message: string, hint: string) =>
    new ConnectionError(redactSecrets(message, connectionString), hint, { cause: error });
  switch (e.code) {
    case 'ECONNREFUSED':
      return make(
        `cannot connect to ${at}: connection refused`,
        'Is the server running and listening on that host and port?',
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return make(`cannot connect to ${at}: host not found`, 'Check the host name in the database URL.');
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return make(
        `cannot connect to ${at}: host unreachable (${e.code})`,
        'Check the host, the port and any firewall in between.',
      );
    case 'ECONNRESET':
      return make(
        `cannot connect to ${at}: the server closed the connection`,
        'Check that the port belongs to PostgreSQL and whether it requires SSL (add ?sslmode=require).',
      );
    case '28P01':
      return make(
        `PostgreSQL at ${endpoint} rejected the password for user "${user ?? '?'}"`,
        'Check the user name and password in the database URL.',
      );
    case '28000':
      return make(
        `PostgreSQL at ${endpoint} refused user "${user ?? '?'}": ${raw}`,
        'Check pg_hba.conf and the user name in the database URL.',
      );
    case '3D000':
      return make(
        `database "${database ?? '?'}" does not exist on ${at}`,
        `Create it first (createdb ${database ?? '<name>'}) or fix the database name in the URL.`,
      );
    case '53300':
      return make(`cannot connect to ${at}: too many connections`, 'Close idle connections or raise max_connections.');
    case '57P03':
      return make(`cannot connect to ${at}: the server is starting up or shutting down`, 'Try again in a moment.');
    default:
      break;
  }
  if (/password must be a string|SASL/i.test(raw)) {
    return make(
      `PostgreSQL at ${endpoint} requires a password for user "${user ?? '?'}"`,
      'Put the password in the database URL: postgres://user:password@host/db.',
    );
  }
  if (/timeout|timed out/i.test(raw)) {
    return make(
      `cannot connect to ${at}: connection timed out`,
      'Check the host, the port and any firewall in between.',
    );
  }
  if (/terminated unexpectedly/i.test(raw)) {
    return make(
      `cannot connect to ${at}: the connection closed before the server answered`,
      'Check the host and port (is it PostgreSQL?), any firewall in between, and whether the server requires SSL (?sslmode=require).',
    );
  }
  if (e.code === 'ENOENT') {
    return make(
      `cannot connect to ${at}: no server socket there`,
      'Is the server running? Check the socket directory given as host.',
    );
  }
  return make(`cannot connect to ${at}: ${raw}`, 'Check the database URL.');
}
