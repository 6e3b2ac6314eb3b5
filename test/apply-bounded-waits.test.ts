/**
 * Bounded waits: apply never waits for a lock longer than `--lock-timeout` (per wait, a bounded number of attempts),
 * so it never holds up the readers of a table behind its own lock request for longer; when it gives up it names the
 * table and the session in the way, has applied nothing, and exits 4. On real PostgreSQL (another session holding a
 * lock in an open transaction) and SQLite (another connection reading), through the binary where the CLI's contract
 * (flags, exit code, stderr) is what is tested, in-process where the test acts during the apply.
 */
import { Client } from 'pg';
import sqlite3 from 'sqlite3';
import { startSchema } from '../scripts/crash/cli';
import { applyPlanned, planAgainstDatabase, replan } from '../src/workflow/plan-database';
import { EXIT } from '../src/cli/exit-codes';
import { DEFAULT_MIGRATIONS_DIR } from '../src/config/settings';
import type { Sources } from '../src/config/sources';
import { DEFAULT_LOCK_TIMEOUT_SECONDS, type LockRetry } from '../src/dialects/dialect';
import { APPLY_LOCK_KEY } from '../src/dialects/postgres/apply-lock';
import { ApplyLockedError, CancelledError, GaveUpError } from '../src/errors/errors';
import { DEFAULT_MIGRATION_TEMPLATE } from '../src/report/migration-files';
import { REPO_ROOT, runCli } from './support/cli';
import { adminUrl, createTestDatabase, type TestPostgresDatabase } from './support/postgres';
import { holdInTransaction, productSessions, until } from './support/sessions';
import { tempDir } from './support/temp';

jest.setTimeout(180_000);

const ENTITIES = { from: 'test/entities/runtime/from/*.ts', to: 'test/entities/runtime/to/*.ts' } as const;

const sourcesFor = (url: string, set: keyof typeof ENTITIES, concurrently = false): Sources => ({
  url,
  entities: [ENTITIES[set]],
  cwd: REPO_ROOT,
  concurrently,
  migrations: { dir: DEFAULT_MIGRATIONS_DIR, template: DEFAULT_MIGRATION_TEMPLATE },
});

async function sql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

const columnsOf = async (url: string): Promise<string[]> =>
  (
    await sql<{ name: string }>(
      url,
      `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY ordinal_position`,
    )
  ).map((r) => r.name);

/** A database at test/entities/runtime/from with two accounts. */
async function startingDatabase(prefix: string): Promise<TestPostgresDatabase> {
  const db = await createTestDatabase(prefix);
  const planned = await planAgainstDatabase(sourcesFor(db.url, 'from'));
  try {
    await applyPlanned(planned);
  } finally {
    await planned.session.close();
  }
  await sql(db.url, `INSERT INTO accounts (name) VALUES ('ada'), ('grace')`);
  return db;
}

/** Rejects with what `promise` rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

const applyArgs = (db: TestPostgresDatabase, ...extra: string[]) => [
  'apply',
  '--url',
  db.url,
  '--entities',
  ENTITIES.to,
  '--yes',
  ...extra,
];

describe('bounded waits on postgres', () => {
  it('plain `apply --yes` behind an open transaction gives up within 60 s, names the table and the session, applies nothing; readers are not held up meanwhile', async () => {
    const db = await startingDatabase('waits-plain');
    const holder = await holdInTransaction(db.url, 'SELECT count(*) FROM accounts', 'long-reader');
    try {
      const started = Date.now();
      // --throw-deprecation: pg's warning about a query sent while another runs on one client would end the run.
      const apply = startSchema(REPO_ROOT, applyArgs(db), { env: { NODE_OPTIONS: '--throw-deprecation' } });
      await until('apply to wait for the lock of accounts', async () =>
        (await productSessions(adminUrl(), db.name)).some(
          (s) => s.application_name === 'schemaplan' && s.wait_event_type === 'Lock',
        ),
      );
      // A third session reads the table while apply waits: it queues behind apply's lock request, which gives way
      // after the lock timeout, and is served while apply is still trying.
      const read = Date.now();
      expect(await sql(db.url, 'SELECT count(*)::int AS n FROM accounts')).toEqual([{ n: 2 }]);
      const readMs = Date.now() - read;
      expect(apply.child.exitCode).toBeNull();
      expect(readMs).toBeLessThan(DEFAULT_LOCK_TIMEOUT_SECONDS * 1000 + 5_000);

      const done = await apply.finished;
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(done.status).toBe(EXIT.gaveUp);
      const lines = done.stderr.trimEnd().split('\n');
      expect(
        lines.filter((l) =>
          /^statement 1 gave up waiting for a lock on table public\.accounts .*; rolled back, trying again in \d+s \(attempt \d of 3\)$/.test(
            l,
          ),
        ),
      ).toHaveLength(2);
      const error = lines.find((line) => line.startsWith('error: '));
      expect(error).toMatch(
        new RegExp(
          `^error: statement 1 of 2 gave up after 3 attempts of ${DEFAULT_LOCK_TIMEOUT_SECONDS}s waiting for a lock on table public\\.accounts ` +
            `\\(AccessExclusiveLock\\) held by pid ${holder.pid} \\(application "long-reader", user \\w+, idle in transaction for \\d+s\\); nothing was applied$`,
        ),
      );
      expect(done.stderr).toContain(`SELECT pg_terminate_backend(${holder.pid})`);
      expect(done.stdout).toContain('Timeouts: lock 5s per wait, 3 attempts; statement none');
      expect(await columnsOf(db.url)).toEqual(['id', 'name']);
    } finally {
      await holder.release();
      await db.drop();
    }
  });

  it('--lock-timeout 2 bounds the apply lock wait and every table lock wait, retries included, well within 30 s', async () => {
    const db = await startingDatabase('waits-two');
    try {
      // Another apply holds the apply lock.
      const other = new Client({ connectionString: db.url, application_name: 'other-apply' });
      await other.connect();
      await other.query(`SELECT pg_advisory_lock(${APPLY_LOCK_KEY})`);
      let started = Date.now();
      let result;
      try {
        result = runCli(applyArgs(db, '--lock-timeout', '2'));
      } finally {
        await other.end();
      }
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(result.status).toBe(EXIT.gaveUp);
      expect(result.stderr).toMatch(
        /^error: cannot take the apply lock on .*: another apply holds it \(pid \d+, application "other-apply", .*waited 2s\); nothing was applied$/m,
      );

      // Another session holds the table.
      const holder = await holdInTransaction(db.url, 'SELECT count(*) FROM accounts');
      started = Date.now();
      try {
        result = runCli(applyArgs(db, '--lock-timeout', '2'));
      } finally {
        await holder.release();
      }
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(result.status).toBe(EXIT.gaveUp);
      expect(result.stderr).toMatch(
        /^error: statement 1 of 2 gave up after 3 attempts of 2s waiting for a lock on table public\.accounts .*; nothing was applied$/m,
      );
      expect(await columnsOf(db.url)).toEqual(['id', 'name']);
    } finally {
      await db.drop();
    }
  });

  it('a phase that gave up is rolled back and tried again from BEGIN, and succeeds once the other session is done', async () => {
    const db = await startingDatabase('waits-retry');
    const holder = await holdInTransaction(db.url, 'SELECT count(*) FROM accounts');
    const planned = await planAgainstDatabase(sourcesFor(db.url, 'to'));
    try {
      const retries: LockRetry[] = [];
      await applyPlanned(planned, {
        lockTimeout: 1,
        onRetry: (retry) => {
          retries.push(retry);
          void holder.release();
        },
      });
      expect(retries).toHaveLength(1);
      expect(retries[0]).toMatchObject({ index: 0, attempt: 2, attempts: 3, delayMs: 1000 });
      expect(retries[0]!.waitedFor).toMatch(
        new RegExp(
          `^a lock on table public\\.accounts \\(AccessExclusiveLock\\) held by pid ${holder.pid} \\(application "test-blocker"`,
        ),
      );
      expect(await columnsOf(db.url)).toEqual(['id', 'name', 'nickname']);
      expect((await replan(planned.session, planned.dialect, planned.desired)).changes).toEqual([]);
    } finally {
      await holder.release();
      await planned.session.close();
      await db.drop();
    }
  });

  it('--statement-timeout cancels a statement that runs (or waits) longer, without retrying, and applies nothing', async () => {
    const db = await startingDatabase('waits-statement');
    const holder = await holdInTransaction(db.url, 'SELECT count(*) FROM accounts');
    const planned = await planAgainstDatabase(sourcesFor(db.url, 'to'));
    try {
      const started = Date.now();
      const retries: LockRetry[] = [];
      const error = await rejection(
        applyPlanned(planned, { lockTimeout: 60, statementTimeout: 1, onRetry: (r) => retries.push(r) }),
      );
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(error).toBeInstanceOf(GaveUpError);
      expect((error as GaveUpError).message).toBe(
        'statement 1 of 2 ran longer than the statement timeout (1s) and was cancelled; nothing was applied',
      );
      expect((error as GaveUpError).applied).toBe(0);
      expect(retries).toEqual([]);
      expect(await columnsOf(db.url)).toEqual(['id', 'name']);
    } finally {
      await holder.release();
      await planned.session.close();
      await db.drop();
    }
  });

  it('a concurrent index build that gave up is not retried: the message says what was committed and that an invalid index was left', async () => {
    const db = await startingDatabase('waits-concurrently');
    // An open snapshot: ADD COLUMN passes (no table lock), CREATE INDEX CONCURRENTLY waits for the transaction to end.
    const holder = await holdInTransaction(
      db.url,
      'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM pg_class',
      'snapshot',
    );
    const planned = await planAgainstDatabase(sourcesFor(db.url, 'to', true));
    try {
      expect(planned.plan.statements.map((s) => s.transactional)).toEqual([true, false]);
      const retries: LockRetry[] = [];
      const error = await rejection(applyPlanned(planned, { lockTimeout: 1, onRetry: (r) => retries.push(r) }));
      expect(error).toBeInstanceOf(GaveUpError);
      expect((error as GaveUpError).message).toMatch(
        new RegExp(
          `^statement 2 of 2 gave up after 1s waiting for the transaction of pid ${holder.pid} \\(application "snapshot".*\\) to end; statements 1-1 \\(earlier phases\\) were committed and stay applied$`,
        ),
      );
      expect((error as GaveUpError).hint).toContain('left an invalid index behind');
      expect((error as GaveUpError).applied).toBe(1);
      expect(retries).toEqual([]);
      await holder.release();
      const again = await replan(
        planned.session,
        planned.dialect,
        planned.desired,
        [],
        planned.declared,
        planned.options,
      );
      expect(again.statements.map((s) => s.sql)).toEqual([
        'DROP INDEX CONCURRENTLY "public"."IDX_accounts_name"',
        expect.stringMatching(/^CREATE INDEX CONCURRENTLY "IDX_accounts_name"/),
      ]);
    } finally {
      await holder.release();
      await planned.session.close();
      await db.drop();
    }
  });

  it('a cancelled apply rejects with CancelledError at once, rolls back, releases its lock and leaves no session behind', async () => {
    const db = await startingDatabase('waits-cancel');
    const holder = await holdInTransaction(db.url, 'SELECT count(*) FROM accounts');
    const controller = new AbortController();
    const planned = await planAgainstDatabase(sourcesFor(db.url, 'to'));
    try {
      const applying = rejection(applyPlanned(planned, { lockTimeout: 60, signal: controller.signal }));
      await until('apply to wait for the lock', async () =>
        (await productSessions(adminUrl(), db.name)).some((s) => s.wait_event_type === 'Lock'),
      );
      const aborted = Date.now();
      controller.abort();
      const error = await applying;
      expect(Date.now() - aborted).toBeLessThan(5_000);
      expect(error).toBeInstanceOf(CancelledError);
      expect((error as CancelledError).message).toBe(
        'cancelled; nothing was applied (the running statement was cancelled and its transaction rolled back)',
      );
      expect((error as CancelledError).applied).toBe(0);
      const [free] = await sql<{ free: boolean }>(db.url, `SELECT pg_try_advisory_lock(${APPLY_LOCK_KEY}) AS free`);
      expect(free!.free).toBe(true);
    } finally {
      await planned.session.close();
      await holder.release();
    }
    try {
      await until('the sessions to end', async () => (await productSessions(adminUrl(), db.name)).length === 0, 10_000);
      expect(await columnsOf(db.url)).toEqual(['id', 'name']);
    } finally {
      await db.drop();
    }
  });
});

describe('bounded waits on sqlite', () => {
  const openRaw = (file: string) =>
    new Promise<sqlite3.Database>((resolve, reject) => {
      const handle = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(handle)));
    });
  const exec = (handle: sqlite3.Database, text: string) =>
    new Promise<void>((resolve, reject) => handle.exec(text, (e) => (e ? reject(e) : resolve())));
  const close = (handle: sqlite3.Database) => new Promise<void>((resolve) => handle.close(() => resolve()));

  async function startingFile(): Promise<{ url: string; file: string; remove(): void }> {
    const dir = tempDir('waits-sqlite');
    const file = `${dir.dir}/app.sqlite`;
    const url = `sqlite://${file}`;
    const planned = await planAgainstDatabase(sourcesFor(url, 'from'));
    try {
      await applyPlanned(planned);
    } finally {
      await planned.session.close();
    }
    return { url, file, remove: dir.remove };
  }

  it('COMMIT waits for readers at most --lock-timeout, then gives up (exit 4) having applied nothing', async () => {
    const db = await startingFile();
    const reader = await openRaw(db.file);
    try {
      // A read transaction holds SHARED: apply writes its journal and waits for EXCLUSIVE at COMMIT.
      await exec(reader, 'BEGIN; SELECT count(*) FROM accounts;');
      await new Promise<void>((resolve, reject) =>
        reader.all('SELECT count(*) AS n FROM accounts', (e) => (e ? reject(e) : resolve())),
      );
      const started = Date.now();
      const result = runCli(['apply', '--url', db.url, '--entities', ENTITIES.to, '--yes', '--lock-timeout', '1']);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(result.status).toBe(EXIT.gaveUp);
      expect(result.stderr).toMatch(
        /^error: COMMIT gave up waiting for other connections reading sqlite:.*app\.sqlite to let go \(1s\); nothing was applied$/m,
      );
      await exec(reader, 'ROLLBACK');
      const session = await planAgainstDatabase(sourcesFor(db.url, 'to'));
      try {
        expect(session.plan.statements.length).toBeGreaterThan(0);
      } finally {
        await session.session.close();
      }
    } finally {
      await close(reader);
      db.remove();
    }
  });

  it("a cancellation ends the wait for another connection's write lock at once", async () => {
    const db = await startingFile();
    const writer = await openRaw(db.file);
    const planned = await planAgainstDatabase(sourcesFor(db.url, 'to'));
    try {
      await exec(writer, 'BEGIN IMMEDIATE');
      const controller = new AbortController();
      const applying = rejection(applyPlanned(planned, { lockTimeout: 60, signal: controller.signal }));
      setTimeout(() => controller.abort(), 300);
      const started = Date.now();
      const error = await applying;
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(error).toBeInstanceOf(CancelledError);
      const locked = await rejection(applyPlanned(planned, { lockTimeout: 0 }));
      expect(locked).toBeInstanceOf(ApplyLockedError);
    } finally {
      await exec(writer, 'ROLLBACK').catch(() => undefined);
      await close(writer);
      await planned.session.close();
      db.remove();
    }
  });
});
