import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readDotenv } from '../src/config/dotenv';
import { loadConfig } from '../src/config/load-config';
import { loadDataSource } from '../src/config/load-data-source';
import { resolveSources, type SourceFlags } from '../src/config/sources';
import { ConfigError, EntityLoadError, type SchemaplanError } from '../src/errors/errors';
import { REPO_ROOT } from './support/cli';
import { tempDir } from './support/temp';
import { AuthorProfile } from './projects/data-source/entity/author-profile';
import { BookItem } from './projects/data-source/entity/book-item';
import { SnakeNamingStrategy } from './projects/data-source/snake-naming';

const FIXTURE = path.join(REPO_ROOT, 'test', 'projects', 'data-source');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('config');
});
afterEach(() => tmp.remove());

const write = (file: string, text: string) => writeFileSync(path.join(tmp.dir, file), text);
const failure = async (promise: Promise<unknown>): Promise<SchemaplanError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error('expected a failure');
  return error as SchemaplanError;
};

describe('resolveSources', () => {
  const resolve = (flags: SourceFlags = {}, env: Record<string, string> = {}, cwd = tmp.dir) =>
    resolveSources(flags, env, cwd);

  it('uses the defaults without any setting', async () => {
    expect(await resolve()).toEqual({
      url: 'sqlite:./dev.sqlite',
      urlOrigin: { kind: 'default' },
      entities: ['schema/**/*.ts'],
      cwd: tmp.dir,
      concurrently: false,
      renames: { file: 'schema/renames.json', required: false },
      exclude: [],
      schemas: [],
      migrations: { dir: 'generated/migrations', template: '{timestamp}_{slug}' },
    });
  });

  it('flags > environment > config file > defaults, setting by setting', async () => {
    write(
      'schema.config.json',
      JSON.stringify({
        url: 'sqlite:./config.db',
        entities: ['config/*.ts'],
        renames: 'config-renames.json',
        concurrently: true,
        migrations: { dir: 'db/migrations', template: '{epoch}_{slug}' },
        exclude: 'legacy_*',
        schemas: ['audit'],
      }),
    );
    const config = await resolve();
    expect(config).toMatchObject({
      url: 'sqlite:./config.db',
      entities: ['config/*.ts'],
      renames: { file: 'config-renames.json', required: true },
      concurrently: true,
      exclude: ['legacy_*'],
      schemas: ['audit'],
      migrations: { dir: 'db/migrations', template: '{epoch}_{slug}' },
      configFile: 'schema.config.json',
    });
    const env = {
      DATABASE_URL: 'sqlite:./env.db',
      SCHEMA_ENTITIES: 'env/a.ts, env/b.ts',
      SCHEMA_RENAMES: 'env.json',
      SCHEMA_CONCURRENTLY: '0',
    };
    expect(await resolve({}, env)).toMatchObject({
      url: 'sqlite:./env.db',
      entities: ['env/a.ts', 'env/b.ts'],
      renames: { file: 'env.json', required: true },
      concurrently: false,
    });
    const flags = { url: 'sqlite:./flag.db', entities: ['flag/*.ts'], renames: 'flag.json', concurrently: true };
    expect(await resolve(flags, env)).toMatchObject({
      url: 'sqlite:./flag.db',
      entities: ['flag/*.ts'],
      renames: { file: 'flag.json', required: true },
      concurrently: true,
    });
    // An empty variable counts as unset.
    expect(await resolve({}, { DATABASE_URL: '', SCHEMA_ENTITIES: ' ', SCHEMA_CONCURRENTLY: '' })).toMatchObject({
      url: 'sqlite:./config.db',
      entities: ['config/*.ts'],
      concurrently: true,
    });
  });

  it('reads the config file named by --config over $SCHEMA_CONFIG over schema.config.json', async () => {
    write('schema.config.json', JSON.stringify({ url: 'sqlite:./default.db' }));
    write('env.json', JSON.stringify({ url: 'sqlite:./env-config.db' }));
    write('flag.json', JSON.stringify({ url: 'sqlite:./flag-config.db' }));
    expect((await resolve({}, { SCHEMA_CONFIG: 'env.json' })).url).toBe('sqlite:./env-config.db');
    expect((await resolve({ config: 'flag.json' }, { SCHEMA_CONFIG: 'env.json' })).url).toBe('sqlite:./flag-config.db');
  });

  it('takes entities, naming and connection from a data source, below the config file and above the defaults', async () => {
    const fromDataSource = await resolve({ dataSource: 'data-source.ts' }, {}, FIXTURE);
    expect(fromDataSource).toMatchObject({
      url: `sqlite:${encodeURIComponent(path.join(FIXTURE, 'data', 'app.sqlite'))}`,
      entities: [],
      entityClasses: [AuthorProfile, BookItem],
      entitiesLabel: 'the entities of data-source.ts',
      dataSourceFile: 'data-source.ts',
    });
    expect(fromDataSource.compile?.namingStrategy).toBeInstanceOf(SnakeNamingStrategy);
    // $SCHEMA_DATA_SOURCE names it too; a config file's settings win over the data source's, and keep its naming.
    write('over.json', JSON.stringify({ url: 'sqlite:./config.db', entities: 'config/*.ts' }));
    const overridden = await resolve(
      { config: path.join(tmp.dir, 'over.json') },
      { SCHEMA_DATA_SOURCE: 'data-source.ts' },
      FIXTURE,
    );
    expect(overridden).toMatchObject({
      url: 'sqlite:./config.db',
      entities: ['config/*.ts'],
      dataSourceFile: 'data-source.ts',
    });
    expect(overridden.entityClasses).toBeUndefined();
    expect(overridden.compile?.namingStrategy).toBeInstanceOf(SnakeNamingStrategy);
  });

  it('requires a config file or data source named explicitly; the default config file may be absent', async () => {
    expect(await failure(resolve({ config: 'missing.json' }))).toMatchObject({
      message: 'missing.json: no such config file',
    });
    expect(await failure(resolve({}, { SCHEMA_CONFIG: 'missing.json' }))).toMatchObject({
      message: 'missing.json: no such config file',
    });
    expect(await failure(resolve({ dataSource: 'ds.ts' }))).toMatchObject({
      message: 'ds.ts: no such data source file',
    });
    write('schema.config.json', JSON.stringify({ dataSource: 'other.ts' }));
    const error = await failure(resolve());
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('other.ts: no such data source file');
  });
});

describe('resolveSources: .env, the origin of the URL, migrations and dialects', () => {
  const resolve = (flags: SourceFlags = {}, env: Record<string, string> = {}, cwd = tmp.dir) =>
    resolveSources(flags, env, cwd);

  it('reads .env for variables the environment does not set, and says where the URL came from', async () => {
    write(
      '.env',
      '# local\nDATABASE_URL=sqlite:./dotenv.db\nexport SCHEMA_ENTITIES="dotenv/*.ts"\nSCHEMA_CONCURRENTLY=1\n',
    );
    expect(readDotenv(tmp.dir, { SCHEMA_ENTITIES: 'shell/*.ts' })).toEqual({
      file: '.env',
      values: { DATABASE_URL: 'sqlite:./dotenv.db', SCHEMA_CONCURRENTLY: '1' },
    });
    expect(await resolve()).toMatchObject({
      url: 'sqlite:./dotenv.db',
      urlOrigin: { kind: 'dotenv', file: '.env' },
      entities: ['dotenv/*.ts'],
      concurrently: true,
    });
    // The environment wins, variable by variable; a flag wins over both.
    expect(await resolve({}, { DATABASE_URL: 'sqlite:./shell.db' })).toMatchObject({
      url: 'sqlite:./shell.db',
      urlOrigin: { kind: 'environment' },
      entities: ['dotenv/*.ts'],
    });
    expect(await resolve({ url: 'sqlite:./flag.db' })).toMatchObject({
      url: 'sqlite:./flag.db',
      urlOrigin: { kind: 'flag' },
    });
    // A variable set empty in the environment is set: .env does not fill it in (dotenv's rule), so the config file's URL applies.
    write('schema.config.json', JSON.stringify({ url: 'sqlite:./config.db' }));
    expect(await resolve({}, { DATABASE_URL: '' })).toMatchObject({
      url: 'sqlite:./config.db',
      urlOrigin: { kind: 'config', file: 'schema.config.json' },
    });
    // .env wins over the config file, as the environment does; `dotenv: null` reads none.
    expect(await resolve()).toMatchObject({ url: 'sqlite:./dotenv.db', urlOrigin: { kind: 'dotenv', file: '.env' } });
    expect(await resolveSources({}, {}, tmp.dir, { dotenv: null })).toMatchObject({
      url: 'sqlite:./config.db',
      urlOrigin: { kind: 'config' },
    });
  });

  it('names the data source or the default as the origin', async () => {
    expect(await resolve({ dataSource: 'data-source.ts' }, {}, FIXTURE)).toMatchObject({
      urlOrigin: { kind: 'data-source', file: 'data-source.ts' },
    });
    expect(await resolve()).toMatchObject({ url: 'sqlite:./dev.sqlite', urlOrigin: { kind: 'default' } });
  });

  // Stand-ins for DataSource instances (TypeORM recognises one by its `@instanceof` marker).
  const dataSource = (options: string) =>
    `module.exports = { '@instanceof': Symbol.for('DataSource'), options: ${options} };\n`;

  it("writes migrations into the folder of the data source's first migrations glob that can hold a .ts file", async () => {
    // A new file each time: a file once required stays loaded.
    let n = 0;
    const folder = async (migrations: string) => {
      write(`ds${++n}.js`, dataSource(`{ type: 'postgres', url: 'postgres://h/db', migrations: ${migrations} }`));
      return (await resolve({ dataSource: `ds${n}.js` })).migrations;
    };
    const template = '{timestamp}_{slug}';
    expect(await folder("['src/migrations/*.ts']")).toEqual({ dir: 'src/migrations', template });
    expect(await folder("[__dirname + '/db/migrations/**/*{.ts,.js}']")).toEqual({ dir: 'db/migrations', template });
    expect(await folder("['dist/migrations/*.js', 'src/db/migrations/*.{ts,js}']")).toEqual({
      dir: 'src/db/migrations',
      template,
    });
    expect(await folder("['migrations/2024*']")).toEqual({ dir: 'migrations', template });
    // Where the folder cannot be told, the default, and why.
    expect(await folder("['dist/migrations/*.js']")).toEqual({
      dir: 'generated/migrations',
      template,
      note: 'the migrations globs of ds5.js match compiled .js files only',
    });
    expect(await folder('[class AddUsers1700000000000 {}]')).toEqual({
      dir: 'generated/migrations',
      template,
      note: 'ds6.js lists migration classes, whose folder it does not say',
    });
    expect(await folder('undefined')).toEqual({ dir: 'generated/migrations', template });
    // The config's migrations.dir wins over the data source's.
    write('schema.config.json', JSON.stringify({ migrations: { dir: 'db/changes' } }));
    expect(await folder("['src/migrations/*.ts']")).toEqual({ dir: 'db/changes', template });
  });

  it("takes the dialects from the config, else from the data source's type, else none (every dialect)", async () => {
    const dialects = async (type: string, config?: object) => {
      write(`${type}.js`, dataSource(`{ type: '${type}', url: 'postgres://h/db', database: 'app.sqlite' }`));
      if (config) write('schema.config.json', JSON.stringify(config));
      return (await resolveSources({ dataSource: `${type}.js` }, {}, tmp.dir, { database: false })).dialects;
    };
    expect(await dialects('postgres')).toEqual(['postgres']);
    expect(await dialects('better-sqlite3')).toEqual(['sqlite']);
    expect(await dialects('mysql')).toBeUndefined();
    expect(await dialects('better-sqlite3', { dialects: ['postgres'] })).toEqual(['postgres']);
    expect((await resolve()).dialects).toEqual(['postgres']);
    write('schema.config.json', '{}');
    expect((await resolve()).dialects).toBeUndefined();
    expect((await resolve({ dataSource: 'postgres.js' })).dialects).toEqual(['postgres']);
  });

  it('without a database, reads no connection: a data source the tool cannot plan against still gives its entities', async () => {
    write('ds.js', dataSource("{ type: 'better-sqlite3', database: ':memory:', entities: ['src/*.ts'] }"));
    expect(await failure(resolve({ dataSource: 'ds.js' }))).toMatchObject({
      message: "ds.js: the data source's database is :memory:, which is empty for every connection",
    });
    const project = await resolveSources({ dataSource: 'ds.js' }, {}, tmp.dir, { database: false });
    expect(project).toMatchObject({ entities: ['src/*.ts'], dialects: ['sqlite'], dataSourceFile: 'ds.js' });
    expect(project).not.toHaveProperty('url');
  });
});

describe('loadConfig', () => {
  it('loads schema.config.js (module.exports or a default export, possibly a promise) and validates it', async () => {
    write('schema.config.js', "module.exports = { url: 'sqlite:./js.db', exclude: ['tmp_*'] };\n");
    expect(await loadConfig(tmp.dir)).toEqual({
      file: 'schema.config.js',
      settings: { url: 'sqlite:./js.db', exclude: ['tmp_*'] },
    });
    write('other.js', "exports.default = Promise.resolve({ urls: 'x' });\n");
    expect(await failure(loadConfig(tmp.dir, 'other.js'))).toMatchObject({ message: 'other.js: unknown key "urls"' });
  });

  it('refuses two default config files, invalid JSON, and a file that throws', async () => {
    write('schema.config.json', '{ "url": ');
    const invalid = await failure(loadConfig(tmp.dir));
    expect(invalid).toBeInstanceOf(ConfigError);
    expect(invalid.message).toMatch(/^schema\.config\.json: not valid JSON: /);
    write('schema.config.js', "throw new Error('boom');\n");
    expect(await failure(loadConfig(tmp.dir))).toMatchObject({
      message: 'schema.config.json and schema.config.js both exist',
      hint: 'Keep one config file, or choose one with --config.',
    });
    const throwing = await failure(loadConfig(tmp.dir, 'schema.config.js'));
    expect(throwing).toBeInstanceOf(EntityLoadError);
    expect(throwing).toMatchObject({
      message: 'schema.config.js: loading the file threw: boom',
      hint: 'Fix the error in the config file.',
    });
  });
});

describe('loadDataSource', () => {
  it('reads a TypeORM DataSource file without initializing it (its driver package need not be installed)', async () => {
    const loaded = await loadDataSource('data-source.ts', FIXTURE);
    expect(loaded.classes).toEqual([AuthorProfile, BookItem]);
    expect(loaded.globs).toEqual([]);
    expect(loaded.compile.namingStrategy).toBeInstanceOf(SnakeNamingStrategy);
    expect(await loaded.url()).toBe(`sqlite:${encodeURIComponent(path.join(FIXTURE, 'data', 'app.sqlite'))}`);
  });

  // Stand-ins for DataSource instances: TypeORM (and its CLI) recognise one by its `@instanceof` marker.
  const fake = (options: string) => `{ '@instanceof': Symbol.for('DataSource'), options: ${options} }`;

  it('finds the DataSource as module.exports, the default export, or the single exported one (awaited)', async () => {
    write(
      'a.js',
      `module.exports = ${fake("{ type: 'postgres', url: 'postgres://h/a', entities: ['src/**/*.entity.ts'] }")};\n`,
    );
    expect(await loadDataSource('a.js', tmp.dir)).toMatchObject({
      file: 'a.js',
      globs: ['src/**/*.entity.ts'],
      classes: [],
    });
    write(
      'b.js',
      `const ds = ${fake("{ type: 'postgres', url: 'postgres://h/b', schema: 'app' }")};\nexports.default = ds;\nexports.AppDataSource = ds;\nexports.other = 1;\n`,
    );
    const b = await loadDataSource('b.js', tmp.dir);
    expect(await b.url()).toBe('postgres://h/b');
    expect(b.compile).toMatchObject({ schema: 'app' });
    write(
      'c.js',
      `exports.dataSource = Promise.resolve(${fake("{ type: 'postgres', url: 'postgres://h/c', entities: { A: class A {} } }")});\n`,
    );
    expect((await loadDataSource('c.js', tmp.dir)).classes.map((c) => c.name)).toEqual(['A']);
  });

  it.each([
    ['exports.x = 1;', 'd.js: exports no DataSource'],
    [`exports.a = ${fake('{}')};\nexports.b = ${fake('{}')};`, 'd.js: exports 2 different DataSource instances'],
    [
      `module.exports = ${fake("{ type: 'postgres', entities: [{ '@instanceof': Symbol.for('EntitySchema') }] }")};`,
      'd.js: entities[0] is an EntitySchema, which schemaplan does not compile',
    ],
    [
      `module.exports = ${fake("{ type: 'postgres', entities: ['a/*.ts', 42] }")};`,
      'd.js: entities[1] is neither a class nor a glob',
    ],
  ])('refuses %s', async (source, message) => {
    write('d.js', `${source}\n`);
    const error = await failure(loadDataSource('d.js', tmp.dir));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(message);
    expect(error.hint).toBeTruthy();
  });
});
