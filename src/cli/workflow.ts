import { compileFiles } from '../compile/compile';
import { parseDatabaseUrl, type DatabaseTarget } from '../connect/url';
import type { DatabaseSession, Dialect } from '../dialects/dialect';
import { dialectFor } from '../dialects/registry';
import type { EntityNames } from '../diff/diff-renames';
import { readRenamesFile } from '../hints/renames-file';
import type { Model, Renames } from '../model';
import { createPlan } from '../plan/plan';
import type { Diagnostic, Plan } from '../plan/types';

export interface Sources {
  readonly url: string;
  readonly entities: readonly string[];
  readonly cwd: string;
  /** The renames file (relative to `cwd`); `required`: named explicitly, so it must exist. */
  readonly renames?: { readonly file: string; readonly required: boolean };
}

/** What the user declared besides the entities' shapes: renames, and the entity names hints refer to. */
export interface Declared {
  readonly renames: Renames;
  readonly entityNames: EntityNames;
}

export interface PlannedTarget {
  readonly target: DatabaseTarget;
  readonly dialect: Dialect;
  readonly session: DatabaseSession;
  readonly desired: Model;
  readonly declared: Declared;
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
    const plan = await replan(session, dialect, compiled.model, compiled.diagnostics, declared);
    return {
      target,
      dialect,
      session,
      desired: compiled.model,
      declared,
      renamesFile: renames?.file ?? 'schema/renames.json',
      diagnostics: compiled.diagnostics,
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
): Promise<Plan> {
  const current = await session.introspect({ schemas: managedSchemas(desired) });
  return createPlan({ from: current, to: desired, dialect, diagnostics, ...declared });
}
