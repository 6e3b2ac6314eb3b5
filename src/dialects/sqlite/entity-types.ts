import type { Column } from '../../model';
import type { EntityTypes, NearestType } from '../entity-types';

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

const SQLITE_REBUILD =
  'a plan against the generated entities rebuilds the table with this declared type (the values are kept)';

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
      problem:
        'TypeORM accepts int but creates it as integer, which makes a sole primary key an alias of the rowid (an int one is not)',
      because: 'what TypeORM creates for int',
      consequence:
        'a plan against the generated entities rebuilds the table with an integer primary key (the values are kept)',
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
      return {
        type: { type: 'blob' },
        because: type.trim() === '' ? 'a column without a type has BLOB affinity' : because,
        consequence,
      };
    case 'REAL':
      return {
        type: { type: type.includes('doub') ? 'double' : type.includes('floa') ? 'float' : 'real' },
        because,
        consequence,
      };
    case 'NUMERIC':
      if (/date|time/.test(type)) return { type: { type: 'datetime' }, because, consequence };
      if (type.includes('bool')) return { type: { type: 'boolean' }, because, consequence };
      if (type.includes('dec')) return { type: { type: 'decimal' }, because, consequence };
      return { type: { type: 'numeric' }, because, consequence };
  }
}

/** SQLite's column types as TypeORM takes them (see `EntityTypes`). */
export const sqliteEntityTypes: EntityTypes = {
  supported: SQLITE_TYPES,
  tsTypes: SQLITE_TS_TYPES,
  numeric: new Set([
    'integer',
    'int',
    'tinyint',
    'smallint',
    'mediumint',
    'bigint',
    'int2',
    'int8',
    'real',
    'double',
    'double precision',
    'float',
    'numeric',
    'decimal',
  ]),
  typedDefaults: false,
  nearest: nearestSqliteType,
};
