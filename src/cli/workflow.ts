import { compileFiles } from '../compile/compile';
import { parseDatabaseUrl, type DatabaseTarget } from '../connect/url';
import type { ApplyOptions, DatabaseSession, Dialect } from '../dialects/dialect';
import { dialectFor } from '../dialects/registry';
import type { EntityNames } from '../diff/diff-renames';
import { readRenamesFile } from '../hints/renames-file';
import { StalePlanError } from '../errors/errors';
import { hashModel, type Model, type Renames } from '../model';
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
  // Changes whose safety depends on rows (an enum label removed) are measured first: one query per such column.
  const probes = planProbes(input);
  const measurements = probes.length > 0 ? await session.measure(probes) : [];
  return { ...createPlan({ ...input, measurements }), fromHash: hashModel(current) };
}

/**
 * Throws `StalePlanError` unless the database still has the schema the plan was made from (same `fromHash`). Apply
 * calls it under its lock, right before the first statement.
 */
export async function verifyUnchanged(planned: Pick<PlannedTarget, 'session' | 'desired' | 'plan'>): Promise<void> {
  const planHash = planned.plan.fromHash;
  if (planHash === undefined) throw new Error('a plan made without a database cannot be applied to one');
  const now = hashModel(await planned.session.introspect({ schemas: managedSchemas(planned.desired) }));
  if (now !== planHash) {
    throw new StalePlanError(
      `the database changed since the plan was made (schema hash ${short(planHash)} then, ${short(now)} now); nothing was applied`,
      'Someone or something changed the schema meanwhile: run apply again to plan against the database as it is now.',
    );
  }
}

const short = (hash: string) => hash.replace(/^sha256:/, '').slice(0, 12);

/** Applies the plan under the session's lock, after checking that the database is still the one planned against. */
export async function applyPlanned(
  planned: Pick<PlannedTarget, 'session' | 'desired' | 'plan'>,
  options: Omit<ApplyOptions, 'verify'> = {},
): Promise<void> {
  await planned.session.apply(planned.plan.statements, { ...options, verify: () => verifyUnchanged(planned) });
}
