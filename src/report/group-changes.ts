import { factsOf } from '../diff/change-kinds';
import type { Change } from '../diff/changes';
import type { Plan, PlannedStatement } from '../plan/types';

/** One change of a plan with its statements and each statement's 1-based position in execution order. */
export interface ChangeWithStatements {
  readonly change: Change;
  readonly statements: readonly (PlannedStatement & { readonly step: number })[];
}

/** The changes of one object a reviewer thinks of as a unit: a table, an enum type, a sequence, a view, a schema. */
export interface ChangeGroup {
  /** `table public.users`, `enum public.deck_level`, `view public.active_users`, `schema billing`. */
  readonly title: string;
  readonly changes: readonly ChangeWithStatements[];
}

/** The object a change belongs to for reading: its table, else the enum, view or schema it acts on (change-kinds.ts). */
export function groupTitle(change: Change): string {
  return factsOf(change.kind).title(change);
}

/**
 * The plan's changes in the order apply runs them, consecutive changes to the same object under one heading, so the
 * `[n]` of every statement reads in order (as apply's `[3/12]` progress does). An object whose changes the plan
 * interleaves with others' (a table created before the foreign key of another refers to it, a constraint dropped
 * first and added last) heads more than one group.
 */
export function groupChanges(plan: Pick<Plan, 'changes' | 'statements'>): ChangeGroup[] {
  const byChange = new Map<number, (PlannedStatement & { step: number })[]>();
  plan.statements.forEach((statement, index) => {
    const list = byChange.get(statement.change) ?? [];
    list.push({ ...statement, step: index + 1 });
    byChange.set(statement.change, list);
  });
  // Statements come in change order (each change's statements are consecutive): ordering the changes by their first
  // statement keeps both orders, whatever order `changes` lists them in.
  const ordered = [...byChange.entries()].sort(([, a], [, b]) => a[0]!.step - b[0]!.step);
  const groups: { title: string; changes: ChangeWithStatements[] }[] = [];
  for (const [index, statements] of ordered) {
    const change = plan.changes[index]!;
    const title = groupTitle(change);
    const last = groups[groups.length - 1];
    if (last?.title === title) last.changes.push({ change, statements });
    else groups.push({ title, changes: [{ change, statements }] });
  }
  return groups;
}
