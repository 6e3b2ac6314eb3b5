import { compileFiles } from '../compile/compile';
import { parseDatabaseUrl, type DatabaseTarget } from '../connect/url';
import type { DatabaseSession, Dialect } from '../dialects/dialect';
import { dialectFor } from '../dialects/registry';
import type { EntityNames } from '../diff/diff-renames';
import { readRenamesFile } from '../hints/renames-file';
import type { Model, Renames } from '../model';
import { createPlan, planProbes } from '../plan/plan';
import type { Diagnostic, Plan } from '../plan/types';

export interface Sources {
  readonly url: string;
  readonly entities: readonly string[];
  readonly cwd: string;
  /** PostgreSQL: indexes of existing tables are built and dropped CONCURRENTLY. */
  readonly concurrently?: boolean;
  /** The renames file (relative to `cwd`); `required`: named explicitly, so it must exist. */
  readonly renames?: { readonly file: string; readonly required: boolean };
}

/** What the user declared besides the entities' shapes: renames, and the entity names hints refer to. */
export interface Declared {
  readonly renames: Renames;
  readonly entityNames: EntityNames;
}

/** How the plan is made, beyond what is compared. */
export interface PlanOptions {
  /** PostgreSQL: indexes of existing tables are built and dropped CONCURRENTLY. */
  readonly concurrently?: boolean;
}

export interface PlannedTarget {
  readonly target: DatabaseTarget;
  readonly dialect: Dialect;
  readonly session: DatabaseSession;
  readonly desired: Model;
  readonly declared: Declared;
  readonly options: PlanOptions;
  /** The renames file hints point at (as the user named it, or the default). */
  readonly renamesFile: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly plan: Plan;
  readonly serverVersion: string;
}

/** PostgreSQL schemas the desired model lives in: only these are read, so other schemas are never touched. */
export function managedSchemas(model: Model): string[] {
  const schemas = new Set<string>(['public']);
  for (const table of model.tables) if (table.schema) schemas.add(table.schema);
  for (const type of model.enums) if (type.schema) schemas.add(type.schema);
  return [...schemas].sort();
}

/** Compiles the entities (with the declared renames), connects, introspects and plans. The caller closes `session`. */
export async function planAgainstDatabase(sources: Sources): Promise<PlannedTarget> {
  const target = parseDatabaseUrl(sources.url, sources.cwd);
  const dialect = dialectFor(target.dialect);
  const renames = sources.renames;
  const renamesFile = renames ? readRenamesFile(renames.file, sources.cwd, renames.required) : undefined;
  const compiled = await compileFiles(sources.entities, dialect.name, sources.cwd, { renamesFile });
  const declared = { renames: compiled.renames, entityNames: compiled.entityNames };
  const session = await dialect.connect(target);
  try {
    const serverVersion = await session.serverVersion();
    const diagnostics = [...compiled.diagnostics];
    if (sources.concurrently && dialect.name !== 'postgres') {
      diagnostics.push({
        severity: 'info',
        code: 'CONCURRENTLY_IGNORED',
        message: `--concurrently has no effect on ${dialect.name}: indexes are built in the transaction`,
      });
    }
    const options = { concurrently: sources.concurrently };
    const plan = await replan(session, dialect, compiled.model, diagnostics, declared, options);
    return {
      target,
      dialect,
      session,
      desired: compiled.model,
      declared,
      options,
      renamesFile: renames?.file ?? 'schema/renames.json',
      diagnostics,
      plan,
      serverVersion,
    };
  } catch (error) {
    await session.close();
    throw error;
  }
}

export async function replan(
  session: DatabaseSession,
  dialect: Dialect,
  desired: Model,
  diagnostics: readonly Diagnostic[] = [],
  declared?: Declared,
  options: PlanOptions = {},
): Promise<Plan> {
  const current = await session.introspect({ schemas: managedSchemas(desired) });
  const input = { from: current, to: desired, dialect, diagnostics, ...declared, ...options };
  // Hazards that depend on rows (an enum label removed, NULLs before SET NOT NULL, a drop, a large index build) are
  // measured first: a bounded number of queries per table the plan touches, estimates for large tables.
  const probes = planProbes(input);
  const measurements = probes.length > 0 ? await session.measure(probes) : [];
  return createPlan({ ...input, measurements });
}
