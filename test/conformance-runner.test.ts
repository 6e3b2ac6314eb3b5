import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { discoverCases, roleName, type ConformanceCase } from '../scripts/conformance/cases';
import { byValue, catalogDifference } from '../scripts/conformance/catalog';
import { parseStatuses, regressions, renderReport } from '../scripts/conformance/report';
import { runCases, type CaseResult } from '../scripts/conformance/runner';
import { notForServer, schemasCreated } from '../scripts/conformance/run-case';
import { unmanagedKinds } from '../scripts/conformance/scope';
import { SCRATCH_PREFIX } from '../src/sources/scratch-database';
import { adminUrl } from './support/postgres';
import { tempDir } from './support/temp';

/**
 * Synthetic suites in a temporary directory, laid out as conformance/suites is: each case's outcome is known in
 * advance, whatever schemaplan can or cannot do elsewhere.
 */
const root = tempDir('conformance');
afterAll(() => root.remove());

const HOSTILE_ROLE = 'sp "conf""; DROP TABLE t; --';

function writeCase(id: string, files: Record<string, string>): void {
  const dir = path.join(root.dir, id);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}

writeCase('pg-schema-diff/column/000_add_column', {
  'from.sql': 'CREATE TABLE t (id integer PRIMARY KEY);',
  'to.sql': "CREATE TABLE t (id integer PRIMARY KEY, name varchar(20) NOT NULL DEFAULT 'x');",
  'meta.json': JSON.stringify({ expect_empty_plan: false, roles: [] }),
});
writeCase('pg-schema-diff/column/001_differs_but_expected_empty', {
  'from.sql': 'CREATE TABLE t (id integer);',
  'to.sql': 'CREATE TABLE t (id bigint);',
  'meta.json': JSON.stringify({ expect_empty_plan: true }),
});
writeCase('pg-schema-diff/column/002_from_does_not_load', {
  'from.sql': 'CREATE TABLE t (id nosuchtype);',
  'to.sql': 'CREATE TABLE t (id integer);',
});
writeCase('pg-schema-diff/function/000_add_function', {
  'from.sql': '',
  'to.sql': 'CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;',
});
// Loading needs the role (listed as upstream lists hostile names: already a quoted identifier).
writeCase('pg-schema-diff/schema/000_schema_owned_by_role', {
  'from.sql': '',
  'to.sql': `CREATE SCHEMA app AUTHORIZATION "${HOSTILE_ROLE.replace(/"/g, '""')}";\nCREATE TABLE app.t (id integer);`,
  'meta.json': JSON.stringify({ roles: [`"${HOSTILE_ROLE.replace(/"/g, '""')}"`] }),
});
writeCase('pg-schema-diff/slow/000_sleeps', {
  'from.sql': 'SELECT pg_sleep(600);',
  'to.sql': 'CREATE TABLE t (id integer);',
});
writeCase('migra/with_additions', {
  'from.sql': 'CREATE TABLE t (id integer);',
  'to.sql': 'CREATE TABLE t (id integer, name text);',
  'additions.sql': 'ALTER TABLE t ADD COLUMN extra integer;',
});
writeCase('sqlite3def/tests/AddIndex', {
  'from.sql': 'CREATE TABLE t (id integer PRIMARY KEY, name text);',
  'to.sql': 'CREATE TABLE t (id integer PRIMARY KEY, name text);\nCREATE INDEX t_name ON t (name);',
  'meta.json': JSON.stringify({ name: 'AddIndex' }),
});
writeCase('sqlite3def/tests_triggers/Trigger', {
  'from.sql': 'CREATE TABLE t (id integer);',
  'to.sql': 'CREATE TABLE t (id integer);\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;',
});

async function serverQuery<T extends Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('the conformance runner', () => {
  let cases: ConformanceCase[];
  let results: CaseResult[];
  const outcome = (id: string) => results.find((r) => r.case.id === id)!.outcome;

  beforeAll(async () => {
    cases = discoverCases(root.dir);
    // The timeout is far above what a case takes even on a busy machine, and far below the sleeping case's sleep.
    ({ results } = await runCases(cases, { serverUrl: adminUrl(), jobs: 2, timeoutMs: 25_000 }));
  }, 120_000);

  test('finds every case, in order, with its suite, area and dialect', () => {
    expect(cases.map((c) => [c.id, c.group, c.dialect])).toEqual([
      ['migra/with_additions', 'fixtures', 'postgres'],
      ['pg-schema-diff/column/000_add_column', 'column', 'postgres'],
      ['pg-schema-diff/column/001_differs_but_expected_empty', 'column', 'postgres'],
      ['pg-schema-diff/column/002_from_does_not_load', 'column', 'postgres'],
      ['pg-schema-diff/function/000_add_function', 'function', 'postgres'],
      ['pg-schema-diff/schema/000_schema_owned_by_role', 'schema', 'postgres'],
      ['pg-schema-diff/slow/000_sleeps', 'slow', 'postgres'],
      ['sqlite3def/tests/AddIndex', 'tests', 'sqlite'],
      ['sqlite3def/tests_triggers/Trigger', 'tests_triggers', 'sqlite'],
    ]);
    expect(cases.find((c) => c.id.startsWith('migra'))!.roles).toEqual(['schemainspect_test_role']);
  });

  test('classifies passes, failures with their stage, and out-of-scope skips', () => {
    expect(outcome('pg-schema-diff/column/000_add_column')).toEqual({ status: 'passed' });
    expect(outcome('sqlite3def/tests/AddIndex')).toEqual({ status: 'passed' });
    expect(outcome('migra/with_additions')).toEqual({ status: 'passed' });
    expect(outcome('pg-schema-diff/schema/000_schema_owned_by_role')).toEqual({ status: 'passed' });
    expect(outcome('pg-schema-diff/column/001_differs_but_expected_empty')).toMatchObject({
      status: 'failed',
      stage: 'empty plan expected',
      reason: 'from and to are the same schema, but the plan has column.alter',
    });
    expect(outcome('pg-schema-diff/column/002_from_does_not_load')).toMatchObject({ status: 'failed', stage: 'load' });
    expect(outcome('pg-schema-diff/column/002_from_does_not_load').reason).toMatch(
      /^cannot load from\.sql:1 .*type "nosuchtype" does not exist/,
    );
    expect(outcome('pg-schema-diff/function/000_add_function')).toEqual({
      status: 'skipped',
      reason: 'not managed: functions',
    });
    expect(outcome('sqlite3def/tests_triggers/Trigger')).toEqual({
      status: 'skipped',
      reason: 'not managed: triggers',
    });
  });

  test('a case that hangs times out without stopping the run, and leaves nothing on the server', async () => {
    expect(outcome('pg-schema-diff/slow/000_sleeps')).toEqual({
      status: 'failed',
      stage: 'timeout',
      reason: 'no result after 25 s',
    });
    const left = await serverQuery('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${SCRATCH_PREFIX}${process.pid}\\_%`,
    ]);
    expect(left).toEqual([]);
    // The roles it created for the cases are gone again.
    expect(await serverQuery('SELECT rolname FROM pg_roles WHERE rolname = $1', [HOSTILE_ROLE])).toEqual([]);
  });

  test('the report counts per suite and area, and --check finds a regression from it', () => {
    const report = renderReport(results, { date: '2024-01-01', postgresVersion: '15.0', sqliteVersion: '3.45.0' });
    expect(report).toContain('| pg-schema-diff | postgres | 6 | 2 | 3 | 1 | 40.0% |');
    expect(report).toContain('| sqlite3def | sqlite | 2 | 1 | 0 | 1 | 100.0% |');
    expect(report).toContain('| column | 3 | 1 | 2 | 0 | 33.3% |');
    expect(report).toContain('- `function/000_add_function` — not managed: functions');
    expect(report).toContain('- `slow/000_sleeps` — timeout: no result after 25 s');
    const statuses = parseStatuses(report);
    expect(statuses.size).toBe(cases.length);
    expect(statuses.get('sqlite3def/tests/AddIndex')).toBe('passed');
    expect(regressions(statuses, results)).toEqual([]);
    const baseline = new Map(statuses).set('pg-schema-diff/column/002_from_does_not_load', 'passed');
    expect(regressions(baseline, results).map((r) => r.case.id)).toEqual([
      'pg-schema-diff/column/002_from_does_not_load',
    ]);
  });
});

describe('scope and catalog helpers', () => {
  test('unmanaged kinds are found in SQL, not in comments, literals or quoted names', () => {
    expect(unmanagedKinds('postgres', ['CREATE TABLE t (id int); GRANT SELECT ON t TO app;'])).toEqual([
      'privileges (GRANT/REVOKE)',
    ]);
    expect(
      unmanagedKinds('postgres', [`-- CREATE FUNCTION\nCREATE TABLE "grant" (note text DEFAULT 'create trigger');`]),
    ).toEqual([]);
    expect(
      unmanagedKinds('postgres', ['CREATE VIEW v AS SELECT rank() OVER (PARTITION BY a ORDER BY b) FROM t;']),
    ).toEqual([]);
    // A partitioned table is modelled; its partitions are not; a table becoming partitioned (or not) is not planned.
    const partitioned = 'CREATE TABLE p (a int) PARTITION BY RANGE (a);';
    expect(unmanagedKinds('postgres', [partitioned, partitioned])).toEqual([]);
    expect(
      unmanagedKinds('postgres', [
        `${partitioned} CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (1) TO (2);`,
        partitioned,
      ]),
    ).toEqual(['partitions']);
    expect(unmanagedKinds('postgres', ['CREATE TABLE p (a int);', partitioned])).toEqual(['partitioning changes']);
    expect(unmanagedKinds('sqlite', ['CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; END;'])).toEqual(['triggers']);
  });

  test("sqldef cases: upstream's server range, flavor, offline and role; the schemas from.sql creates", () => {
    const metaRoot = tempDir('conformance-meta');
    const dir = path.join(metaRoot.dir, 'psqldef', 'tests_x');
    const metas: Record<string, object> = {
      New: { min_version: '18.0' },
      Old: { max_version: '14' },
      Fits: { min_version: '12', max_version: '15.99' },
      Vector: { flavor: 'pgvector' },
      NotVector: { flavor: '!pgvector' },
      Offline: { offline: true },
      AsUser: { user: 'psqldef_user' },
      Refused: { error: 'cannot do that\n' },
    };
    for (const [name, meta] of Object.entries(metas)) {
      mkdirSync(path.join(dir, name), { recursive: true });
      writeFileSync(path.join(dir, name, 'to.sql'), '');
      writeFileSync(path.join(dir, name, 'meta.json'), JSON.stringify(meta));
    }
    const found = new Map(discoverCases(metaRoot.dir).map((c) => [c.name, c]));
    metaRoot.remove();
    const why = (name: string) => notForServer(found.get(name)!, '15.20');
    expect(why('New')).toBe('for PostgreSQL 18.0 and later (the server is 15.20)');
    expect(why('Old')).toBe('for PostgreSQL up to 14 (the server is 15.20)');
    expect(why('Fits')).toBeUndefined();
    expect(why('Vector')).toBe("for pgvector servers only (upstream's flavor)");
    expect(why('NotVector')).toBeUndefined();
    expect(why('Offline')).toMatch(/^upstream runs it without a server/);
    expect(why('AsUser')).toMatch(/^upstream runs it as role psqldef_user/);
    expect(found.get('Refused')!.expect.upstreamError).toBe('cannot do that');
    expect(found.get('Refused')!.dialect).toBe('postgres');
    expect(
      schemasCreated(
        'CREATE SCHEMA a; -- CREATE SCHEMA b\ncreate schema if not exists "X y"; CREATE TABLE a.t (id int);',
      ),
    ).toEqual(['a', '"X y"']);
  });

  test('role names listed as quoted identifiers are unquoted', () => {
    expect(roleName('app_user')).toBe('app_user');
    expect(roleName('"evil""role"')).toBe('evil"role');
  });

  test('a catalog difference names the object and the setting that differs', () => {
    expect(catalogDifference(['index public.i on t unique=f keys=1'], ['index public.i on t unique=t keys=1'])).toBe(
      'index public.i: unique=t (target) vs unique=f',
    );
    expect(
      catalogDifference(['constraint public."a b".c validated=t'], ['constraint public."a b".c validated=f']),
    ).toBe('constraint public."a b".c: validated=f (target) vs validated=t');
    expect(catalogDifference([], ['relation public.t kind=r'])).toBe('only the target has relation public.t kind=r');
    expect(catalogDifference(['a b'], ['a b'])).toBeUndefined();
    // Storage parameters by value and in any order; anything else as the catalog stores it.
    expect(byValue('index public.i on t options=0 storage=fillfactor=070,deduplicate_items=on tablespace=-')).toBe(
      'index public.i on t options=0 storage=deduplicate_items=true,fillfactor=70 tablespace=-',
    );
    expect(byValue('column public.t.c text storage=x options=-')).toBe('column public.t.c text storage=x options=-');
  });
});
