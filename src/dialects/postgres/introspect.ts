import type {
  Check,
  Column,
  EnumType,
  Exclusion,
  ForeignKey,
  Index,
  IndexKey,
  IndexKeyOrder,
  Model,
  NotManagedKind,
  PrimaryKey,
  ReferentialAction,
  Table,
  Unique,
  View,
} from '../../model';
import { qualifiedKey, withIndexKeys } from '../../model';
import { TYPEORM_METADATA_TABLE } from '../typeorm-metadata';
import { isManagedTable, UNMANAGED_TABLES } from '../unmanaged';
import { SchemaplanError } from '../../errors/errors';
import { ExclusionSyntaxError, parseExclusion } from './exclusion';
import { DEFAULT_SCHEMA, normalizePostgresModel } from './normalize';
import { quoteQualified } from './quote';
import {
  COLUMNS_SQL,
  CONSTRAINTS_SQL,
  ENUMS_SQL,
  EXTENSIONS_SQL,
  INDEXES_SQL,
  NOT_MANAGED_SQL,
  SEQUENCES_SQL,
  TABLES_SQL,
  viewsSql,
} from './queries';
import { standaloneSequences, type SequenceRow } from './introspect-sequences';

/** Runs one catalog query; the session counts it. */
export type QueryFn = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>;

interface TableRow {
  /** NULL (with `name`) for a schema without tables. */
  oid: string;
  schema: string;
  name: string;
  comment: string | null;
}
export interface ColumnRow {
  table_oid: string;
  name: string;
  not_null: boolean;
  identity: '' | 'a' | 'd';
  typmod: number;
  is_array: boolean;
  type: string;
  typtype: string;
  type_schema: string;
  type_name: string;
  default: string | null;
  generation: string | null;
  comment: string | null;
  collation: string | null;
  identity_start: string | null;
  identity_increment: string | null;
  identity_min: string | null;
  identity_max: string | null;
  identity_cache: string | null;
  identity_cycle: boolean | null;
}
interface ViewRow {
  kind: 'view' | 'column';
  /** The view's OID (NULL for a `column` record). */
  oid: string | null;
  schema: string;
  name: string;
  table_name: string | null;
  materialized: boolean;
  definition: string | null;
  recorded: string | null;
  depends_on: { schema: string; name: string }[];
}
interface ConstraintRow {
  table_oid: string;
  name: string;
  type: 'p' | 'f' | 'u' | 'c' | 'x';
  columns: string[];
  referenced_schema: string | null;
  referenced_table: string | null;
  referenced_columns: string[];
  on_delete: string;
  on_update: string;
  deferrable: boolean;
  deferred: boolean;
  validated: boolean;
  no_inherit: boolean;
  definition: string | null;
}
interface IndexRow {
  table_oid: string;
  name: string;
  is_unique: boolean;
  method: string;
  invalid: boolean;
  key_columns: (string | null)[];
  key_expressions: (string | null)[];
  key_options: number[];
  predicate: string | null;
}
interface NotManagedRow {
  schema: string | null;
  kind: NotManagedKind;
  names: string[];
}
interface EnumRow {
  schema: string;
  name: string;
  values: string[];
}

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/**
 * Reads the managed schemas (those that exist) with eight set-based catalog queries (the indexes query reads the
 * materialized views' indexes too; the last one lists what the model does not describe), whatever the number of tables,
 * and returns the model in canonical (normalised) form. TypeORM's records of view and generated-column expressions
 * (in `typeorm_metadata` of the default schema, where TypeORM keeps it) are read by the views query, when the table
 * exists.
 */
export async function introspectPostgres(query: QueryFn, schemas: readonly string[] = [DEFAULT_SCHEMA]): Promise<Model> {
  const schemaList = [...schemas];
  const schemaRows = await query<TableRow>(TABLES_SQL, [schemaList]);
  const tableRows = schemaRows.filter((row) => row.oid !== null && isManagedTable(row.name));
  const metadataTable = schemaRows.some(
    (row) => row.oid !== null && row.schema === DEFAULT_SCHEMA && row.name === TYPEORM_METADATA_TABLE,
  )
    ? quoteQualified({ schema: DEFAULT_SCHEMA, name: TYPEORM_METADATA_TABLE })
    : undefined;
  const oids = tableRows.map((row) => row.oid);
  const [columnRows, constraintRows, enumRows, extensionRows, viewRows] = [
    await query<ColumnRow>(COLUMNS_SQL, [oids]),
    await query<ConstraintRow>(CONSTRAINTS_SQL, [oids]),
    await query<EnumRow>(ENUMS_SQL, [schemaList]),
    await query<{ name: string }>(EXTENSIONS_SQL, []),
    await query<ViewRow>(viewsSql(metadataTable), [schemaList]),
  ];
  const sequenceRows = await query<SequenceRow>(SEQUENCES_SQL, [schemaList]);
  // Indexes of the tables and of the materialized views, in one query.
  const materializedOids = viewRows.filter((row) => row.kind === 'view' && row.materialized).map((row) => row.oid!);
  const indexRows = await query<IndexRow>(INDEXES_SQL, [[...oids, ...materializedOids]]);
  const notManagedRows = await query<NotManagedRow>(NOT_MANAGED_SQL, [schemaList, UNMANAGED_TABLES]);
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
      primaryKey: primary ? ({ name: primary.name, columns: primary.columns } satisfies PrimaryKey) : undefined,
      foreignKeys: constraints.filter((c) => c.type === 'f').map(toForeignKey),
      uniques: constraints.filter((c) => c.type === 'u').map((c): Unique => ({ name: c.name, columns: c.columns })),
      checks: constraints.filter((c) => c.type === 'c').map(toCheck),
      indexes: (indexesOf.get(row.oid) ?? []).map(toIndex),
      exclusions: constraints.filter((c) => c.type === 'x').map((c) => toExclusion(c, `${row.schema}.${row.name}`)),
      comment: row.comment ?? undefined,
    };
  });
  const enums = enumRows.map((row): EnumType => ({ schema: row.schema, name: row.name, values: row.values }));
  // A view's expression is what TypeORM recorded (what it compares), else the catalog's; it depends on what its
  // rewrite rule depends on, among the relations read here.
  const viewList = viewRows.filter((row) => row.kind === 'view');
  const relations = new Set([...tableRows, ...viewList].map((row) => qualifiedKey(row)));
  const views = viewList.map(
    (row): View => ({
      schema: row.schema,
      name: row.name,
      expression: (row.recorded ?? row.definition ?? '').trim(),
      materialized: row.materialized || undefined,
      indexes: row.materialized ? (indexesOf.get(String(row.oid)) ?? []).map(toIndex) : undefined,
      dependsOn: row.depends_on.filter((d) => relations.has(qualifiedKey(d))),
    }),
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
  });
}

function toColumn(row: ColumnRow, recordedExpression: string | undefined): Column {
  const isEnum = row.typtype === 'e';
  return {
    name: row.name,
    type: isEnum ? 'enum' : row.type,
    ...typeModifiers(row.type, row.typmod),
    array: row.is_array || undefined,
    enum: isEnum ? { schema: row.type_schema, name: row.type_name } : undefined,
    nullable: !row.not_null,
    default: row.default ?? undefined,
    generated: row.identity === 'a' ? 'identity-always' : row.identity === 'd' ? 'identity-by-default' : undefined,
    // Every option as read; normalisation keeps those that are not the default.
    identity:
      row.identity_start === null
        ? undefined
        : {
            start: row.identity_start,
            increment: row.identity_increment ?? undefined,
            minValue: row.identity_min ?? undefined,
            maxValue: row.identity_max ?? undefined,
            cache: row.identity_cache ?? undefined,
            cycle: row.identity_cycle ? true : undefined,
          },
    computed: row.generation === null ? undefined : { expression: recordedExpression ?? row.generation, stored: true },
    comment: row.comment ?? undefined,
    collation: row.collation ?? undefined,
  };
}

/** Decodes `atttypmod` the way `format_type` does, for the types whose modifier the model carries. */
function typeModifiers(type: string, typmod: number): Pick<Column, 'length' | 'precision' | 'scale'> {
  if (typmod < 0) return {};
  switch (type) {
    case 'character varying':
    case 'character':
      return { length: typmod - 4 };
    case 'bit':
    case 'bit varying':
    case 'vector':
    case 'halfvec':
      return { length: typmod };
    case 'numeric': {
      const value = typmod - 4;
      return { precision: (value >> 16) & 0xffff, scale: ((value & 0x7ff) ^ 1024) - 1024 };
    }
    case 'time without time zone':
    case 'time with time zone':
    case 'timestamp without time zone':
    case 'timestamp with time zone':
      return { precision: typmod };
    case 'interval':
      return (typmod & 0xffff) === 0xffff ? {} : { precision: typmod & 0xffff };
    default:
      return {};
  }
}

function toForeignKey(row: ConstraintRow): ForeignKey {
  return {
    name: row.name,
    columns: row.columns,
    referencedSchema: row.referenced_schema ?? undefined,
    referencedTable: row.referenced_table ?? '',
    referencedColumns: row.referenced_columns,
    onDelete: ACTIONS[row.on_delete] ?? 'NO ACTION',
    onUpdate: ACTIONS[row.on_update] ?? 'NO ACTION',
    deferrable: row.deferrable ? (row.deferred ? 'INITIALLY DEFERRED' : 'INITIALLY IMMEDIATE') : undefined,
    ...(row.validated ? {} : { notValid: true as const }),
  };
}

/** `CHECK ((price > 0)) NOT VALID` -> `(price > 0)`; normalisation removes the remaining parentheses. */
function toCheck(row: ConstraintRow): Check {
  const definition = row.definition ?? '';
  const match = /^CHECK\s*\(([\s\S]*)\)(?:\s+NO INHERIT)?(?:\s+NOT VALID)?\s*$/.exec(definition);
  return {
    name: row.name,
    expression: match ? match[1]! : definition,
    ...(row.validated ? {} : { notValid: true as const }),
    ...(row.no_inherit ? { noInherit: true as const } : {}),
  };
}

/** `EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (...)`, as `pg_get_constraintdef` prints it. */
function toExclusion(row: ConstraintRow, table: string): Exclusion {
  try {
    return { name: row.name, ...parseExclusion(row.definition ?? '') };
  } catch (error) {
    if (!(error instanceof ExclusionSyntaxError)) throw error;
    throw new SchemaplanError(
      `exclusion constraint ${row.name} on ${table} could not be read (${error.message}): ${row.definition}`,
      'Please report it with the constraint definition; meanwhile exclude the table (`exclude` in the configuration).',
    );
  }
}

/** `pg_index.indoption` bits of one key (`INDOPTION_DESC`, `INDOPTION_NULLS_FIRST`). */
const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;

function keyOrder(option: number | undefined): IndexKeyOrder {
  const bits = option ?? 0;
  return { desc: (bits & INDOPTION_DESC) !== 0 || undefined, nulls: (bits & INDOPTION_NULLS_FIRST) !== 0 ? 'first' : 'last' };
}

function toIndex(row: IndexRow): Index {
  const keys = row.key_columns.map((column, i): IndexKey => {
    const order = keyOrder(row.key_options[i]);
    return column === null ? { expression: row.key_expressions[i] ?? '', ...order } : { column, ...order };
  });
  const index: Index = {
    name: row.name,
    columns: [],
    unique: row.is_unique,
    where: row.predicate ?? undefined,
    method: row.method,
    ...(row.invalid ? { invalid: true as const } : {}),
  };
  return withIndexKeys(index, keys);
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
