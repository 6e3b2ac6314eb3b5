import { CHANGE_KIND_FACTS } from '../diff/change-kinds';
import type { Change, ChangeKind } from '../diff/changes';
import type { PlanSummary, PlannedStatement } from './types';

/** Every change kind, in summary order (the JSON schema in docs/plan.schema.json lists the same). */
export const CHANGE_KINDS = Object.keys(CHANGE_KIND_FACTS) as ChangeKind[];

/** Counts what a plan does, looking through SQLite rebuilds to the changes they carry. */
export function summarize(changes: readonly Change[], statements: readonly PlannedStatement[]): PlanSummary {
  const byKind: Record<string, number> = {};
  const count = (change: Change): void => {
    byKind[change.kind] = (byKind[change.kind] ?? 0) + 1;
    if (change.kind === 'table.rebuild') change.changes.forEach(count);
  };
  changes.forEach(count);
  const parts = CHANGE_KINDS.filter((kind) => byKind[kind]).map((kind) => {
    const {
      direction: sign,
      words: [one, many],
    } = CHANGE_KIND_FACTS[kind];
    const n = byKind[kind]!;
    return `${sign}${n} ${n === 1 ? one : many}`;
  });
  return {
    changes: changes.length,
    statements: statements.length,
    byKind,
    hazards: statements.reduce((sum, s) => sum + s.hazards.length, 0),
    text: parts.length === 0 ? 'no changes' : parts.join(', '),
  };
}
