import type { DataSource, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { CompileError } from '../errors/errors';
import { renamedFromRecords, type RenamedFromRecord } from '../hints/renamed-from';
import type { RenamesFile } from '../hints/renames-file';
import type {
  ColumnRename,
  DialectName,
  EnumRename,
  EnumValueRename,
  QualifiedName,
  Renames,
  TableRename,
} from '../model';
import { compareStrings, qualifiedKey } from '../model';
import { appTypeorm } from '../typeorm/runtime';
import { dialectFor } from '../dialects/registry';

interface Context {
  readonly dataSource: DataSource;
  readonly metadatas: readonly EntityMetadata[];
  readonly dialect: DialectName;
  /** PostgreSQL: the schema of names written without one. */
  readonly defaultSchema?: string;
}

/**
 * Turns `@RenamedFrom` declarations on the compiled entities and the entries of a renames file into database names
 * of the dialect's model. Conflicting declarations (one old name, two new ones) are a compile error.
 */
export function resolveRenames(context: Context, file: RenamesFile | undefined): Renames {
  const tables: TableRename[] = [];
  const columns: ColumnRename[] = [];
  const enums: EnumRename[] = [];
  const values: Omit<EnumValueRename, 'columns'>[] = [];

  for (const record of renamedFromRecords()) {
    for (const metadata of metadatasOf(context, record)) {
      const source = `@RenamedFrom on ${record.target.name}${record.property ? `.${record.property}` : ''}`;
      const table = tableName(context, metadata);
      if (record.property === undefined) {
        if (record.options.name) {
          tables.push({ from: parseName(context, record.options.name, table.schema), to: table, rename: true, source });
        }
        continue;
      }
      const column = metadata.findColumnWithPropertyName(record.property);
      if (!column) throw new CompileError(`${source}: ${record.property} is not a column of ${metadata.targetName}`);
      if (record.options.name) {
        columns.push({ table, from: record.options.name, to: column.databaseName, rename: true, source });
      }
      if (record.options.enum || record.options.values) {
        if (!column.enum) throw new CompileError(`${source}: ${record.property} is not an enum column`);
        const type = { schema: table.schema, name: enumName(context, metadata, column) };
        if (record.options.enum) {
          enums.push({ from: { schema: table.schema, name: record.options.enum }, to: type, rename: true, source });
        }
        for (const [from, to] of Object.entries(record.options.values ?? {})) {
          values.push({ enum: type, from, to, rename: true, source });
        }
      }
    }
  }

  if (file) {
    const source = file.file;
    for (const e of file.tables) {
      const to = parseName(context, e.to, context.defaultSchema);
      tables.push({ from: parseName(context, e.from, to.schema), to, rename: e.rename, source });
    }
    for (const e of file.columns) {
      columns.push({
        table: parseName(context, e.table, context.defaultSchema),
        from: e.from,
        to: e.to,
        rename: e.rename,
        source,
      });
    }
    for (const e of file.enums) {
      const to = parseName(context, e.to, context.defaultSchema);
      enums.push({ from: parseName(context, e.from, to.schema), to, rename: e.rename, source });
    }
    for (const e of file.enumValues) {
      const type = enumNamedByColumn(context, e.enum) ?? parseName(context, e.enum, context.defaultSchema);
      values.push({ enum: type, from: e.from, to: e.to, rename: e.rename, source });
    }
  }

  return {
    tables: unique(
      tables,
      (r) => `${qualifiedKey(r.from)}`,
      (r) => qualifiedKey(r.to),
    ),
    columns: unique(
      columns,
      (r) => `${qualifiedKey(r.table)}.${r.from}`,
      (r) => r.to,
    ),
    enums: unique(
      enums,
      (r) => qualifiedKey(r.from),
      (r) => qualifiedKey(r.to),
    ),
    enumValues: unique(
      values,
      (r) => `${qualifiedKey(r.enum)}:${r.from}`,
      (r) => r.to,
    ).map((r) => ({
      ...r,
      columns: enumColumns(context, r.enum),
    })),
  };
}

/** The compiled entities a declaration applies to: its class, or every entity inheriting the decorated property. */
function metadatasOf(context: Context, record: RenamedFromRecord): EntityMetadata[] {
  return context.metadatas.filter((metadata) => {
    if (metadata.tableType === 'entity-child' || metadata.tableType === 'view') return false;
    const target = metadata.target;
    if (typeof target !== 'function') return false;
    if (target === record.target) return true;
    return record.property !== undefined && target.prototype instanceof record.target;
  });
}

function tableName(context: Context, metadata: EntityMetadata): QualifiedName {
  return {
    schema: dialectFor(context.dialect).capabilities.schemas ? (metadata.schema ?? context.defaultSchema) : undefined,
    name: metadata.tableName,
  };
}

/** `schema.name` or `name` (in `schema`); SQLite has no schemas, so a dot is part of the name there. */
function parseName(context: Context, text: string, schema: string | undefined): QualifiedName {
  if (!dialectFor(context.dialect).capabilities.schemas) return { name: text };
  const dot = text.indexOf('.');
  return dot < 0 ? { schema, name: text } : { schema: text.slice(0, dot), name: text.slice(dot + 1) };
}

/** TypeORM's own enum type name (`enumName`, else `<table>_<column>_enum`), on either dialect. */
function enumName(context: Context, metadata: EntityMetadata, column: ColumnMetadata): string {
  const build = appTypeorm().PostgresQueryRunner.prototype as unknown as {
    buildEnumName(this: unknown, table: unknown, column: unknown, withSchema: boolean, disableEscape: boolean): string;
  };
  return build.buildEnumName.call(
    { driver: context.dataSource.driver },
    metadata,
    { enumName: column.enumName, name: column.databaseName },
    false,
    true,
  );
}

/**
 * Where an enum has no name in the database (no enum types: SQLite), a renames file may name it by a column that uses it
 * (`"enum": "cards.level"`, as the plan's decisions do): the enum of that column. `undefined` for any other name.
 */
function enumNamedByColumn(context: Context, text: string): QualifiedName | undefined {
  if (dialectFor(context.dialect).capabilities.enumTypes) return undefined;
  const dot = text.lastIndexOf('.');
  if (dot < 0) return undefined;
  const [tableName, columnName] = [text.slice(0, dot), text.slice(dot + 1)];
  for (const metadata of context.metadatas) {
    if (metadata.tableType === 'entity-child' || metadata.tableType === 'view' || metadata.tableName !== tableName)
      continue;
    const column = metadata.columns.find((c) => c.databaseName === columnName && c.enum);
    if (column) return { schema: undefined, name: enumName(context, metadata, column) };
  }
  return undefined;
}

function enumColumns(context: Context, type: QualifiedName): EnumValueRename['columns'] {
  const key = qualifiedKey(type);
  const result: { table: QualifiedName; column: string }[] = [];
  for (const metadata of context.metadatas) {
    if (metadata.tableType === 'entity-child' || metadata.tableType === 'view') continue;
    const table = tableName(context, metadata);
    for (const column of metadata.columns) {
      if (!column.enum) continue;
      if (qualifiedKey({ schema: table.schema, name: enumName(context, metadata, column) }) === key) {
        result.push({ table, column: column.databaseName });
      }
    }
  }
  return result.sort((a, b) =>
    compareStrings(`${qualifiedKey(a.table)}.${a.column}`, `${qualifiedKey(b.table)}.${b.column}`),
  );
}

/** One declaration per old name; the same declaration made twice (decorator and file) counts once. */
function unique<T extends { rename: boolean; source: string }>(
  list: readonly T[],
  keyOf: (item: T) => string,
  targetOf: (item: T) => string,
): T[] {
  const byKey = new Map<string, T>();
  for (const item of list) {
    const key = keyOf(item);
    const previous = byKey.get(key);
    if (previous && (targetOf(previous) !== targetOf(item) || previous.rename !== item.rename)) {
      throw new CompileError(
        `conflicting renames of ${key}: ${previous.source} says ${targetOf(previous)}, ${item.source} says ${targetOf(item)}`,
        'Keep one declaration per renamed object.',
      );
    }
    if (!previous) byKey.set(key, item);
  }
  return [...byKey.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, item]) => item);
}
