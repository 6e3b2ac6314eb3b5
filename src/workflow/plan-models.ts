import type { DatabaseSession } from '../dialects/dialect';
import { StalePlanError } from '../errors/errors';
import { hashModel, type Model } from '../model';
import { preparePlan, type PlanInput } from '../plan/plan';
import type { Diagnostic, Measurement, Plan, Probe } from '../plan/types';

/** The database the FROM side was read from, for measuring live data and the schema hash. */
export interface LiveSide {
  readonly session: DatabaseSession;
  /**
   * Reads the FROM side again, as it was read: when measuring fails because the schema changed meanwhile (another
   * apply committed in between: a probed column is gone), the plan fails with `StalePlanError`.
   */
  readonly reread?: () => Promise<Model>;
  /**
   * A role that may not read the tables (only the catalog) gets the plan without counts, as one made without a
   * database, and a `ROWS_NOT_COUNTED` warning (`diff`); otherwise that is an error (`plan`, `apply`).
   */
  readonly countsOptional?: boolean;
}

/**
 * The one way a plan is made, for `plan`, `apply` and `diff`: `from` -> `to`, measuring the live data the changes
 * depend on when `from` was read from a database (a bounded number of queries per table the plan touches, estimates
 * for large tables), whose schema hash the plan then records (`fromHash`, checked by apply before the first statement).
 */
export async function planModels(input: Omit<PlanInput, 'measurements'>, live?: LiveSide): Promise<Plan> {
  const prepared = preparePlan(input);
  if (!live) return prepared.create();
  const measured = prepared.probes.length > 0 ? await measure(live, prepared.probes, input.from) : { measurements: [] };
  return { ...prepared.create(measured.measurements, measured.diagnostics), fromHash: hashModel(input.from) };
}

async function measure(
  live: LiveSide,
  probes: readonly Probe[],
  from: Model,
): Promise<{ measurements?: Measurement[]; diagnostics?: Diagnostic[] }> {
  try {
    return { measurements: await live.session.measure([...probes]) };
  } catch (error) {
    if (live.countsOptional && (error as { code?: unknown }).code === '42501') return notCounted(error);
    if (!live.reread) throw error;
    const now = await live.reread().then(hashModel, () => undefined);
    if (now === undefined || now === hashModel(from)) throw error;
    throw new StalePlanError(
      'the database changed while the plan was being made (another apply?); nothing was applied',
      'Run the command again to plan against the database as it is now.',
      { cause: error },
    );
  }
}

function notCounted(error: unknown): { diagnostics: Diagnostic[] } {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    diagnostics: [
      {
        severity: 'warning',
        code: 'ROWS_NOT_COUNTED',
        message: `rows were not counted (${reason}): hazards do not say how many rows they touch`,
        hint: 'Grant the role SELECT on the tables the plan changes to see the counts.',
      },
    ],
  };
}
