/** Catalog rows (introspect-rows.ts) to model objects, one function per object kind. */
import type {
  Check,
  Column,
  ColumnDomain,
  Deferrable,
  Exclusion,
  ForeignKey,
  Index,
  IndexKey,
  IndexKeyOrder,
  Partitioning,
  PartitionStrategy,
  PrimaryKey,
  ReferentialAction,
  Unique,
  UnmodelledAttribute,
} from '../../model';
import { SchemaplanError } from '../../errors/errors';
import { qualifiedKey, withIndexKeys } from '../../model';
import { ExclusionSyntaxError, parseExclusion } from './exclusion';
import { type TableRow, type ColumnRow, type ConstraintRow, type IndexRow, type EnumRow } from './introspect-rows';
import { canonicalOption } from './render-options';

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** `RANGE (at)` and the partitions of a partitioned table; `undefined` for an ordinary one. */
export function toPartitioning(row: TableRow): Partitioning | undefined {
  if (row.partition_key === null) return undefined;
  const match = /^(RANGE|LIST|HASH)\s*\(([\s\S]*)\)\s*$/i.exec(row.partition_key);
  if (!match) throw new SchemaplanError(`cannot read the partition key of ${qualifiedKey(row)}: ${row.partition_key}`);
  return {
    strategy: match[1]!.toLowerCase() as PartitionStrategy,
    key: match[2]!.trim(),
    partitions: (row.partitions ?? []).map((p) => ({ schema: p.schema, name: p.name, bound: p.bound })),
  };
}

/** The domain a column's (element) type is, with the type it is over; `undefined` when the type is no domain. */
function toDomain(row: ColumnRow): ColumnDomain | undefined {
  if (row.typtype !== 'd' || row.domain_type === null) return undefined;
  const isEnum = row.domain_typtype === 'e';
  return {
    schema: row.type_schema,
    name: row.type_name,
    base: {
      type: isEnum ? 'enum' : row.domain_type,
      ...typeModifiers(row.domain_type, row.domain_typmod ?? -1),
      array: row.domain_is_array || undefined,
      enum: isEnum ? { schema: row.domain_type_schema!, name: row.domain_type_name! } : undefined,
    },
  };
}

const PERSISTENCE: Readonly<Record<string, string>> = { u: 'unlogged', t: 'temporary' };
const REPLICA_IDENTITY: Readonly<Record<string, string>> = { n: 'nothing', f: 'full', i: 'index' };

/**
 * What a table has that the model does not describe (see `UnmodelledAttribute`); each one makes the table partly
 * managed. The catalog-coverage test (test/catalog-coverage.test.ts) lists where every catalog column read goes.
 */
export function tableUnmodelled(row: TableRow): UnmodelledAttribute[] | undefined {
  const list: UnmodelledAttribute[] = [];
  const add = (attribute: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') list.push({ attribute, value });
  };
  add('storage parameters', row.options?.map(canonicalOption).join(', '));
  add('tablespace', row.tablespace);
  add('persistence', PERSISTENCE[row.persistence]);
  const identity = REPLICA_IDENTITY[row.replica_identity];
  add('replica identity', identity === 'index' ? `using index ${row.replica_index ?? '?'}` : identity);
  add('inherits', row.inherits.join(', '));
  add('row level security', row.force_row_security ? 'forced for the owner' : undefined);
  add('access method', row.access_method !== null && row.access_method !== 'heap' ? row.access_method : undefined);
  add('of type', row.of_type);
  return list.length > 0 ? list : undefined;
}

/**
 * Attribute options a server keeps for itself (`pg_attver=...`, stamped on every column by some builds): no DDL sets
 * them, they differ between two databases of the same schema, so they are no part of it. `ALTER TABLE ... SET (...)`
 * rejects any `pg_` name, so none of these can be the user's.
 */
const SERVER_OPTION = /^pg_/;

/**
 * The fields of an `interval` column (`interval day to second(3)`): the range mask in the high half of its typmod
 * (PostgreSQL's `INTERVAL_MASK` bits: MONTH 1, YEAR 2, DAY 3, HOUR 10, MINUTE 11, SECOND 12; all of them when none
 * are given), as `format_type` names them.
 */
const INTERVAL_FIELDS: Readonly<Record<number, string>> = {
  [1 << 2]: 'year',
  [1 << 1]: 'month',
  [1 << 3]: 'day',
  [1 << 10]: 'hour',
  [1 << 11]: 'minute',
  [1 << 12]: 'second',
  [(1 << 2) | (1 << 1)]: 'year to month',
  [(1 << 3) | (1 << 10)]: 'day to hour',
  [(1 << 3) | (1 << 10) | (1 << 11)]: 'day to minute',
  [(1 << 3) | (1 << 10) | (1 << 11) | (1 << 12)]: 'day to second',
  [(1 << 10) | (1 << 11)]: 'hour to minute',
  [(1 << 10) | (1 << 11) | (1 << 12)]: 'hour to second',
  [(1 << 11) | (1 << 12)]: 'minute to second',
};

function intervalFields(row: ColumnRow): string | undefined {
  if (row.type !== 'interval' || row.typmod < 0) return undefined;
  const range = (row.typmod >> 16) & 0xffff;
  return range === 0x7fff ? undefined : (INTERVAL_FIELDS[range] ?? `range mask ${range}`);
}

/** What a column has that the model does not describe (see `UnmodelledAttribute`). */
function columnUnmodelled(row: ColumnRow): UnmodelledAttribute[] | undefined {
  const list: UnmodelledAttribute[] = [];
  const fields = intervalFields(row);
  if (fields) list.push({ attribute: 'interval fields', value: fields });
  const storage: Readonly<Record<string, string>> = { p: 'plain', e: 'external', m: 'main', x: 'extended' };
  if (row.storage !== row.type_storage) list.push({ attribute: 'storage', value: storage[row.storage] ?? row.storage });
  const compression: Readonly<Record<string, string>> = { p: 'pglz', l: 'lz4' };
  if (row.compression) list.push({ attribute: 'compression', value: compression[row.compression] ?? row.compression });
  if (row.statistics_target !== null && row.statistics_target >= 0) {
    list.push({ attribute: 'statistics target', value: String(row.statistics_target) });
  }
  const options = (row.attribute_options ?? []).filter((option) => !SERVER_OPTION.test(option));
  if (options.length > 0) list.push({ attribute: 'options', value: options.join(', ') });
  if (row.has_privileges) list.push({ attribute: 'privileges', value: 'column privileges granted' });
  return list.length > 0 ? list : undefined;
}

export function toColumn(row: ColumnRow, recordedExpression: string | undefined): Column {
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
    domain: toDomain(row),
    unmodelled: columnUnmodelled(row),
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

/**
 * What an enum type has that the model does not describe: privileges, and the domains over it (or over its array
 * type), which are not managed: while one uses the type, no plan drops it (see the enum diff) or swaps it.
 */
export function enumUnmodelled(row: EnumRow): UnmodelledAttribute[] | undefined {
  const list: UnmodelledAttribute[] = [];
  if (row.domains.length > 0) list.push({ attribute: 'domains', value: row.domains.join(', ') });
  if (row.has_privileges) list.push({ attribute: 'privileges', value: 'privileges granted on the type' });
  return list.length > 0 ? list : undefined;
}

/** What the index behind a primary key or unique constraint has that the model does not describe. */
function keyIndexUnmodelled(row: ConstraintRow): UnmodelledAttribute[] | undefined {
  const list: UnmodelledAttribute[] = [];
  if (row.include.length > 0) list.push({ attribute: 'index include', value: row.include.join(', ') });
  if (row.index_options?.length)
    list.push({ attribute: 'index storage parameters', value: row.index_options.map(canonicalOption).join(', ') });
  if (row.index_tablespace !== null) list.push({ attribute: 'index tablespace', value: row.index_tablespace });
  return list.length > 0 ? list : undefined;
}

function deferrableOf(row: ConstraintRow): Deferrable | undefined {
  return row.deferrable ? (row.deferred ? 'INITIALLY DEFERRED' : 'INITIALLY IMMEDIATE') : undefined;
}

export function toPrimaryKey(row: ConstraintRow): PrimaryKey {
  return {
    name: row.name,
    columns: row.columns,
    deferrable: deferrableOf(row),
    comment: row.comment ?? undefined,
    unmodelled: keyIndexUnmodelled(row),
  };
}

export function toUnique(row: ConstraintRow): Unique {
  return {
    name: row.name,
    columns: row.columns,
    deferrable: deferrableOf(row),
    nullsNotDistinct: row.nulls_not_distinct || undefined,
    comment: row.comment ?? undefined,
    unmodelled: keyIndexUnmodelled(row),
  };
}

export function toForeignKey(row: ConstraintRow): ForeignKey {
  return {
    name: row.name,
    columns: row.columns,
    referencedSchema: row.referenced_schema ?? undefined,
    referencedTable: row.referenced_table ?? '',
    referencedColumns: row.referenced_columns,
    onDelete: ACTIONS[row.on_delete] ?? 'NO ACTION',
    onUpdate: ACTIONS[row.on_update] ?? 'NO ACTION',
    deferrable: deferrableOf(row),
    ...(row.validated ? {} : { notValid: true as const }),
    // `f` FULL; `s` SIMPLE (the default); `p` PARTIAL is not implemented by PostgreSQL.
    match: row.match === 'f' ? 'FULL' : undefined,
    comment: row.comment ?? undefined,
    unmodelled:
      row.delete_set_columns.length > 0
        ? [{ attribute: 'on delete set columns', value: row.delete_set_columns.join(', ') }]
        : undefined,
  };
}

/** `CHECK ((price > 0)) NOT VALID` -> `(price > 0)`; normalisation removes the remaining parentheses. */
export function toCheck(row: ConstraintRow): Check {
  const definition = row.definition ?? '';
  const match = /^CHECK\s*\(([\s\S]*)\)(?:\s+NO INHERIT)?(?:\s+NOT VALID)?\s*$/.exec(definition);
  return {
    name: row.name,
    expression: match ? match[1]! : definition,
    ...(row.validated ? {} : { notValid: true as const }),
    ...(row.no_inherit ? { noInherit: true as const } : {}),
    comment: row.comment ?? undefined,
  };
}

/** `EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (...)`, as `pg_get_constraintdef` prints it. */
export function toExclusion(row: ConstraintRow, table: string): Exclusion {
  try {
    return {
      name: row.name,
      ...parseExclusion(row.definition ?? ''),
      ...(row.comment !== null ? { comment: row.comment } : {}),
    };
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
  return {
    desc: (bits & INDOPTION_DESC) !== 0 || undefined,
    nulls: (bits & INDOPTION_NULLS_FIRST) !== 0 ? 'first' : 'last',
  };
}

export function toIndex(row: IndexRow): Index {
  const keys = row.key_columns.map((column, i): IndexKey => {
    const order = keyOrder(row.key_options[i]);
    const keyClass = { opclass: row.key_opclasses[i] ?? undefined, collation: row.key_collations[i] ?? undefined };
    return column === null
      ? { expression: row.key_expressions[i] ?? '', ...order, ...keyClass }
      : { column, ...order, ...keyClass };
  });
  const unmodelled: UnmodelledAttribute[] = [];
  row.key_opclass_options.forEach((options, i) => {
    if (options) unmodelled.push({ attribute: 'operator class options', value: `key ${i + 1}: ${options}` });
  });
  for (const target of row.statistics_targets) {
    const [key, value] = target.split('=');
    unmodelled.push({ attribute: 'statistics target', value: `key ${key}: ${value}` });
  }
  if (row.tablespace !== null) unmodelled.push({ attribute: 'tablespace', value: row.tablespace });
  if (row.clustered) unmodelled.push({ attribute: 'cluster', value: 'the table is clustered on it' });
  if (row.replica_identity) unmodelled.push({ attribute: 'replica identity', value: "the table's replica identity" });
  const index: Index = {
    name: row.name,
    columns: [],
    unique: row.is_unique,
    where: row.predicate ?? undefined,
    method: row.method,
    ...(row.invalid ? { invalid: true as const } : {}),
    include: row.include.length > 0 ? row.include : undefined,
    options: row.options ?? undefined,
    nullsNotDistinct: row.nulls_not_distinct || undefined,
    comment: row.comment ?? undefined,
    unmodelled: unmodelled.length > 0 ? unmodelled : undefined,
  };
  return withIndexKeys(index, keys);
}
