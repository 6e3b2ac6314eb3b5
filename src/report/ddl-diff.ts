import type { Dialect } from '../dialects/dialect';
import { qualifiedKey, type Model, type Table } from '../model';
import { modelDdl } from '../plan/ddl';
import type { Paint } from './colors';
import { renderUnifiedDiff } from './unified-diff';

/** A DDL diff, and the tables whose columns were lined up with the desired side's order to compare them. */
export interface DdlDiff {
  /** The unified diff; empty when the schemas are equal. */
  readonly text: string;
  /** Tables (`public.users`) whose columns the current side has in another order. */
  readonly reordered: readonly string[];
}

/**
 * `current`'s table with the columns both sides have in `desired`'s order, in the places those columns hold (columns
 * only `current` has stay where they are); `undefined` when they are in that order already.
 */
function inDesiredOrder(current: Table, desired: Table, fold: (name: string) => string): Table | undefined {
  const order = new Map(desired.columns.map((column, index) => [fold(column.name), index]));
  const shared = current.columns.filter((column) => order.has(fold(column.name)));
  const sorted = [...shared].sort((a, b) => order.get(fold(a.name))! - order.get(fold(b.name))!);
  if (sorted.every((column, index) => column === shared[index])) return undefined;
  let next = 0;
  return {
    ...current,
    columns: current.columns.map((column) => (order.has(fold(column.name)) ? sorted[next++]! : column)),
  };
}

/**
 * The end state for a reviewer: a unified diff of the full schema DDL, current vs desired, each side rendered from its
 * normalised model the same way, with one column or constraint per line (a one-column change is a one-line
 * difference, commas aside), so only what differs shows. The plan never reorders columns (PostgreSQL adds them at the end, SQLite
 * rebuilds only when something else changes), so a difference of column order alone would never go away: the current
 * side's columns are compared in the desired side's order, and `reordered` names the tables where that mattered.
 */
export function renderDdlDiff(
  current: Model,
  desired: Model,
  dialect: Dialect,
  p: Paint,
  names: { before: string; after: string } = { before: 'database', after: 'entities' },
): DdlDiff {
  const before = dialect.normalize(current);
  const after = dialect.normalize(desired);
  const fold = dialect.capabilities.caseInsensitiveNames
    ? (name: string) => name.toLowerCase()
    : (name: string) => name;
  const desiredTables = new Map(after.tables.map((table) => [fold(qualifiedKey(table)), table]));
  const reordered: string[] = [];
  const tables = before.tables.map((table) => {
    const target = desiredTables.get(fold(qualifiedKey(table)));
    const lined = target && inDesiredOrder(table, target, fold);
    if (!lined) return table;
    reordered.push(qualifiedKey(table));
    return lined;
  });
  const ddl = (model: Model) => modelDdl(model, dialect, { oneColumnPerLine: true });
  const labels = { before: `${names.before} (current)`, after: `${names.after} (desired)` };
  const text = renderUnifiedDiff(ddl({ ...before, tables }), ddl(after), labels, p, { ignoreTrailingComma: true });
  return { text, reordered };
}

/** Says that, and where, the DDL diff compared columns in the desired order (see `renderDdlDiff`); empty if nowhere. */
export function columnOrderNote(
  reordered: readonly string[],
  names: { before: string; after: string } = { before: 'database', after: 'entities' },
): string {
  if (reordered.length === 0) return '';
  const tables = reordered.length === 1 ? `table ${reordered[0]}` : `tables ${reordered.join(', ')}`;
  return (
    `Column order of ${tables} differs between ${names.before} (current) and ${names.after} (desired); apply never ` +
    'reorders columns, so the diff compares them in the desired order.'
  );
}
