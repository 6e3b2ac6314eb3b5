/**
 * Ctrl-C and SIGTERM, sent for real to the `schema` binary while a statement waits on PostgreSQL: the statement is
 * cancelled on the server, the transaction rolled back, the lock released; one line says so; the exit code is 130
 * (143 for SIGTERM); and none of the CLI's sessions is left in pg_stat_activity. Also while planning (its reads
 * wait for a table another session holds exclusively).
 */
import { Client } from 'pg';
import { startSchema, type Finished, type Running } from '../scripts/crash/cli';
import { applyPlanned, planAgainstDatabase } from '../src/workflow/plan-database';
import { DEFAULT_MIGRATIONS_DIR } from '../src/config/settings';
import { APPLY_LOCK_KEY } from '../src/dialects/postgres/apply-lock';
import { DEFAULT_MIGRATION_TEMPLATE } from '../src/report/migration-files';
import { databaseLine, REPO_ROOT } from './support/cli';
import { adminUrl, createTestDatabase, type TestPostgresDatabase } from './support/postgres';
import { holdInTransaction, productSessions, until } from './support/sessions';

jest.setTimeout(120_000);

const ENTITIES = { from: 'test/entities/runtime/from/*.ts', to: 'test/entities/runtime/to/*.ts' } as const;

async function sql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

async function startingDatabase(prefix: string): Promise<TestPostgresDatabase> {
  const db = await createTestDatabase(prefix);
  const planned = await planAgainstDatabase({
    url: db.url,
    entities: [ENTITIES.from],
    cwd: REPO_ROOT,
    migrations: { dir: DEFAULT_MIGRATIONS_DIR, template: DEFAULT_MIGRATION_TEMPLATE },
  });
  try {
    await applyPlanned(planned);
  } finally {
    await planned.session.close();
  }
  await sql(db.url, `INSERT INTO accounts (name) VALUES ('ada'), ('grace')`);
  return db;
}

/** Sends `signal` once the CLI's statement waits for a lock; resolves with how it ended and how long that took. */
async function signalWhileWaiting(
  db: TestPostgresDatabase,
  running: Running,
  signal: NodeJS.Signals,
): Promise<{ ended: Finished; ms: number }> {
  await until('the CLI to wait for a lock', async () =>
    (await productSessions(adminUrl(), db.name)).some(
      (s) => s.application_name === 'schemaplan' && s.wait_event_type === 'Lock',
    ),
  );
  const sent = Date.now();
  running.child.kill(signal);
  const ended = await running.finished;
  return { ended, ms: Date.now() - sent };
}

/** None of the CLI's sessions (its own, its control connection) is left on the database. */
async function expectNoSessionsLeft(db: TestPostgresDatabase): Promise<void> {
  await until(
    "the CLI's sessions to end",
    async () => (await productSessions(adminUrl(), db.name)).length === 0,
    5_000,
  );
}

const columnsOf = async (url: string): Promise<string[]> =>
  (
    await sql<{ name: string }>(
      url,
      `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY ordinal_position`,
    )
  ).map((r) => r.name);

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('%s during schema apply', (signal, code) => {
  it(`cancels the waiting statement, rolls back, releases the lock, says so in one line and exits ${code}`, async () => {
    const db = await startingDatabase(`cancel-${signal}`);
    const holder = await holdInTransaction(db.url, 'SELECT count(*) FROM accounts');
    try {
      const running = startSchema(REPO_ROOT, [
        'apply',
        '--url',
        db.url,
        '--entities',
        ENTITIES.to,
        '--yes',
        '--lock-timeout',
        '60',
      ]);
      const { ended, ms } = await signalWhileWaiting(db, running, signal);
      expect(ms).toBeLessThan(5_000);
      expect(ended.signal).toBeNull();
      expect(ended.status).toBe(code);
      expect(ended.stderr).toBe(
        `${databaseLine(db.url)}cancelled; nothing was applied (the running statement was cancelled and its transaction rolled back)\n`,
      );
      expect(ended.stdout).not.toMatch(/^Applied /m);
      await expectNoSessionsLeft(db);
      const [lock] = await sql<{ free: boolean }>(db.url, `SELECT pg_try_advisory_lock(${APPLY_LOCK_KEY}) AS free`);
      expect(lock!.free).toBe(true);
      expect(await columnsOf(db.url)).toEqual(['id', 'name']);
    } finally {
      await holder.release();
      await db.drop();
    }
  });
});

test('SIGINT while planning (a read waits for a table another session holds) ends promptly, leaving no session', async () => {
  const db = await startingDatabase('cancel-plan');
  const holder = await holdInTransaction(db.url, 'LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE');
  try {
    const running = startSchema(REPO_ROOT, [
      'plan',
      '--url',
      db.url,
      '--entities',
      ENTITIES.to,
      '--lock-timeout',
      '60',
    ]);
    const { ended, ms } = await signalWhileWaiting(db, running, 'SIGINT');
    expect(ms).toBeLessThan(5_000);
    expect(ended.status).toBe(130);
    expect(ended.stderr).toBe(`${databaseLine(db.url)}cancelled while planning; nothing was applied\n`);
    await expectNoSessionsLeft(db);
  } finally {
    await holder.release();
    await db.drop();
  }
});
