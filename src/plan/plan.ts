import type { Dialect } from '../dialects/dialect';
import { diffModels } from '../diff/diff';
import type { EntityNames } from '../diff/diff-renames';
import { respellLike, type Model, type Renames, type TargetScope } from '../model';
import { enumRemovalDiagnostics, enumUsesDiagnostics, probesFor } from './measure';
import { notManagedBy } from './not-managed';
import { describePartlyManaged, partlyManagedBy, partlyManagedRecreations } from './partly-managed';
import { orderChanges } from './order';
import { LARGE_TABLE_ROWS } from './row-counts';
import { summarize } from './summary';
import type { Diagnostic, Measurement, Plan, PlannedStatement, Probe } from './types';

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
  /**
   * The answers to `planProbes` from the live database (`DatabaseSession.measure`); absent when planning without one,
   * where the plan names what it could not count in hazards instead of refusing.
   */
  readonly measurements?: readonly Measurement[];
  /** PostgreSQL: build and drop indexes of existing tables with CONCURRENTLY (see `RenderContext.concurrently`). */
  readonly concurrently?: boolean;
  /** Above this many rows an index build on an existing table is an `INDEX_BUILD` hazard (default `LARGE_TABLE_ROWS`). */
  readonly largeTableRows?: number;
  /**
   * `inventory` when `to` lists every schema and extension that should exist (read from a database, a `.sql` or a model
   * file): those it lacks are dropped. Default `needs` (compiled from entities): they are left alone, and listed.
   */
  readonly targetScope?: TargetScope;
  /** CREATE TABLE with one column or constraint per line, for people (see `RenderContext.oneColumnPerLine`). */
  readonly oneColumnPerLine?: boolean;
}

type DiffInput = ReturnType<typeof computeDiffInput>;

/**
 * A plan about to be made: the models normalised and diffed once, the probes of live data it needs, and `create`,
 * which makes the plan with their answers. What a plan against a database does (`planProbes` then `createPlan`
 * would normalise and diff twice). Models and diffs are immutable data; nothing is kept between calls.
 */
export interface PreparedPlan {
  /** What the plan needs to know about live data before it is made (see `Probe`). */
  readonly probes: readonly Probe[];
  /**
   * The plan, with the answers to `probes` (none: made without a database) and diagnostics of measuring, which follow
   * those of the input.
   */
  create(measurements?: readonly Measurement[], diagnostics?: readonly Diagnostic[]): Plan;
}

export function preparePlan(input: PlanInput): PreparedPlan {
  const diffed = computeDiffInput(input);
  return {
    probes: probesOf(input, diffed),
    create: (measurements, diagnostics = []) =>
      planOf(
        {
          ...input,
          measurements,
          diagnostics: diagnostics.length > 0 ? [...(input.diagnostics ?? []), ...diagnostics] : input.diagnostics,
        },
        diffed,
      ),
  };
}

function computeDiffInput({ from, to, dialect, renames, entityNames, targetScope }: PlanInput) {
  if (from.dialect !== dialect.name || to.dialect !== dialect.name) {
    throw new Error(`plan for ${dialect.name} given ${from.dialect} -> ${to.dialect} models`);
  }
  const target = dialect.normalize(to);
  const current = dialect.normalize(from);
  // Where names are case-insensitive, the current schema is read with the target's spelling of the names both have.
  const normalized = {
    from: dialect.capabilities.caseInsensitiveNames ? respellLike(current, target) : current,
    to: target,
  };
  const diff = diffModels(normalized.from, normalized.to, { enums: dialect.enums, renames, entityNames, targetScope });
  // Lowering and rendering start from the current schema as it reads after the renames, which run first.
  return { context: { from: diff.from, to: normalized.to }, diff, current: normalized.from };
}

/** What the plan for `input` needs to know about live data before it is made (see `Probe`). Pure. */
export function planProbes(input: PlanInput): Probe[] {
  return probesOf(input, computeDiffInput(input));
}

function probesOf(input: PlanInput, { context, diff }: DiffInput): Probe[] {
  return probesFor(input.dialect.lower(diff.changes, context), {
    narrowedLength: input.dialect.narrowedLength,
    from: context.from,
  });
}

/** from x to -> ordered changes -> statements. Pure: no I/O. */
export function createPlan(input: PlanInput): Plan {
  return planOf(input, computeDiffInput(input));
}

function planOf(input: PlanInput, diffed: DiffInput): Plan {
  const {
    dialect,
    diagnostics = [],
    measurements,
    concurrently = false,
    largeTableRows = LARGE_TABLE_ROWS,
    oneColumnPerLine,
  } = input;
  const { context: models, diff, current } = diffed;
  const context = { ...models, measurements, concurrently, largeTableRows, oneColumnPerLine };
  const changes = orderChanges(dialect.lower(diff.changes, context));
  // A change that would lose what the model does not describe is refused: an error, and no SQL in any format.
  const recreations = partlyManagedRecreations(changes);
  const statements: PlannedStatement[] = changes.flatMap((change, index) =>
    recreations.refused.has(change)
      ? []
      : dialect.render(change, context).map((statement) => ({ ...statement, change: index })),
  );
  const notManaged = notManagedBy(current, models.to, changes);
  const partlyManaged = partlyManagedBy(current, models.to, (input.targetScope ?? 'needs') === 'inventory');
  const differing = (partlyManaged ?? []).filter((entry) => entry.differs);
  const script = statements.length > 0 ? dialect.scriptFrame?.(changes) : undefined;
  return {
    dialect: dialect.name,
    changes,
    statements,
    ...(notManaged ? { notManaged } : {}),
    ...(partlyManaged ? { partlyManaged } : {}),
    ...(script ? { script } : {}),
    diagnostics: [
      ...diagnostics,
      ...diff.diagnostics,
      ...enumRemovalDiagnostics(diff.changes, measurements),
      ...recreations.diagnostics,
      ...(differing.length > 0
        ? [
            {
              severity: 'warning' as const,
              code: 'PARTLY_MANAGED_DIFFERS',
              message: `the database differs from the target in ${differing.length} attribute(s) schemaplan does not manage: ${differing.map(describePartlyManaged).join('; ')}`,
              hint: 'Change them by hand; the plan leaves them as they are.',
            },
          ]
        : []),
      ...enumUsesDiagnostics(measurements),
    ],
    decisions: diff.decisions,
    summary: summarize(changes, statements),
  };
}

export function hasErrors(plan: Pick<Plan, 'diagnostics'>): boolean {
  return plan.diagnostics.some((d) => d.severity === 'error');
}
