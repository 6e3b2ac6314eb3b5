import type { MetadataOptions } from '../compile/build-metadata';
import { DEFAULT_DATABASE_URL } from '../connect/url';
import { DEFAULT_RENAMES_FILE } from '../hints/renames-file';
import { DEFAULT_MIGRATION_TEMPLATE } from '../report/migration-files';
import { loadConfig } from './load-config';
import { loadDataSource, type DataSourceSettings } from './load-data-source';
import { DEFAULT_MIGRATIONS_DIR, type ConfigFile } from './settings';

export const DEFAULT_ENTITIES = ['schema/**/*.ts'];

/** Everything a command works from, resolved: flags > environment > config file > data source > defaults. */
export interface Sources {
  /** The database URL (may carry a password: print `DatabaseTarget.redacted` instead). */
  readonly url: string;
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
  /** Where `plan --migration` writes, and the file name template (`{timestamp}`, `{slug}`, `{epoch}`). */
  readonly migrations: { readonly dir: string; readonly template: string };
  /** The config file read, if any (as the user knows it). */
  readonly configFile?: string;
  /** The data source file read, if any. */
  readonly dataSourceFile?: string;
}

/** What the command line says (absent: not given). */
export interface SourceFlags {
  readonly url?: string;
  readonly entities?: readonly string[];
  readonly concurrently?: boolean;
  readonly renames?: string;
  readonly config?: string;
  readonly dataSource?: string;
}

const TRUE = /^(1|true|yes|on)$/i;

/**
 * Resolves every setting: a flag wins over its environment variable (`DATABASE_URL`, `SCHEMA_ENTITIES`,
 * `SCHEMA_RENAMES`, `SCHEMA_CONCURRENTLY`, `SCHEMA_CONFIG`, `SCHEMA_DATA_SOURCE`), which wins over the config file
 * (named by `--config` / `$SCHEMA_CONFIG`, else `schema.config.json|ts|js` if present), which wins over the TypeORM
 * data source (`--data-source` / `$SCHEMA_DATA_SOURCE` / `dataSource`: its entities and connection), which wins over
 * the defaults. An empty environment variable counts as unset. Files named explicitly must exist; default ones may not.
 */
export async function resolveSources(flags: SourceFlags, env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<Sources> {
  const fromEnv = (name: string): string | undefined => (env[name]?.trim() ? env[name] : undefined);
  const configName = flags.config ?? fromEnv('SCHEMA_CONFIG');
  const config = await loadConfig(cwd, configName);
  const settings: ConfigFile = config?.settings ?? {};
  const dataSourceName = flags.dataSource ?? fromEnv('SCHEMA_DATA_SOURCE') ?? settings.dataSource;
  const dataSource = dataSourceName === undefined ? undefined : await loadDataSource(dataSourceName, cwd);

  const envEntities = fromEnv('SCHEMA_ENTITIES')?.split(',').map((s) => s.trim()).filter(Boolean);
  const globs = flags.entities?.length ? flags.entities : envEntities?.length ? envEntities : settings.entities;
  const entities = globs ? { entities: globs } : (dataSourceEntities(dataSource) ?? { entities: DEFAULT_ENTITIES });
  const renames = flags.renames ?? fromEnv('SCHEMA_RENAMES') ?? settings.renames;
  const concurrently = fromEnv('SCHEMA_CONCURRENTLY');
  return {
    url: flags.url ?? fromEnv('DATABASE_URL') ?? settings.url ?? (dataSource ? await dataSource.url() : DEFAULT_DATABASE_URL),
    ...entities,
    ...(dataSource ? { compile: dataSource.compile, dataSourceFile: dataSource.file } : {}),
    cwd,
    concurrently: flags.concurrently ?? (concurrently !== undefined ? TRUE.test(concurrently.trim()) : (settings.concurrently ?? false)),
    renames: renames !== undefined ? { file: renames, required: true } : { file: DEFAULT_RENAMES_FILE, required: false },
    exclude: settings.exclude ?? [],
    schemas: settings.schemas ?? [],
    migrations: {
      dir: settings.migrations?.dir ?? DEFAULT_MIGRATIONS_DIR,
      template: settings.migrations?.template ?? DEFAULT_MIGRATION_TEMPLATE,
    },
    ...(config ? { configFile: config.file } : {}),
  };
}

/** A data source's entities, when it lists any. */
function dataSourceEntities(dataSource: DataSourceSettings | undefined): Pick<Sources, 'entities' | 'entityClasses' | 'entitiesLabel'> | undefined {
  if (!dataSource || (dataSource.classes.length === 0 && dataSource.globs.length === 0)) return undefined;
  return { entities: dataSource.globs, entityClasses: dataSource.classes, entitiesLabel: `the entities of ${dataSource.file}` };
}

/** The entities in words: the data source they come from, or the globs. */
export function entitiesLabel(sources: Pick<Sources, 'entities' | 'entitiesLabel'>): string {
  return sources.entitiesLabel ?? sources.entities.join(' ');
}
