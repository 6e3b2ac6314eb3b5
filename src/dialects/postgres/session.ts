import type { Client } from 'pg';
import type { DatabaseTarget } from '../../connect/url';
import { requireDriver } from '../../connect/driver-package';
import { redactSecrets } from '../../connect/url';
import { ConnectionError } from '../../errors/errors';
import type { Model } from '../../model';
import { applyPhases } from '../../plan/phases';
import type { Measurement, MeasureOptions, Probe, Statement } from '../../plan/types';
import { DEFAULT_LOCK_TIMEOUT_SECONDS, type ApplyOptions, type DatabaseSession, type IntrospectOptions } from '../dialect';
import { applyError, type FailurePoint } from './apply-error';
import { releaseApplyLock, takeApplyLock } from './apply-lock';
import { introspectPostgres } from './introspect';
import { DEFAULT_SCHEMA } from './normalize';
import { measurePostgres } from './measure';
import { USER_SCHEMAS_SQL } from './queries';

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

  /** Set-based answers to the plan's probes (see measure.ts). */
  measure(probes: readonly Probe[], options?: MeasureOptions): Promise<Measurement[]> {
    return measurePostgres((sql, params) => this.query(sql, params), probes, options);
  }

  async runScript(sql: string): Promise<void> {
    await this.query(sql); // simple query protocol: several statements, one implicit transaction
  }

  async listSchemas(): Promise<string[]> {
    const rows = await this.query<{ name: string }>(USER_SCHEMAS_SQL);
    return rows.map((row) => row.name);
  }

  /** See `DatabaseSession.apply`: advisory lock, `verify`, then the phases. */
  async apply(statements: readonly Statement[], options: ApplyOptions = {}): Promise<void> {
    if (statements.length === 0) return;
    const query = <Row>(sql: string) => this.query<Row>(sql);
    await takeApplyLock(query, this.target, options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT_SECONDS);
    try {
      await options.verify?.();
      await this.runPhases(statements, options);
    } finally {
      await releaseApplyLock(query);
    }
  }

  /** Runs the phases in order (see `applyPhases`); a failure rolls back its phase and names what stays applied. */
  private async runPhases(statements: readonly Statement[], options: ApplyOptions): Promise<void> {
    const phases = applyPhases(statements);
    let applied = 0;
    for (const [number, phase] of phases.entries()) {
      options.onPhase?.(phase, number, phases.length);
      let at: FailurePoint = { sql: 'BEGIN', what: `BEGIN of phase ${number + 1}`, transactional: phase.transactional, applied };
      try {
        if (phase.transactional) await this.query('BEGIN');
        for (const [offset, statement] of phase.statements.entries()) {
          const index = phase.start + offset;
          at = { ...at, sql: statement.sql, what: `statement ${index + 1} of ${statements.length}` };
          options.onStatement?.(statement, index, statements.length);
          await this.query(statement.sql);
        }
        if (phase.transactional) {
          at = { ...at, sql: 'COMMIT', what: phases.length > 1 ? `COMMIT of phase ${number + 1}` : 'COMMIT' };
          await this.query('COMMIT');
        }
      } catch (error) {
        if (phase.transactional) await this.query('ROLLBACK').catch(() => undefined);
        throw applyError(error, at, this.connectionString);
      }
      applied += phase.statements.length;
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}

/** Opens a session; every failure becomes one `ConnectionError` line without the password. */
export async function connectPostgres(target: PostgresTarget): Promise<DatabaseSession> {
  // Loaded on the first connection, not at start: a run against SQLite never pays for the driver.
  const pg = requireDriver<typeof import('pg')>('pg');
  const client = new pg.Client({
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
