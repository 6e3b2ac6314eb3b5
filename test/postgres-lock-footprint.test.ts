/**
 * A plan that cannot fit in the server's lock table is refused before anything runs (issue 17: a 5,000-table plan
 * either applies or refuses up front naming max_locks_per_transaction). The footprint is a lower bound of the
 * relations a transaction keeps locked, checked here against what PostgreSQL itself reports in pg_locks.
 */
import path from 'node:path';
import { Client } from 'pg';
import { plan } from '../src';
import {
  LOCK_TABLE_SETTINGS_SQL,
  lockTableRefusal,
  relationsCreated,
  transactionFootprint,
  type LockTableSettings,
} from '../src/dialects/postgres/lock-footprint';
import { ApplyError } from '../src/errors/errors';
import type { Statement } from '../src/model';
import { connect } from './support/apply-model';
import { REPO_ROOT } from './support/cli';
import { freshDatabase, type TestDatabase } from './support/databases';
import { rawQuery } from './support/raw-query';

/** Relations this backend holds a lock on (the pg_locks view itself aside). */
const LOCKED_RELATIONS = `SELECT count(DISTINCT relation)::int AS n FROM pg_catalog.pg_locks
  WHERE pid = pg_backend_pid() AND locktype = 'relation' AND relation <> 'pg_catalog.pg_locks'::regclass`;

describe('the lock footprint of a plan (PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase('postgres', 'lock-footprint');
  });
  afterAll(async () => db.drop());

  it("counts no more relations than each statement of this repository's plan keeps locked, by pg_locks", async () => {
    const planned = await plan({ url: db.url, entities: [path.join(REPO_ROOT, 'schema/**/*.ts')], cwd: REPO_ROOT });
    const statements = planned.statements;
    expect(statements.filter((s) => s.sql.startsWith('CREATE TABLE')).length).toBeGreaterThan(5);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      let counted = 0;
      let locked = 0;
      const overcounted: string[] = [];
      for (const statement of statements) {
        const before = (await client.query<{ n: number }>(LOCKED_RELATIONS)).rows[0]!.n;
        await client.query(statement.sql);
        const after = (await client.query<{ n: number }>(LOCKED_RELATIONS)).rows[0]!.n;
        const count = relationsCreated(statement.sql);
        if (after - before < count) overcounted.push(`${count} counted, ${after - before} locked: ${statement.sql}`);
        counted += count;
        locked = after;
      }
      expect(overcounted).toEqual([]);
      // Tables, their key indexes and serial sequences, and the indexes: most of what stays locked (TOAST aside).
      expect(transactionFootprint(statements)).toBe(counted);
      expect(counted).toBeGreaterThan(locked / 2);
      expect(counted).toBeLessThanOrEqual(locked);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  });

  it('refuses, before the apply lock or any statement, a transaction that cannot fit in the lock table', async () => {
    const [settings] = await rawQuery<LockTableSettings>(db, LOCK_TABLE_SETTINGS_SQL);
    const size = settings!.max_locks_per_transaction * settings!.backends;
    // Each table: itself, its primary key's index and its serial sequence.
    const tables = Math.floor((1.1 * size) / 3) + 1;
    const statements: Statement[] = Array.from({ length: tables }, (_, i) => ({
      sql: `CREATE TABLE "public"."t${i}" ("id" SERIAL NOT NULL, CONSTRAINT "PK_t${i}" PRIMARY KEY ("id"))`,
      hazards: [],
      transactional: true,
    }));
    expect(transactionFootprint(statements)).toBe(3 * tables);
    const session = await connect(db.url);
    try {
      const sent = session.queryCount;
      const error = await session.apply(statements).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApplyError);
      const refusal = error as ApplyError;
      expect(refusal.applied).toBe(0);
      expect(refusal.message).toContain(`creates at least ${3 * tables} tables, indexes and sequences`);
      expect(refusal.message).toContain(`max_locks_per_transaction = ${settings!.max_locks_per_transaction}`);
      expect(refusal.hint).toContain(
        `Raise max_locks_per_transaction to at least ${Math.ceil((3 * tables) / settings!.backends)}`,
      );
      expect(session.queryCount - sent).toBe(1); // the settings, nothing else
    } finally {
      await session.close();
    }
    expect(await rawQuery(db, "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = 'public'")).toEqual([]);

    // That these statements cannot run was measured once by hand (they fail with "out of shared memory", 53200); not
    // here: filling the server's lock table would fail every other test file running on it at the same time.
  });

  it('refuses only past the lock table and its spare tenth, and counts transactions separately', () => {
    const settings = { max_locks_per_transaction: 64, backends: 122 };
    expect(lockTableRefusal(Math.floor(1.1 * 64 * 122), settings)).toBeUndefined();
    expect(lockTableRefusal(Math.floor(1.1 * 64 * 122) + 1, settings)).toBeInstanceOf(ApplyError);
    const table = (i: number, transactional = true): Statement => ({
      sql: `CREATE TABLE "t${i}" ("id" integer GENERATED ALWAYS AS IDENTITY, "n" text, CONSTRAINT "PK_${i}" PRIMARY KEY ("id"), CONSTRAINT "UQ_${i}" UNIQUE ("n"))`,
      hazards: [],
      transactional,
    });
    const index: Statement = { sql: 'CREATE INDEX CONCURRENTLY "i" ON "t1" ("n")', hazards: [], transactional: false };
    expect(relationsCreated(table(0).sql)).toBe(4);
    expect(relationsCreated('CREATE UNIQUE INDEX "i" ON "public"."t" ("a")')).toBe(1);
    expect(relationsCreated('ALTER TABLE "t" ADD CONSTRAINT "UQ" UNIQUE ("a")')).toBe(1);
    expect(relationsCreated('ALTER TABLE "t" ADD "c" integer')).toBe(0);
    expect(relationsCreated(index.sql)).toBe(0); // its own phase, outside any transaction
    expect(transactionFootprint([table(0), table(1), index, table(2)])).toBe(8);
  });
});
