/**
 * Two `schema apply` runs against one database at once, through the real binary, on both dialects (the seeded
 * database of scripts/crash: six tables with rows, 24/36 statements): one applies, the other waits for the lock and
 * then refuses the plan it made as stale (or finds nothing to do); nothing is applied twice and the result is the
 * complete apply's. And a plan made before another apply changed the database is refused.
 */
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { EXIT } from '../src/cli/exit-codes';
import { applyPlanned, planAgainstDatabase } from '../src/workflow/plan-database';
import { DEFAULT_MIGRATIONS_DIR } from '../src/config/settings';
import { APPLY_LOCK_KEY } from '../src/dialects/postgres/apply-lock';
import { StalePlanError } from '../src/errors/errors';
import { DEFAULT_MIGRATION_TEMPLATE } from '../src/report/migration-files';
import { startSchema, type Finished } from '../scripts/crash/cli';
import {
  createTemplate,
  ENTITIES,
  openSqlite,
  pgQuery,
  snapshot,
  type CrashDatabase,
  type Template,
} from '../scripts/crash/databases';
import { afterDatabaseLine, databaseLine, REPO_ROOT, runCli } from './support/cli';
import { adminUrl } from './support/postgres';

jest.setTimeout(180_000);

/** Refused at the lock (the plan's hash), or while planning (a probed column vanished as the other apply committed). */
const STALE =
  /^error: the database changed (since the plan was made \(schema hash [0-9a-f]{12} then, [0-9a-f]{12} now\)|while the plan was being made \(another apply\?\)); nothing was applied$/m;
const applyArgs = (db: CrashDatabase, ...extra: string[]) => [
  'apply',
  '--url',
  db.url,
  '--entities',
  ENTITIES.to,
  '--yes',
  '--allow-all-hazards',
  ...extra,
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds the apply lock from another connection, as an apply in progress would. */
async function holdApplyLock(db: CrashDatabase): Promise<() => Promise<void>> {
  if (db.dialect === 'postgres') {
    const client = new Client({ connectionString: db.url, application_name: 'other-apply' });
    await client.connect();
    await client.query(`SELECT pg_advisory_lock(${APPLY_LOCK_KEY})`);
    return async () => void (await client.end());
  }
  const handle = await openSqlite(db.name);
  await handle.exec('BEGIN IMMEDIATE');
  return async () => void (await handle.exec('ROLLBACK'), await handle.close());
}

/** One applied everything, the other applied nothing: it refused its stale plan, or planned after and found nothing. */
function expectAppliedOnce(runs: readonly Finished[], statements: number, db: CrashDatabase): void {
  const applied = runs.filter(
    (r) =>
      r.status === 0 &&
      new RegExp(
        `^Applied ${statements} statements in [\\d.]+ m?s; verified: the database is in line with the schema\\.$`,
        'm',
      ).test(r.stdout),
  );
  expect(applied).toHaveLength(1);
  const other = runs.find((r) => r !== applied[0])!;
  expect(other.stdout).not.toMatch(/^Applied /m);
  expect(other.stderr).not.toMatch(/already exists|duplicate|does not exist/i);
  // Each names its database first.
  for (const run of runs) expect(run.stderr.startsWith(databaseLine(db.url))).toBe(true);
  if (other.status === 0) expect(other.stderr).toBe(databaseLine(db.url));
  else {
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(STALE);
  }
}

describe.each(['postgres', 'sqlite'] as const)('concurrent schema apply on %s', (dialect) => {
  let template: Template;
  const statements = dialect === 'postgres' ? 24 : 36;
  beforeAll(async () => {
    template = await createTemplate(dialect, {
      repoRoot: REPO_ROOT,
      adminUrl: dialect === 'postgres' ? adminUrl() : undefined,
    });
  });
  afterAll(() => template?.drop());

  async function expectComplete(db: CrashDatabase): Promise<void> {
    const found = await snapshot(db);
    expect(isDeepStrictEqual(found.model, template.after.model)).toBe(true);
    expect(found.rows).toEqual(template.after.rows);
    expect(runCli(['plan', '--url', db.url, '--entities', ENTITIES.to, '--exit-code']).status).toBe(0);
  }

  it('two applies started together: one applies, the other applies nothing, the result is complete', async () => {
    const db = await template.clone();
    try {
      const runs = await Promise.all(
        [
          startSchema(REPO_ROOT, applyArgs(db, '--lock-timeout', '60')),
          startSchema(REPO_ROOT, applyArgs(db, '--lock-timeout', '60')),
        ].map((r) => r.finished),
      );
      expectAppliedOnce(runs, statements, db);
      await expectComplete(db);
    } finally {
      await db.drop();
    }
  });

  it('two applies that planned while the lock was held: the first to get it applies, the second refuses its stale plan', async () => {
    const db = await template.clone();
    try {
      const release = await holdApplyLock(db);
      const running = [
        startSchema(REPO_ROOT, applyArgs(db, '--lock-timeout', '60')),
        startSchema(REPO_ROOT, applyArgs(db, '--lock-timeout', '60')),
      ];
      let runs: Finished[];
      try {
        // Both printed their plan (made from the same schema) and wait for the lock.
        for (const run of running) expect(await run.waitForLine(/^Review the hazards above/)).toBe(true);
        await sleep(300);
        expect(running.map((r) => r.stdout())).not.toContainEqual(expect.stringMatching(/^\[\s*1\//m));
      } finally {
        await release();
        runs = await Promise.all(running.map((r) => r.finished));
      }
      expectAppliedOnce(runs, statements, db);
      expect(runs.filter((r) => r.status === 1)).toHaveLength(1);
      await expectComplete(db);
    } finally {
      await db.drop();
    }
  });

  it('a plan made before another apply changed the database is refused, executing nothing', async () => {
    const db = await template.clone();
    try {
      const planned = await planAgainstDatabase({
        url: db.url,
        entities: [ENTITIES.to],
        cwd: REPO_ROOT,
        migrations: { dir: DEFAULT_MIGRATIONS_DIR, template: DEFAULT_MIGRATION_TEMPLATE },
      });
      try {
        expect(planned.plan.statements).toHaveLength(statements);
        const other = runCli(applyArgs(db));
        expect(other.status).toBe(0);
        const error = await applyPlanned(planned).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StalePlanError);
      } finally {
        await planned.session.close();
      }
      await expectComplete(db);
    } finally {
      await db.drop();
    }
  });
});

describe('concurrent schema apply on postgres, while the first is inside its apply', () => {
  it('the second fails after --lock-timeout naming the first (its pid, application "schemaplan"); the first completes', async () => {
    const template = await createTemplate('postgres', { repoRoot: REPO_ROOT, adminUrl: adminUrl() });
    const db = await template.clone();
    try {
      const blocker = new Client({ connectionString: db.url, application_name: 'crash-blocker' });
      await blocker.connect();
      // An open snapshot holds the first apply in its first concurrent index build (its first phase committed): it
      // keeps the apply lock, and no table lock the second one's planning reads would wait for.
      await blocker.query('BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM pg_class');
      // Its own lock timeout is long: its concurrent build waits for the snapshot until the blocker lets go.
      const first = startSchema(REPO_ROOT, applyArgs(db, '--concurrently', '--lock-timeout', '120'));
      let holder: number | undefined;
      try {
        for (let tries = 0; holder === undefined && tries < 600; tries++) {
          const [row] = await pgQuery<{ pid: number }>(
            db.url,
            // The apply lock's holder in this database (other test files apply to their own databases at the same
            // time, under the same key), once it waits in its concurrent build (not any schemaplan session waiting).
            `SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
              WHERE a.application_name = 'schemaplan' AND a.wait_event_type = 'Lock' AND l.locktype = 'advisory'
                AND l.granted AND (l.classid::bigint << 32) + l.objid::bigint = ${APPLY_LOCK_KEY}
                AND a.datname = current_database()
                AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())`,
          );
          holder = row?.pid;
          if (holder === undefined) await sleep(50);
        }
        expect(holder).toBeDefined();
        const second = runCli(applyArgs(db, '--concurrently', '--lock-timeout', '1'));
        expect(second.status).toBe(EXIT.gaveUp);
        const lines = afterDatabaseLine(second, db.url).trimEnd().split('\n');
        expect(lines[0]).toMatch(
          new RegExp(
            `^error: cannot take the apply lock on postgres://.*: another apply holds it \\(pid ${holder}, application "schemaplan", user \\w+, connected \\d+s ago, waited 1s\\); nothing was applied$`,
          ),
        );
        expect(lines[1]).toBe(
          `hint: Run apply again when it is done, or wait longer with --lock-timeout SECONDS. If it is stuck, end it with SELECT pg_terminate_backend(${holder}).`,
        );
        expect(second.stdout).not.toMatch(/^\[\s*1\//m);
      } finally {
        await blocker.query('ROLLBACK');
        await blocker.end();
      }
      const done = await first.finished;
      expect(done.stderr).toBe(databaseLine(db.url));
      expect(done.status).toBe(0);
      const found = await snapshot(db);
      expect(isDeepStrictEqual(found.model, template.after.model)).toBe(true);
      expect(found.rows).toEqual(template.after.rows);
    } finally {
      await db.drop();
      await template.drop();
    }
  });
});
