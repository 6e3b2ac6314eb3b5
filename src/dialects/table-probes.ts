/**
 * The `tableRows` probes a plan's changes need (see `Probe`): per table it touches, ONE probe with every count its
 * hazards are made of. Drops count rows and non-null values, NOT NULL counts NULLs, a narrowed length counts longer
 * values, an index build counts rows, a new primary key counts duplicate keys. Works on lowered changes, so a SQLite rebuild is probed for what its copy risks.
 */
import type { Change } from '../diff/changes';
import { qualifiedKey, type Column, type Model, type QualifiedName, type Table } from '../model';
import { countKey } from './row-counts';
import type { RowCount, TableRowsProbe } from '../model';

/** The length a column change narrows a textual column to, if values longer than it make the change fail. */
export type NarrowedLength = (from: Column, to: Column) => number | undefined;

/** A default that gives a value: `DEFAULT NULL` (or `NULL::text`) is a default (the catalog keeps it) that gives none. */
export function defaultGivesValue(column: Column): boolean {
  return column.default !== undefined && !/^NULL(?:::.*)?$/s.test(column.default);
}

/** A new column existing rows have no value for: NOT NULL, without a default giving one, not generated or computed. */
export function isNotNullWithoutDefault(column: Column): boolean {
  return !column.nullable && !defaultGivesValue(column) && column.generated === undefined && !column.computed;
}

/** Current names of renamed objects, by the names the plan uses after its renames. */
export interface CurrentNames {
  table(planned: QualifiedName): QualifiedName;
  column(plannedTable: QualifiedName, planned: string): string;
}

interface Needs {
  readonly table: QualifiedName;
  readonly counts: Map<string, RowCount>;
}

/**
 * The key columns whose duplicates a new primary key of `table` (as it is now) would refuse, when they can hold any:
 * not when the table's current key has the same columns (its rows are unique already), nor when a key column does
 * not exist yet (the plan adds it: nothing to count).
 */
export function keyToCount(table: Table, columns: readonly string[]): readonly string[] | undefined {
  const current = new Set(table.primaryKey?.columns ?? []);
  if (current.size === columns.length && columns.every((c) => current.has(c))) return undefined;
  if (!columns.every((c) => table.columns.some((column) => column.name === c))) return undefined;
  return columns;
}

/**
 * What the copy of a SQLite rebuild risks: the dropped columns, the columns becoming NOT NULL, new NOT NULL
 * columns without a default (the table's rows), and a new primary key (its duplicate keys).
 */
function rebuildNeeds(from: Table, to: Table, need: (key: string, count: RowCount) => void): void {
  const before = new Map(from.columns.map((c) => [c.name, c]));
  const kept = new Set(to.columns.map((c) => c.name));
  for (const column of from.columns) {
    if (!kept.has(column.name)) need(countKey.nonNull(column.name), { kind: 'nonNull', column: column.name });
  }
  for (const column of to.columns) {
    const old = before.get(column.name);
    if (old?.nullable && !column.nullable && !column.computed) {
      need(countKey.nonNull(column.name), { kind: 'nonNull', column: column.name });
    } else if (!old && isNotNullWithoutDefault(column)) {
      need(countKey.rows, { kind: 'rows' });
    }
  }
  const key = to.primaryKey && keyToCount(from, to.primaryKey.columns);
  if (key) need(countKey.duplicateKeys(key), { kind: 'duplicateKeys', columns: key });
}

export interface TableProbeOptions {
  /** The dialect's `narrowedLength` (absent: lengths are not enforced, nothing to count). */
  readonly narrowedLength?: NarrowedLength;
  /** The current schema as it reads after the plan's renames: which columns a new primary key makes NOT NULL. */
  readonly from?: Model;
}

export function tableRowsProbes(
  changes: readonly Change[],
  names: CurrentNames,
  options: TableProbeOptions = {},
): TableRowsProbe[] {
  const { narrowedLength, from } = options;
  const byTable = new Map<string, Needs>();
  const existing = from && new Set(from.tables.map(qualifiedKey));
  /** The needs of a table; a table the plan creates has no rows to count (its needs are dropped). */
  const touch = (table: QualifiedName): Needs => {
    const key = qualifiedKey(table);
    let needs = byTable.get(key);
    if (!needs) {
      const name = table.schema === undefined ? { name: table.name } : { schema: table.schema, name: table.name };
      needs = { table: name, counts: new Map([[countKey.rows, { kind: 'rows' }]]) };
      if (!existing || existing.has(key)) byTable.set(key, needs);
    }
    return needs;
  };
  const nonNull = (table: QualifiedName, column: string) => {
    touch(table).counts.set(countKey.nonNull(column), { kind: 'nonNull', column });
  };
  for (const change of changes) {
    switch (change.kind) {
      case 'table.drop':
      case 'index.create':
      case 'unique.add':
      case 'exclusion.add':
        touch(change.table);
        break;
      case 'column.drop':
        nonNull(change.table, change.column.name);
        break;
      case 'column.add':
        if (isNotNullWithoutDefault(change.column)) touch(change.table);
        break;
      case 'primaryKey.add': {
        touch(change.table);
        const current = from?.tables.find((table) => qualifiedKey(table) === qualifiedKey(change.table));
        for (const column of change.primaryKey.columns) {
          if (current?.columns.find((c) => c.name === column)?.nullable) nonNull(change.table, column);
        }
        const key = current && keyToCount(current, change.primaryKey.columns);
        if (key) touch(change.table).counts.set(countKey.duplicateKeys(key), { kind: 'duplicateKeys', columns: key });
        break;
      }
      case 'column.alter': {
        if (change.from.nullable && !change.to.nullable) nonNull(change.table, change.from.name);
        const length = narrowedLength?.(change.from, change.to);
        if (length !== undefined) {
          const array = change.from.array ?? false;
          touch(change.table).counts.set(countKey.longer(change.from.name), {
            kind: 'longer',
            column: change.from.name,
            length,
            array,
          });
        }
        break;
      }
      case 'table.rebuild':
        rebuildNeeds(change.from, change.to, (key, count) => touch(change.from).counts.set(key, count));
        break;
      default:
        break;
    }
  }
  return [...byTable.values()].map(({ table, counts }): TableRowsProbe => {
    const current = names.table(table);
    const asCounted = (count: RowCount): RowCount => {
      if (count.kind === 'rows') return count;
      if (count.kind === 'duplicateKeys')
        return { ...count, columns: count.columns.map((c) => names.column(table, c)) };
      return { ...count, column: names.column(table, count.column) };
    };
    return {
      kind: 'tableRows',
      table: current,
      counts: Object.fromEntries([...counts].map(([key, count]) => [key, asCounted(count)])),
      ...(current !== table ? { planned: { table } } : {}),
    };
  });
}
