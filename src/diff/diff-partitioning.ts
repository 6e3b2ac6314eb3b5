import type { Model, Partitioning, Table } from '../model';
import { qualifiedKey, tableKey } from '../model';
import type { Diagnostic } from '../model';
import { pairByKey } from './compare-named';

const describe = (partitioning: Partitioning | undefined): string =>
  partitioning
    ? `partitioned (PARTITION BY ${partitioning.strategy.toUpperCase()} (${partitioning.key}))`
    : 'not partitioned';

const samePartitioning = (a: Table['partitioning'], b: Table['partitioning']): boolean =>
  a?.strategy === b?.strategy && a?.key === b?.key;

/**
 * PostgreSQL partitioning, which the diff never turns into changes:
 * - a table partitioned on one side and not on the other (or by another strategy or key) is an error: PostgreSQL
 *   cannot convert a table in place, and the rebuild it needs (new table, rows copied, old one dropped) is a decision
 *   no plan should take silently, so the plan refuses rather than showing no change or dropping the table's rows;
 * - a partitioned table the plan creates is created partitioned, but its partitions are not managed: a warning names
 *   those the target has, which the plan does not create.
 * The partitions themselves are not compared (they are listed as not managed). Models from entities never say a table
 * is partitioned, and a plan against them reads the database's partitioned tables as ordinary ones
 * (`declarableByEntities`), so this only speaks between two inventories.
 */
export function diffPartitioning(from: Model, to: Model): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const delta = pairByKey(from.tables, to.tables, tableKey);
  for (const { from: a, to: b } of delta.kept) {
    if (samePartitioning(a.partitioning, b.partitioning)) continue;
    diagnostics.push({
      severity: 'error',
      code: 'PARTITIONING_CHANGE_UNSUPPORTED',
      message:
        `table ${tableKey(b)} is ${describe(a.partitioning)} in the current schema and ${describe(b.partitioning)} in the target: ` +
        'changing that needs the table rebuilt (rows copied into a new table), which schemaplan does not plan',
      location: `table ${tableKey(b)}`,
      hint: 'Rebuild the table in a migration of your own (CREATE TABLE ... PARTITION BY, copy the rows, swap the names), then plan again.',
    });
  }
  for (const table of delta.added) {
    const partitions = table.partitioning?.partitions ?? [];
    if (partitions.length === 0) continue;
    diagnostics.push({
      severity: 'warning',
      code: 'PARTITIONS_NOT_CREATED',
      message:
        `table ${tableKey(table)} is created partitioned, but its partitions are not managed: ` +
        `${partitions.map((p) => qualifiedKey(p)).join(', ')} ${partitions.length === 1 ? 'is' : 'are'} not created`,
      location: `table ${tableKey(table)}`,
      hint: 'Create the partitions yourself (CREATE TABLE ... PARTITION OF ...): rows that fit no partition are refused.',
    });
  }
  return diagnostics;
}
