/**
 * Column types as TypeORM takes them: the model spells types the way the dialect's catalog does, and TypeORM's
 * drivers accept (and compare) exactly those spellings for the types they support. What TypeORM does not support
 * cannot be declared at all.
 */
import type { Column, DialectName } from '../../model';

/** TypeORM's PostgresDriver `supportedDataTypes`, in the catalog's spelling (synonyms left out). */
const POSTGRES_TYPES: ReadonlySet<string> = new Set([
  'smallint',
  'integer',
  'bigint',
  'numeric',
  'real',
  'double precision',
  'money',
  'character varying',
  'character',
  'text',
  'citext',
  'hstore',
  'bytea',
  'bit',
  'bit varying',
  'timestamp without time zone',
  'timestamp with time zone',
  'date',
  'time without time zone',
  'time with time zone',
  'interval',
  'boolean',
  'enum',
  'point',
  'line',
  'lseg',
  'box',
  'path',
  'polygon',
  'circle',
  'cidr',
  'inet',
  'macaddr',
  'macaddr8',
  'tsvector',
  'tsquery',
  'uuid',
  'xml',
  'json',
  'jsonb',
  'jsonpath',
  'int4range',
  'int8range',
  'numrange',
  'tsrange',
  'tstzrange',
  'daterange',
  'int4multirange',
  'int8multirange',
  'nummultirange',
  'tsmultirange',
  'tstzmultirange',
  'datemultirange',
  'cube',
  'ltree',
  'vector',
  'halfvec',
]);

/**
 * TypeORM's AbstractSqliteDriver `supportedDataTypes` as they are declared in SQL; `int` only reads back as itself
 * for a sole primary key, which TypeORM declares `integer`.
 */
const SQLITE_TYPES: ReadonlySet<string> = new Set([
  'integer',
  'tinyint',
  'smallint',
  'mediumint',
  'bigint',
  'unsigned big int',
  'int2',
  'int8',
  'character',
  'varchar',
  'varying character',
  'nchar',
  'native character',
  'nvarchar',
  'text',
  'clob',
  'blob',
  'real',
  'double',
  'double precision',
  'float',
  'numeric',
  'decimal',
  'boolean',
  'date',
  'time',
  'datetime',
  'json',
  'jsonb',
]);

/** Whether TypeORM can declare a column of this (non-enum) type on the dialect. */
export function isSupportedType(dialect: DialectName, type: string): boolean {
  return (dialect === 'postgres' ? POSTGRES_TYPES : SQLITE_TYPES).has(type);
}

const POSTGRES_TS_TYPES: Readonly<Record<string, string>> = {
  smallint: 'number',
  integer: 'number',
  real: 'number',
  'double precision': 'number',
  // node-postgres returns these as strings: they may not fit a JavaScript number.
  bigint: 'string',
  numeric: 'string',
  money: 'string',
  boolean: 'boolean',
  'timestamp without time zone': 'Date',
  'timestamp with time zone': 'Date',
  bytea: 'Buffer',
  json: 'unknown',
  jsonb: 'unknown',
  hstore: 'Record<string, string>',
};

const SQLITE_TS_TYPES: Readonly<Record<string, string>> = {
  integer: 'number',
  tinyint: 'number',
  smallint: 'number',
  mediumint: 'number',
  int2: 'number',
  real: 'number',
  double: 'number',
  'double precision': 'number',
  float: 'number',
  numeric: 'number',
  decimal: 'number',
  bigint: 'string',
  'unsigned big int': 'string',
  int8: 'string',
  boolean: 'boolean',
  datetime: 'Date',
  blob: 'Buffer',
  json: 'unknown',
  jsonb: 'unknown',
};

/** The property's TypeScript type (without `| null`): `enumType` names the TypeScript enum of an enum column. */
export function tsTypeOf(dialect: DialectName, column: Column, enumType: string | undefined): string {
  const element = enumType ?? (dialect === 'postgres' ? POSTGRES_TS_TYPES : SQLITE_TS_TYPES)[column.type] ?? 'string';
  return column.array ? `${element}[]` : element;
}
