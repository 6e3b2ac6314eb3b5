/**
 * Turns dialect-neutral changes into ones SQLite can execute:
 * - the foreign keys (and any other table-scoped additions) of a table created in the same plan go into its
 *   CREATE TABLE, since SQLite cannot add a constraint to an existing table;
 * - changes to a table that is dropped are subsumed by the drop;
 * - on an existing table, if any change needs a rebuild, all of that table's changes become ONE `table.rebuild`
 *   from its current to its target definition (index changes included: the rebuild recreates the indexes);
 * - comment changes disappear (SQLite has no comments);
 * - table and column renames stay ALTERs of their own (SQLite rewrites references to the old name everywhere); a
 *   rebuild of the same table starts from the renamed table (`context.from` is the current schema after renames), and
 *   renamed constraints (named inside CREATE TABLE) are part of it.
 */
import { tableOf } from '../../diff/change-facts';
import type { Change } from '../../diff/changes';
import type { RenderContext } from '../dialect';
import { tableKey, type Table } from '../../model';
import { applyToTable } from './apply-change';
import { isCommentOnly, needsRebuild } from './alter-support';

function findTable(tables: readonly Table[], key: string): Table | undefined {
  return tables.find((table) => tableKey({ name: table.name }) === key);
}

export function lowerSqlite(changes: readonly Change[], context: RenderContext): Change[] {
  const created = new Set<string>();
  const dropped = new Set<string>();
  const scoped = new Map<string, Change[]>();
  for (const change of changes) {
    switch (change.kind) {
      case 'schema.create':
      case 'extension.create':
      case 'enum.create':
      case 'enum.drop':
      case 'enum.value.add':
    case 'enum.rename':
    case 'enum.value.rename':
    case 'enum.recreate':
        throw new Error(
          `internal error: ${change.kind} cannot occur on SQLite (no schemas, no extensions; an enum is a CHECK on its column)`,
        );
      case 'table.create':
        created.add(tableKey({ name: change.table.name }));
        break;
      case 'table.drop':
        dropped.add(tableKey({ name: change.table.name }));
        break;
      case 'table.rename':
      case 'column.rename':
        break; // run on their own, before the table's other changes (a rebuild starts from the renamed table)
      default: {
        const table = tableOf(change);
        if (!table || isCommentOnly(change)) break;
        const key = tableKey({ name: table.name });
        scoped.set(key, [...(scoped.get(key) ?? []), change]);
      }
    }
  }

  const out: Change[] = [];
  const emitted = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'table.create') {
      const key = tableKey({ name: change.table.name });
      const table = (scoped.get(key) ?? []).reduce(applyToTable, change.table);
      out.push({ ...change, table });
      continue;
    }
    if (
      change.kind === 'table.drop' ||
      change.kind === 'table.rebuild' ||
      change.kind === 'view.create' ||
      change.kind === 'view.drop' ||
      change.kind === 'table.rename' ||
      change.kind === 'column.rename'
    ) {
      out.push(change);
      continue;
    }
    const table = tableOf(change);
    if (!table || isCommentOnly(change)) continue;
    const key = tableKey({ name: table.name });
    if (created.has(key) || dropped.has(key) || emitted.has(key)) continue;
    emitted.add(key);
    const group = scoped.get(key) ?? [];
    if (!group.some(needsRebuild)) {
      out.push(...group);
      continue;
    }
    const from = findTable(context.from.tables, key);
    if (!from) throw new Error(`internal error: table ${key} is altered but is not in the current schema`);
    const to = findTable(context.to.tables, key) ?? group.reduce(applyToTable, from);
    out.push({
      kind: 'table.rebuild',
      from,
      to,
      changes: group,
      reason: `SQLite cannot alter ${key} in place, so it is rebuilt: ${[...new Set(group.map((c) => c.reason))].join('; ')}`,
    });
  }
  return out;
}
