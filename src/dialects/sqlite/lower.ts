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
 *   renamed constraints (named inside CREATE TABLE) are part of it;
 * - a table whose storage options (`STRICT`, `WITHOUT ROWID`: SQLite's own, which the dialect-neutral diff does not
 *   compare) differ between the current and the target schema is rebuilt, with its other changes if any.
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

/** Why `from` must be rebuilt to get the storage options of `to`, or undefined when they are the same. */
function storageChange(from: Table, to: Table): string | undefined {
  const reasons: string[] = [];
  if (!from.strict !== !to.strict) reasons.push(to.strict ? 'becomes STRICT' : 'is no longer STRICT');
  if (!from.withoutRowid !== !to.withoutRowid)
    reasons.push(to.withoutRowid ? 'becomes WITHOUT ROWID' : 'gets a rowid (no longer WITHOUT ROWID)');
  return reasons.length > 0 ? `table ${to.name} ${reasons.join(' and ')}` : undefined;
}

/** Keys of the tables of both schemas whose storage options differ, with the reason. */
function storageChanges(context: RenderContext): Map<string, string> {
  const changed = new Map<string, string>();
  for (const to of context.to.tables) {
    const key = tableKey({ name: to.name });
    const from = findTable(context.from.tables, key);
    const reason = from && storageChange(from, to);
    if (reason) changed.set(key, reason);
  }
  return changed;
}

export function lowerSqlite(changes: readonly Change[], context: RenderContext): Change[] {
  const created = new Set<string>();
  const dropped = new Set<string>();
  const scoped = new Map<string, Change[]>();
  for (const change of changes) {
    switch (change.kind) {
      case 'schema.create':
      case 'schema.drop':
      case 'extension.create':
      case 'extension.drop':
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

  const restored = storageChanges(context);
  const out: Change[] = [];
  const emitted = new Set<string>();
  const rebuild = (key: string, group: readonly Change[]): Change => {
    const from = findTable(context.from.tables, key);
    if (!from) throw new Error(`internal error: table ${key} is altered but is not in the current schema`);
    const to = findTable(context.to.tables, key) ?? group.reduce(applyToTable, from);
    const reasons = [...new Set([...group.map((c) => c.reason), ...(restored.has(key) ? [restored.get(key)!] : [])])];
    return {
      kind: 'table.rebuild',
      from,
      to,
      changes: group,
      reason: `SQLite cannot alter ${key} in place, so it is rebuilt: ${reasons.join('; ')}`,
    };
  };
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
    if (!group.some(needsRebuild) && !restored.has(key)) {
      out.push(...group);
      continue;
    }
    out.push(rebuild(key, group));
  }
  // Tables whose storage options alone differ.
  for (const key of restored.keys()) {
    if (!emitted.has(key) && !created.has(key) && !dropped.has(key)) out.push(rebuild(key, []));
  }
  return out;
}
