/**
 * A second connection beside a session's own, for what cannot be asked on a connection that is busy running a
 * statement: cancelling that statement (`pg_cancel_backend`, which needs the same role, or pg_signal_backend) and
 * seeing what it waits for (`LOCK_WAITS_SQL`). Opened on first use, so a session that never waits or is never
 * cancelled opens none; it runs one query at a time like every connection of ours, and closes with the session.
 * When it cannot be opened (no connection slot left), its answers are `undefined`: the caller does without.
 */
import type { Client, ClientConfig } from 'pg';
import { lockWaitFrom, LOCK_WAITS_SQL, type LockWait, type LockWaitRow } from './lock-waits';
import { requireDriver } from '../../connect/driver-package';

/** `application_name` of the control connection: the session's own is `schemaplan`. */
export const CONTROL_APPLICATION_NAME = 'schemaplan (control)';

export class ControlConnection {
  private opening?: Promise<Client | undefined>;
  /** The last query sent, so the next one starts after it ended (never two at once on this connection). */
  private last: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly config: ClientConfig) {}

  private open(): Promise<Client | undefined> {
    if (this.opening) return this.opening;
    const pg = requireDriver<typeof import('pg')>('pg');
    const client = new pg.Client({
      ...this.config,
      application_name: CONTROL_APPLICATION_NAME,
      connectionTimeoutMillis: 5_000,
    });
    client.on('error', () => undefined);
    this.opening = client.connect().then(
      () => client,
      async () => {
        await client.end().catch(() => undefined);
        this.opening = undefined; // try again next time: the slot may be free by then
        return undefined;
      },
    );
    return this.opening;
  }

  /** Runs one query once the previous one has ended; undefined when the connection cannot be had or the query fails. */
  private run<Row>(sql: string, params: readonly unknown[]): Promise<Row[] | undefined> {
    const next = this.last.then(async () => {
      if (this.closed) return undefined;
      const client = await this.open();
      if (!client || this.closed) return undefined;
      return (await client.query(sql, [...params])).rows as Row[];
    });
    const settled = next.catch(() => undefined);
    this.last = settled;
    return settled;
  }

  /** Cancels the statement backend `pid` runs (nothing when it is idle); true once the server took the request. */
  async cancel(pid: number): Promise<boolean> {
    const rows = await this.run<{ cancelled: boolean }>('SELECT pg_cancel_backend($1) AS cancelled', [pid]);
    return rows?.[0]?.cancelled === true;
  }

  /** What backend `pid` waits for right now, or undefined (not waiting, or not visible to this role). */
  async waitOf(pid: number): Promise<LockWait | undefined> {
    const rows = await this.run<LockWaitRow>(LOCK_WAITS_SQL, [pid]);
    return rows ? lockWaitFrom(rows) : undefined;
  }

  /** Waits for the query in progress, then closes the connection if it was opened. */
  async close(): Promise<void> {
    const pending = this.last;
    this.closed = true;
    await pending;
    const client = await this.opening;
    await client?.end().catch(() => undefined);
  }
}
