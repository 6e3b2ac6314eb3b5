import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from '../src/connect/url';
import { REPO_ROOT, runCli, type CliResult } from './support/cli';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { rawQuery } from './support/raw-query';
import { tempProject } from './support/temp';
import { typeormPendingQueries } from './support/typeorm-oracle';
import { SnakeNamingStrategy } from './projects/data-source/snake-naming';

/**
 * Configuration through the real binary, in a project folder of its own: a copy of test/projects/data-source under
 * `src/` (two entities, a snake-case naming strategy, a data source file), without node_modules, so `typeorm` in the
 * project's files resolves to schemaplan's own.
 */
const FIXTURE = path.join(REPO_ROOT, 'test', 'projects', 'data-source');

function project(prefix: string): { dir: string; write(file: string, text: string): void; remove(): void } {
  const tmp = tempProject(prefix);
  cpSync(FIXTURE, path.join(tmp.dir, 'src'), { recursive: true });
  return {
    dir: tmp.dir,
    write: (file, text) => {
      mkdirSync(path.dirname(path.join(tmp.dir, file)), { recursive: true });
      writeFileSync(path.join(tmp.dir, file), text);
    },
    remove: tmp.remove,
  };
}

/** Runs the binary in the project, with no database or schemaplan settings inherited from the test's environment. */
function cli(dir: string, args: readonly string[], env: Record<string, string | undefined> = {}): CliResult {
  const clean = {
    DATABASE_URL: undefined,
    SCHEMA_ENTITIES: undefined,
    SCHEMA_CONFIG: undefined,
    SCHEMA_DATA_SOURCE: undefined,
  };
  return runCli(args, { cwd: dir, env: { ...clean, ...env } });
}

/** A successful run, whose stderr is only the line naming its database and where that came from. */
const ok = (result: CliResult, database: string): CliResult => {
  expect(result.stderr).toBe(`Database: ${database}\n`);
  expect(result.status).toBe(0);
  return result;
};

/** The database of a URL as runs in `dir` name it (no password; a SQLite file relative to the project). */
const shown = (url: string, dir: string): string => parseDatabaseUrl(url, dir).redacted;

describe.each(DIALECTS)('a project configured by schema.config.json on %s', (dialect) => {
  it('plans and applies from the config file alone; excluded tables are neither dropped nor created', async () => {
    const db = await freshDatabase(dialect, 'cfg-file');
    const dir = project('cfg-file');
    try {
      await rawQuery(db, 'CREATE TABLE "legacy_audit" ("id" integer PRIMARY KEY)');
      const url = withPassword(db);
      const settings = { url, entities: 'src/entity/*.ts', migrations: { dir: 'db/migrations' } };
      dir.write('schema.config.json', JSON.stringify({ ...settings, exclude: ['legacy_*', 'book_item'] }));
      dir.write('all.json', JSON.stringify(settings));

      // Without the exclusion the plan would drop the legacy table and create book_item: the exclusion is what
      // keeps them out.
      const database = shown(url, dir.dir);
      const all = ok(cli(dir.dir, ['plan', '--config', 'all.json']), `${database} (from "url" in all.json)`);
      expect(all.stdout).toContain('legacy_audit');
      expect(all.stdout).toContain('book_item');

      const plan = cli(dir.dir, ['plan', '--exit-code']);
      const fromConfig = `${database} (from "url" in schema.config.json)`;
      expect(plan.stderr).toBe(`Database: ${fromConfig}\n`);
      expect(plan.status).toBe(2);
      expect(plan.stdout).toContain('+1 table  (2 statements)\n');
      expect(plan.stdout).toMatch(/CREATE TABLE ("public"\.)?"author_profile"/);
      expect(plan.stdout).not.toContain('legacy_audit');
      expect(plan.stdout).not.toContain('book_item');
      if (dialect === 'postgres') {
        expect(plan.stdout).toMatch(/^Plan for postgres:\/\/[^:]+:\*\*\*@/);
        expect(plan.stdout).not.toContain(new URL(url).password);
      }

      ok(cli(dir.dir, ['apply', '--yes']), fromConfig);
      expect(ok(cli(dir.dir, ['plan', '--exit-code']), fromConfig).stdout).toContain('No changes');
      expect(await rawQuery(db, 'SELECT COUNT(*) AS "n" FROM "legacy_audit"')).toEqual([
        { n: dialect === 'postgres' ? '0' : 0 },
      ]);
    } finally {
      dir.remove();
      await db.drop();
    }
  });
});

describe('managed PostgreSQL schemas', () => {
  it("reads and plans the configured schemas besides the entities' ones; a qualified exclusion keeps one table", async () => {
    const db = await freshDatabase('postgres', 'cfg-schemas');
    const dir = project('cfg-schemas');
    try {
      await rawQuery(
        db,
        'CREATE SCHEMA "audit"; CREATE TABLE "audit"."old_events" ("id" integer); CREATE TABLE "audit"."keep_me" ("id" integer)',
      );
      const base = { url: db.url, entities: 'src/entity/*.ts' };
      dir.write(
        'schema.config.json',
        JSON.stringify({ ...base, schemas: ['audit', 'reports'], exclude: ['audit.keep_me'] }),
      );
      dir.write('unmanaged.json', JSON.stringify(base));

      // Not configured, the audit schema is not read at all.
      const database = shown(db.url, dir.dir);
      const unmanaged = ok(
        cli(dir.dir, ['plan', '--config', 'unmanaged.json']),
        `${database} (from "url" in unmanaged.json)`,
      );
      expect(unmanaged.stdout).not.toContain('audit');

      const fromConfig = `${database} (from "url" in schema.config.json)`;
      const plan = ok(cli(dir.dir, ['plan']), fromConfig);
      expect(plan.stdout).toContain('DROP TABLE "audit"."old_events"');
      expect(plan.stdout).toContain('CREATE SCHEMA IF NOT EXISTS "reports"');
      expect(plan.stdout).not.toContain('keep_me');
      ok(cli(dir.dir, ['apply', '--yes', '--allow-hazards', 'DATA_LOSS']), fromConfig);
      expect(ok(cli(dir.dir, ['plan', '--exit-code']), fromConfig).stdout).toContain('No changes');
      expect(
        await rawQuery(db, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'audit'`),
      ).toEqual([{ table_name: 'keep_me' }]);
    } finally {
      dir.remove();
      await db.drop();
    }
  });
});

describe('precedence: flags > environment > config file > defaults', () => {
  it('chooses the URL, the entities and the config file by precedence', () => {
    const dir = project('cfg-precedence');
    try {
      dir.write(
        'schema.config.json',
        JSON.stringify({ url: 'sqlite:./from-config.sqlite', entities: ['src/entity/*.ts'] }),
      );
      dir.write(
        'other/note.ts',
        "import { Entity, PrimaryColumn } from 'typeorm';\n@Entity()\nexport class Note {\n  @PrimaryColumn() id: string;\n}\n",
      );
      // stderr (the database and where it came from) | the plan's first two lines.
      const header = (result: CliResult) => {
        expect(result.status).toBe(0);
        return [result.stderr.replace(/\n$/, ''), ...result.stdout.split('\n').slice(0, 2)].join(' | ');
      };

      expect(header(cli(dir.dir, ['plan']))).toMatch(
        /^Database: sqlite:from-config\.sqlite \(from "url" in schema\.config\.json\) \| Plan for sqlite:from-config\.sqlite .* \| \+2 tables {2}\(3 statements\)$/,
      );
      const env = { DATABASE_URL: 'sqlite:./from-env.sqlite', SCHEMA_ENTITIES: 'other/*.ts' };
      const viaEnv = cli(dir.dir, ['plan'], env);
      expect(header(viaEnv)).toMatch(
        /^Database: sqlite:from-env\.sqlite \(from DATABASE_URL in the environment\) \| Plan for sqlite:from-env\.sqlite .* \| \+1 table {2}\(\d+ statements?\)$/,
      );
      expect(viaEnv.stdout).toContain('"note"');
      const viaFlags = cli(
        dir.dir,
        ['plan', '--url', 'sqlite:./from-flag.sqlite', '--entities', 'src/entity/*.ts'],
        env,
      );
      expect(header(viaFlags)).toMatch(
        /^Database: sqlite:from-flag\.sqlite \(from --url\) \| Plan for sqlite:from-flag\.sqlite .* \| \+2 tables {2}\(3 statements\)$/,
      );

      // $SCHEMA_CONFIG replaces schema.config.json; --config replaces $SCHEMA_CONFIG.
      dir.write('env.json', JSON.stringify({ url: 'sqlite:./from-env-config.sqlite', entities: 'other/*.ts' }));
      dir.write('flag.json', JSON.stringify({ url: 'sqlite:./from-flag-config.sqlite', entities: 'other/*.ts' }));
      expect(header(cli(dir.dir, ['plan'], { SCHEMA_CONFIG: 'env.json' }))).toMatch(
        /^Database: sqlite:from-env-config\.sqlite \(from "url" in env\.json\) \| Plan for sqlite:from-env-config\.sqlite/,
      );
      expect(header(cli(dir.dir, ['plan', '--config', 'flag.json'], { SCHEMA_CONFIG: 'env.json' }))).toMatch(
        /^Database: sqlite:from-flag-config\.sqlite \(from "url" in flag\.json\) \| Plan for sqlite:from-flag-config\.sqlite/,
      );

      // A TypeScript config file, loaded like the entity files.
      rmSync(path.join(dir.dir, 'schema.config.json'));
      dir.write(
        'schema.config.ts',
        "const entities: string[] = ['other/*.ts'];\nexport default { url: 'sqlite:./from-ts-config.sqlite', entities };\n",
      );
      expect(header(cli(dir.dir, ['plan']))).toMatch(
        /^Database: sqlite:from-ts-config\.sqlite \(from "url" in schema\.config\.ts\) \| Plan for sqlite:from-ts-config\.sqlite .* \| \+1 table {2}\(\d+ statements?\)$/,
      );
      // Planning never created any of those files.
      for (const name of [
        'from-config',
        'from-env',
        'from-flag',
        'from-env-config',
        'from-flag-config',
        'from-ts-config',
      ]) {
        expect(existsSync(path.join(dir.dir, `${name}.sqlite`))).toBe(false);
      }
    } finally {
      dir.remove();
    }
  });

  it('reports an invalid or missing config file in one line naming the file and the key, and exits 1', () => {
    const dir = project('cfg-errors');
    try {
      dir.write('schema.config.json', JSON.stringify({ url: 'sqlite:./x.sqlite', entity: 'src/entity/*.ts' }));
      const unknown = cli(dir.dir, ['plan']);
      expect(unknown.status).toBe(1);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr).toBe(
        'error: schema.config.json: unknown key "entity"\n' +
          'hint: Known keys: url, entities, renames, concurrently, migrations, exclude, schemas, dataSource, dialects.\n',
      );
      dir.write('schema.config.json', JSON.stringify({ concurrently: 'yes' }));
      expect(cli(dir.dir, ['plan']).stderr).toBe(
        'error: schema.config.json: "concurrently" must be true or false\nhint: e.g. "concurrently": true\n',
      );
      const missing = cli(dir.dir, ['plan', '--config', 'nope.json']);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/^error: nope\.json: no such config file\nhint: /);
      expect(existsSync(path.join(dir.dir, 'x.sqlite'))).toBe(false);
    } finally {
      dir.remove();
    }
  });
});

/**
 * A TypeORM project adopts the tool with nothing but its data source file: entities (as classes, or as globs relative
 * to the project root as TypeORM resolves them), its snake-case naming strategy, and its connection.
 */
describe.each(
  DIALECTS.flatMap((dialect) => (['classes', 'globs'] as const).map((entities) => [dialect, entities] as const)),
)('a project with only a TypeORM data source on %s (entities as %s)', (dialect, entities) => {
  it("plans and applies with the data source's naming and connection; TypeORM has nothing pending", async () => {
    const db = await freshDatabase(dialect, `cfg-ds-${entities}`);
    const dir = project(`cfg-ds-${entities}`);
    try {
      dir.write('src/data-source.ts', dataSourceFile(db, dir.dir, entities));
      // The classes case names the file with --data-source, the globs case with "dataSource" in the config file.
      const using = entities === 'classes' ? ['--data-source', 'src/data-source.ts'] : [];
      if (entities === 'globs') dir.write('schema.config.json', JSON.stringify({ dataSource: 'src/data-source.ts' }));

      const plan = cli(dir.dir, ['plan', '--exit-code', ...using]);
      const fromDataSource = `${shown(withPassword(db), dir.dir)} (from the connection of src/data-source.ts)`;
      expect(plan.stderr).toBe(`Database: ${fromDataSource}\n`);
      expect(plan.status).toBe(2);
      expect(plan.stdout).toContain('+2 tables');
      // Names from the project's naming strategy: snake-case tables and columns, its own key names.
      expect(plan.stdout).toMatch(/CREATE TABLE ("public"\.)?"author_profile" \("id" /);
      for (const name of [
        '"display_name"',
        '"is_active"',
        '"shelf_code"',
        '"written_by_id"',
        '"fk_book_item_written_by_id"',
      ]) {
        expect(plan.stdout).toContain(name);
      }
      if (dialect === 'postgres') {
        expect(plan.stdout).toContain('CONSTRAINT "pk_author_profile_id" PRIMARY KEY');
        expect(plan.stdout).toMatch(/^Plan for postgres:\/\/[^:]+:\*\*\*@/);
        expect(plan.stdout).not.toContain(new URL(withPassword(db)).password);
      } else if (db.oracle.dialect === 'sqlite') {
        expect(plan.stdout.split('\n')[0]).toContain(`${path.basename(path.dirname(db.oracle.file))}/test.sqlite`);
      }

      ok(cli(dir.dir, ['apply', '--yes', ...using]), fromDataSource);
      expect(ok(cli(dir.dir, ['plan', '--exit-code', ...using]), fromDataSource).stdout).toContain('No changes');
      const classes = await entityClasses('test/projects/data-source/entity');
      expect(await typeormPendingQueries(db.oracle, classes, { namingStrategy: new SnakeNamingStrategy() })).toEqual(
        [],
      );

      // An explicit --url wins over the data source's connection; its naming still applies.
      const elsewhere = ok(
        cli(dir.dir, ['plan', '--url', 'sqlite::memory:', ...using]),
        'sqlite::memory: (from --url)',
      );
      expect(elsewhere.stdout).toMatch(/^Plan for sqlite::memory: .*\n\+2 tables {2}\(\d+ statements\)\n/);
      expect(elsewhere.stdout).toContain('"written_by_id"');
    } finally {
      dir.remove();
      await db.drop();
    }
  });
});

/** The database URL with a password (PostgreSQL; the test server trusts local connections, so any will do). */
function withPassword(db: TestDatabase): string {
  if (db.dialect !== 'postgres') return db.url;
  const url = new URL(db.url);
  if (!url.password) url.password = 'pw-never-printed';
  return url.toString();
}

function dataSourceFile(db: TestDatabase, projectDir: string, entities: 'classes' | 'globs'): string {
  let connection: string;
  if (db.oracle.dialect === 'postgres') {
    const url = new URL(withPassword(db));
    connection = [
      "type: 'postgres'",
      `host: ${JSON.stringify(url.hostname)}`,
      `port: ${Number(url.port || 5432)}`,
      `username: ${JSON.stringify(decodeURIComponent(url.username))}`,
      `password: () => ${JSON.stringify(decodeURIComponent(url.password))}`,
      `database: ${JSON.stringify(decodeURIComponent(url.pathname.slice(1)))}`,
    ].join(', ');
  } else {
    // Relative to the project root, as TypeORM resolves it against the app's working directory.
    connection = `type: 'better-sqlite3', database: ${JSON.stringify(path.relative(projectDir, db.oracle.file))}`;
  }
  const list = entities === 'classes' ? '[AuthorProfile, BookItem]' : "['src/entity/*.ts']";
  return [
    "import 'reflect-metadata';",
    "import { DataSource } from 'typeorm';",
    ...(entities === 'classes'
      ? ["import { AuthorProfile } from './entity/author-profile';", "import { BookItem } from './entity/book-item';"]
      : []),
    "import { SnakeNamingStrategy } from './snake-naming';",
    '',
    `export default new DataSource({ ${connection}, entities: ${list}, namingStrategy: new SnakeNamingStrategy() });`,
    '',
  ].join('\n');
}
