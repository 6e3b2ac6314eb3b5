/**
 * PostgreSQL lowering. PostgreSQL can ALTER everything the change union describes, with two exceptions handled here.
 *
 * A view depends on what it reads: a column's type change (or dropping it, or its table) is refused while a view
 * reads it, so those views are recreated around the change.
 *
 * a foreign key depends on the unique index (primary key or unique constraint) of the columns
 * it references, so that key cannot be dropped while the foreign key exists ("cannot drop constraint ... because
 * other objects depend on it"), even when the target schema keeps the foreign key as it is (the primary key moves to
 * a column that was unique, say). Such a foreign key is dropped before the key and added back after the new key:
 * plan order (foreign key drops before key drops on the referenced table, key adds before foreign key adds) does the
 * rest.
 */
import { tablesTouchedBy } from '../../diff/change-facts';
import type { Change } from '../../diff/changes';
import { qualifiedKey, referencedTableKey, type ForeignKey, type QualifiedName } from '../../model';
import type { RenderContext } from '../dialect';
import { withViewUpkeep } from '../view-upkeep';
import { DEFAULT_SCHEMA } from './normalize';

const sameColumns = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((column) => b.includes(column));

/** The column sets of keys that `changes` drop, per table key. */
function droppedKeys(changes: readonly Change[]): Map<string, (readonly string[])[]> {
  const keys = new Map<string, (readonly string[])[]>();
  const add = (table: QualifiedName, columns: readonly string[]) =>
    keys.set(qualifiedKey(table), [...(keys.get(qualifiedKey(table)) ?? []), columns]);
  for (const change of changes) {
    if (change.kind === 'primaryKey.drop') add(change.table, change.primaryKey.columns);
    if (change.kind === 'unique.drop') add(change.table, change.unique.columns);
    if (change.kind === 'index.drop' && change.index.unique && change.index.where === undefined) {
      add(change.table, change.index.columns);
    }
  }
  return keys;
}

function foreignKeysAroundDroppedKeys(changes: readonly Change[], context: RenderContext): Change[] {
  const dropped = droppedKeys(changes);
  if (dropped.size === 0) return [...changes];
  const fkKey = (table: QualifiedName, fk: ForeignKey) => `${qualifiedKey(table)}/${fk.name}`;
  const alreadyDropped = new Set(
    changes.flatMap((change) => (change.kind === 'foreignKey.drop' ? [fkKey(change.table, change.foreignKey)] : [])),
  );
  const extra: Change[] = [];
  for (const table of context.from.tables) {
    const target = context.to.tables.find((t) => qualifiedKey(t) === qualifiedKey(table));
    for (const fk of table.foreignKeys) {
      const keys = dropped.get(referencedTableKey(fk)) ?? [];
      if (alreadyDropped.has(fkKey(table, fk)) || !keys.some((columns) => sameColumns(columns, fk.referencedColumns))) {
        continue;
      }
      const kept = target?.foreignKeys.find((f) => f.name === fk.name);
      if (!kept) continue; // the diff drops it already
      const ref = { schema: table.schema, name: table.name };
      const reason =
        `foreign key ${fk.name} on ${qualifiedKey(ref)} depends on the key of ${referencedTableKey(fk)} ` +
        `(${fk.referencedColumns.join(', ')}) that is dropped: it is dropped first and added back after the new key`;
      extra.push({ kind: 'foreignKey.drop', table: ref, foreignKey: fk, reason });
      extra.push({ kind: 'foreignKey.add', table: ref, foreignKey: kept, reason });
    }
  }
  // A foreign key added back in its target definition needs no ALTER CONSTRAINT of its deferrability besides.
  const readded = new Set(
    extra.flatMap((change) => (change.kind === 'foreignKey.add' ? [fkKey(change.table, change.foreignKey)] : [])),
  );
  const kept = changes.filter(
    (change) => change.kind !== 'foreignKey.alter' || !readded.has(fkKey(change.table, change.to)),
  );
  return [...kept, ...extra];
}

/** Tables whose columns a change drops or converts: PostgreSQL refuses that while a view reads them. */
function breaksViews(change: Change): string[] {
  const breaking =
    change.kind === 'table.drop' ||
    change.kind === 'column.drop' ||
    change.kind === 'enum.recreate' ||
    (change.kind === 'column.alter' && (change.fields.includes('type') || change.fields.includes('computed')));
  if (!breaking) return [];
  return tablesTouchedBy(change).map((table) =>
    qualifiedKey({ schema: table.schema ?? DEFAULT_SCHEMA, name: table.name }),
  );
}

export function lowerPostgres(changes: readonly Change[], context: RenderContext): Change[] {
  return withViewUpkeep(foreignKeysAroundDroppedKeys(changes, context), context, breaksViews);
}
