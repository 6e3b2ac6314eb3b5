/**
 * Names that differ only in letter case, on a dialect where they name the same object (SQLite compares table,
 * column, index and constraint names ASCII case-insensitively: `USERS` and `users` are one table, and a second one
 * cannot be created, nor can one be renamed to the other's spelling). Before such models are compared, the current
 * model takes the target's spelling of every name both have (`respellLike`), so the diff pairs them as the same
 * object and a difference of case alone is no change at all (as sqldef does); statements then name the object as the
 * target spells it, which the database resolves to the same object.
 */
import { indexKeys, isExpressionKey, withIndexKeys } from './index-keys';
import { normalizeModel } from './normalize';
import type { Model, QualifiedName, Table } from './types';

/** SQLite's case folding of identifiers: ASCII letters only. */
export const foldCase = (name: string): string =>
  /[A-Z]/.test(name) ? name.replace(/[A-Z]/g, (c) => c.toLowerCase()) : name;

/** A lookup of spellings by folded name: `spell(name)` is the known spelling, or `name` itself. */
function speller(names: Iterable<string>): (name: string) => string {
  const byFold = new Map<string, string>();
  for (const name of names) if (!byFold.has(foldCase(name))) byFold.set(foldCase(name), name);
  return (name) => byFold.get(foldCase(name)) ?? name;
}

/** Tables by folded name, the first of each fold (a lookup per foreign key, not a scan of every table). */
function firstByFoldedName(tables: readonly Table[]): Map<string, Table> {
  const byFold = new Map<string, Table>();
  for (const table of tables) if (!byFold.has(foldCase(table.name))) byFold.set(foldCase(table.name), table);
  return byFold;
}

const relationKey = (object: QualifiedName): string => `${object.schema ?? ''}\u0000${foldCase(object.name)}`;

/** Structural equality of plain data, names aside. */
const sameDefinition = (a: object, b: object): boolean =>
  JSON.stringify({ ...a, name: '' }, Object.keys({ ...a, name: '' }).sort()) ===
  JSON.stringify({ ...b, name: '' }, Object.keys({ ...b, name: '' }).sort());

/**
 * The names of `items` as `targets` spell them: by name; when `byDefinition`, an item no target has by name takes
 * the name of an unclaimed target with the same definition (names derived from the table and column names, as
 * TypeORM and the introspector derive them, change with their spelling).
 */
function respellNamed<T extends { name: string }>(
  items: readonly T[],
  targets: readonly T[],
  byDefinition: boolean,
): T[] {
  const spell = speller(targets.map((t) => t.name));
  const claimed = new Set(
    items.map((item) => foldCase(spell(item.name))).filter((name) => targets.some((t) => foldCase(t.name) === name)),
  );
  return items.map((item) => {
    const named = spell(item.name);
    if (named !== item.name || !byDefinition || targets.some((t) => foldCase(t.name) === foldCase(item.name)))
      return { ...item, name: named };
    const same = targets.find((t) => !claimed.has(foldCase(t.name)) && sameDefinition(item, t));
    if (!same) return item;
    claimed.add(foldCase(same.name));
    return { ...item, name: same.name };
  });
}

/**
 * `table` with its name and column names (and every list of them) spelled as `target` spells them, its references
 * spelled by `relation` and `columnsOf`, and its index names by `index`.
 */
function respellTable(
  table: Table,
  target: Table | undefined,
  relation: (name: string) => string,
  columnsOf: (table: string) => (name: string) => string,
  index: (name: string) => string,
): Table {
  const column = speller(target ? target.columns.map((c) => c.name) : []);
  const columns = (names: readonly string[]) => names.map(column);
  const respelled =
    target !== undefined && (target.name !== table.name || table.columns.some((c) => column(c.name) !== c.name));
  const foreignKeys = table.foreignKeys.map((fk) => {
    const referencedTable = relation(fk.referencedTable);
    return {
      ...fk,
      columns: columns(fk.columns),
      referencedTable,
      referencedColumns: fk.referencedColumns.map(columnsOf(referencedTable)),
    };
  });
  const uniques = table.uniques.map((u) => ({ ...u, columns: columns(u.columns) }));
  return {
    ...table,
    name: target?.name ?? table.name,
    columns: table.columns.map((c) => ({ ...c, name: column(c.name) })),
    primaryKey: table.primaryKey && { ...table.primaryKey, columns: columns(table.primaryKey.columns) },
    foreignKeys: respellNamed(foreignKeys, target?.foreignKeys ?? [], respelled),
    uniques: respellNamed(uniques, target?.uniques ?? [], respelled),
    checks: respellNamed(table.checks, target?.checks ?? [], respelled),
    indexes: table.indexes.map((i) =>
      withIndexKeys(
        { ...i, name: index(i.name) },
        indexKeys(i).map((key) => (isExpressionKey(key) ? key : { ...key, column: column(key.column) })),
      ),
    ),
  };
}

/**
 * Calls `visit` with every name `respellLike` or `respellReferences` may respell in a model, or spell by: relations,
 * columns, indexes, constraints and references to them.
 */
function visitNames(model: Model, visit: (name: string) => void): void {
  const each = (names: readonly string[]) => {
    for (const name of names) visit(name);
  };
  for (const view of model.views ?? []) {
    visit(view.name);
    for (const d of view.dependsOn) visit(d.name);
  }
  for (const table of model.tables) {
    visit(table.name);
    for (const column of table.columns) visit(column.name);
    if (table.primaryKey) each(table.primaryKey.columns);
    for (const fk of table.foreignKeys) {
      visit(fk.name);
      each(fk.columns);
      visit(fk.referencedTable);
      each(fk.referencedColumns);
    }
    for (const unique of table.uniques) {
      visit(unique.name);
      each(unique.columns);
    }
    for (const check of table.checks) visit(check.name);
    for (const index of table.indexes) {
      visit(index.name);
      for (const key of indexKeys(index)) if (!isExpressionKey(key)) visit(key.column);
    }
  }
}

/**
 * Whether no name of `from` has another spelling in `to` (of whatever kind: a conservative check), so that
 * `respellLike` would change nothing: the usual case, where both models come from the same entities.
 */
function spelledAlike(from: Model, to: Model): boolean {
  const spellings = new Map<string, string | null>();
  visitNames(to, (name) => {
    const folded = foldCase(name);
    const known = spellings.get(folded);
    if (known === undefined) spellings.set(folded, name);
    else if (known !== name) spellings.set(folded, null);
  });
  let alike = true;
  visitNames(from, (name) => {
    const known = spellings.get(foldCase(name));
    if (known !== undefined && known !== name) alike = false;
  });
  return alike;
}

/**
 * `from` with each table, view, column, index and constraint name that `to` spells differently only in case spelled
 * as `to` does (references to them included); names `to` does not have are kept. Then normalised (sorted) again.
 */
export function respellLike(from: Model, to: Model): Model {
  if (spelledAlike(from, to)) return normalizeModel(from);
  const targetTables = new Map(to.tables.map((t) => [relationKey(t), t]));
  const relation = speller([...to.tables, ...(to.views ?? [])].map((r) => r.name));
  const index = speller(to.tables.flatMap((t) => t.indexes.map((i) => i.name)));
  const targetByName = firstByFoldedName(to.tables);
  const targetColumns = (table: string) => {
    const target = targetByName.get(foldCase(table));
    return speller(target ? target.columns.map((c) => c.name) : []);
  };
  const tables = from.tables.map((table) =>
    respellTable(table, targetTables.get(relationKey(table)), relation, targetColumns, index),
  );
  const views = from.views?.map((view) => ({
    ...view,
    name: relation(view.name),
    dependsOn: view.dependsOn.map((d) => ({ ...d, name: relation(d.name) })),
  }));
  return normalizeModel({ ...from, tables, views });
}

/**
 * One model's references spelled as the objects they name are: a foreign key naming `Users` when the table is
 * `users` names it as `users` (and its columns as they are declared), so that it reads the same however the
 * reference was written.
 */
export function respellReferences(model: Model): Model {
  if (spelledAlike(model, model)) return model; // no two of its names differ in case alone: nothing to respell
  const relation = speller(model.tables.map((t) => t.name));
  const tableByName = firstByFoldedName(model.tables);
  const columnsOf = (table: string) => {
    const found = tableByName.get(foldCase(table));
    return speller(found ? found.columns.map((c) => c.name) : []);
  };
  return {
    ...model,
    tables: model.tables.map((table) => {
      const column = columnsOf(table.name);
      return {
        ...table,
        primaryKey: table.primaryKey && { ...table.primaryKey, columns: table.primaryKey.columns.map(column) },
        foreignKeys: table.foreignKeys.map((fk) => {
          const referencedTable = relation(fk.referencedTable);
          return {
            ...fk,
            columns: fk.columns.map(column),
            referencedTable,
            referencedColumns: fk.referencedColumns.map(columnsOf(referencedTable)),
          };
        }),
        uniques: table.uniques.map((u) => ({ ...u, columns: u.columns.map(column) })),
        indexes: table.indexes.map((i) =>
          withIndexKeys(
            i,
            indexKeys(i).map((key) => (isExpressionKey(key) ? key : { ...key, column: column(key.column) })),
          ),
        ),
      };
    }),
  };
}
