import { tableOf } from '../diff/change-facts';
import type { Change } from '../diff/changes';
import { qualifiedKey } from '../model';
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

/** The object a change belongs to for reading: its table, else the enum, view or schema it acts on. */
export function groupTitle(change: Change): string {
  const table = tableOf(change);
  if (table) return `table ${qualifiedKey(table)}`;
  switch (change.kind) {
    case 'schema.create':
    case 'schema.drop':
      return `schema ${change.name}`;
    case 'extension.create':
    case 'extension.drop':
      return `extension ${change.name}`;
    case 'enum.create':
    case 'enum.drop':
    case 'enum.value.add':
    case 'enum.value.rename':
      return `enum ${qualifiedKey(change.enum)}`;
    case 'enum.rename':
    case 'enum.recreate':
      return `enum ${qualifiedKey(change.to)}`;
    case 'view.create':
    case 'view.drop':
      return `view ${qualifiedKey(change.view)}`;
    case 'typeormMetadata.create':
      return 'table typeorm_metadata';
    case 'sequence.create':
    case 'sequence.drop':
      return `sequence ${qualifiedKey(change.sequence)}`;
    case 'sequence.alter':
      return `sequence ${qualifiedKey(change.to)}`;
    default:
      return 'schema'; // every other kind acts on a table, named above
  }
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
