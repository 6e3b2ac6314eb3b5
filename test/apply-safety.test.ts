/**
 * `schema apply`, safely, on real PostgreSQL and SQLite: the hazard gate, the apply lock, the schema hash check,
 * progress, and a failing statement that leaves the database exactly as it was. The CLI in-process (`main(argv, io)`)
 * for its output and exit codes; the real binary where processes compete (the apply lock) and on a terminal; at the
 * workflow/session level where the test must act inside apply (between plan and execution, or while it waits for the
 * lock).
 */
import { Client } from 'pg';
import sqlite3 from 'sqlite3';
import { EXIT } from '../src/cli/exit-codes';
import { applyPlanned, planAgainstDatabase, replan, verifyUnchanged } from '../src/workflow/plan-database';
import { compileSources } from '../src/config/compile-sources';
import type { DatabaseSession } from '../src/dialects/dialect';
import { dialectFor } from '../src/dialects/registry';
import { APPLY_LOCK_KEY } from '../src/dialects/postgres/apply-lock';
import { ApplyError, ApplyLockedError, StalePlanError } from '../src/errors/errors';
import type { Model } from '../src/model';
import { HAZARD_CODES } from '../src/plan/hazard-gate';
import type { HazardCode, Statement } from '../src/plan/types';
import { connect } from './support/apply-model';
import { afterDatabaseLine, databaseLine, REPO_ROOT, runCli, runCliOnTty } from './support/cli';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases';
import type { Sources } from '../src/config/sources';
import { DEFAULT_MIGRATION_TEMPLATE } from '../src/report/migration-files';
import { DEFAULT_MIGRATIONS_DIR } from '../src/config/settings';

/** What the CLI resolves for a project of one of the entity sets under test/entities/apply-safety. */
const sourcesFor = (db: TestDatabase, entities: string): Sources => ({
  url: db.url,
  entities: [`test/entities/apply-safety/${entities}/*.ts`],
  cwd: REPO_ROOT,
  migrations: { dir: DEFAULT_MIGRATIONS_DIR, template: DEFAULT_MIGRATION_TEMPLATE },
});
import { rawQuery, tableRows } from './support/raw-query';
import { runInProcess } from './support/memory-io';
import { plan } from '../src';

jest.setTimeout(120_000);

const entities = (set: 'from' | 'drop-bio' | 'add-region' | 'add-check') => [
  '--entities',
  `test/entities/apply-safety/${set}/*.ts`,
];
const ROWS = [
  { id: 1, name: 'ada', bio: 'counted' },
  { id: 2, name: 'grace', bio: null },
];

/** The database's model (read by the product) and the rows of accounts: compared before and after. */
async function snapshot(db: TestDatabase): Promise<{ model: Model; accounts: unknown[] }> {
  const session = await connect(db.url);
  try {
    const model = await session.introspect();
    const hasAccounts = model.tables.some((t) => t.name === 'accounts');
    const columns = model.tables.find((t) => t.name === 'accounts')?.columns.map((c) => c.name) ?? [];
    return { model, accounts: hasAccounts ? await tableRows(db, 'accounts', columns) : [] };
  } finally {
    await session.close();
  }
}

/** A database at test/entities/apply-safety/from, with two accounts. */
async function startingDatabase(dialect: (typeof DIALECTS)[number]): Promise<TestDatabase> {
  const db = await freshDatabase(dialect, 'apply-safety');
  const built = await runInProcess(['apply', '--url', db.url, ...entities('from'), '--yes'], REPO_ROOT);
  expect(built.stderr).toBe(databaseLine(db.url));
  expect(built.status).toBe(0);
  // One statement: its progress line too, with its time, and the total.
  expect(built.stdout).toMatch(/^\[1\/1\] CREATE TABLE .* \(\d+ ms\)$/m);
  expect(built.stdout).toMatch(
    /^Applied 1 statement in [\d.]+ m?s; verified: the database is in line with the schema\.$/m,
  );
  await rawQuery(
    db,
    `INSERT INTO "accounts" ("name", "bio") VALUES ('ada', 'counted'); INSERT INTO "accounts" ("name") VALUES ('grace');`,
  );
  return db;
}

/** The plan's hazard codes, as the library's `plan()` (the document of `plan --format json`) reports them, in the gate's order. */
async function hazardCodes(url: string, set: 'drop-bio' | 'from'): Promise<HazardCode[]> {
  const document = await plan({ url, entities: [entities(set)[1]!], cwd: REPO_ROOT });
  const present = new Set(document.statements.flatMap((s) => s.hazards.map((h) => h.code)));
  return HAZARD_CODES.filter((code) => present.has(code));
}

/** Holds the apply lock from another connection, as a concurrent apply would; `release()` lets go. */
async function holdLock(db: TestDatabase): Promise<{ release(): Promise<void> }> {
  if (db.oracle.dialect === 'postgres') {
    const client = new Client({ connectionString: db.oracle.url, application_name: 'other-apply' });
    await client.connect();
    await client.query(`SELECT pg_advisory_lock(${APPLY_LOCK_KEY})`);
    return {
      release: async () => {
        await client.query(`SELECT pg_advisory_unlock(${APPLY_LOCK_KEY})`);
        await client.end();
      },
    };
  }
  const handle = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(db.oracle.dialect === 'sqlite' ? db.oracle.file : '', (e) =>
      e ? reject(e) : resolve(opened),
    );
  });
  const exec = (sql: string) =>
    new Promise<void>((resolve, reject) => handle.exec(sql, (e) => (e ? reject(e) : resolve())));
  await exec('BEGIN IMMEDIATE');
  return {
    release: async () => {
      await exec('ROLLBACK');
      await new Promise<void>((resolve) => handle.close(() => resolve()));
    },
  };
}

/** True when another connection can take the apply lock right now (and gives it back). */
async function lockIsFree(db: TestDatabase): Promise<boolean> {
  if (db.oracle.dialect === 'postgres') {
    const [row] = await rawQuery<{ free: boolean }>(db, `SELECT pg_try_advisory_lock(${APPLY_LOCK_KEY}) AS free`);
    return row!.free; // the connection ends right after, releasing it
  }
  return rawQuery(db, 'BEGIN IMMEDIATE; ROLLBACK;').then(
    () => true,
    () => false,
  );
}

describe.each(DIALECTS)('schema apply on %s', (dialect) => {
  it('refuses hazards that were not allowed before touching anything or asking, names the flag, and that flag lets it through', async () => {
    const db = await startingDatabase(dialect);
    try {
      const before = await snapshot(db);
      expect(before.accounts).toEqual(ROWS);
      const codes = await hazardCodes(db.url, 'drop-bio');
      expect(codes).toContain('DATA_LOSS');
      const flag = `--allow-hazards ${codes.join(',')}`;

      // Without --yes and without a terminal: the hazard refusal comes first, so nothing was asked either.
      for (const args of [['--yes'], []]) {
        const refused = await runInProcess(['apply', '--url', db.url, ...entities('drop-bio'), ...args], REPO_ROOT);
        expect(refused.status).toBe(1);
        expect(refused.stdout).toContain('DROP');
        const lines = afterDatabaseLine(refused, db.url).trimEnd().split('\n');
        expect(lines[0]).toMatch(/^error: the plan has \d+ hazard\(s\) that were not allowed; nothing was applied:$/);
        expect(lines).toContainEqual(expect.stringMatching(/^ {2}DATA_LOSS: .*bio/));
        expect(lines[lines.length - 1]).toBe(
          `hint: Review them in the plan above; to apply anyway, run again with ${flag} (or --allow-all-hazards).`,
        );
        expect(refused.stderr).not.toContain('confirmation');
      }
      // On a terminal too: refused before the confirmation question.
      const onTty = runCliOnTty(['apply', '--url', db.url, ...entities('drop-bio')], 'y\n');
      expect(onTty.status).toBe(1);
      expect(onTty.stdout).toContain(`run again with ${flag} (or --allow-all-hazards)`);
      expect(onTty.stdout).not.toContain('[y/N]');
      expect(await snapshot(db)).toEqual(before);

      // Allowing only some of them is not enough: the flag named is the whole set.
      const partly = await runInProcess(
        ['apply', '--url', db.url, ...entities('drop-bio'), '--yes', '--allow-hazards', 'INDEX_BUILD'],
        REPO_ROOT,
      );
      expect(partly.status).toBe(1);
      expect(partly.stderr).toContain(
        `run again with --allow-hazards ${HAZARD_CODES.filter((c) => c === 'INDEX_BUILD' || codes.includes(c)).join(',')} `,
      );

      const unknown = await runInProcess(
        ['apply', '--url', db.url, ...entities('drop-bio'), '--yes', '--allow-hazards', 'DATA_LOSS,bogus'],
        REPO_ROOT,
      );
      expect(unknown.status).toBe(1);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr).toBe(
        `error: unknown hazard code in --allow-hazards: BOGUS\nhint: Known codes: ${HAZARD_CODES.join(', ')} (or --allow-all-hazards).\n`,
      );

      const dry = await runInProcess(['apply', '--url', db.url, ...entities('drop-bio'), '--dry-run'], REPO_ROOT);
      expect(dry.status).toBe(0);
      expect(dry.stdout).toContain('Dry run: nothing was applied.');
      expect(dry.stdout).toContain(`Apply would stop at `);
      expect(dry.stdout).toContain(`allow them with ${flag}.`);
      expect(await snapshot(db)).toEqual(before);

      // Codes in lower case, over a repeated flag.
      const [first, ...rest] = codes;
      const allowedArgs = [
        '--allow-hazards',
        first!.toLowerCase(),
        ...(rest.length > 0 ? ['--allow-hazards', rest.join(',').toLowerCase()] : []),
      ];
      const applied = await runInProcess(
        ['apply', '--url', db.url, ...entities('drop-bio'), '--yes', ...allowedArgs],
        REPO_ROOT,
      );
      expect(applied.stderr).toBe(databaseLine(db.url));
      expect(applied.status).toBe(0);
      const progress = applied.stdout.split('\n').filter((line) => /^\[\s*\d+\/\d+\] /.test(line));
      const total = Number(/^\[\s*\d+\/(\d+)\]/.exec(progress[0] ?? '')?.[1]);
      expect(total).toBeGreaterThan(3);
      expect(progress).toHaveLength(total);
      expect(progress[0]).toMatch(new RegExp(`^\\[ ?1/${total}\\] CREATE TABLE "(public"\\.")?notes" \\(.*`));
      // In order, each with the time it took, its statement cut at 100 characters.
      expect(progress.map((line) => Number(/^\[\s*(\d+)\//.exec(line)![1]))).toEqual(
        [...Array(total).keys()].map((i) => i + 1),
      );
      expect(progress.every((line) => / \(\d+ ms\)$|\([\d.]+ s\)$/.test(line))).toBe(true);
      expect(
        progress.every((line) => line.replace(/ \([^)]*\)$/, '').length <= `[${total}/${total}] `.length + 100),
      ).toBe(true);
      expect(applied.stdout).toMatch(
        new RegExp(
          `^Applied ${total} statements in [\\d.]+ m?s; verified: the database is in line with the schema\\.$`,
          'm',
        ),
      );
      expect(
        (await runInProcess(['plan', '--url', db.url, ...entities('drop-bio'), '--exit-code'], REPO_ROOT)).status,
      ).toBe(0);
      expect(await tableRows(db, 'accounts', ['id', 'name'])).toEqual(ROWS.map(({ id, name }) => ({ id, name })));

      // Back to `from` drops the new tables (DATA_LOSS): --allow-all-hazards lets it through.
      expect((await runInProcess(['apply', '--url', db.url, ...entities('from'), '--yes'], REPO_ROOT)).status).toBe(1);
      const all = await runInProcess(
        ['apply', '--url', db.url, ...entities('from'), '--yes', '--allow-all-hazards'],
        REPO_ROOT,
      );
      expect(all.stderr).toBe(databaseLine(db.url));
      expect(all.status).toBe(0);
      expect(
        (await runInProcess(['plan', '--url', db.url, ...entities('from'), '--exit-code'], REPO_ROOT)).status,
      ).toBe(0);
    } finally {
      await db.drop();
    }
  });

  it('refuses up front, whatever is allowed and before asking, a plan the counted rows make fail', async () => {
    const db = await startingDatabase(dialect);
    try {
      const before = await snapshot(db);
      const failing = `NOT_NULL_VIOLATION: adds NOT NULL column region without a default to ${dialect === 'postgres' ? 'public.accounts' : 'accounts'}`;
      for (const run of [
        () =>
          runInProcess(
            ['apply', '--url', db.url, ...entities('add-region'), '--yes', '--allow-all-hazards'],
            REPO_ROOT,
          ),
        () =>
          runInProcess(
            [
              'apply',
              '--url',
              db.url,
              ...entities('add-region'),
              '--yes',
              '--allow-hazards',
              'NOT_NULL_VIOLATION,DATA_LOSS,SQLITE_REBUILD',
            ],
            REPO_ROOT,
          ),
      ]) {
        const refused = await run();
        expect(refused.status).toBe(1);
        // The plan says it, in the words apply then uses.
        expect(refused.stdout).toContain(`! ${failing.replace(': ', ' ')}`);
        expect(refused.stdout).toMatch(
          /^Apply refuses this plan: the rows as counted make 1 statement fail \(NOT_NULL_VIOLATION, "apply will fail" above\); fix those rows, or the entities, first\. No flag allows it\.$/m,
        );
        expect(refused.stdout).not.toMatch(/^\[\d+\/\d+\]/m);
        expect(afterDatabaseLine(refused, db.url)).toBe(
          'error: the plan would fail on the rows as they are (1 statement); nothing was applied:\n' +
            `  ${failing}: ${dialect === 'postgres' ? 'public.accounts' : 'accounts'} has 2 rows, apply will fail\n` +
            'hint: Fix those rows first (or change the entities), then apply again. --allow-hazards cannot allow a statement the rows make fail.\n',
        );
      }
      // On a terminal: refused before the confirmation question.
      const onTty = runCliOnTty(['apply', '--url', db.url, ...entities('add-region'), '--allow-all-hazards'], 'y\n');
      expect(onTty.status).toBe(1);
      expect(onTty.stdout).toContain(
        'error: the plan would fail on the rows as they are (1 statement); nothing was applied:',
      );
      expect(onTty.stdout).not.toContain('[y/N]');
      // A dry run says apply would refuse it.
      const dry = await runInProcess(['apply', '--url', db.url, ...entities('add-region'), '--dry-run'], REPO_ROOT);
      expect(dry.status).toBe(0);
      expect(dry.stdout).toContain(
        'Apply would refuse this plan: the rows as counted make 1 statement fail (NOT_NULL_VIOLATION).\n',
      );
      expect(await snapshot(db)).toEqual(before);
      expect(await lockIsFree(db)).toBe(true);
    } finally {
      await db.drop();
    }
  });

  it('a statement failing in the middle rolls everything back and shows the statement, the database error and a hint', async () => {
    const db = await startingDatabase(dialect);
    try {
      const before = await snapshot(db);
      // A CHECK the rows break: nothing the plan can count, so apply runs it, and the database refuses it.
      const result = await runInProcess(
        ['apply', '--url', db.url, ...entities('add-check'), '--yes', '--allow-all-hazards'],
        REPO_ROOT,
      );
      expect(result.status).toBe(1);
      const lines = afterDatabaseLine(result, db.url).trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      const [, failed, total] = /^error: statement (\d+) of (\d+) failed: (.*)$/.exec(lines[0]!)!.map(Number);
      // Statements ran before it (in the same transaction) and others were still to come.
      expect(failed).toBeGreaterThan(1);
      expect(failed).toBeLessThan(total!);
      expect(lines[0]).toMatch(
        /CHECK constraint failed: CHK_accounts_name|check constraint "CHK_accounts_name" of relation "accounts" is violated by some row/,
      );
      expect(lines[1]).toMatch(
        /^ {4}(ALTER TABLE "public"\."accounts" ADD CONSTRAINT "CHK_accounts_name"|INSERT INTO "temporary_accounts")/,
      );
      expect(lines[2]).toBe(
        'hint: Nothing was applied: the transaction was rolled back. Rows hold values the new CHECK refuses: update them, then apply again.',
      );
      // Progress got as far as the failing statement, whose line says apply stopped there.
      const progress = result.stdout.split('\n').filter((line) => /^\[\s*\d+\/\d+\] /.test(line));
      expect(progress).toHaveLength(failed!);
      expect(progress.slice(0, -1).every((line) => / \(\d+ ms\)$/.test(line))).toBe(true);
      expect(progress[progress.length - 1]).toMatch(/ \(stopped after \d+ ms\)$/);
      const headline = progress[progress.length - 1]!.replace(/^\[[^\]]*\] /, '')
        .replace(/ \(stopped after \d+ ms\)$/, '')
        .replace(/\.\.\.$/, '');
      expect(lines[1]!.trim().startsWith(headline)).toBe(true);

      expect(await snapshot(db)).toEqual(before);
      expect(before.accounts).toEqual(ROWS);
      expect(await lockIsFree(db)).toBe(true);
    } finally {
      await db.drop();
    }
  });

  it('waits for the apply lock, fails with a clear line when another apply keeps it, and applies once it is free', async () => {
    const db = await freshDatabase(dialect, 'apply-lock');
    try {
      const empty = await snapshot(db);
      const lock = await holdLock(db);
      let locked;
      try {
        locked = runCli(['apply', '--url', db.url, ...entities('from'), '--yes', '--lock-timeout', '1']);
      } finally {
        await lock.release();
      }
      expect(locked.status).toBe(EXIT.gaveUp);
      const lines = afterDatabaseLine(locked, db.url).trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        dialect === 'postgres'
          ? /^error: cannot take the apply lock on postgres:\/\/.*: another apply holds it \(pid \d+, application "other-apply", user \w+, connected \d+s ago, waited 1s\); nothing was applied$/
          : /^error: cannot take the apply lock on sqlite:.*: another connection holds its write lock \(waited 1s\); nothing was applied$/,
      );
      expect(lines[1]).toMatch(/^hint: Run apply again when .* done, or wait longer with --lock-timeout SECONDS\./);
      expect(await snapshot(db)).toEqual(empty);

      const applied = runCli(['apply', '--url', db.url, ...entities('from'), '--yes', '--lock-timeout', '1']);
      expect(applied.stderr).toBe(databaseLine(db.url));
      expect(applied.status).toBe(0);
    } finally {
      await db.drop();
    }
  });

  it('an apply started while the lock is held runs once it is released, and releases it when done', async () => {
    const db = await freshDatabase(dialect, 'apply-lock-wait');
    try {
      const planned = await planAgainstDatabase(sourcesFor(db, 'from'));
      try {
        const lock = await holdLock(db);
        let released = false;
        setTimeout(() => {
          released = true;
          void lock.release();
        }, 700);
        let verifiedAfterRelease: boolean | undefined;
        await planned.session.apply(planned.plan.statements, {
          lockTimeout: 10,
          verify: async () => {
            verifiedAfterRelease = released;
            await verifyUnchanged(planned);
          },
        });
        expect(verifiedAfterRelease).toBe(true);
        // The session is still open, and the lock is free again.
        expect(await lockIsFree(db)).toBe(true);
        expect((await planned.session.introspect()).tables.map((t) => t.name)).toEqual(['accounts']);
      } finally {
        await planned.session.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('refuses to run a plan when the database changed since it was made, executing nothing', async () => {
    const db = await startingDatabase(dialect);
    try {
      const sources = sourcesFor(db, 'drop-bio');
      const planned = await planAgainstDatabase(sources);
      try {
        expect(planned.plan.fromHash).toMatch(/^sha256:[0-9a-f]{64}$/);
        await rawQuery(db, 'ALTER TABLE "accounts" ADD COLUMN "nickname" text');
        const changed = await snapshot(db);
        const error = await applyPlanned(planned).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StalePlanError);
        expect((error as StalePlanError).message).toMatch(
          /^the database changed since the plan was made \(schema hash [0-9a-f]{12} then, [0-9a-f]{12} now\); nothing was applied$/,
        );
        expect((error as StalePlanError).hint).toMatch(/run apply again/);
        expect(await snapshot(db)).toEqual(changed);
        expect(await lockIsFree(db)).toBe(true);
      } finally {
        await planned.session.close();
      }

      // Planned again, the same apply goes through.
      const again = await planAgainstDatabase(sources);
      try {
        await applyPlanned(again);
        // The new plan also drops the column the first one did not know about: exactly why the first was refused.
        expect(again.plan.decisions).toEqual([]);
        expect(again.plan.statements.flatMap((st) => st.hazards.map((h) => h.message))).toContainEqual(
          expect.stringMatching(/nickname/),
        );
        const after = await snapshot(db);
        expect(after.model.tables.map((t) => t.name).sort()).toEqual(['accounts', 'notes', 'tags']);
        expect(after.accounts).toEqual(ROWS.map(({ id, name }) => ({ id, name })));
      } finally {
        await again.session.close();
      }
    } finally {
      await db.drop();
    }
  });
});

describe('schema apply on sqlite', () => {
  it('checks the schema inside the write transaction: no other connection can change it between check and statements', async () => {
    const db = await freshDatabase('sqlite', 'apply-atomic-check');
    try {
      const planned = await planAgainstDatabase(sourcesFor(db, 'from'));
      try {
        let sneaked: unknown = 'not tried';
        await planned.session.apply(planned.plan.statements, {
          verify: async () => {
            await verifyUnchanged(planned);
            sneaked = await rawQuery(db, 'CREATE TABLE "sneaky" ("id" integer)').then(
              () => 'written',
              (e: { code?: string }) => e.code,
            );
          },
        });
        expect(sneaked).toBe('SQLITE_BUSY');
      } finally {
        await planned.session.close();
      }
    } finally {
      await db.drop();
    }
  });
});

describe('schema apply on postgres, in phases', () => {
  it('reports the phase outside a transaction', async () => {
    const db = await startingDatabase('postgres');
    try {
      const result = runCli([
        'apply',
        '--url',
        db.url,
        ...entities('drop-bio'),
        '--yes',
        '--allow-all-hazards',
        '--concurrently',
      ]);
      expect(result.stderr).toBe(databaseLine(db.url));
      expect(result.status).toBe(0);
      const lines = result.stdout.split('\n');
      const phases = lines.filter((line) => line.startsWith('phase '));
      expect(phases).toEqual([
        expect.stringMatching(/^phase 1\/3: in one transaction, \d+ statements$/),
        'phase 2/3: outside a transaction (commits on its own), 1 statement',
        'phase 3/3: in one transaction, 1 statement',
      ]);
      expect(lines[lines.indexOf(phases[1]!) + 1]).toMatch(/^\[\d\/\d\] CREATE INDEX CONCURRENTLY "IDX_accounts_name"/);
    } finally {
      await db.drop();
    }
  });

  it('a failure after a committed phase says which statements stay applied, and rolls back only its own phase', async () => {
    const db = await freshDatabase('postgres', 'apply-phases');
    try {
      await rawQuery(
        db,
        `CREATE TABLE "accounts" ("id" integer PRIMARY KEY, "name" text); INSERT INTO "accounts" VALUES (1, NULL);`,
      );
      const session = await connect(db.url);
      try {
        const statement = (sql: string, transactional = true): Statement => ({ sql, hazards: [], transactional });
        const statements = [
          statement('CREATE TABLE "public"."first" ("id" integer)'),
          statement('CREATE INDEX CONCURRENTLY "IDX_accounts_name" ON "public"."accounts" ("name")', false),
          statement('CREATE TABLE "public"."second" ("id" integer)'),
          statement('ALTER TABLE "public"."accounts" ALTER COLUMN "name" SET NOT NULL'),
        ];
        const phases: string[] = [];
        const error = await session
          .apply(statements, {
            onPhase: (phase, index, count) =>
              phases.push(`${index + 1}/${count} ${phase.transactional} ${phase.statements.length}`),
          })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(phases).toEqual(['1/3 true 1', '2/3 false 1', '3/3 true 2']);
        expect(error).toBeInstanceOf(ApplyError);
        const applyError = error as ApplyError;
        expect(applyError.message).toBe(
          'statement 4 of 4 failed: column "name" of relation "accounts" contains null values',
        );
        expect(applyError.statement).toBe(statements[3]!.sql);
        expect(applyError.applied).toBe(2);
        expect(applyError.hint).toMatch(
          /^Statements 1-2 \(earlier phases\) were committed and stay applied; the transaction was rolled back\. Plan again/,
        );
        const model = await session.introspect();
        expect(model.tables.map((t) => t.name).sort()).toEqual(['accounts', 'first']);
        expect(model.tables.find((t) => t.name === 'accounts')!.indexes.map((i) => i.name)).toEqual([
          'IDX_accounts_name',
        ]);
      } finally {
        await session.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('fails with ApplyLockedError at once with a zero lock timeout', async () => {
    const db = await freshDatabase('postgres', 'apply-lock-zero');
    try {
      const lock = await holdLock(db);
      const session = await connect(db.url);
      try {
        const started = Date.now();
        const error = await session
          .apply([{ sql: 'CREATE TABLE "t" ("id" integer)', hazards: [], transactional: true }], { lockTimeout: 0 })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(error).toBeInstanceOf(ApplyLockedError);
        expect((error as ApplyLockedError).message).not.toContain('waited');
        expect(Date.now() - started).toBeLessThan(2000);
        expect((await session.introspect()).tables).toEqual([]);
      } finally {
        await session.close();
        await lock.release();
      }
    } finally {
      await db.drop();
    }
  });
});

/**
 * PostgreSQL reads the schema and then measures the rows of what the plan touches: another apply committing in between
 * (here: dropping the column the plan would drop) is reported as a stale plan, not as the database's error.
 */
describe('planning on postgres while another apply commits', () => {
  it('says the database changed while planning (another apply committed between reading and measuring), not the database error', async () => {
    const db = await startingDatabase('postgres');
    const session = await connect(db.url);
    try {
      const desired = (await compileSources(sourcesFor(db, 'drop-bio'), 'postgres')).model;
      // Another apply drops the column after the plan read the schema, before it counts the column's values.
      const racing: DatabaseSession = Object.assign(Object.create(session) as DatabaseSession, {
        measure: async (probes: Parameters<DatabaseSession['measure']>[0]) => {
          await rawQuery(db, 'ALTER TABLE "accounts" DROP COLUMN "bio"');
          return session.measure(probes);
        },
      });
      const error = await replan(racing, dialectFor('postgres'), desired).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StalePlanError);
      expect((error as StalePlanError).message).toBe(
        'the database changed while the plan was being made (another apply?); nothing was applied',
      );
      // Planned again against the database as it is now, the column is no longer there to drop.
      const again = await replan(session, dialectFor('postgres'), desired);
      expect(again.changes.map((c) => c.kind)).not.toContain('column.drop');
      expect(again.changes.length).toBeGreaterThan(0);
    } finally {
      await session.close();
      await db.drop();
    }
  });
});
