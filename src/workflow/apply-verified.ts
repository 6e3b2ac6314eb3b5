import type { ApplyOptions as SessionApplyOptions } from '../dialects/dialect';
import { CancelledError, ConvergenceError } from '../errors/errors';
import type { Plan } from '../plan/types';
import type { AppliedStatement } from './api-types';
import { applyPlanned, replan, type PlannedTarget } from './plan-database';

export interface AppliedAndVerified {
  /** Each statement run, with its time (from its start to its end, before its phase commits). */
  readonly applied: readonly AppliedStatement[];
  /** Milliseconds from the start of apply (the lock) to its end. */
  readonly ms: number;
  /** The plan made again after apply: no changes (else `ConvergenceError`). */
  readonly after: Plan;
}

/**
 * Applies the plan under the database's apply lock, once the database is verified to be the one planned against
 * (schema hash, `StalePlanError`), then plans again and throws `ConvergenceError` if anything is left to do. A
 * cancellation once every statement ran says so (`CancelledError` with `applied` = all).
 */
export async function applyAndVerify(
  planned: PlannedTarget,
  options: Omit<SessionApplyOptions, 'verify'> & { readonly onVerifying?: () => void } = {},
): Promise<AppliedAndVerified> {
  const { onVerifying, ...applyOptions } = options;
  const { plan } = planned;
  const applied: AppliedStatement[] = [];
  let started: number | undefined;
  const t0 = performance.now();
  await applyPlanned(planned, {
    ...applyOptions,
    onStatement: (statement, index, count) => {
      // A phase tried again after a lock timeout starts over: what it ran was rolled back.
      applied.length = Math.min(applied.length, index);
      started = performance.now();
      applyOptions.onStatement?.(statement, index, count);
    },
    onStatementDone: (statement, index, count) => {
      applied.push({ sql: statement.sql, ms: performance.now() - (started ?? performance.now()) });
      applyOptions.onStatementDone?.(statement, index, count);
    },
  });
  const ms = performance.now() - t0;
  const total = plan.statements.length;
  const cancelledAfter = (cause?: unknown) =>
    new CancelledError(
      `cancelled after all ${total} statement(s) were applied, before checking that the database is in line`,
      { cause, applied: total },
    );
  if (options.signal?.aborted) throw cancelledAfter();
  onVerifying?.();
  const after = await replan(
    planned.session,
    planned.dialect,
    planned.desired,
    [],
    planned.declared,
    planned.options,
  ).catch((error: unknown) => {
    throw error instanceof CancelledError ? cancelledAfter(error) : error;
  });
  if (after.changes.length > 0) {
    throw new ConvergenceError(
      `applied, but the database still differs: ${after.summary.text}`,
      'This is a bug in schemaplan; please report it with `schema plan --format json`.',
    );
  }
  return { applied, ms, after };
}
