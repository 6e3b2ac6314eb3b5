import type { Sources } from '../config/sources';
import { parseDatabaseUrl, type DatabaseTarget } from '../connect/url';
import { dialectFor } from '../dialects/registry';
import { excludeFromModel, type Model } from '../model';

export interface ReadDatabaseOptions {
  readonly signal?: AbortSignal;
  /** Every user schema (entities for a whole database, so foreign keys into other schemas find their target). */
  readonly allSchemas?: boolean;
  /** Called right before connecting, with the database about to be connected to. */
  readonly connecting?: (target: DatabaseTarget) => void;
}

/**
 * The model of the database at `sources.url`, read-only (a database that does not exist reads as empty), without the
 * excluded tables; PostgreSQL: `public` and the configured `schemas` (or every user schema with `allSchemas`).
 */
export async function readDatabaseModel(
  sources: Pick<Sources, 'url' | 'cwd' | 'schemas' | 'exclude'>,
  options: ReadDatabaseOptions = {},
): Promise<Model> {
  const target = parseDatabaseUrl(sources.url, sources.cwd);
  options.connecting?.(target);
  const session = await dialectFor(target.dialect).connect(target, {
    create: false,
    readOnly: true,
    signal: options.signal,
  });
  try {
    const schemas = options.allSchemas
      ? { schemas: await session.listSchemas() }
      : sources.schemas?.length
        ? { schemas: ['public', ...sources.schemas] }
        : {};
    return excludeFromModel(await session.introspect(schemas), sources.exclude ?? []);
  } finally {
    await session.close();
  }
}
