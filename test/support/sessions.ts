/**
 * Other sessions on a test's PostgreSQL database, outside the product: one that holds a lock in an open transaction
 * (as a long reader or a forgotten `BEGIN` in psql would), and what pg_stat_activity shows of the product's own.
 */
import { Client } from 'pg';

/** A session with an open transaction that holds whatever `sql` took; `release()` rolls back and disconnects. */
export interface LockHolder {
  readonly pid: number;
  release(): Promise<void>;
}

export async function holdInTransaction(url: string, sql: string, application = 'test-blocker'): Promise<LockHolder> {
  const client = new Client({ connectionString: url, application_name: application });
  client.on('error', () => undefined);
  await client.connect();
  const [row] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
  await client.query(`BEGIN; ${sql}`);
  let released = false;
  return {
    pid: row!.pid,
    release: async () => {
      if (released) return;
      released = true;
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

export interface Backend {
  readonly pid: number;
  readonly application_name: string;
  readonly state: string | null;
  readonly wait_event_type: string | null;
}

/** The product's sessions (application `schemaplan` and its control connection) on database `name`. */
export async function productSessions(adminUrl: string, name: string): Promise<Backend[]> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query<Backend>(
      `SELECT pid, application_name, state, wait_event_type FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE 'schemaplan%'`,
      [name],
    );
    return result.rows;
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every 50 ms until it holds; fails after `timeoutMs`. */
export async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
