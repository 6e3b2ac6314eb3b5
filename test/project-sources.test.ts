import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './support/cli';
import { rawQuery } from './support/raw-query';
import { runInProcess } from './support/memory-io';
import { tempDir } from './support/temp';

jest.setTimeout(120_000);

/**
 * What every command takes from the project, run in process (`main(argv, io)`): the line naming the database and
 * where it came from, the guarantee that only apply creates a database file, where `-m` writes, the dialects
 * `generate` and `check` work in, and `diff` with the data source's naming. The project is a copy of
 * test/projects/data-source under src/ (a better-sqlite3 data source, a snake-case naming strategy), with the
 * repository's node_modules.
 */
function project(prefix: string): {
  dir: string;
  write(file: string, text: string): void;
  exists(file: string): boolean;
  remove(): void;
} {
  const tmp = tempDir(prefix);
  cpSync(path.join(REPO_ROOT, 'test', 'projects', 'data-source'), path.join(tmp.dir, 'src'), { recursive: true });
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(tmp.dir, 'node_modules'), 'dir');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(tmp.dir, file)), { recursive: true });
    writeFileSync(path.join(tmp.dir, file), text);
  };
  return { dir: tmp.dir, write, exists: (file) => existsSync(path.join(tmp.dir, file)), remove: tmp.remove };
}

const ENTITIES = ['--entities', 'src/entity/*.ts'];

describe('the database of a run: named on stderr with where it came from; never created but by apply', () => {
  let p: ReturnType<typeof project>;
  beforeEach(() => {
    p = project('origin');
  });
  afterEach(() => p.remove());

  it('no URL anywhere: the default, said as such in the first line, and no file is created by plan, inspect or diff', async () => {
    const plan = await runInProcess(['plan', ...ENTITIES], p.dir);
    expect(plan.status).toBe(0);
    expect(plan.stderr).toBe(
      'Database: sqlite:dev.sqlite (the default: no --url, DATABASE_URL, config file or data source names one)\n',
    );
    expect(plan.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^Plan for sqlite:dev\.sqlite \(sqlite [\d.]+\)$/),
      '+2 tables  (3 statements)',
      'info: sqlite:dev.sqlite does not exist: planned against an empty database, which plan does not create (apply does)',
    ]);
    const json = await runInProcess(['plan', ...ENTITIES, '--format', 'json'], p.dir);
    expect(json.stderr).toBe(plan.stderr);
    expect(JSON.parse(json.stdout)).toMatchObject({ target: 'sqlite:dev.sqlite', summary: { statements: 3 } });
    const inspect = await runInProcess(['inspect', '--format', 'json'], p.dir);
    expect(inspect.stderr).toBe(plan.stderr);
    expect(JSON.parse(inspect.stdout)).toMatchObject({ dialect: 'sqlite', tables: [] });
    const diff = await runInProcess(
      ['diff', '--from', 'sqlite:./dev.sqlite', '--to', 'entities:src/entity/*.ts'],
      p.dir,
    );
    expect(diff).toMatchObject({ status: 0, stderr: 'Database: sqlite:dev.sqlite (from --from)\n' });
    expect(diff.stdout).toContain('+2 tables');
    expect(p.exists('dev.sqlite')).toBe(false);

    const apply = await runInProcess(['apply', ...ENTITIES, '--yes'], p.dir);
    expect(apply).toMatchObject({ status: 0, stderr: plan.stderr });
    expect(p.exists('dev.sqlite')).toBe(true);
    const after = await runInProcess(['plan', ...ENTITIES], p.dir);
    expect(after.stdout.split('\n')[1]).toBe('No changes: the database is in line with the schema.');
  });

  it('names --url, DATABASE_URL (environment or .env), the config file and the data source, with no password', async () => {
    const line = async (args: readonly string[], env: Record<string, string> = {}) =>
      (await runInProcess(['inspect', ...args], p.dir, env)).stderr;
    expect(await line(['--url', 'sqlite:./a.sqlite'])).toBe('Database: sqlite:a.sqlite (from --url)\n');
    expect(await line([], { DATABASE_URL: 'sqlite:./b.sqlite' })).toBe(
      'Database: sqlite:b.sqlite (from DATABASE_URL in the environment)\n',
    );
    p.write('.env', 'DATABASE_URL=sqlite:./c.sqlite\n');
    expect(await line([])).toBe('Database: sqlite:c.sqlite (from DATABASE_URL in .env)\n');
    expect(await line([], { DATABASE_URL: 'sqlite:./b.sqlite' })).toBe(
      'Database: sqlite:b.sqlite (from DATABASE_URL in the environment)\n',
    );
    p.write('.env', '');
    p.write('schema.config.json', JSON.stringify({ url: 'sqlite:./d.sqlite' }));
    expect(await line([])).toBe('Database: sqlite:d.sqlite (from "url" in schema.config.json)\n');
    p.write('schema.config.json', JSON.stringify({ dataSource: 'src/data-source.ts' }));
    expect(await line([])).toBe('Database: sqlite:data/app.sqlite (from the connection of src/data-source.ts)\n');
    // A password never shows; the connection fails after the line has named the database.
    const postgres = await runInProcess(['inspect', '--url', 'postgres://app:s3cret-pw@127.0.0.1:1/app'], p.dir);
    expect(postgres.status).toBe(1);
    expect(postgres.stderr.split('\n')[0]).toBe('Database: postgres://app:***@127.0.0.1:1/app (from --url)');
    expect(postgres.stderr).not.toContain('s3cret-pw');
    for (const file of ['a.sqlite', 'b.sqlite', 'c.sqlite', 'd.sqlite', 'data/app.sqlite'])
      expect(p.exists(file)).toBe(false);
  });
});

describe('plan -m: where the migration goes', () => {
  let p: ReturnType<typeof project>;
  beforeEach(() => {
    p = project('migrations-dir');
  });
  afterEach(() => p.remove());

  const files = (dir: string) =>
    existsSync(path.join(p.dir, dir))
      ? readdirSync(path.join(p.dir, dir)).map((f) => f.replace(/^\d{8}_\d{6}/, 'T'))
      : [];
  const migrate = async (args: readonly string[] = []) => {
    const result = await runInProcess(['plan', '-m', 'add user nickname', ...args], p.dir);
    expect(result.status).toBe(0);
    return result.stderr.split('\n').slice(1);
  };
  const dataSource = (migrations: string) =>
    p.write(
      'src/data-source.ts',
      readFileSync(path.join(REPO_ROOT, 'test/projects/data-source/data-source.ts'), 'utf8').replace(
        'namingStrategy:',
        `migrations: ${migrations},\n  namingStrategy:`,
      ),
    );

  it("--migrations-dir > the config's migrations.dir > the data source's migrations folder > generated/migrations", async () => {
    p.write('schema.config.json', JSON.stringify({ dataSource: 'src/data-source.ts' }));
    dataSource("['src/migrations/*.ts']");
    expect(await migrate()).toEqual([
      expect.stringMatching(/^Wrote src\/migrations\/\d{8}_\d{6}_add_user_nickname\.ts and src\/migrations\/\S+\.sql$/),
      '',
    ]);
    expect(files('src/migrations')).toEqual(['T_add_user_nickname.sql', 'T_add_user_nickname.ts']);
    await migrate(['--migrations-dir', 'flagged']);
    expect(files('flagged')).toEqual(['T_add_user_nickname.sql', 'T_add_user_nickname.ts']);
    p.write(
      'schema.config.json',
      JSON.stringify({ dataSource: 'src/data-source.ts', migrations: { dir: 'db/changes' } }),
    );
    await migrate();
    expect(files('db/changes')).toEqual(['T_add_user_nickname.sql', 'T_add_user_nickname.ts']);
    expect(files('generated/migrations')).toEqual([]);
  });

  it('a data source that lists migration classes: the default folder, and a note saying why', async () => {
    dataSource('[class AddUsers1700000000000 {}]');
    const lines = await migrate(['--data-source', 'src/data-source.ts']);
    expect(lines).toEqual([
      'note: src/data-source.ts lists migration classes, whose folder it does not say: writing to generated/migrations (set "migrations.dir" in the config, or pass --migrations-dir)',
      expect.stringMatching(
        /^Wrote generated\/migrations\/\S+_add_user_nickname\.ts and generated\/migrations\/\S+\.sql$/,
      ),
      '',
    ]);
  });
});

describe('generate and check: the dialects the project declares', () => {
  let p: ReturnType<typeof project>;
  beforeEach(() => {
    p = project('dialects');
  });
  afterEach(() => p.remove());
  const generated = () => readdirSync(path.join(p.dir, 'generated')).sort();
  const models = () =>
    Object.keys(
      (JSON.parse(readFileSync(path.join(p.dir, 'generated', 'model.json'), 'utf8')) as { models: object }).models,
    );

  it('the data source\'s type, else "dialects" of the config, else every dialect; check compares those', async () => {
    // The data source is better-sqlite3: SQLite only.
    expect(await runInProcess(['generate', '--data-source', 'src/data-source.ts'], p.dir)).toMatchObject({
      status: 0,
      stderr: '',
    });
    expect(generated()).toEqual(['model.json', 'schema.sqlite.sql']);
    expect(models()).toEqual(['sqlite']);
    expect(await runInProcess(['check', '--data-source', 'src/data-source.ts'], p.dir)).toMatchObject({
      status: 0,
      stderr: '',
    });

    // Entities alone, no declaration: every dialect, as before; check then finds the PostgreSQL files missing.
    const both = await runInProcess(['check', ...ENTITIES], p.dir);
    expect(both.status).toBe(2);
    expect(both.stdout).toContain('generated/schema.postgres.sql is missing');
    expect(both.stdout).toContain(
      'generated/model.json is stale\n  postgres: no postgres model committed\n  sqlite: no changes\n',
    );

    p.write('schema.config.json', JSON.stringify({ entities: 'src/entity/*.ts', dialects: ['postgres'] }));
    expect((await runInProcess(['generate'], p.dir)).status).toBe(0);
    expect(models()).toEqual(['postgres']);
    expect(await runInProcess(['check'], p.dir)).toMatchObject({
      status: 0,
      stdout: 'generated/ is up to date with src/entity/*.ts\n',
    });
    p.write('schema.config.json', JSON.stringify({ entities: 'src/entity/*.ts', dialects: 'oracle' }));
    expect(await runInProcess(['check'], p.dir)).toMatchObject({
      status: 1,
      stderr:
        'error: schema.config.json: "dialects" must be "postgres" or "sqlite", or a list of them\nhint: e.g. "dialects": ["postgres"]\n',
    });
  });
});

describe("diff with the project's data source", () => {
  it("compiles entities: sides with its naming strategy, and leaves out the config's excluded tables", async () => {
    const p = project('diff-ds');
    try {
      const db = 'sqlite:./app.sqlite';
      expect(
        (await runInProcess(['apply', '--yes', '--url', db, '--data-source', 'src/data-source.ts'], p.dir)).status,
      ).toBe(0);
      const diff = (args: readonly string[]) =>
        runInProcess(['diff', '--from', db, '--to', 'entities:src/entity/*.ts', '--exit-code', ...args], p.dir);
      expect((await diff(['--data-source', 'src/data-source.ts'])).stdout.split('\n')[1]).toBe(
        'No changes: the database is in line with the schema.',
      );
      // Without it, TypeORM's default names: the columns look renamed.
      const unconfigured = await diff([]);
      expect(unconfigured.status).toBe(3);
      expect(unconfigured.stdout).toContain(
        '? Is column author_profile.displayName renamed from author_profile.display_name?',
      );
      // The config's exclusions apply to every side: a table only the database has is not dropped.
      const file = path.join(p.dir, 'app.sqlite');
      await rawQuery(
        { dialect: 'sqlite', url: db, oracle: { dialect: 'sqlite', file }, drop: async () => undefined },
        'CREATE TABLE "legacy_audit" ("id" integer)',
      );
      p.write('schema.config.json', JSON.stringify({ dataSource: 'src/data-source.ts' }));
      expect((await diff([])).stdout).toContain('DROP TABLE "legacy_audit"');
      p.write('schema.config.json', JSON.stringify({ dataSource: 'src/data-source.ts', exclude: ['legacy_*'] }));
      expect(await diff([])).toMatchObject({ status: 0, stderr: 'Database: sqlite:app.sqlite (from --from)\n' });
    } finally {
      p.remove();
    }
  });
});
