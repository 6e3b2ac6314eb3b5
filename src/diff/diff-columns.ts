import type { Column, QualifiedName } from '../model';
import type { Change, ColumnField } from './changes';
import { deepEqual, pairByKey } from './compare-named';

const describe = (table: QualifiedName, column: Column): string => `${table.name}.${column.name}`;

/** Which fields of a column differ. The type covers length, precision, scale, array-ness and the enum type. */
export function columnFieldsThatDiffer(from: Column, to: Column): ColumnField[] {
  const fields: ColumnField[] = [];
  const typeOf = (c: Column) => [c.type, c.length, c.precision, c.scale, c.array ?? false, c.enum];
  if (!deepEqual(typeOf(from), typeOf(to))) fields.push('type');
  if (!deepEqual(from.enumValues, to.enumValues)) fields.push('enumValues');
  if (from.nullable !== to.nullable) fields.push('nullable');
  if (from.default !== to.default) fields.push('default');
  if (from.generated !== to.generated || !deepEqual(from.identity, to.identity)) fields.push('generated');
  if (from.comment !== to.comment) fields.push('comment');
  if (!deepEqual(from.computed, to.computed)) fields.push('computed');
  if (from.collation !== to.collation) fields.push('collation');
  return fields;
}

export function diffColumns(table: QualifiedName, from: readonly Column[], to: readonly Column[]): Change[] {
  const changes: Change[] = [];
  // Column order of the target is kept for added columns (pairByKey sorts by name; re-sort by target position).
  const delta = pairByKey(from, to, (c) => c.name);
  const position = new Map(to.map((c, i) => [c.name, i]));
  for (const column of [...delta.added].sort((a, b) => position.get(a.name)! - position.get(b.name)!)) {
    changes.push({ kind: 'column.add', table, column, reason: `column ${describe(table, column)} is missing` });
  }
  for (const column of delta.dropped) {
    changes.push({
      kind: 'column.drop',
      table,
      column,
      reason: `column ${describe(table, column)} is not in the target schema`,
    });
  }
  for (const pair of delta.kept) {
    const fields = columnFieldsThatDiffer(pair.from, pair.to);
    if (fields.length === 0) continue;
    // A generated column's values derive from its expression: replacing the column loses nothing.
    const derived =
      pair.from.computed && pair.to.computed && (fields.includes('computed') || fields.includes('type'))
        ? ' (a generated column: its values are computed from its expression, so replacing it loses nothing)'
        : '';
    changes.push({
      kind: 'column.alter',
      table,
      from: pair.from,
      to: pair.to,
      fields,
      reason: `column ${describe(table, pair.to)} differs in ${fields.join(', ')}${derived}`,
    });
  }
  return changes;
}
