import type { EnumType, Model, Table, View } from '../../model';
import { qualifiedKey } from '../../model';
import { TYPEORM_METADATA_TABLE } from '../typeorm-metadata';
import { isManagedTable, UNMANAGED_TABLES } from '../unmanaged';
import { DEFAULT_SCHEMA, normalizePostgresModel } from './normalize';
import { quoteQualified } from './quote';
import {
  columnsSql,
  constraintsSql,
  ENUMS_SQL,
  EXTENSIONS_SQL,
  indexesSql,
  NOT_MANAGED_SQL,
  SEQUENCES_SQL,
  TABLES_SQL,
  viewsSql,
} from './queries';
import { standaloneSequences, type SequenceRow } from './introspect-sequences';
import { canonicalViewDefinition } from './view-definition';
import {
  type QueryFn,
  type TableRow,
  type ColumnRow,
  type ViewRow,
  type ConstraintRow,
  type IndexRow,
  type NotManagedRow,
  type EnumRow,
} from './introspect-rows';
import {
  toPartitioning,
  tableUnmodelled,
  enumUnmodelled,
  toColumn,
  toPrimaryKey,
  toUnique,
  toForeignKey,
  toCheck,
  toExclusion,
  toIndex,
} from './introspect-convert';

/**
 * Reads the managed schemas (those that exist) with eight set-based catalog queries (the indexes query reads the
 * materialized views' indexes too; the last one lists what the model does not describe), whatever the number of tables,
 * and returns the model in canonical (normalised) form. TypeORM's records of view and generated-column expressions
 * (in `typeorm_metadata` of the default schema, where TypeORM keeps it) are read by the views query, when the table
 * exists.
 *
 * After the tables query, the rest runs in two lanes that do not wait on each other's answers: on `query` alone, one
 * after the other, or the second on `beside()`'s connection when it gives one (asked once the tables are read), so
 * that the server answers both at once. Either way the same queries give the same rows.
 */
export async function introspectPostgres(
  query: QueryFn,
  schemas: readonly string[] = [DEFAULT_SCHEMA],
  beside: () => QueryFn | undefined = () => undefined,
  meanwhile?: () => void,
): Promise<Model> {
  const schemaList = [...schemas];
  const schemaRows = await query<TableRow>(TABLES_SQL, [schemaList]);
  const tableRows = schemaRows.filter((row) => row.oid !== null && isManagedTable(row.name));
  const metadataTable = schemaRows.some(
    (row) => row.oid !== null && row.schema === DEFAULT_SCHEMA && row.name === TYPEORM_METADATA_TABLE,
  )
    ? quoteQualified({ schema: DEFAULT_SCHEMA, name: TYPEORM_METADATA_TABLE })
    : undefined;
  const oids = tableRows.map((row) => row.oid);
  const serverVersion = schemaRows[0]?.server_version_num;
  // The columns query takes longest (1,000 tables, PostgreSQL 15: 110 ms of server time against 70 for constraints
  // and 80 for indexes), so it shares its lane with the small ones only.
  const columnsLane = async (read: QueryFn) => ({
    columnRows: await read<ColumnRow>(columnsSql(serverVersion), [oids]),
    enumRows: await read<EnumRow>(ENUMS_SQL, [schemaList]),
    extensionRows: await read<{ name: string }>(EXTENSIONS_SQL, []),
    sequenceRows: await read<SequenceRow>(SEQUENCES_SQL, [schemaList]),
  });
  const constraintsLane = async (read: QueryFn) => {
    const viewRows = await read<ViewRow>(viewsSql(metadataTable), [schemaList]);
    // Indexes of the tables and of the materialized views, in one query.
    const materializedOids = viewRows.filter((row) => row.kind === 'view' && row.materialized).map((row) => row.oid!);
    return {
      viewRows,
      indexRows: await read<IndexRow>(indexesSql(serverVersion), [[...oids, ...materializedOids]]),
      constraintRows: await read<ConstraintRow>(constraintsSql(serverVersion), [oids]),
      notManagedRows: await read<NotManagedRow>(NOT_MANAGED_SQL, [schemaList, UNMANAGED_TABLES]),
    };
  };
  const second = beside();
  // Each lane's first query is sent when the lane starts; the caller's other work runs while the server answers.
  const columns = columnsLane(query);
  const constraints = second && constraintsLane(second);
  try {
    meanwhile?.();
  } catch {
    // Its caller meets the failure again when it does that work itself (see `IntrospectOptions.meanwhile`).
  }
  const [
    { columnRows, enumRows, extensionRows, sequenceRows },
    { viewRows, indexRows, constraintRows, notManagedRows },
  ] = constraints ? await bothLanes(columns, constraints) : [await columns, await constraintsLane(query)];
  const recordedColumns = new Map(
    viewRows
      .filter((row) => row.kind === 'column' && row.recorded !== null)
      .map((row) => [`${row.schema}.${row.table_name}.${row.name}`, row.recorded!]),
  );

  const columnsOf = groupBy(columnRows, (row) => row.table_oid);
  const constraintsOf = groupBy(constraintRows, (row) => row.table_oid);
  const indexesOf = groupBy(indexRows, (row) => row.table_oid);

  const tables = tableRows.map((row): Table => {
    const constraints = constraintsOf.get(row.oid) ?? [];
    const primary = constraints.find((c) => c.type === 'p');
    return {
      schema: row.schema,
      name: row.name,
      columns: (columnsOf.get(row.oid) ?? []).map((c) =>
        toColumn(c, recordedColumns.get(`${row.schema}.${row.name}.${c.name}`)),
      ),
      primaryKey: primary ? toPrimaryKey(primary) : undefined,
      foreignKeys: constraints.filter((c) => c.type === 'f').map(toForeignKey),
      uniques: constraints.filter((c) => c.type === 'u').map(toUnique),
      checks: constraints.filter((c) => c.type === 'c').map(toCheck),
      indexes: (indexesOf.get(row.oid) ?? []).map(toIndex),
      exclusions: constraints.filter((c) => c.type === 'x').map((c) => toExclusion(c, `${row.schema}.${row.name}`)),
      comment: row.comment ?? undefined,
      partitioning: toPartitioning(row),
      unmodelled: tableUnmodelled(row),
    };
  });
  const enums = enumRows.map((row): EnumType => ({
    schema: row.schema,
    name: row.name,
    values: row.values,
    comment: row.comment ?? undefined,
    unmodelled: enumUnmodelled(row),
  }));
  // A view's expression is what TypeORM recorded (what it compares), else the catalog's; it depends on what its
  // rewrite rule depends on, among the relations read here.
  const viewList = viewRows.filter((row) => row.kind === 'view');
  const relations = new Set([...tableRows, ...viewList].map((row) => qualifiedKey(row)));
  const views = viewList.map((row): View => ({
    schema: row.schema,
    name: row.name,
    expression: (row.recorded ?? canonicalViewDefinition(row.definition ?? '')).trim(),
    materialized: row.materialized || undefined,
    indexes: row.materialized ? (indexesOf.get(String(row.oid)) ?? []).map(toIndex) : undefined,
    dependsOn: row.depends_on.filter((d) => relations.has(qualifiedKey(d))),
    comment: row.comment ?? undefined,
    options: row.options ?? undefined,
    unmodelled: row.tablespace === null ? undefined : [{ attribute: 'tablespace', value: row.tablespace }],
  }));
  const schemaComments = Object.fromEntries(
    schemaRows.flatMap((row) => (row.schema_comment === null ? [] : [[row.schema, row.schema_comment] as const])),
  );
  return normalizePostgresModel({
    dialect: 'postgres',
    schemas: [...new Set(schemaRows.map((row) => row.schema))],
    extensions: extensionRows.map((row) => row.name),
    enums,
    tables,
    views,
    notManaged: notManagedRows.map((row) => ({ schema: row.schema ?? undefined, kind: row.kind, names: row.names })),
    sequences: standaloneSequences(sequenceRows, tableRows, columnRows),
    schemaComments,
  });
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = String(key(row));
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Both lanes' answers; when one fails, the other is still waited for (its connection must be idle again before the
 * session's next query), then the first failure is thrown.
 */
async function bothLanes<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}
