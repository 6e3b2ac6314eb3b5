import { existsSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type { DataSource } from 'typeorm';
import type { MetadataOptions } from '../compile/build-metadata';
import { requireUserFile } from '../compile/load-entities';
import { ConfigError } from '../errors/errors';
import { appTypeorm } from '../typeorm/runtime';
import { dataSourceUrl, type DataSourceConnection } from './data-source-url';
import { dialectOfTypeormType } from '../dialects/registry';

/** What a TypeORM DataSource file gives: its entities, how it names things, and where it connects. */
export interface DataSourceSettings {
  /** The file as the user knows it (relative to the project root). */
  readonly file: string;
  /** Entity classes listed in `entities`. */
  readonly classes: readonly Function[];
  /** Globs listed in `entities`, relative to the project root as TypeORM resolves them (or absolute). */
  readonly globs: readonly string[];
  /** Naming strategy, entity prefix, PostgreSQL schema and uuid extension, for the compiler. */
  readonly compile: MetadataOptions;
  /** The connection as a database URL (may carry a password); a `ConfigError` when it names none we can plan against. */
  url(): Promise<string>;
  /** TypeORM's driver type (`postgres`, `better-sqlite3`, ...). */
  readonly type: string;
  /** Where its migrations live (see `migrationsFolder`). */
  readonly migrations: MigrationsFolder;
}

/**
 * The folder of a DataSource's `migrations`, relative to the project root: the static part of its first glob that
 * can match a `.ts` file (`src/migrations/*.ts` and `src/migrations/*{.ts,.js}` -> `src/migrations`). `why` says why
 * there is none: migration classes listed (their files are not known), or globs of compiled `.js` files only.
 */
export type MigrationsFolder = { readonly dir: string } | { readonly dir?: undefined; readonly why?: string };

/**
 * Loads a TypeORM DataSource file (`.ts` transpiled like the entity files, or `.js`) as TypeORM's CLI does: the
 * module itself if it is a DataSource, else its one exported DataSource (the default export counts; an exported
 * promise is awaited). The DataSource is never initialized: while the file loads, TypeORM creates no driver (a
 * stand-in takes its place), so no driver package is loaded and nothing connects. The file's `typeorm` is the one
 * schemaplan compiles with, the app's own as resolved from the file (see `appTypeorm`, `shareModules`), so its naming
 * strategy and entity classes are used as they are.
 */
export async function loadDataSource(named: string | DataSource, cwd: string): Promise<DataSourceSettings> {
  if (typeof named !== 'string') return dataSourceSettings(named, 'the DataSource given', cwd);
  const absolute = path.resolve(cwd, named);
  const file = path.relative(cwd, absolute) || absolute;
  if (!existsSync(absolute)) {
    throw new ConfigError(
      `${file}: no such data source file`,
      'Fix the path given by --data-source, $SCHEMA_DATA_SOURCE or "dataSource".',
    );
  }
  // The app's TypeORM, as the data source file resolves it (a monorepo package may have its own copy).
  appTypeorm(path.dirname(absolute));
  const dataSource = await withoutDrivers(async () =>
    findDataSource(requireUserFile(absolute, cwd, 'data source file'), file),
  );
  return dataSourceSettings(dataSource, file, cwd);
}

/**
 * What a DataSource (loaded from a file, or built by a library caller: it need not be initialized, and is not) gives;
 * `file` names it in messages.
 */
function dataSourceSettings(dataSource: DataSource, file: string, cwd: string): DataSourceSettings {
  const options = dataSource.options as DataSource['options'] & {
    schema?: string;
    uuidExtension?: 'uuid-ossp' | 'pgcrypto';
  };
  const { classes, globs } = entitiesOf(options.entities, file);
  return {
    file,
    classes,
    globs,
    compile: {
      namingStrategy: options.namingStrategy,
      entityPrefix: options.entityPrefix,
      ...dialectOfTypeormType(options.type)?.typeormDataSource.compileOptions(options),
    },
    url: () => dataSourceUrl(options as unknown as DataSourceConnection, file, cwd),
    type: options.type,
    migrations: migrationsFolder(options.migrations, file, cwd),
  };
}

async function withoutDrivers<T>(load: () => Promise<T>): Promise<T> {
  const factory = appTypeorm().DriverFactory.prototype as { create(dataSource: DataSource): unknown };
  const create = factory.create;
  factory.create = (dataSource: DataSource) => ({ options: dataSource.options });
  try {
    return await load();
  } finally {
    factory.create = create;
  }
}

async function findDataSource(exports: unknown, file: string): Promise<DataSource> {
  const hint =
    'Export the DataSource: `export default new DataSource({ ... })` or `export const AppDataSource = new DataSource({ ... })`.';
  const { InstanceChecker } = appTypeorm();
  if (InstanceChecker.isDataSource(exports)) return exports as DataSource;
  if (typeof exports !== 'object' || exports === null) throw new ConfigError(`${file}: exports no DataSource`, hint);
  const found = new Set<DataSource>();
  for (const value of Object.values(exports)) {
    const awaited: unknown = await value;
    if (InstanceChecker.isDataSource(awaited)) found.add(awaited as DataSource);
  }
  if (found.size === 0) throw new ConfigError(`${file}: exports no DataSource`, hint);
  if (found.size > 1) {
    throw new ConfigError(
      `${file}: exports ${found.size} different DataSource instances`,
      "Export exactly one, as TypeORM's CLI requires.",
    );
  }
  return [...found][0]!;
}

export function migrationsFolder(migrations: unknown, file: string, cwd: string): MigrationsFolder {
  const list: unknown[] = Array.isArray(migrations)
    ? migrations
    : migrations && typeof migrations === 'object'
      ? Object.values(migrations)
      : [];
  const globs = list.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '');
  const glob = globs.find((g) => !/\.[cm]?js$/.test(g));
  if (glob !== undefined) {
    const pattern = glob.replace(/\\/g, '/');
    const segments = pattern.split('/');
    const dynamic = segments.findIndex((segment) => segment !== '' && fg.isDynamicPattern(segment));
    const base = (dynamic < 0 ? segments.slice(0, -1) : segments.slice(0, dynamic)).join('/') || '.';
    return { dir: path.relative(cwd, path.resolve(cwd, base)) || '.' };
  }
  if (globs.length > 0) return { why: `the migrations globs of ${file} match compiled .js files only` };
  if (list.length > 0) return { why: `${file} lists migration classes, whose folder it does not say` };
  return {};
}

/** TypeORM's `entities`: a list (or an object) of classes, glob strings and entity schemas. */
function entitiesOf(entities: unknown, file: string): { classes: Function[]; globs: string[] } {
  const list: unknown[] = Array.isArray(entities)
    ? entities
    : entities && typeof entities === 'object'
      ? Object.values(entities)
      : [];
  const classes: Function[] = [];
  const globs: string[] = [];
  list.forEach((entry, index) => {
    if (typeof entry === 'function') classes.push(entry);
    else if (typeof entry === 'string') globs.push(entry);
    else {
      const what = appTypeorm().InstanceChecker.isEntitySchema(entry)
        ? 'an EntitySchema, which schemaplan does not compile'
        : 'neither a class nor a glob';
      throw new ConfigError(
        `${file}: entities[${index}] is ${what}`,
        'List decorated entity classes or globs of their files.',
      );
    }
  });
  return { classes, globs };
}
