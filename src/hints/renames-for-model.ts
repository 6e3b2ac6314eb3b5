/**
 * A renames file (`--renames`) resolved against a target model instead of entities: what `schema diff` uses when its
 * TO side is a database, a `.sql` file or a model `.json` (entities resolve theirs while compiling, with
 * `@RenamedFrom`). Names are database names; a table or enum may be written `schema.name`, else it is in
 * `defaultSchema` (PostgreSQL `public`; none on SQLite, where a dot is part of the name).
 */
import { compareStrings, qualifiedKey, type Model, type QualifiedName, type Renames } from '../model';
import type { RenamesFile } from './renames-file';

function parseName(text: string, defaultSchema: string | undefined): QualifiedName {
  if (defaultSchema === undefined) return { name: text };
  const dot = text.indexOf('.');
  return dot < 0 ? { schema: defaultSchema, name: text } : { schema: text.slice(0, dot), name: text.slice(dot + 1) };
}

/** The columns of `model` that use `type`: by enum type (PostgreSQL), or the column a SQLite file names (`table.column`). */
function enumColumns(model: Model, type: QualifiedName, written: string): { table: QualifiedName; column: string }[] {
  const key = qualifiedKey(type);
  const byColumn = written.lastIndexOf('.');
  const result = model.tables.flatMap((table) =>
    table.columns
      .filter(
        (column) =>
          (column.enum !== undefined && qualifiedKey(column.enum) === key) ||
          (byColumn > 0 &&
            table.name === written.slice(0, byColumn) &&
            column.name === written.slice(byColumn + 1) &&
            column.enumValues !== undefined),
      )
      .map((column) => ({ table: { schema: table.schema, name: table.name }, column: column.name })),
  );
  return result.sort((a, b) =>
    compareStrings(`${qualifiedKey(a.table)}.${a.column}`, `${qualifiedKey(b.table)}.${b.column}`),
  );
}

/** The declarations of `file` in the names of `target` (the TO side of the diff). */
export function renamesForModel(file: RenamesFile, target: Model, defaultSchema: string | undefined): Renames {
  const source = file.file;
  return {
    tables: file.tables.map((e) => {
      const to = parseName(e.to, defaultSchema);
      return { from: parseName(e.from, to.schema), to, rename: e.rename, source };
    }),
    columns: file.columns.map((e) => ({
      table: parseName(e.table, defaultSchema),
      from: e.from,
      to: e.to,
      rename: e.rename,
      source,
    })),
    enums: file.enums.map((e) => {
      const to = parseName(e.to, defaultSchema);
      return { from: parseName(e.from, to.schema), to, rename: e.rename, source };
    }),
    enumValues: file.enumValues.map((e) => {
      const type = parseName(e.enum, defaultSchema);
      return {
        enum: type,
        from: e.from,
        to: e.to,
        rename: e.rename,
        source,
        columns: enumColumns(target, type, e.enum),
      };
    }),
  };
}
