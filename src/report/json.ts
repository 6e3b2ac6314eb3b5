import type { Plan } from '../plan/types';

/** Version of the JSON plan document; bump on any incompatible change. */
export const PLAN_JSON_VERSION = 1;

export interface PlanJsonContext {
  /** Redacted target description, e.g. `postgres://app:***@db:5432/app`. */
  readonly target?: string;
  readonly serverVersion?: string;
  /** Which database (`DatabaseSession.identity`): written by `plan --out`, checked by `apply --plan`. */
  readonly database?: string;
  /** How the plan was made, for `apply --plan` to plan again alike: `--concurrently`. Written by `plan --out`. */
  readonly concurrently?: boolean;
}

/** The machine-readable plan (`--format json`), documented in the README. */
export function renderJson(plan: Plan, context: PlanJsonContext = {}): string {
  return `${JSON.stringify(
    {
      version: PLAN_JSON_VERSION,
      dialect: plan.dialect,
      target: context.target,
      serverVersion: context.serverVersion,
      database: context.database,
      concurrently: context.concurrently,
      fromHash: plan.fromHash,
      summary: plan.summary,
      changes: plan.changes,
      statements: plan.statements,
      diagnostics: plan.diagnostics,
      decisions: plan.decisions,
      notManaged: plan.notManaged,
      partlyManaged: plan.partlyManaged,
    },
    null,
    2,
  )}\n`;
}
