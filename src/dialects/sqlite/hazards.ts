/** What a SQLite statement risks, in words a reviewer understands; counts from the live data where measured. */
import type { Table } from '../../model';
import {
  addNotNullColumnHazards,
  dropColumnHazard,
  dropTableHazard,
  duplicateKeyHazards,
  notNullHazards as measuredNotNull,
} from '../measured-hazards';
import type { TableRows } from '../row-counts';
import { isNotNullWithoutDefault, keyToCount } from '../table-probes';
import type { Hazard } from '../../model';

export function tableDropHazard(table: Table, rows: TableRows): Hazard {
  return dropTableHazard(table.name, rows);
}

export function rebuildHazard(from: Table, to?: Table): Hazard {
  // A STRICT table refuses a value its column's type cannot hold, so rows a loose table took may not copy.
  const strict =
    to?.strict && !from.strict
      ? '; the new table is STRICT: a value that does not fit its column type fails the copy'
      : '';
  return {
    code: 'SQLITE_REBUILD',
    message:
      `table "${from.name}" is recreated and every row copied (SQLite cannot alter it in place); ` +
      `the database is locked for writes meanwhile and foreign key enforcement is off until the final check${strict}`,
  };
}

export function droppedColumnHazards(from: Table, to: Table, rows: TableRows): Hazard[] {
  const kept = new Set(to.columns.map((c) => c.name));
  return from.columns
    .filter((column) => !kept.has(column.name))
    .map((column) => dropColumnHazard(`${from.name}.${column.name}`, column.name, rows));
}

/**
 * Columns the copy fills with NULL where NOT NULL forbids it: new ones without a default (when the table has rows),
 * and ones becoming NOT NULL without a default (when a row holds NULL). With a default, the copy takes it instead.
 */
export function notNullHazards(from: Table, to: Table, rows: TableRows): Hazard[] {
  const before = new Map(from.columns.map((c) => [c.name, c]));
  const hazards: Hazard[] = [];
  for (const column of to.columns) {
    if (!isNotNullWithoutDefault(column)) continue;
    const old = before.get(column.name);
    if (!old) hazards.push(...addNotNullColumnHazards(column.name, to.name, rows));
    else if (old.nullable)
      hazards.push(...measuredNotNull(`sets ${to.name}.${column.name} NOT NULL`, column.name, rows));
  }
  return hazards;
}

/**
 * A rebuild whose new table has another primary key: the copy fails on the first row whose key an earlier row holds
 * (counted when measured; none when no key is duplicated, or the key keeps its columns).
 */
export function duplicateKeyHazardsOfRebuild(from: Table, to: Table, rows: TableRows): Hazard[] {
  if (!to.primaryKey) return [];
  const subject = `the new primary key (${to.primaryKey.columns.join(', ')}) of ${to.name}`;
  return duplicateKeyHazards(subject, keyToCount(from, to.primaryKey.columns), rows);
}
