import type { DialectName } from '../model';
import { renderJson, type PlanJsonContext } from '../report/json';
import type { Change } from '../diff/changes';
import type { Decision, Diagnostic, PartlyManaged, Plan, PlannedStatement, PlanSummary } from '../plan/types';

/**
 * The plan as `schema plan --format json` prints it (docs/plan.schema.json): plain data, no class instances, so
 * `JSON.stringify(document, null, 2)` is exactly what the CLI prints (without its final newline).
 */
export interface PlanDocument {
  /** Version of the document; bumped on any incompatible change. */
  readonly version: number;
  readonly dialect: DialectName;
  /** The database (redacted: no password), or `FROM -> TO` for a diff. */
  readonly target?: string;
  readonly serverVersion?: string;
  /** Which database (written by `plan --out` only). */
  readonly database?: string;
  readonly concurrently?: boolean;
  /** The schema hash of the database the plan was made against (apply checks it before the first statement). */
  readonly fromHash?: string;
  readonly summary: PlanSummary;
  readonly changes: readonly Change[];
  readonly statements: readonly PlannedStatement[];
  readonly diagnostics: readonly Diagnostic[];
  /** Open questions (rename or drop?) no declaration answers: answer them with the `answers` option. */
  readonly decisions: readonly Decision[];
  readonly notManaged?: Plan['notManaged'];
  readonly partlyManaged?: readonly PartlyManaged[];
}

/** The plan document, as plain data: the same JSON the CLI prints, read back. */
export function planDocument(plan: Plan, context: PlanJsonContext): PlanDocument {
  return JSON.parse(renderJson(plan, context)) as PlanDocument;
}
