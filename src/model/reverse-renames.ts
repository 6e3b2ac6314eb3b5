import { qualifiedKey } from './names';
import type { ColumnRename, EnumValueRename, Renames, TableRename } from './renames';
import type { Model, QualifiedName } from './types';

/**
 * The renames of the way back (desired -> current), for the `down` of a migration: every rename runs the other way,
 * named as the reverse plan sees it. A label mapping (rows holding a removed label moved onto a label the enum
 * keeps) has no way back: `down` adds the label again, and the rows stay where they were moved.
 */
export function reverseRenames(renames: Renames, current: Model): Renames {
  const oldTable = new Map(renames.tables.filter((r) => r.rename).map((r) => [qualifiedKey(r.to), r.from]));
  const oldTableOf = (table: QualifiedName): QualifiedName => oldTable.get(qualifiedKey(table)) ?? table;
  const oldColumn = new Map(
    renames.columns.filter((r) => r.rename).map((r) => [`${qualifiedKey(r.table)}\u0000${r.to}`, r.from]),
  );
  const oldColumnOf = (table: QualifiedName, column: string): string =>
    oldColumn.get(`${qualifiedKey(table)}\u0000${column}`) ?? column;
  const oldEnum = new Map(renames.enums.filter((r) => r.rename).map((r) => [qualifiedKey(r.to), r.from]));
  const oldEnumOf = (name: QualifiedName): QualifiedName => oldEnum.get(qualifiedKey(name)) ?? name;

  /** Labels the enum had before: its PostgreSQL type, or (SQLite) the CHECK of any column it constrains. */
  const labelsBefore = (rename: EnumValueRename): ReadonlySet<string> => {
    const type = current.enums.find((e) => qualifiedKey(e) === qualifiedKey(oldEnumOf(rename.enum)));
    const ofColumns = rename.columns.flatMap(({ table, column }) => {
      const before = current.tables.find((t) => qualifiedKey(t) === qualifiedKey(oldTableOf(table)));
      return before?.columns.find((c) => c.name === oldColumnOf(table, column))?.enumValues ?? [];
    });
    return new Set([...(type?.values ?? []), ...ofColumns]);
  };

  return {
    tables: renames.tables.map((r): TableRename => ({ ...r, from: r.to, to: r.from })),
    columns: renames.columns.map((r): ColumnRename => ({ ...r, table: oldTableOf(r.table), from: r.to, to: r.from })),
    enums: renames.enums.map((r) => ({ ...r, from: r.to, to: r.from })),
    enumValues: renames.enumValues
      .filter((r) => !r.rename || !labelsBefore(r).has(r.to))
      .map((r): EnumValueRename => ({
        ...r,
        enum: oldEnumOf(r.enum),
        from: r.to,
        to: r.from,
        columns: r.columns.map(({ table, column }) => ({
          table: oldTableOf(table),
          column: oldColumnOf(table, column),
        })),
      })),
  };
}
