import { compileSources } from '../config/compile-sources';
import { parseDatabaseUrl } from '../connect/url';
import { UsageError } from '../errors/errors';
import type { Model } from '../model';
import type { InspectOptions } from './api-types';
import { readDatabaseModel } from './inspect-model';
import { resolveOptions, resolveProjectOptions } from './resolve-options';

/**
 * The model (plain, readonly data; as `schema inspect --format json` prints it) of the database, or, with `entities`
 * or `dialect`, of the entities (compiled for `dialect`, else for the URL's). Excluded tables are left out. Reads only.
 */
export async function inspect(options: InspectOptions = {}): Promise<Model> {
  if (options.url && options.entities?.length) throw new UsageError('inspect takes either url or entities, not both');
  if (options.dialect) return (await compileSources(await resolveProjectOptions(options), options.dialect)).model;
  const sources = await resolveOptions(options);
  if (options.entities?.length)
    return (await compileSources(sources, parseDatabaseUrl(sources.url, sources.cwd).dialect)).model;
  return readDatabaseModel(sources, { signal: options.signal });
}
