import { parseDatabaseUrl } from '../../src/connect/url';
import type { DatabaseSession } from '../../src/dialects/dialect';
import { dialectFor } from '../../src/dialects/registry';
import { declarableByEntities, type Model } from '../../src/model';
import { preparePlan, type PlanInput } from '../../src/plan/plan';
import type { MeasureOptions, Plan } from '../../src/plan/types';
import { managedSchemas } from '../../src/workflow/plan-database';

/** Opens a session on a test database URL. */
export async function connect(url: string): Promise<DatabaseSession> {
  const target = parseDatabaseUrl(url);
  return dialectFor(target.dialect).connect(target);
}

/** Planning thresholds a test may lower: when an index build is a hazard, when counts become estimates. */
export type PlanOptions = Pick<PlanInput, 'largeTableRows' | 'concurrently'> & MeasureOptions;

/**
 * Introspects and plans the database towards `desired` (compiled entities), exactly as `schema plan` does: standalone
 * sequences, partitioning and domains, which entities cannot declare, are left alone.
 */
export async function planTowards(
  session: DatabaseSession,
  desired: Model,
  declared: Pick<PlanInput, 'renames' | 'entityNames'> = {},
  { estimateAbove, ...options }: PlanOptions = {},
): Promise<Plan> {
  const current = declarableByEntities(await session.introspect({ schemas: managedSchemas(desired) }));
  const input = { from: current, to: desired, dialect: dialectFor(desired.dialect), ...declared, ...options };
  const { probes, create } = preparePlan(input);
  return create(probes.length > 0 ? await session.measure(probes, { estimateAbove }) : []);
}

/** Plans, applies and returns the plan that was applied. */
export async function applyTowards(
  session: DatabaseSession,
  desired: Model,
  declared: Pick<PlanInput, 'renames' | 'entityNames'> = {},
): Promise<Plan> {
  const plan = await planTowards(session, desired, declared);
  if (plan.diagnostics.some((d) => d.severity === 'error')) {
    throw new Error(`plan has errors: ${plan.diagnostics.map((d) => d.message).join('; ')}`);
  }
  await session.apply(plan.statements);
  return plan;
}
