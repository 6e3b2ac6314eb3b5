import { SchemaplanError } from '../errors/errors';
import type { BlockedHazards, FailingHazards } from '../plan/hazard-gate';
import type { Decision, Diagnostic } from '../plan/types';

/**
 * `apply()`: the plan has errors (diagnostics of severity `error`: entities that do not compile into a valid schema,
 * a change refused); nothing was applied. The CLI prints the diagnostics and exits 1.
 */
export class PlanErrorsError extends SchemaplanError {
  override readonly code = 'PLAN_ERRORS';

  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `the plan has ${errors.length} error(s); nothing was applied: ${errors.map((d) => d.message).join('; ')}`,
      errors[0]?.hint,
    );
  }
}

/**
 * `apply()`: questions only the user can answer (rename or drop?) are open; nothing was applied. Answer them with the
 * `answers` option or in the renames file. The CLI's exit code 3.
 */
export class OpenDecisionsError extends SchemaplanError {
  override readonly code = 'OPEN_DECISIONS';

  constructor(readonly decisions: readonly Decision[]) {
    const n = decisions.length;
    super(
      `${n} open question${n === 1 ? '' : 's'} must be answered before apply; nothing was applied: ${decisions.map((d) => d.question).join(' ')}`,
      'Pass the answers as `answers: [{ from, to, rename }]`, or declare them in the renames file or with @RenamedFrom.',
    );
  }
}

/** `apply()`: the plan has hazards that were not allowed (`allowHazards`); nothing was applied. */
export class HazardsNotAllowedError extends SchemaplanError {
  override readonly code = 'HAZARDS_NOT_ALLOWED';

  constructor(readonly blocked: BlockedHazards) {
    super(
      `the plan has hazards that were not allowed; nothing was applied: ${blocked.messages.join('; ')}`,
      `Allow them with allowHazards: [${blocked.codes.map((c) => `'${c}'`).join(', ')}] (or 'all') once reviewed.`,
    );
  }
}

/**
 * `apply()`: the rows as counted make statements fail (NULLs where NOT NULL is set, duplicates under a new unique
 * index, a removed enum label still held); no option allows it, running it would only fail and roll back.
 */
export class FailingHazardsError extends SchemaplanError {
  override readonly code = 'HAZARDS_WILL_FAIL';

  constructor(readonly failing: FailingHazards) {
    super(
      `${failing.statements} statement(s) would fail on the rows as they are; nothing was applied: ${failing.messages.join('; ')}`,
      'Fix the data first, then apply.',
    );
  }
}
