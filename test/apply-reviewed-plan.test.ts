/**
 * `schema plan --out plan.json` then `schema apply --plan plan.json`: exactly the reviewed plan is applied, or nothing.
 * The file is untrusted: apply plans again and runs its own statements only when they are the file's, for the same
 * database, from the same schema hash. Through the CLI in-process (`main`, what bin/schema.js runs), on real
 * databases.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { EXIT } from '../src/cli/exit-codes';
import type { CliIo } from '../src/cli/io';
import { main } from '../src/cli/main';
import { databaseLine, REPO_ROOT } from './support/cli';
import { freshDatabase, type TestDatabase } from './support/databases';
import { createTestDatabase, type TestPostgresDatabase } from './support/postgres';
import { validatePlanDocument } from './support/plan-schema';
import { rawQuery } from './support/raw-query';
import { tempDir } from './support/temp';

jest.setTimeout(120_000);

const ENTITIES = {
  from: path.join(REPO_ROOT, 'test/entities/runtime/from/*.ts'),
  to: path.join(REPO_ROOT, 'test/entities/runtime/to/*.ts'),
} as const;

const work = tempDir('reviewed-plan');
afterAll(() => work.remove());
const PLAN = 'plan.json';
const planFile = () => path.join(work.dir, PLAN);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdinIsTTY: false,
    env: { ...process.env, NO_COLOR: '1' },
    cwd: work.dir,
    ask: async () => undefined,
  };
  const code = await main(args, io);
  // A run that connects names its database first (`--url`, see databaseLine); the rest is what the test asserts.
  const url = args[args.indexOf('--url') + 1]!;
  const line = databaseLine(url, work.dir);
  if (stderr.startsWith('Database: ')) {
    expect(stderr.slice(0, line.length)).toBe(line);
    stderr = stderr.slice(line.length);
  }
  return { code, stdout, stderr };
}

const plan = (db: { url: string }, set: keyof typeof ENTITIES = 'to') =>
  cli(['plan', '--url', db.url, '--entities', ENTITIES[set], '--out', PLAN]);
const apply = (db: { url: string }, set: keyof typeof ENTITIES = 'to') =>
  cli(['apply', '--url', db.url, '--entities', ENTITIES[set], '--plan', PLAN, '--yes']);

const columnsOf = async (db: TestDatabase): Promise<string[]> =>
  db.dialect === 'postgres'
    ? (
        await rawQuery<{ name: string }>(
          db,
          `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY ordinal_position`,
        )
      ).map((r) => r.name)
    : (await rawQuery<{ name: string }>(db, `SELECT name FROM pragma_table_info('accounts') ORDER BY cid`)).map(
        (r) => r.name,
      );

async function startingDatabase(dialect: 'postgres' | 'sqlite'): Promise<TestDatabase> {
  const db = await freshDatabase(dialect, 'reviewed');
  const built = await cli(['apply', '--url', db.url, '--entities', ENTITIES.from, '--yes']);
  expect(built.code).toBe(0);
  await rawQuery(db, `INSERT INTO accounts (name) VALUES ('ada'), ('grace')`);
  return db;
}

describe.each(['postgres', 'sqlite'] as const)('apply --plan on %s', (dialect) => {
  it('applies the reviewed plan when it is still the plan, and says where it was written', async () => {
    const db = await startingDatabase(dialect);
    try {
      const planned = await plan(db);
      expect(planned.code).toBe(0);
      expect(planned.stderr).toBe(
        `Wrote ${PLAN}: schema apply --plan ${PLAN} applies exactly this plan, or nothing.\n`,
      );
      const document = JSON.parse(readFileSync(planFile(), 'utf8'));
      expect(document).toMatchObject({
        version: 1,
        dialect,
        fromHash: expect.stringMatching(/^sha256:/),
        concurrently: false,
      });
      expect(document.database).toMatch(dialect === 'postgres' ? /^postgres:\d+\/sp_reviewed_/ : /^sqlite:/);
      expect(validatePlanDocument(document)).toEqual([]);
      const applied = await apply(db);
      expect(applied.stderr).toBe('');
      expect(applied.code).toBe(0);
      expect(applied.stdout).toMatch(
        /^Applied 2 statements in [\d.]+ m?s; verified: the database is in line with the schema\.$/m,
      );
      expect(await columnsOf(db)).toEqual(['id', 'name', 'nickname']);
    } finally {
      await db.drop();
    }
  });

  it('refuses, applying nothing, when the database changed since, or the entities plan otherwise now', async () => {
    const db = await startingDatabase(dialect);
    try {
      expect((await plan(db)).code).toBe(0);
      // The entities changed: apply --plan with other entities plans something else.
      const otherEntities = await apply(db, 'from');
      expect(otherEntities.code).toBe(EXIT.error);
      expect(otherEntities.stderr).toMatch(
        /^error: plan\.json is not the plan the entities give now \(the entities now plan less: statement 1 ALTER TABLE .* is gone\); nothing was applied\n/,
      );
      // The database changed.
      await rawQuery(db, 'CREATE TABLE other (id integer PRIMARY KEY)');
      const stale = await apply(db);
      expect(stale.code).toBe(EXIT.error);
      expect(stale.stderr).toMatch(
        /^error: the database changed since plan\.json was made \(schema hash [0-9a-f]{12} then, [0-9a-f]{12} now\); nothing was applied\n/,
      );
      expect(stale.stderr).toContain('hint: Review the new plan (schema plan --out plan.json) and apply that.');
      expect(await columnsOf(db)).toEqual(['id', 'name']);
    } finally {
      await db.drop();
    }
  });

  it('never runs SQL from the file: an edited statement is refused, and nothing runs', async () => {
    const db = await startingDatabase(dialect);
    try {
      expect((await plan(db)).code).toBe(0);
      const document = JSON.parse(readFileSync(planFile(), 'utf8'));
      document.statements[0].sql = 'DROP TABLE accounts';
      writeFileSync(planFile(), JSON.stringify(document));
      const tampered = await apply(db);
      expect(tampered.code).toBe(EXIT.error);
      expect(tampered.stderr).toMatch(
        /^error: plan\.json is not the plan the entities give now \(statement 1 was DROP TABLE accounts, now ALTER TABLE .*\); nothing was applied\n/,
      );
      expect(await rawQuery(db, 'SELECT name FROM accounts ORDER BY id')).toEqual([{ name: 'ada' }, { name: 'grace' }]);
      expect(await columnsOf(db)).toEqual(['id', 'name']);
    } finally {
      await db.drop();
    }
  });
});

describe('apply --plan refuses a file that is not a reviewed plan of this database', () => {
  let a: TestPostgresDatabase;
  let b: TestPostgresDatabase;
  beforeAll(async () => {
    a = await createTestDatabase('reviewed-a');
    b = await createTestDatabase('reviewed-b');
    for (const db of [a, b])
      expect((await cli(['apply', '--url', db.url, '--entities', ENTITIES.from, '--yes'])).code).toBe(0);
  });
  afterAll(async () => {
    await a?.drop();
    await b?.drop();
  });

  it('made for another database with the same schema', async () => {
    expect((await plan(a)).code).toBe(0);
    const other = await apply(b);
    expect(other.code).toBe(EXIT.error);
    expect(other.stderr).toMatch(
      new RegExp(
        `^error: plan\\.json was made for database postgres:\\d+/${a.name}, and this is postgres:\\d+/${b.name}; nothing was applied\\n`,
      ),
    );
    const client = new Client({ connectionString: b.url });
    await client.connect();
    try {
      expect(
        (await client.query(`SELECT 1 FROM information_schema.columns WHERE column_name = 'nickname'`)).rows,
      ).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it.each([
    ['not JSON', '{', /^error: plan\.json is not a plan written by `schema plan --out`: not valid JSON/],
    [
      'another version',
      '{"version": 2}',
      /^error: plan\.json is not a plan written by `schema plan --out`: version 2, expected 1$/m,
    ],
    [
      'plan --format json output (no database named)',
      JSON.stringify({ version: 1, dialect: 'postgres', fromHash: `sha256:${'0'.repeat(64)}`, statements: [] }),
      /: it names no database \(was it written by plan --format json instead of --out\?\)$/m,
    ],
    [
      'a statement without its flag',
      JSON.stringify({
        version: 1,
        dialect: 'postgres',
        database: 'postgres:1/x',
        fromHash: `sha256:${'0'.repeat(64)}`,
        statements: [{ sql: 'SELECT 1' }],
      }),
      /: statement 1 is not \{"sql": \.\.\., "transactional": \.\.\.\}$/m,
    ],
  ])('malformed: %s', async (_what, text, message) => {
    writeFileSync(planFile(), text);
    const result = await apply(a);
    expect(result.code).toBe(EXIT.error);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
