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
 * The plan's changes grouped by the object they act on. Groups come in the order of their first change, and changes
 * keep execution order within a group; `step` keeps each statement's place in the whole plan, so a reader can follow
 * the order in which apply runs them (and its `[3/12]` progress).
 */
export function groupChanges(plan: Pick<Plan, 'changes' | 'statements'>): ChangeGroup[] {
  const groups = new Map<string, ChangeWithStatements[]>();
  const byChange = new Map<number, (PlannedStatement & { step: number })[]>();
  plan.statements.forEach((statement, index) => {
    const list = byChange.get(statement.change) ?? [];
    list.push({ ...statement, step: index + 1 });
    byChange.set(statement.change, list);
  });
  plan.changes.forEach((change, index) => {
    const statements = byChange.get(index) ?? [];
    if (statements.length === 0) return;
    const title = groupTitle(change);
    const list = groups.get(title) ?? [];
    list.push({ change, statements });
    groups.set(title, list);
  });
  return [...groups].map(([title, changes]) => ({ title, changes }));
}
