import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileEntities } from '../src/compile/compile';
import { parseDatabaseUrl } from '../src/connect/url';
import type { DialectName } from '../src/model';
import { applyTowards, connect } from './support/apply-model';
import { REPO_ROOT, runCli } from './support/cli';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { rawQuery } from './support/raw-query';
import { runInProcess } from './support/memory-io';
import { tempDir } from './support/temp';
import { validatePlanDocument } from './support/plan-schema';

const CASE = 'fixtures/enum-add-value';
type Kind = 'database' | 'entities' | 'model' | 'sql';
const KINDS: readonly Kind[] = ['database', 'entities', 'model', 'sql'];

async function databaseOf(dialect: DialectName, state: 'from' | 'to', prefix: string): Promise<TestDatabase> {
  const db = await freshDatabase(dialect, prefix);
  const session = await connect(db.url);
  try {
    await applyTowards(session, (await compileEntities(await entityClasses(`${CASE}/${state}`), dialect)).model);
  } finally {
    await session.close();
  }
  return db;
}

/**
 * `schema diff` between every pair of source kinds (in-process; the real binary for the sandbox and usage): one schema written four ways (a
 * database, entity files, a model .json, a .sql file) diffs as empty against itself in every pairing, and the plan
 * from the previous state shows the change whichever kinds carry the two states.
 */
describe.each(DIALECTS)('schema diff on %s', (dialect) => {
  let dir: ReturnType<typeof tempDir>;
  const dbs: TestDatabase[] = [];
  const sources: Record<'from' | 'to', Record<Kind, string>> = {
    from: {} as Record<Kind, string>,
    to: {} as Record<Kind, string>,
  };
  let devUrl: string | undefined;

  beforeAll(async () => {
    dir = tempDir(`diff-${dialect}`);
    for (const state of ['from', 'to'] as const) {
      const db = await databaseOf(dialect, state, `diff-${state}`);
      dbs.push(db);
      const entities = path.join(REPO_ROOT, CASE, state, '*.ts');
      const sql = await runInProcess(
        ['inspect', '--entities', entities, '--dialect', dialect, '--format', 'sql'],
        REPO_ROOT,
      );
      expect(sql.status).toBe(0);
      writeFileSync(path.join(dir.dir, `${state}.sql`), sql.stdout);
      // One state as a raw model (`inspect --format json`), the other as a model document (`schema generate`).
      if (state === 'to') {
        const model = await runInProcess(
          ['inspect', '--entities', entities, '--dialect', dialect, '--format', 'json'],
          REPO_ROOT,
        );
        writeFileSync(path.join(dir.dir, 'to.json'), model.stdout);
      } else {
        const generated = await runInProcess(['generate', '--entities', entities], dir.dir);
        expect(generated.status).toBe(0);
      }
      sources[state] = {
        database: db.url,
        entities: `entities:${entities}`,
        model: state === 'to' ? 'to.json' : 'generated/model.json',
        sql: `${state}.sql`,
      };
    }
    if (dialect === 'postgres') {
      const dev = await freshDatabase('postgres', 'diff-dev');
      dbs.push(dev);
      devUrl = dev.url;
    }
  });

  afterAll(async () => {
    for (const db of dbs) await db.drop();
    dir.remove();
  });

  // In-process (`main(argv, io)`): the same command, arguments and output, without a process per pairing. The real
  // binary is run below (a .sql side in the sandbox, usage errors).
  const diff = (from: string, to: string, extra: string[] = []) =>
    runInProcess(
      [
        'diff',
        '--from',
        from,
        '--to',
        to,
        '--dialect',
        dialect,
        '--exit-code',
        ...(devUrl ? ['--dev-url', devUrl] : []),
        ...extra,
      ],
      dir.dir,
    );

  it.each(KINDS.flatMap((a) => KINDS.map((b) => [a, b] as const)))(
    '%s -> %s: the same schema diffs as empty',
    async (a, b) => {
      const result = await diff(sources.to[a], sources.to[b]);
      // A database side is named on stderr, with the flag that gave it.
      const named = (
        [
          [a, '--from'],
          [b, '--to'],
        ] as const
      ).filter(([kind]) => kind === 'database');
      expect(result.stderr).toBe(
        named
          .map(([, flag]) => `Database: ${parseDatabaseUrl(sources.to.database, dir.dir).redacted} (from ${flag})\n`)
          .join(''),
      );
      expect(result.stdout).toContain('No changes');
      expect(result.status).toBe(0);
    },
  );

  it.each(KINDS.map((kind) => [kind] as const))(
    '%s -> entities: the plan from the previous state shows the change',
    async (kind) => {
      const result = await diff(sources.from[kind], sources.to.entities, ['--format', 'json']);
      expect(result.status).toBe(2);
      const plan = JSON.parse(result.stdout);
      expect(validatePlanDocument(plan)).toEqual([]);
      expect(plan.summary.text).toBe(dialect === 'postgres' ? '+2 enum values' : '~1 table rebuilt, ~1 column');
      expect(plan.target).toContain(' -> entities:');
    },
  );

  it('entities -> database plans the way back, with the DDL diff', async () => {
    const result = await diff(sources.to.entities, sources.from.database, ['--diff']);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^Plan for entities:\S+ -> \S+ \(/);
    expect(result.stdout).toMatch(/^--- entities:\S+ \(current\)$/m);
  });

  if (dialect === 'postgres') {
    it('evaluates a .sql side in the sandbox when no --dev-url is given (test/cli-sandbox.test.ts: with a role that cannot create databases)', async () => {
      const result = runCli(['diff', '--from', sources.to.sql, '--to', sources.to.database, '--exit-code'], {
        cwd: dir.dir,
      });
      expect(result.stderr).toBe(`Database: ${parseDatabaseUrl(sources.to.database, dir.dir).redacted} (from --to)\n`);
      expect(result.status).toBe(0);
      const left = await rawQuery(
        dbs[0]!,
        `SELECT datname FROM pg_database WHERE datname LIKE 'schemaplan\\_scratch\\_${result.pid}\\_%'`,
      );
      expect(left).toEqual([]);
    }, 240_000);

    it('evaluates a .sql side against entities without any server', () => {
      const result = runCli(
        ['diff', '--from', sources.to.sql, '--to', sources.to.entities, '--dialect', 'postgres', '--exit-code'],
        { cwd: dir.dir },
      );
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('No changes');
      expect(result.status).toBe(0);
    }, 240_000);
  }
});

describe('schema diff, usage', () => {
  it('needs a dialect when no side names one, and says what a source is', () => {
    const noDialect = runCli([
      'diff',
      '--from',
      'entities:fixtures/enum-add-value/from/*.ts',
      '--to',
      'entities:fixtures/enum-add-value/to/*.ts',
    ]);
    expect(noDialect.status).toBe(1);
    expect(noDialect.stderr).toBe(
      'error: cannot tell which dialect to compare in: no side is a database\n' +
        "hint: Name it with --dialect: schema diff --from 'entities:fixtures/enum-add-value/from/*.ts' --to 'entities:fixtures/enum-add-value/to/*.ts' --dialect postgres (or --dialect sqlite)\n",
    );
    const unknown = runCli(['diff', '--from', 'schema.txt', '--to', 'sqlite::memory:']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^error: cannot tell what kind of source "schema.txt" is/);
    const mixed = runCli(['diff', '--from', 'sqlite::memory:', '--to', 'postgres://nobody@127.0.0.1:1/x']);
    expect(mixed.stderr).toMatch(
      /^error: sqlite::memory: is sqlite but postgres:\/\/nobody@127\.0\.0\.1:1\/x is postgres/,
    );
  });
});
