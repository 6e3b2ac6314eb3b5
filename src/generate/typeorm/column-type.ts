/**
 * Column types as TypeORM takes them: the model spells types the way the dialect's catalog does, and TypeORM's
 * drivers accept (and compare) exactly those spellings for the types they support. A type TypeORM does not support is
 * declared as the nearest one it does (`nearestType`), with a comment and a diagnostic: never left out, which would
 * make a plan drop the column and its values.
 */
import type { Column, ColumnType, DialectName } from '../../model';

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

/** A type TypeORM accepts in place of one it does not, and why it is the nearest. */
export interface NearestType {
  readonly type: ColumnType;
  /** Why the column's own type cannot be declared as it is; absent: TypeORM does not accept it on the dialect. */
  readonly problem?: string;
  /** `same NUMERIC affinity`: what makes it the nearest, for the comment and the diagnostic. */
  readonly because: string;
  /** What a plan against the generated entities then does to the column. */
  readonly consequence: string;
}

/**
 * SQLite's type affinity of a declared type (https://www.sqlite.org/datatype3.html, 3.1), which is all SQLite makes
 * of it: `INT` anywhere is INTEGER, then `CHAR`/`CLOB`/`TEXT` TEXT, `BLOB` or no type BLOB, `REAL`/`FLOA`/`DOUB` REAL,
 * anything else NUMERIC.
 */
function sqliteAffinity(type: string): 'INTEGER' | 'TEXT' | 'BLOB' | 'REAL' | 'NUMERIC' {
  if (type.includes('int')) return 'INTEGER';
  if (/char|clob|text/.test(type)) return 'TEXT';
  if (type.includes('blob') || type.trim() === '') return 'BLOB';
  if (/real|floa|doub/.test(type)) return 'REAL';
  return 'NUMERIC';
}

const SQLITE_REBUILD = 'a plan against the generated entities rebuilds the table with this declared type (the values are kept)';

/**
 * SQLite: a type TypeORM accepts with the same affinity, so the column stores and compares its values exactly as
 * before (`timestamp` -> `datetime`, `char(3)` -> `character(3)`, `string` -> `numeric`, no type -> `blob`). A sole
 * `int` primary key is `integer`, which is what TypeORM makes of `int` (and SQLite then makes the key the rowid).
 */
function nearestSqliteType(column: Column, isSolePrimaryKey: boolean): NearestType {
  const type = column.type;
  const affinity = sqliteAffinity(type);
  const because = `same ${affinity} affinity`;
  const consequence = SQLITE_REBUILD;
  if (type === 'int' && isSolePrimaryKey) {
    return {
      type: { type: 'integer' },
      problem: 'TypeORM accepts int but creates it as integer, which makes a sole primary key an alias of the rowid (an int one is not)',
      because: 'what TypeORM creates for int',
      consequence: 'a plan against the generated entities rebuilds the table with an integer primary key (the values are kept)',
    };
  }
  switch (affinity) {
    case 'INTEGER':
      return { type: { type: 'integer' }, because, consequence };
    case 'TEXT':
      if (/var/.test(type)) return { type: { type: 'varchar', length: column.length }, because, consequence };
      if (type.includes('char')) return { type: { type: 'character', length: column.length }, because, consequence };
      return { type: { type: 'text' }, because, consequence };
    case 'BLOB':
      return { type: { type: 'blob' }, because: type.trim() === '' ? 'a column without a type has BLOB affinity' : because, consequence };
    case 'REAL':
      return { type: { type: type.includes('doub') ? 'double' : type.includes('floa') ? 'float' : 'real' }, because, consequence };
    case 'NUMERIC':
      if (/date|time/.test(type)) return { type: { type: 'datetime' }, because, consequence };
      if (type.includes('bool')) return { type: { type: 'boolean' }, because, consequence };
      if (type.includes('dec')) return { type: { type: 'decimal' }, because, consequence };
      return { type: { type: 'numeric' }, because, consequence };
  }
}

/**
 * PostgreSQL: `text` (an array of it for an array), which every value converts to and from through its text form.
 * Domains never get here: they are declared as their base type first.
 */
function nearestPostgresType(column: Column): NearestType {
  return {
    type: { type: 'text', array: column.array },
    because: 'every value has a text form',
    consequence: 'a plan against the generated entities changes the column to text (ALTER COLUMN ... TYPE text: the values are kept as text)',
  };
}

const NEAREST: Readonly<Record<DialectName, (column: Column, isSolePrimaryKey: boolean) => NearestType>> = {
  postgres: nearestPostgresType,
  sqlite: nearestSqliteType,
};

/** The type TypeORM accepts that is nearest to a column's type it does not accept. */
export function nearestType(dialect: DialectName, column: Column, isSolePrimaryKey: boolean): NearestType {
  return NEAREST[dialect](column, isSolePrimaryKey);
}

/** `character varying(3)`, `numeric(10,2)`, `integer[]`: a column type as SQL spells it, for messages. */
export function typeText(type: ColumnType): string {
  const modifiers =
    type.length !== undefined
      ? `(${type.length})`
      : type.precision !== undefined
        ? `(${type.precision}${type.scale !== undefined ? `,${type.scale}` : ''})`
        : '';
  const name = type.type === 'enum' && type.enum ? `enum ${type.enum.schema ? `${type.enum.schema}.` : ''}${type.enum.name}` : type.type || '(no type)';
  return `${name}${modifiers}${type.array ? '[]' : ''}`;
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
