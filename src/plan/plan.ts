import type { Dialect } from '../dialects/dialect';
import { diffModels } from '../diff/diff';
import type { EntityNames } from '../diff/diff-renames';
import type { Model, Renames } from '../model';
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
  /** Declared renames of the desired schema (compiled with it); pending ones become renames in the plan. */
  readonly renames?: Renames;
  /** Entity class and property names of the desired schema, for the hints of decisions. */
  readonly entityNames?: EntityNames;
}

/** from x to -> ordered changes -> statements. Pure: no I/O. */
export function createPlan({ from, to, dialect, diagnostics = [], renames, entityNames }: PlanInput): Plan {
  if (from.dialect !== dialect.name || to.dialect !== dialect.name) {
    throw new Error(`plan for ${dialect.name} given ${from.dialect} -> ${to.dialect} models`);
  }
  const normalized = { from: dialect.normalize(from), to: dialect.normalize(to) };
  const diff = diffModels(normalized.from, normalized.to, { renames, entityNames });
  // Lowering and rendering start from the current schema as it reads after the renames, which run first.
  const context = { from: diff.from, to: normalized.to };
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
