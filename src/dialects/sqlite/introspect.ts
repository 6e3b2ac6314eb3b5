/**
 * Reads the managed schema of a SQLite database with four set-based queries, whatever the number of tables:
 * `sqlite_master` (tables, indexes, views, and triggers, which are not managed but kept through rebuilds; triggers and
 * virtual tables are listed in `Model.notManaged`), and
 * `sqlite_master` joined with the table-valued pragmas for columns, foreign keys and indexes; plus one read of
 * TypeORM's `typeorm_metadata` when it exists (the view and generated-column expressions TypeORM recorded, which is
 * what it compares). What the pragmas do not report (constraint names, CHECKs, the inline enum CHECK, AUTOINCREMENT,
 * index predicates, generation expressions, view queries) comes from parsing the stored CREATE statements.
 */
import type { Check, Column, ForeignKey, Index, IndexKey, Model, NotManaged, Table, Unique, View } from '../../model';
import { relationsNamedIn, withIndexKeys } from '../../model';
import { defaultNames } from '../../typeorm/default-names';
import { TYPEORM_METADATA_TABLE } from '../typeorm-metadata';
import { isManagedTable } from '../unmanaged';
import { normalizeSqliteModel } from './normalize';
import {
  parseCreateIndex,
  parseCreateTable,
  parseCreateView,
  type ParsedIndex,
  type ParsedTable,
} from './parse-create-table';
import { quoteIdentifier } from './quote';

export type Row = Record<string, unknown>;
export type QueryFn = (sql: string) => Promise<Row[]>;

/**
 * Not SQLite's own objects, nor the shadow tables a virtual table keeps its data in (`fts5`'s `docs_data`...: they
 * belong to the virtual table, which is not managed; planning them as tables would drop them).
 */
const NOT_INTERNAL = `m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
    AND m.name NOT IN (SELECT t.name FROM pragma_table_list t WHERE t.schema = 'main' AND t.type = 'shadow')`;
const USER_TABLES = `m.type = 'table' AND ${NOT_INTERNAL} AND m.sql NOT LIKE 'CREATE VIRTUAL%'`;

export const INTROSPECTION_QUERIES = {
  master: `SELECT m.type AS type, m.name AS name, m.tbl_name AS tbl, m.sql AS sql FROM sqlite_master m
    WHERE m.type IN ('table', 'index', 'view', 'trigger') AND ${NOT_INTERNAL} ORDER BY m.type, m.name`,
  columns: `SELECT m.name AS tbl, c.cid AS cid, c.name AS name, c.type AS type, c."notnull" AS not_null,
    c.dflt_value AS dflt, c.pk AS pk, c.hidden AS hidden
    FROM sqlite_master m JOIN pragma_table_xinfo(m.name) c WHERE ${USER_TABLES} ORDER BY m.name, c.cid`,
  foreignKeys: `SELECT m.name AS tbl, f.id AS id, f.seq AS seq, f."table" AS parent, f."from" AS col, f."to" AS ref,
    f.on_update AS on_update, f.on_delete AS on_delete
    FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE ${USER_TABLES} ORDER BY m.name, f.id, f.seq`,
  /** Key columns only (`key = 1`: not the rowid or primary key columns an index also stores), in key order. */
  indexes: `SELECT m.name AS tbl, il.name AS idx, il."unique" AS uniq, il.origin AS origin, ii.seqno AS seqno,
    ii.name AS col, ii."desc" AS "desc"
    FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) ii
    WHERE ${USER_TABLES} AND ii."key" = 1 ORDER BY m.name, il.name, ii.seqno`,
  /** Only when the table exists. */
  typeormMetadata: `SELECT * FROM ${quoteIdentifier(TYPEORM_METADATA_TABLE)}`,
} as const;

/** Unnamed constraints get TypeORM's default names, as TypeORM's own SQLite query runner names them. */
const naming = defaultNames;

const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const num = (value: unknown): number => Number(value ?? 0);
const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const sameColumns = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((name, i) => sameName(name, b[i]!));

function groupBy(rows: readonly Row[], key: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Takes the first not yet used parsed constraint that matches, so two identical definitions get both names. */
/** Removes and returns the first parsed item that matches (each parsed item names one catalog object). */
function take<T>(parsed: T[], matches: (item: T) => boolean): T | undefined {
  const index = parsed.findIndex(matches);
  return index === -1 ? undefined : parsed.splice(index, 1)[0];
}

function takeName<T extends { name?: string }>(parsed: T[], matches: (item: T) => boolean): string | undefined {
  return take(parsed, matches)?.name;
}

interface TableRows {
  readonly columns: readonly Row[];
  readonly foreignKeys: readonly Row[];
  readonly indexes: readonly Row[];
}

function buildTable(
  name: string,
  parsed: ParsedTable,
  rows: TableRows,
  indexSql: ReadonlyMap<string, ParsedIndex>,
  primaryKeys: ReadonlyMap<string, readonly string[]>,
  recorded: ReadonlyMap<string, string>,
): Table {
  const parsedColumns = new Map(parsed.columns.map((c) => [c.name.toLowerCase(), c]));
  const columns: Column[] = rows.columns
    .filter((row) => num(row.hidden) !== 1) // hidden columns of virtual tables
    .map((row) => {
      const info = parsedColumns.get(str(row.name).toLowerCase());
      // hidden: 2 = VIRTUAL, 3 = STORED generated column; its expression as TypeORM recorded it, else as declared.
      const hidden = num(row.hidden);
      const expression = recorded.get(`${name}\u0000${str(row.name)}`) ?? info?.computed?.expression;
      return {
        name: str(row.name),
        type: str(row.type),
        enumValues: info?.enumValues,
        nullable: num(row.not_null) === 0,
        default: row.dflt === null || row.dflt === undefined ? undefined : String(row.dflt),
        generated: info?.autoincrement ? 'increment' : undefined,
        computed:
          (hidden === 2 || hidden === 3) && expression !== undefined ? { expression, stored: hidden === 3 } : undefined,
        collation: info?.collation,
      };
    });

  const pkColumns = rows.columns
    .filter((row) => num(row.pk) > 0)
    .sort((a, b) => num(a.pk) - num(b.pk))
    .map((row) => str(row.name));

  const parsedFks = [...parsed.foreignKeys];
  const foreignKeys: ForeignKey[] = [...groupBy(rows.foreignKeys, (row) => str(row.id)).values()].map((group) => {
    const first = group[0]!;
    const fkColumns = group.map((row) => str(row.col));
    const referencedTable = str(first.parent);
    const declared = group.map((row) => (row.ref === null || row.ref === undefined ? undefined : String(row.ref)));
    const referencedColumns = declared.every((c) => c !== undefined)
      ? (declared as string[])
      : [...(primaryKeys.get(referencedTable.toLowerCase()) ?? declared.map(() => 'rowid'))];
    const onDelete = str(first.on_delete);
    const onUpdate = str(first.on_update);
    const parsedFk = take(
      parsedFks,
      (fk) =>
        sameName(fk.referencedTable, referencedTable) &&
        sameColumns(fk.columns, fkColumns) &&
        (fk.referencedColumns.length === 0 || sameColumns(fk.referencedColumns, referencedColumns)) &&
        fk.onDelete === onDelete &&
        fk.onUpdate === onUpdate,
    );
    return {
      name: parsedFk?.name ?? naming.foreignKeyName(name, fkColumns),
      columns: fkColumns,
      referencedTable,
      referencedColumns,
      onDelete: onDelete as ForeignKey['onDelete'],
      onUpdate: onUpdate as ForeignKey['onUpdate'],
      deferrable: parsedFk?.deferrable,
    };
  });

  const parsedUniques = [...parsed.uniques];
  const uniques: Unique[] = [];
  const indexes: Index[] = [];
  for (const [indexName, group] of groupBy(rows.indexes, (row) => str(row.idx))) {
    const origin = str(group[0]!.origin);
    if (origin === 'u') {
      const uniqueColumns = group.map((row) => str(row.col));
      const uniqueName = takeName(parsedUniques, (u) => sameColumns(u.columns, uniqueColumns));
      uniques.push({ name: uniqueName ?? naming.uniqueConstraintName(name, uniqueColumns), columns: uniqueColumns });
    } else if (origin === 'c') {
      const definition = indexSql.get(indexName);
      // An expression key has no column name: its text comes from the CREATE INDEX statement.
      const keys = group.map((row, i): IndexKey => {
        const order = num(row.desc) === 1 ? { desc: true as const } : {};
        return row.col === null
          ? { expression: definition?.columns[i] ?? '', ...order }
          : { column: str(row.col), ...order };
      });
      indexes.push(
        withIndexKeys(
          { name: indexName, columns: [], unique: num(group[0]!.uniq) === 1, where: definition?.where },
          keys,
        ),
      );
    }
    // origin 'pk': the primary key's own index
  }

  const checks: Check[] = parsed.checks.map((check) => ({
    name: check.name ?? naming.checkConstraintName(name, check.expression),
    expression: check.expression,
  }));

  return {
    name,
    columns,
    primaryKey: pkColumns.length > 0 ? { name: parsed.primaryKey?.name, columns: pkColumns } : undefined,
    foreignKeys,
    uniques,
    checks,
    indexes,
    strict: parsed.strict || undefined,
    withoutRowid: parsed.withoutRowid || undefined,
  };
}

function parseOrExplain<T>(kind: string, name: string, sql: string, parse: (sql: string) => T): T {
  try {
    return parse(sql);
  } catch (error) {
    throw new Error(`cannot read the definition of ${kind} "${name}": ${(error as Error).message}`, { cause: error });
  }
}

/** Builds the (normalised) model from the rows of the introspection queries. */
export function buildSqliteModel(
  master: readonly Row[],
  columns: readonly Row[],
  fks: readonly Row[],
  indexes: readonly Row[],
  metadata: readonly Row[] = [],
): Model {
  const recordedColumns = new Map(
    metadata
      .filter((row) => row.type === 'GENERATED_COLUMN' && typeof row.value === 'string')
      .map((row) => [`${str(row.table)}\u0000${str(row.name)}`, str(row.value)]),
  );
  const recordedViews = new Map(
    metadata
      .filter((row) => row.type === 'VIEW' && typeof row.value === 'string')
      .map((row) => [str(row.name), str(row.value)]),
  );
  const tableRows = master.filter((row) => row.type === 'table' && isManagedTable(str(row.name)) && row.sql !== null);
  const parsedIndexes = new Map<string, ParsedIndex>();
  for (const row of master) {
    if (row.type === 'index' && typeof row.sql === 'string') {
      parsedIndexes.set(str(row.name), parseOrExplain('index', str(row.name), row.sql, parseCreateIndex));
    }
  }
  const columnsByTable = groupBy(columns, (row) => str(row.tbl));
  const fksByTable = groupBy(fks, (row) => str(row.tbl));
  const indexesByTable = groupBy(indexes, (row) => str(row.tbl));
  const triggersByTable = groupBy(
    master.filter((row) => row.type === 'trigger' && typeof row.sql === 'string'),
    (row) => str(row.tbl).toLowerCase(),
  );
  const primaryKeys = new Map<string, string[]>();
  for (const [table, rows] of columnsByTable) {
    const pk = rows.filter((row) => num(row.pk) > 0).sort((a, b) => num(a.pk) - num(b.pk));
    primaryKeys.set(
      table.toLowerCase(),
      pk.map((row) => str(row.name)),
    );
  }
  const tables = tableRows
    .filter((row) => !str(row.sql).startsWith('CREATE VIRTUAL'))
    .map((row) => {
      const name = str(row.name);
      const parsed = parseOrExplain('table', name, str(row.sql), parseCreateTable);
      const triggers = (triggersByTable.get(name.toLowerCase()) ?? []).map((t) => ({
        name: str(t.name),
        sql: str(t.sql),
      }));
      const table = buildTable(
        name,
        parsed,
        {
          columns: columnsByTable.get(name) ?? [],
          foreignKeys: fksByTable.get(name) ?? [],
          indexes: indexesByTable.get(name) ?? [],
        },
        parsedIndexes,
        primaryKeys,
        recordedColumns,
      );
      return triggers.length > 0 ? { ...table, triggers } : table;
    });
  const viewRows = master.filter((row) => row.type === 'view' && typeof row.sql === 'string');
  const relations = [...tables, ...viewRows.map((row) => ({ name: str(row.name) }))];
  const views = viewRows.map((row): View => {
    const name = str(row.name);
    const expression =
      recordedViews.get(name) ?? parseOrExplain('view', name, str(row.sql), parseCreateView).expression;
    return { name, expression, dependsOn: relationsNamedIn(expression, relations, [undefined], { name }) };
  });
  return normalizeSqliteModel({
    dialect: 'sqlite',
    extensions: [],
    enums: [],
    tables,
    views,
    notManaged: notManagedOf(master),
  });
}

/**
 * What the model does not describe, from the `sqlite_master` rows already read: triggers (kept through table
 * rebuilds, never planned) and virtual tables (never read as tables).
 */
function notManagedOf(master: readonly Row[]): NotManaged[] {
  const names = (keep: (row: Row) => boolean) => master.filter(keep).map((row) => str(row.name));
  const entries: NotManaged[] = [
    { kind: 'trigger', names: names((row) => row.type === 'trigger') },
    { kind: 'virtual table', names: names((row) => row.type === 'table' && /^CREATE\s+VIRTUAL\b/i.test(str(row.sql))) },
  ];
  return entries.filter((entry) => entry.names.length > 0);
}

export async function introspectSqlite(query: QueryFn): Promise<Model> {
  const master = await query(INTROSPECTION_QUERIES.master);
  const columns = await query(INTROSPECTION_QUERIES.columns);
  const fks = await query(INTROSPECTION_QUERIES.foreignKeys);
  const indexes = await query(INTROSPECTION_QUERIES.indexes);
  const hasMetadata = master.some((row) => row.type === 'table' && row.name === TYPEORM_METADATA_TABLE);
  const metadata = hasMetadata ? await query(INTROSPECTION_QUERIES.typeormMetadata) : [];
  return buildSqliteModel(master, columns, fks, indexes, metadata);
}
