import { resolveSources, type ProjectSources, type SourceFlags, type Sources } from '../config/sources';
import type { SourceOptions } from './api-types';

type Given = Pick<
  SourceOptions,
  'url' | 'entities' | 'config' | 'dataSource' | 'renames' | 'concurrently' | 'cwd' | 'env'
>;

/**
 * The sources a library call works from, resolved as the CLI resolves its flags: options > environment (`env`) >
 * the project's `.env` > config file > data source > defaults. Unlike the CLI, the `.env` file's variables are not
 * set in `process.env`. Entity classes among `entities` are compiled with the files its globs match.
 */
export async function resolveOptions(options: Given): Promise<Sources> {
  const cwd = options.cwd ?? process.cwd();
  const sources = await resolveSources(flagsOf(options), options.env ?? process.env, cwd);
  return withEntityClasses(sources, options);
}

/** As `resolveOptions`, without a database (no URL is resolved, a data source's connection is not read). */
export async function resolveProjectOptions(options: Given): Promise<ProjectSources> {
  const cwd = options.cwd ?? process.cwd();
  const sources = await resolveSources(flagsOf(options), options.env ?? process.env, cwd, { database: false });
  return withEntityClasses(sources, options);
}

function flagsOf(options: Given): SourceFlags {
  const globs = options.entities?.filter((entry): entry is string => typeof entry === 'string');
  return {
    url: options.url,
    entities: globs,
    concurrently: options.concurrently,
    renames: options.renames,
    config: options.config,
    dataSource: options.dataSource,
  };
}

function withEntityClasses<T extends ProjectSources>(sources: T, options: Given): T {
  const classes = options.entities?.filter((entry): entry is Function => typeof entry === 'function') ?? [];
  if (classes.length === 0) return sources;
  const globs = options.entities!.filter((entry): entry is string => typeof entry === 'string');
  const names = classes.map((c) => c.name).join(', ');
  return {
    ...sources,
    entities: globs,
    entityClasses: classes,
    entitiesLabel: [...globs, names].filter(Boolean).join(' '),
  };
}
