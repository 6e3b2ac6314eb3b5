import type { ProjectSources } from '../config/sources';
import type { Dialect } from '../dialects/dialect';
import { dialectFor } from '../dialects/registry';
import { readRenamesFile } from '../hints/renames-file';
import { renamesForModel } from '../hints/renames-for-model';
import { declarableByEntities, type DialectName, type Model } from '../model';
import type { Plan } from '../plan/types';
import type { DiffSource } from './api-types';
import { diffDialect, loadSource, type LoadedSource } from '../sources/load-source';
import { sourceSpecOf } from '../sources/source-spec';
import { managedSchemas } from './plan-database';
import { planModels } from './plan-models';

/**
 * Two schema sources to compare: each a database URL, `entities:GLOB[,GLOB]`, a model `.json` or a `.sql` file, or
 * (from code) a model or model document as data.
 */
export interface DiffRequest {
  readonly from: DiffSource;
  readonly to: DiffSource;
  /** When neither side is a database (nor `devUrl` given): the dialect to compare in. */
  readonly dialect?: DialectName;
  /** PostgreSQL: an empty database to evaluate `.sql` sides in (default: the built-in sandbox, PGlite). */
  readonly devUrl?: string;
  /** A renames file (must exist), relative to `cwd`. */
  readonly renames?: string;
  readonly cwd: string;
  /** The project's settings (config file, data source), resolved once the sides are known to be well formed. */
  readonly project: () => Promise<Pick<ProjectSources, 'compile' | 'exclude' | 'schemas'>>;
  readonly signal?: AbortSignal;
  /** The hint when no side names a dialect (the CLI shows the command again with `--dialect`). */
  readonly missingDialectHint?: string;
  /** Called for each database side before anything is read (the CLI names it). */
  readonly onDatabase?: (label: string, side: 'from' | 'to') => void;
}

export interface DiffResult {
  readonly plan: Plan;
  readonly dialect: Dialect;
  readonly from: { readonly label: string; readonly model: Model };
  readonly to: { readonly label: string; readonly model: Model };
  /** The server version of a database side (FROM's when both are). */
  readonly serverVersion?: string;
}

/**
 * The plan that turns FROM into TO. Non-database sides are read first, so a database side reads the PostgreSQL
 * schemas entities name (all user schemas against any other side). A TO side other than entities (or a model
 * document compiled from them) is a full inventory: schemas and extensions it lacks are dropped (see `TargetScope`).
 * A database FROM side is planned against as `plan` does (`planModels`): its rows measured, its schema hash recorded.
 * The project's settings apply as for `plan`: entity sides are compiled with its naming strategy, entity prefix and
 * schema; its excluded tables are left out of every side; its `schemas` are managed with the entities'.
 */
export async function diffSources(request: DiffRequest): Promise<DiffResult> {
  const { cwd } = request;
  const specs = [sourceSpecOf(request.from, 'from', cwd), sourceSpecOf(request.to, 'to', cwd)] as const;
  const dialectName = diffDialect(specs[0], specs[1], request.dialect, cwd, {
    devUrl: request.devUrl,
    missingHint: request.missingDialectHint,
  });
  const dialect = dialectFor(dialectName);
  const project = await request.project();
  const renamesFile = request.renames ? readRenamesFile(request.renames, cwd, true) : undefined;
  const options = {
    cwd,
    devUrl: request.devUrl,
    renamesFile,
    connect: { readOnly: true, signal: request.signal },
    compile: project.compile,
    exclude: project.exclude,
    extraSchemas: project.schemas,
  };
  const loaded: (LoadedSource | undefined)[] = [undefined, undefined];
  try {
    specs.forEach((spec, i) => {
      if (spec.kind === 'database') request.onDatabase?.(spec.label, i === 0 ? 'from' : 'to');
    });
    const order = specs[0].kind === 'database' ? [1, 0] : [0, 1];
    for (const i of order) {
      const other = loaded[1 - i];
      // Entities name only the schemas they need: a database side reads those. Any other side is a full inventory,
      // against which every user schema is read (and those it lacks are dropped).
      const schemas = other && other.scope === 'needs' ? managedSchemas(other.model, project.schemas) : undefined;
      loaded[i] = await loadSource(specs[i]!, dialectName, { ...options, schemas });
    }
    const [from, to] = loaded as [LoadedSource, LoadedSource];
    // Entities (or a model document compiled from them) cannot declare standalone sequences, partitioning or domains:
    // against them, those of the other side are left alone, and listed as not managed.
    const fromEntities = loaded.some((side) => side?.scope === 'needs');
    const side = (model: Model) => (fromEntities ? declarableByEntities(model) : model);
    const input = {
      from: side(from.model),
      to: side(to.model),
      dialect,
      diagnostics: [...from.diagnostics, ...to.diagnostics],
      // Entities resolve the renames file while compiling; any other TO side resolves it against its model.
      renames: to.renames ?? (renamesFile ? renamesForModel(renamesFile, to.model, dialect.defaultSchema) : undefined),
      entityNames: to.entityNames,
      targetScope: to.scope,
    };
    const plan = await planModels(input, from.session ? { session: from.session, countsOptional: true } : undefined);
    return {
      plan,
      dialect,
      from: { label: from.spec.label, model: input.from },
      to: { label: to.spec.label, model: input.to },
      serverVersion: from.serverVersion ?? to.serverVersion,
    };
  } finally {
    for (const loadedSide of loaded) await loadedSide?.session?.close();
  }
}
