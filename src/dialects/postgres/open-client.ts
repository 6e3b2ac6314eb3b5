/**
 * Opening one `pg` connection of a session: its own, or the second one its reads run on beside it (see
 * `PostgresSession`). Every failure becomes one `ConnectionError` line without the password.
 */
import type { Client } from 'pg';
import type { DatabaseTarget } from '../../connect/url';
import { requireDriver } from '../../connect/driver-package';
import { CancelledError } from '../../errors/errors';
import type { ConnectOptions } from '../dialect';
import { connectionError } from './connection-error';

export type PostgresTarget = Extract<DatabaseTarget, { dialect: 'postgres' }>;

/** `application_name` of a session's own connection. */
export const SESSION_APPLICATION_NAME = 'schemaplan';
/** `application_name` of the second connection a session reads on (see `PostgresSession.introspect`). */
export const READER_APPLICATION_NAME = 'schemaplan (read)';

/** Seconds as a PostgreSQL timeout setting in milliseconds; 0 waits not at all (1 ms: 0 would mean no limit). */
export const timeoutMs = (seconds: number): number => Math.max(1, Math.round(seconds * 1000));

/**
 * What a connection sets once opened: `standard_conforming_strings`, JIT compilation off (PostgreSQL 11+), and the
 * session-wide timeouts. Set with `set_config` rather than as startup parameters, which connection poolers such as
 * PgBouncer refuse.
 *
 * JIT: the catalog queries cross the planner's cost threshold at a few hundred tables, and compiling them took longer
 * than running them (about 200 of the 350 ms the nine took at 1,000 tables, PostgreSQL 15 with LLVM). The session's
 * other queries are DDL, which JIT does not compile, and the hazards' set-based row counts, bounded by their timeout.
 */
function sessionSettings(options: ConnectOptions): string {
  const settings = [
    `set_config('standard_conforming_strings', 'on', false)`,
    `CASE WHEN current_setting('server_version_num')::int >= 110000 THEN set_config('jit', 'off', false) END AS jit`,
  ];
  if (options.lockTimeout !== undefined)
    settings.push(`set_config('lock_timeout', '${timeoutMs(options.lockTimeout)}', false)`);
  if (options.statementTimeout)
    settings.push(`set_config('statement_timeout', '${timeoutMs(options.statementTimeout)}', false)`);
  return settings.join(', ');
}

/**
 * Connects, applies the session's settings and reads the backend's pid. `signal` abandons the attempt (the client is
 * ended: `CancelledError`); it defaults to `options.signal`.
 */
export async function openClient(
  target: PostgresTarget,
  options: ConnectOptions,
  applicationName: string,
  signal: AbortSignal | undefined = options.signal,
): Promise<{ client: Client; pid: number }> {
  if (signal?.aborted) throw new CancelledError('cancelled');
  // Loaded on the first connection, not at start: a run against SQLite never pays for the driver.
  const pg = requireDriver<typeof import('pg')>('pg');
  const client = new pg.Client({
    connectionString: target.connectionString,
    application_name: applicationName,
    connectionTimeoutMillis: 15_000,
  });
  // An error event after connect (server restart) must not crash the process; the next query fails instead.
  client.on('error', () => undefined);
  let connected = false;
  const onAbort = () => {
    // Not connected yet: the socket is dropped, as a graceful end would wait on a server that may never answer (a
    // host that swallows packets holds the attempt until the connect timeout).
    if (!connected)
      (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    void client.end().catch(() => undefined);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    connected = true;
    const [row] = (await client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid, ${sessionSettings(options)}`))
      .rows;
    return { client, pid: row!.pid };
  } catch (error) {
    await client.end().catch(() => undefined);
    if (signal?.aborted) throw new CancelledError('cancelled', { cause: error });
    throw connectionError(error, target.connectionString);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
