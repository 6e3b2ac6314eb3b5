/**
 * SQLite column type facts, as TypeORM's SQLite drivers define them (AbstractSqliteDriver), so that the types we
 * write are the ones TypeORM reads back as unchanged.
 */
import type { Column } from '../../model';

/**
 * Types whose `(n)` is a length (`varchar(255)`): TypeORM's, plus SQL's `char(n)` and `character varying(n)`, which
 * TypeORM cannot declare on SQLite but databases written by hand have (their length is kept, so a model read from one
 * renders the same table again).
 */
export const LENGTH_TYPES: ReadonlySet<string> = new Set([
  'char',
  'character varying',
  'character',
  'varchar',
  'varying character',
  'nchar',
  'native character',
  'nvarchar',
  'text',
  'blob',
  'clob',
]);

/** Types whose `(p)` / `(p,s)` is a precision. */
export const PRECISION_TYPES: ReadonlySet<string> = new Set([
  'real',
  'double',
  'double precision',
  'float',
  'numeric',
  'decimal',
  'date',
  'time',
  'datetime',
]);

/** Types whose `(p,s)` has a scale. */
export const SCALE_TYPES: ReadonlySet<string> = new Set([
  'real',
  'double',
  'double precision',
  'float',
  'numeric',
  'decimal',
]);

/** Spellings TypeORM itself turns into another type on SQLite (`AbstractSqliteDriver.normalizeType`). */
const SYNONYMS: Readonly<Record<string, string>> = {
  int: 'integer',
  uuid: 'varchar',
  'simple-array': 'text',
  'simple-json': 'text',
  'simple-enum': 'varchar',
};

export interface ParsedType {
  readonly type: string;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
}

/**
 * Splits a declared type (`VARCHAR(255)`, `decimal(5, 2)`) into its lower-case base type and its arguments, the
 * way TypeORM's `loadTables` does. Arguments that mean nothing for the base type are dropped (SQLite ignores them).
 */
export function parseDeclaredType(declared: string): ParsedType {
  const text = declared.trim().toLowerCase().replace(/\s+/g, ' ');
  const match = /^(.*?)\s*\(\s*([^)]*)\)\s*$/.exec(text);
  const base = (match ? match[1]! : text).trim();
  const args = match ? match[2]!.split(',').map((a) => Number(a.trim())) : [];
  const first = args[0];
  const second = args[1];
  const valid = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n >= 0;
  if (LENGTH_TYPES.has(base)) return { type: base, length: valid(first) && first > 0 ? first : undefined };
  if (PRECISION_TYPES.has(base)) {
    return {
      type: base,
      precision: valid(first) ? first : undefined,
      scale: SCALE_TYPES.has(base) && valid(second) ? second : undefined,
    };
  }
  return { type: base };
}

/** The canonical type of a column: TypeORM's synonyms resolved, meaningless length/precision/scale removed. */
export function canonicalType(column: Column, isSolePrimaryKey: boolean): ParsedType {
  const parsed = parseDeclaredType(column.type);
  if (column.enumValues) return { type: 'varchar' }; // TypeORM declares every enum column `varchar` (createFullType)
  let type = SYNONYMS[parsed.type] ?? parsed.type;
  // `int PRIMARY KEY` is not an alias of the rowid, `integer PRIMARY KEY` is: keep that distinction.
  if (parsed.type === 'int' && isSolePrimaryKey) type = 'int';
  const length = parsed.length ?? column.length;
  const precision = parsed.precision ?? column.precision;
  const scale = parsed.scale ?? column.scale;
  return {
    type,
    length: LENGTH_TYPES.has(type) && length ? length : undefined,
    precision: PRECISION_TYPES.has(type) && precision !== undefined ? precision : undefined,
    scale: SCALE_TYPES.has(type) && precision !== undefined && scale !== undefined ? scale : undefined,
  };
}

/** `varchar(255)`, `decimal(5,2)`, `varchar` for an enum: TypeORM's `createFullType`. */
export function fullType(column: Column): string {
  if (column.enumValues) return 'varchar';
  if (column.length) return `${column.type}(${column.length})`;
  if (column.precision !== undefined && column.scale !== undefined)
    return `${column.type}(${column.precision},${column.scale})`;
  if (column.precision !== undefined) return `${column.type}(${column.precision})`;
  return column.type;
}
