import type { DataSource } from 'typeorm';
import type { MetadataOptions } from '../compile/build-metadata';
import { DEFAULT_DATABASE_URL } from '../connect/url';
import { DEFAULT_RENAMES_FILE } from '../hints/renames-file';
import { loadConfig } from './load-config';
import type { DialectName } from '../model';
import { dialectOfType } from './data-source-url';
import { readDotenv, type DotenvFile } from './dotenv';
import { loadDataSource, type DataSourceSettings } from './load-data-source';
import { DEFAULT_MIGRATION_TEMPLATE, DEFAULT_MIGRATIONS_DIR, type ConfigFile } from './settings';

export const DEFAULT_ENTITIES = ['schema/**/*.ts'];

/** Where the database URL came from, for the line that names the database of a run. */
export type UrlOrigin =
  | { readonly kind: 'flag'; readonly flag?: string }
  | { readonly kind: 'environment' }
  | { readonly kind: 'dotenv'; readonly file: string }
  | { readonly kind: 'config'; readonly file: string }
  | { readonly kind: 'data-source'; readonly file: string }
  | { readonly kind: 'default' };

/** Everything a command works from, resolved: flags > environment > .env > config file > data source > defaults. */
export interface Sources {
  /** The database URL (may carry a password: print `DatabaseTarget.redacted` instead). */
  readonly url: string;
  /** Where `url` came from (absent: not said, e.g. a library caller's own sources). */
  readonly urlOrigin?: UrlOrigin;
  /** Entity file globs, relative to `cwd` (or absolute); may be empty when `entityClasses` are given. */
  readonly entities: readonly string[];
  /** Entity classes a data source lists, compiled with the files `entities` matches. */
  readonly entityClasses?: readonly Function[];
  /** The entities in words, for messages: the globs, or the data source they come from. */
  readonly entitiesLabel?: string;
  /** How the compiler names things (a data source's naming strategy, entity prefix, PostgreSQL schema). */
  readonly compile?: MetadataOptions;
  /** The project root: relative paths of every source resolve against it. */
  readonly cwd: string;
  /** PostgreSQL: indexes of existing tables are built and dropped CONCURRENTLY. */
  readonly concurrently?: boolean;
  /** The renames file (relative to `cwd`); `required`: named explicitly, so it must exist. */
  readonly renames?: { readonly file: string; readonly required: boolean };
  /** Tables (names or simple globs) never read, planned or dropped, on either side. */
  readonly exclude?: readonly string[];
  /** PostgreSQL schemas managed in addition to those the entities name. */
  readonly schemas?: readonly string[];
  /**
   * Where `plan --migration` writes (config `migrations.dir`, else the data source's migrations folder, else the
   * default), and the file name template (`{timestamp}`, `{slug}`, `{epoch}`). `note`: why the data source's
   * migrations did not give the folder.
   */
  readonly migrations: { readonly dir: string; readonly template: string; readonly note?: string };
  /** The dialects the project runs on (config `dialects`, else the data source's type; absent: all). */
  readonly dialects?: readonly DialectName[];
  /** The config file read, if any (as the user knows it). */
  readonly configFile?: string;
  /** The data source file read, if any. */
  readonly dataSourceFile?: string;
}

/** The project's sources without a database: what `generate`, `check` and `diff` work from. */
export type ProjectSources = Omit<Sources, 'url' | 'urlOrigin'>;

/** What the command line says (absent: not given). */
export interface SourceFlags {
  readonly url?: string;
  readonly entities?: readonly string[];
  readonly concurrently?: boolean;
  readonly renames?: string;
  readonly config?: string;
  /** A data source file, or (from code) a TypeORM DataSource, which need not be initialized. */
  readonly dataSource?: string | DataSource;
}

export interface ResolveOptions {
  /**
   * The project's `.env` (see `readDotenv`): read from `cwd` when not given; `null` for none. Its variables count
   * below the environment's.
   */
  readonly dotenv?: DotenvFile | null;
  /** `false`: the command connects to no database, so no URL is resolved (a data source's connection is not read). */
  readonly database?: boolean;
}

const TRUE = /^(1|true|yes|on)$/i;

/**
 * Resolves every setting: a flag wins over its environment variable (`DATABASE_URL`, `SCHEMA_ENTITIES`,
 * `SCHEMA_RENAMES`, `SCHEMA_CONCURRENTLY`, `SCHEMA_CONFIG`, `SCHEMA_DATA_SOURCE`), set in the environment or else in
 * the project's `.env`, which wins over the config file (named by `--config` / `$SCHEMA_CONFIG`, else
 * `schema.config.json|ts|js` if present), which wins over the TypeORM data source (`--data-source` /
 * `$SCHEMA_DATA_SOURCE` / `dataSource`: its entities, connection, type and migrations folder), which wins over the
 * defaults. An empty variable counts as unset. Files named explicitly must exist; default ones may not.
 */
export async function resolveSources(
  flags: SourceFlags,
  env: Environment,
  cwd: string,
  options?: ResolveOptions & { database?: true },
): Promise<Sources>;
export async function resolveSources(
  flags: SourceFlags,
  env: Environment,
  cwd: string,
  options: ResolveOptions & { database: false },
): Promise<ProjectSources>;
export async function resolveSources(
  flags: SourceFlags,
  env: Environment,
  cwd: string,
  options: ResolveOptions = {},
): Promise<Sources | ProjectSources> {
  const dotenv = options.dotenv === undefined ? readDotenv(cwd, env) : (options.dotenv ?? undefined);
  const variable = (name: string): { value: string; origin: UrlOrigin } | undefined => {
    const fromFile = dotenv?.values[name];
    if (fromFile?.trim()) return { value: fromFile, origin: { kind: 'dotenv', file: dotenv!.file } };
    const value = env[name];
    return value?.trim() ? { value, origin: { kind: 'environment' } } : undefined;
  };
  const fromEnv = (name: string): string | undefined => variable(name)?.value;
  const configName = flags.config ?? fromEnv('SCHEMA_CONFIG');
  const config = await loadConfig(cwd, configName);
  const settings: ConfigFile = config?.settings ?? {};
  const dataSourceName = flags.dataSource ?? fromEnv('SCHEMA_DATA_SOURCE') ?? settings.dataSource;
  const dataSource = dataSourceName === undefined ? undefined : await loadDataSource(dataSourceName, cwd);

  const envEntities = fromEnv('SCHEMA_ENTITIES')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const globs = flags.entities?.length ? flags.entities : envEntities?.length ? envEntities : settings.entities;
  const entities = globs ? { entities: globs } : (dataSourceEntities(dataSource) ?? { entities: DEFAULT_ENTITIES });
  const renames = flags.renames ?? fromEnv('SCHEMA_RENAMES') ?? settings.renames;
  const concurrently = fromEnv('SCHEMA_CONCURRENTLY');
  const typeDialect = dataSource ? dialectOfType(dataSource.type) : undefined;
  const dialects = settings.dialects ?? (typeDialect ? [typeDialect] : undefined);
  const project: ProjectSources = {
    ...entities,
    ...(dataSource ? { compile: dataSource.compile, dataSourceFile: dataSource.file } : {}),
    cwd,
    concurrently:
      flags.concurrently ??
      (concurrently !== undefined ? TRUE.test(concurrently.trim()) : (settings.concurrently ?? false)),
    renames:
      renames !== undefined ? { file: renames, required: true } : { file: DEFAULT_RENAMES_FILE, required: false },
    exclude: settings.exclude ?? [],
    schemas: settings.schemas ?? [],
    migrations: migrationsSetting(settings, dataSource),
    ...(dialects ? { dialects } : {}),
    ...(config ? { configFile: config.file } : {}),
  };
  if (options.database === false) return project;
  const { url, urlOrigin } = await databaseUrl(flags, variable('DATABASE_URL'), config?.file, settings, dataSource);
  return { url, urlOrigin, ...project };
}

type Environment = Readonly<Record<string, string | undefined>>;

/** The database URL and where it came from: `--url` > `DATABASE_URL` (environment, else .env) > config > data source > default. */
async function databaseUrl(
  flags: SourceFlags,
  variable: { value: string; origin: UrlOrigin } | undefined,
  configFile: string | undefined,
  settings: ConfigFile,
  dataSource: DataSourceSettings | undefined,
): Promise<{ url: string; urlOrigin: UrlOrigin }> {
  if (flags.url !== undefined) return { url: flags.url, urlOrigin: { kind: 'flag' } };
  if (variable) return { url: variable.value, urlOrigin: variable.origin };
  if (settings.url !== undefined) return { url: settings.url, urlOrigin: { kind: 'config', file: configFile! } };
  if (dataSource) return { url: await dataSource.url(), urlOrigin: { kind: 'data-source', file: dataSource.file } };
  return { url: DEFAULT_DATABASE_URL, urlOrigin: { kind: 'default' } };
}

/** `migrations.dir` of the config, else the folder of the data source's migrations, else the default. */
function migrationsSetting(settings: ConfigFile, dataSource: DataSourceSettings | undefined): Sources['migrations'] {
  const template = settings.migrations?.template ?? DEFAULT_MIGRATION_TEMPLATE;
  if (settings.migrations?.dir !== undefined) return { dir: settings.migrations.dir, template };
  const folder = dataSource?.migrations;
  if (folder?.dir !== undefined) return { dir: folder.dir, template };
  return { dir: DEFAULT_MIGRATIONS_DIR, template, ...(folder?.why ? { note: folder.why } : {}) };
}

/** A data source's entities, when it lists any. */
function dataSourceEntities(
  dataSource: DataSourceSettings | undefined,
): Pick<Sources, 'entities' | 'entityClasses' | 'entitiesLabel'> | undefined {
  if (!dataSource || (dataSource.classes.length === 0 && dataSource.globs.length === 0)) return undefined;
  return {
    entities: dataSource.globs,
    entityClasses: dataSource.classes,
    entitiesLabel: `the entities of ${dataSource.file}`,
  };
}

/** The entities in words: the data source they come from, or the globs. */
export function entitiesLabel(sources: Pick<Sources, 'entities' | 'entitiesLabel'>): string {
  return sources.entitiesLabel ?? sources.entities.join(' ');
}
