import { CancelledError, UsageError } from '../errors/errors';
import {
  blockedHazards,
  failingHazards,
  HAZARD_CODES,
  parseAllowedHazards,
  type AllowedHazards,
} from '../plan/hazard-gate';
import { hasErrors } from '../plan/plan';
import type { ApplyOptions, ApplyResult } from './api-types';
import { applyAndVerify } from './apply-verified';
import { FailingHazardsError, HazardsNotAllowedError, OpenDecisionsError, PlanErrorsError } from './errors';
import { planDocument } from './plan-document';
import { planAgainstDatabase } from './plan-database';
import { answerFromList } from './rename-answers';
import { resolveOptions } from './resolve-options';
import { timeoutsOf } from './timeouts';

/**
 * Plans and applies, as `schema apply --yes` does: refuses a plan with errors (`PlanErrorsError`), open questions
 * (`OpenDecisionsError`), hazards the rows make fail (`FailingHazardsError`) or hazards not in `allowHazards`
 * (`HazardsNotAllowedError`), all before anything is changed; then applies under the database's apply lock once the
 * schema hash shows the database is still the one planned against (`StalePlanError`), and plans again to verify that
 * nothing is left to do (`ConvergenceError`). Returns the plan, each statement with its time, and the verification.
 */
export async function apply(options: ApplyOptions = {}): Promise<ApplyResult> {
  const allowed = allowedHazards(options.allowHazards);
  const timeouts = timeoutsOf(options);
  const { signal, onProgress } = options;
  const sources = await resolveOptions(options);
  let planned = await planAgainstDatabase(sources, {
    signal,
    ...timeouts,
    connecting: (target) => onProgress?.({ kind: 'connecting', target: target.redacted }),
  });
  try {
    if (hasErrors(planned.plan)) throw new PlanErrorsError(planned.plan.diagnostics);
    planned = await answerFromList(planned, options.answers ?? []);
    const { plan } = planned;
    onProgress?.({ kind: 'planned', statements: plan.statements.length, decisions: plan.decisions.length });
    if (plan.decisions.length > 0) throw new OpenDecisionsError(plan.decisions);
    const document = planDocument(plan, { target: planned.target.redacted, serverVersion: planned.serverVersion });
    if (plan.changes.length === 0) {
      return {
        plan: document,
        applied: [],
        ms: 0,
        verification: { inLine: true, remainingChanges: 0, schemaHash: plan.fromHash! },
      };
    }
    const failing = failingHazards(plan);
    if (failing) throw new FailingHazardsError(failing);
    const blocked = blockedHazards(plan, allowed);
    if (blocked) throw new HazardsNotAllowedError(blocked);
    if (signal?.aborted) throw new CancelledError('cancelled; nothing was applied');
    const started = new Map<number, number>();
    const result = await applyAndVerify(planned, {
      ...timeouts,
      signal,
      onPhase: (phase, index, count) =>
        onProgress?.({ kind: 'phase', index, count, transactional: phase.transactional }),
      onStatement: (statement, index, count) => {
        started.set(index, performance.now());
        onProgress?.({ kind: 'statement', sql: statement.sql, index, count });
      },
      onStatementDone: (statement, index, count) =>
        onProgress?.({
          kind: 'statementDone',
          sql: statement.sql,
          index,
          count,
          ms: performance.now() - (started.get(index) ?? performance.now()),
        }),
      onRetry: (retry) => onProgress?.({ kind: 'retry', retry }),
      onVerifying: () => onProgress?.({ kind: 'verifying' }),
    });
    return {
      plan: document,
      applied: result.applied,
      ms: result.ms,
      verification: { inLine: true, remainingChanges: 0, schemaHash: result.after.fromHash! },
    };
  } finally {
    await planned.session.close();
  }
}

function allowedHazards(given: ApplyOptions['allowHazards']): AllowedHazards {
  const allowed = parseAllowedHazards(given === 'all' ? [] : [...(given ?? [])], given === 'all');
  if (allowed !== 'all' && 'unknown' in allowed) {
    throw new UsageError(
      `unknown hazard code(s) in allowHazards: ${allowed.unknown.join(', ')}`,
      `Known codes: ${HAZARD_CODES.join(', ')} (or 'all').`,
    );
  }
  return allowed;
}
