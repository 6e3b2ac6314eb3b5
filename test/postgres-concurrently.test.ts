import { compileEntities } from '../src/compile/compile';
import type { Model } from '../src/model';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { databaseLine, runCli } from './support/cli';
import { freshDatabase, type TestDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { rawQuery } from './support/raw-query';
import { createPlan } from '../src/plan/plan';
import { dialectFor } from '../src/dialects/registry';
import { managedSchemas } from '../src/workflow/plan-database';

const CASE = 'fixtures/index-kinds';

async function modelOf(folder: string): Promise<Model> {
  return (await compileEntities(await entityClasses(folder), 'postgres')).model;
}

/** The `from` schema of the index-kinds fixture, with rows. */
async function startingDatabase(prefix: string): Promise<TestDatabase> {
  const db = await freshDatabase('postgres', prefix);
  const session = await connect(db.url);
  try {
    await applyTowards(session, await modelOf(`${CASE}/from`));
  } finally {
    await session.close();
  }
  await rawQuery(db, `INSERT INTO "articles" ("title", "slug", "authorId") VALUES ('a', 'a', 1), ('b', 'b', 2)`);
  return db;
}

test('with concurrently, indexes of existing tables are built and dropped CONCURRENTLY, outside the transaction', async () => {
  const db = await startingDatabase('conc');
  try {
    const to = await modelOf(`${CASE}/to`);
    const session = await connect(db.url);
    try {
      const current = await session.introspect({ schemas: managedSchemas(to) });
      const plan = createPlan({ from: current, to, dialect: dialectFor('postgres'), concurrently: true });
      const indexStatements = plan.statements.filter((s) => /INDEX/.test(s.sql));
      expect(indexStatements.length).toBeGreaterThan(0);
      for (const statement of indexStatements) {
        expect(statement.sql).toMatch(/^(CREATE (UNIQUE )?INDEX CONCURRENTLY|DROP INDEX CONCURRENTLY) /);
        expect(statement.transactional).toBe(false);
        expect(statement.hazards).toEqual([]);
      }
      // Without the option, the same plan runs in the transaction and warns about the build on a large table (here:
      // more than one row).
      const plain = await planTowards(session, to, {}, { largeTableRows: 1 });
      expect(plain.statements.every((s) => s.transactional)).toBe(true);
      expect(plain.statements.some((s) => s.hazards.some((h) => h.code === 'INDEX_BUILD'))).toBe(true);

      await session.apply(plan.statements);
      expect((await planTowards(session, to)).changes).toEqual([]);
      const invalid = await rawQuery(
        db,
        `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE NOT indisvalid`,
      );
      expect(invalid).toEqual([]);
    } finally {
      await session.close();
    }
  } finally {
    await db.drop();
  }
});

test('indexes of a table the plan creates are built with it, in the transaction', async () => {
  const db = await freshDatabase('postgres', 'conc-new');
  try {
    const to = await modelOf(`${CASE}/to`);
    const session = await connect(db.url);
    try {
      const current = await session.introspect({ schemas: managedSchemas(to) });
      const plan = createPlan({ from: current, to, dialect: dialectFor('postgres'), concurrently: true });
      expect(plan.statements.every((s) => s.transactional && !s.sql.includes('CONCURRENTLY'))).toBe(true);
    } finally {
      await session.close();
    }
  } finally {
    await db.drop();
  }
});

test('schema plan/apply --concurrently (and SCHEMA_CONCURRENTLY=1) report and run it, then converge', async () => {
  const db = await startingDatabase('conc-cli');
  try {
    const entities = ['--entities', `${CASE}/to/*.ts`, '--url', db.url];
    const text = runCli(['plan', ...entities, '--concurrently']);
    expect(text.stderr).toBe(databaseLine(db.url));
    expect(text.stdout).toContain('CREATE UNIQUE INDEX CONCURRENTLY "IDX_articles_slug"');
    expect(text.stdout).toContain('DROP INDEX CONCURRENTLY "public"."IDX_articles_title"');
    expect(text.stdout).toContain('(runs outside the transaction)');
    expect(text.stdout).not.toContain('INDEX_BUILD');

    const json = JSON.parse(
      runCli(['plan', ...entities, '--format', 'json'], { env: { SCHEMA_CONCURRENTLY: '1' } }).stdout,
    );
    const indexStatements = json.statements.filter((s: { sql: string }) => s.sql.includes('INDEX'));
    expect(indexStatements.every((s: { transactional: boolean }) => s.transactional === false)).toBe(true);
    const overridden = JSON.parse(
      runCli(['plan', ...entities, '--format', 'json', '--no-concurrently'], { env: { SCHEMA_CONCURRENTLY: '1' } })
        .stdout,
    );
    expect(overridden.statements.every((s: { transactional: boolean }) => s.transactional)).toBe(true);

    const applied = runCli(['apply', ...entities, '--concurrently', '--yes']);
    expect(applied.stderr).toBe(databaseLine(db.url));
    expect(applied.status).toBe(0);
    expect(runCli(['plan', ...entities, '--exit-code']).status).toBe(0);
  } finally {
    await db.drop();
  }
});

test('an index left invalid by a failed concurrent build is planned again (dropped and built), then converges', async () => {
  const db = await startingDatabase('conc-invalid');
  try {
    const to = await modelOf(`${CASE}/to`);
    // A duplicate slug makes the concurrent build of the unique IDX_articles_slug fail, leaving it invalid.
    await rawQuery(db, `INSERT INTO "articles" ("title", "slug", "authorId") VALUES ('c', 'a', 3)`);
    const session = await connect(db.url);
    try {
      const plan = async () => {
        const current = await session.introspect({ schemas: managedSchemas(to) });
        return createPlan({ from: current, to, dialect: dialectFor('postgres'), concurrently: true });
      };
      await expect(session.apply((await plan()).statements)).rejects.toThrow(
        /could not create unique index "IDX_articles_slug"/,
      );
      const invalid = () =>
        rawQuery(db, `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE NOT indisvalid`);
      expect(await invalid()).toEqual([{ name: '"IDX_articles_slug"' }]);

      await rawQuery(db, `DELETE FROM "articles" WHERE "title" = 'c'`);
      const again = await plan();
      const rebuilt = again.changes.filter(
        (c) => (c.kind === 'index.drop' || c.kind === 'index.create') && c.index.name === 'IDX_articles_slug',
      );
      expect(rebuilt.map((c) => c.kind)).toEqual(['index.drop', 'index.create']);
      expect(rebuilt[0]!.reason).toContain('is invalid (left by a failed concurrent build)');
      await session.apply(again.statements);
      expect(await invalid()).toEqual([]);
      expect((await planTowards(session, to)).changes).toEqual([]);
    } finally {
      await session.close();
    }
  } finally {
    await db.drop();
  }
});
