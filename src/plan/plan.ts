import type { Dialect } from '../dialects/dialect';
import { diffModels } from '../diff/diff';
import type { Model } from '../model';
import { orderChanges } from './order';
import { summarize } from './summary';
import type { Diagnostic, Plan, PlannedStatement } from './types';

export interface PlanInput {
  /** The current state (usually the live database). */
  readonly from: Model;
  /** The desired state (usually the compiled entities). */
  readonly to: Model;
  readonly dialect: Dialect;
  /** Diagnostics from producing the models (compile warnings...), carried into the plan. */
  readonly diagnostics?: readonly Diagnostic[];
  /** PostgreSQL: build and drop indexes of existing tables with CONCURRENTLY (see `RenderContext.concurrently`). */
  readonly concurrently?: boolean;
}

/** from x to -> ordered changes -> statements. Pure: no I/O. */
export function createPlan({ from, to, dialect, diagnostics = [], concurrently = false }: PlanInput): Plan {
  if (from.dialect !== dialect.name || to.dialect !== dialect.name) {
    throw new Error(`plan for ${dialect.name} given ${from.dialect} -> ${to.dialect} models`);
  }
  const context = { from: dialect.normalize(from), to: dialect.normalize(to), concurrently };
  const diff = diffModels(context.from, context.to);
  const changes = orderChanges(dialect.lower(diff.changes, context));
  const statements: PlannedStatement[] = changes.flatMap((change, index) =>
    dialect.render(change, context).map((statement) => ({ ...statement, change: index })),
  );
  return {
    dialect: dialect.name,
    changes,
    statements,
    diagnostics: [...diagnostics, ...diff.diagnostics],
    decisions: diff.decisions,
    summary: summarize(changes, statements),
  };
}

export function hasErrors(plan: Pick<Plan, 'diagnostics'>): boolean {
  return plan.diagnostics.some((d) => d.severity === 'error');
}
