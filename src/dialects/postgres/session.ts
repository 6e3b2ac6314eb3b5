import { Client } from 'pg';
import type { DatabaseTarget } from '../../connect/url';
import { redactSecrets } from '../../connect/url';
import { ApplyError, ConnectionError } from '../../errors/errors';
import type { Model } from '../../model';
import type { Measurement, Probe, Statement } from '../../plan/types';
import type { DatabaseSession, IntrospectOptions } from '../dialect';
import { introspectPostgres } from './introspect';
import { DEFAULT_SCHEMA } from './normalize';
import { USER_SCHEMAS_SQL } from './queries';
import { quoteIdentifier, quoteQualified } from './quote';

type PostgresTarget = Extract<DatabaseTarget, { dialect: 'postgres' }>;

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
      return make(`cannot connect to ${at}: connection refused`, 'Is the server running and listening on that host and port?');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return make(`cannot connect to ${at}: host not found`, 'Check the host name in the database URL.');
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return make(`cannot connect to ${at}: host unreachable (${e.code})`, 'Check the host, the port and any firewall in between.');
    case 'ECONNRESET':
      return make(`cannot connect to ${at}: the server closed the connection`, 'Check that the port belongs to PostgreSQL and whether it requires SSL (add ?sslmode=require).');
    case '28P01':
      return make(
        `PostgreSQL at ${endpoint} rejected the password for user "${user ?? '?'}"`,
        'Check the user name and password in the database URL.',
      );
    case '28000':
      return make(`PostgreSQL at ${endpoint} refused user "${user ?? '?'}": ${raw}`, 'Check pg_hba.conf and the user name in the database URL.');
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
    return make(`PostgreSQL at ${endpoint} requires a password for user "${user ?? '?'}"`, 'Put the password in the database URL: postgres://user:password@host/db.');
  }
  if (/timeout|timed out/i.test(raw)) {
    return make(`cannot connect to ${at}: connection timed out`, 'Check the host, the port and any firewall in between.');
  }
  if (/terminated unexpectedly/i.test(raw)) {
    return make(
      `cannot connect to ${at}: the connection closed before the server answered`,
      'Check the host and port (is it PostgreSQL?), any firewall in between, and whether the server requires SSL (?sslmode=require).',
    );
  }
  if (e.code === 'ENOENT') {
    return make(`cannot connect to ${at}: no server socket there`, 'Is the server running? Check the socket directory given as host.');
  }
  return make(`cannot connect to ${at}: ${raw}`, 'Check the database URL.');
}

/** The database's own words (message and detail) without the password; the failing statement rides along. */
function applyError(
  error: unknown,
  statement: string,
  position: string,
  rolledBack: boolean,
  connectionString: string,
): ApplyError {
  const e = (error ?? {}) as DatabaseErrorLike;
  const message = redactSecrets([String(e.message ?? error), ...(e.detail ? [e.detail] : [])].join(': '), connectionString);
  let hint = e.hint;
  if (e.code === '55P04') {
    hint = 'A new enum label cannot be used in the transaction that adds it: apply the enum change on its own first, then apply again.';
  } else if (e.code === '53200') {
    hint = 'The plan locks more objects than one transaction may: raise max_locks_per_transaction on the server.';
  }
  const outcome = rolledBack ? 'nothing was applied (rolled back)' : 'statements before it stay applied';
  const full = [hint, `Statement ${position} failed; ${outcome}.`].filter(Boolean).join(' ');
  return new ApplyError(message, redactSecrets(statement, connectionString), redactSecrets(full, connectionString), {
    cause: error,
  });
}

class PostgresSession implements DatabaseSession {
  readonly dialect = 'postgres' as const;
  private queries = 0;

  constructor(
    private readonly client: Client,
    private readonly connectionString: string,
    readonly target: string,
  ) {}

  get queryCount(): number {
    return this.queries;
  }

  private async query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    this.queries++;
    const result = await this.client.query(sql, params ? [...params] : undefined);
    return result.rows as Row[];
  }

  async serverVersion(): Promise<string> {
    const rows = await this.query<{ version: string }>(`SELECT current_setting('server_version') AS version`);
    return (rows[0]?.version ?? '').split(' ')[0]!;
  }

  introspect(options: IntrospectOptions = {}): Promise<Model> {
    const schemas = options.schemas && options.schemas.length > 0 ? options.schemas : [DEFAULT_SCHEMA];
    return introspectPostgres((sql, params) => this.query(sql, params), schemas);
  }

  /** One aggregate query per probe (see `Probe`). */
  async measure(probes: readonly Probe[]): Promise<Measurement[]> {
    const results: Measurement[] = [];
    for (const probe of probes) {
      const table = quoteQualified({ schema: probe.table.schema ?? DEFAULT_SCHEMA, name: probe.table.name });
      const column = quoteIdentifier(probe.column);
      // An array counts once per row that contains the label, however often.
      const sql = probe.array
        ? `SELECT u.value, count(*) AS n FROM ${table} AS r CROSS JOIN LATERAL ` +
          `(SELECT DISTINCT e::text AS value FROM unnest(r.${column}) AS e) AS u WHERE u.value = ANY($1::text[]) GROUP BY u.value`
        : `SELECT ${column}::text AS value, count(*) AS n FROM ${table} WHERE ${column}::text = ANY($1::text[]) GROUP BY 1`;
      const rows = await this.query<{ value: string; n: string }>(sql, [probe.values]);
      results.push({ probe, counts: Object.fromEntries(rows.map((row) => [row.value, Number(row.n)])) });
    }
    return results;
  }

  async runScript(sql: string): Promise<void> {
    await this.query(sql); // simple query protocol: several statements, one implicit transaction
  }

  async listSchemas(): Promise<string[]> {
    const rows = await this.query<{ name: string }>(USER_SCHEMAS_SQL);
    return rows.map((row) => row.name);
  }

  /**
   * Runs the statements in order. Consecutive transactional statements share one transaction (all of them, for
   * every plan PostgreSQL renders); a statement that cannot run in a transaction runs on its own between them.
   */
  async apply(statements: readonly Statement[]): Promise<void> {
    let inTransaction = false;
    let committed = false;
    const fail = (error: unknown, sql: string, position: string) =>
      applyError(error, sql, position, !committed, this.connectionString);
    for (const [index, statement] of statements.entries()) {
      try {
        if (statement.transactional && !inTransaction) {
          await this.query('BEGIN');
          inTransaction = true;
        } else if (!statement.transactional && inTransaction) {
          await this.query('COMMIT');
          inTransaction = false;
          committed = true;
        }
        await this.query(statement.sql);
        if (!statement.transactional) committed = true;
      } catch (error) {
        if (inTransaction) await this.query('ROLLBACK').catch(() => undefined);
        throw fail(error, statement.sql, `${index + 1} of ${statements.length}`);
      }
    }
    if (inTransaction) {
      try {
        await this.query('COMMIT');
      } catch (error) {
        throw fail(error, 'COMMIT', 'COMMIT');
      }
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}

/** Opens a session; every failure becomes one `ConnectionError` line without the password. */
export async function connectPostgres(target: PostgresTarget): Promise<DatabaseSession> {
  const client = new Client({
    connectionString: target.connectionString,
    application_name: 'schemaplan',
    connectionTimeoutMillis: 15_000,
  });
  // An error event after connect (server restart) must not crash the process; the next query fails instead.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SET standard_conforming_strings = on');
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionError(error, target.connectionString);
  }
  return new PostgresSession(client, target.connectionString, target.redacted);
}
