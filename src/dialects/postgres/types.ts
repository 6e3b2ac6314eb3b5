import { SchemaplanError } from '../../errors/errors';
import type { Column } from '../../model';
import { quoteQualified } from './quote';
import { memoizeByString } from '../memo';

/**
 * PostgreSQL type names: synonyms, modifiers and how a column's full type is spelled in DDL.
 * The canonical spelling is the one `format_type()` prints (and TypeORM's `normalizeType` produces):
 * `integer`, `character varying`, `timestamp with time zone`, `double precision`...
 */

const SYNONYMS: Readonly<Record<string, string>> = {
  int: 'integer',
  int4: 'integer',
  integer: 'integer',
  int2: 'smallint',
  smallint: 'smallint',
  int8: 'bigint',
  bigint: 'bigint',
  varchar: 'character varying',
  'char varying': 'character varying',
  'character varying': 'character varying',
  char: 'character',
  character: 'character',
  bpchar: 'character',
  decimal: 'numeric',
  numeric: 'numeric',
  bool: 'boolean',
  boolean: 'boolean',
  float: 'double precision',
  float8: 'double precision',
  'double precision': 'double precision',
  float4: 'real',
  real: 'real',
  timestamp: 'timestamp without time zone',
  'timestamp without time zone': 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  'timestamp with time zone': 'timestamp with time zone',
  time: 'time without time zone',
  'time without time zone': 'time without time zone',
  timetz: 'time with time zone',
  'time with time zone': 'time with time zone',
  varbit: 'bit varying',
  'bit varying': 'bit varying',
  'simple-enum': 'enum',
  enum: 'enum',
  // TypeORM stores these as text on PostgreSQL.
  'simple-array': 'text',
  'simple-json': 'text',
};

/** Pseudo-types that mean "integer type + owned sequence default". */
const SERIALS: Readonly<Record<string, string>> = {
  serial: 'integer',
  serial4: 'integer',
  bigserial: 'bigint',
  serial8: 'bigint',
  smallserial: 'smallint',
  serial2: 'smallint',
};

export const INTEGER_TYPES: ReadonlySet<string> = new Set(['smallint', 'integer', 'bigint']);
export const NUMERIC_TYPES: ReadonlySet<string> = new Set([...INTEGER_TYPES, 'numeric', 'real', 'double precision']);
export const JSON_TYPES: ReadonlySet<string> = new Set(['json', 'jsonb']);
/** Types whose modifier is a length: `character varying(n)`. */
export const LENGTH_TYPES: ReadonlySet<string> = new Set([
  'character varying',
  'character',
  'bit',
  'bit varying',
  'vector',
  'halfvec',
]);
/** Length PostgreSQL applies when none is given (`char` is `character(1)`). */
export const DEFAULT_LENGTH: Readonly<Record<string, number>> = { character: 1, bit: 1 };
/** Types whose modifier is a (fractional seconds / decimal digits) precision. */
export const PRECISION_TYPES: ReadonlySet<string> = new Set([
  'numeric',
  'time without time zone',
  'time with time zone',
  'timestamp without time zone',
  'timestamp with time zone',
  'interval',
]);
/** Precision PostgreSQL applies when none is given: `timestamp` holds microseconds, like `timestamp(6)`. */
export const DEFAULT_PRECISION: Readonly<Record<string, number>> = {
  'time without time zone': 6,
  'time with time zone': 6,
  'timestamp without time zone': 6,
  'timestamp with time zone': 6,
  interval: 6,
};

export interface ParsedType {
  readonly type: string;
  readonly array: boolean;
  /** `serial`/`bigserial`/`smallserial` were written. */
  readonly serial: boolean;
  /** Modifiers written inside the type name, e.g. `varchar(20)` or `numeric(5,2)`. */
  readonly modifiers: readonly number[];
}

/**
 * Parses a type as written by a user, TypeORM or the catalog (`int4`, `varchar(20)`, `_int4`, `text[]`,
 * `timestamp(3) with time zone`, `"public"."deck_level"`) into its canonical base name, array flag and modifiers.
 */
export const parseTypeName: (written: string) => ParsedType = memoizeByString((written) => {
  const parsed = parseTypeNameOnce(written);
  Object.freeze(parsed.modifiers);
  return Object.freeze(parsed);
});

function parseTypeNameOnce(written: string): ParsedType {
  let text = written.trim();
  let array = false;
  while (/\[\s*\d*\s*\]$/.test(text)) {
    array = true;
    text = text.replace(/\s*\[\s*\d*\s*\]$/, '');
  }
  if (/\s+array$/i.test(text)) {
    array = true;
    text = text.replace(/\s+array$/i, '');
  }
  if (text.includes('"')) return { type: text, array, serial: false, modifiers: [] };
  text = text.toLowerCase().replace(/\s+/g, ' ');
  const modifiers: number[] = [];
  const withModifiers = /^([^(]*?)\s*\(\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?\)\s*(.*)$/.exec(text);
  if (withModifiers) {
    modifiers.push(Number(withModifiers[2]));
    if (withModifiers[3] !== undefined) modifiers.push(Number(withModifiers[3]));
    text = `${withModifiers[1]}${withModifiers[4] ? ` ${withModifiers[4]}` : ''}`.trim();
  }
  if (text.startsWith('_') && !array) {
    const element = text.slice(1);
    if (SYNONYMS[element] !== undefined || NUMERIC_TYPES.has(element) || /^[a-z][a-z0-9_]*$/.test(element)) {
      array = true;
      text = element;
    }
  }
  const serial = SERIALS[text];
  if (serial !== undefined) return { type: serial, array, serial: true, modifiers };
  return { type: SYNONYMS[text] ?? text, array, serial: false, modifiers };
}

function withModifier(type: string, modifier: string): string {
  // `time(3) with time zone`, `timestamp(3) without time zone`: the modifier follows the first word.
  const zoned = /^(time|timestamp) (with|without) time zone$/.exec(type);
  if (zoned) return `${zoned[1]}${modifier} ${zoned[2]} time zone`;
  return `${type}${modifier}`;
}

/** The element type of a column with its modifiers, as DDL spells it: `character varying(255)`, `numeric(5,2)`. */
export function renderBaseType(column: Pick<Column, 'type' | 'length' | 'precision' | 'scale' | 'enum'>): string {
  if (column.type === 'enum') {
    if (!column.enum) throw new SchemaplanError(`an enum column has no enum type name`);
    return quoteQualified(column.enum);
  }
  if (column.length !== undefined && LENGTH_TYPES.has(column.type))
    return withModifier(column.type, `(${column.length})`);
  if (column.precision !== undefined && column.type === 'numeric') {
    return column.scale !== undefined ? `numeric(${column.precision},${column.scale})` : `numeric(${column.precision})`;
  }
  if (column.precision !== undefined && PRECISION_TYPES.has(column.type)) {
    return withModifier(column.type, `(${column.precision})`);
  }
  return column.type;
}

/** The full type of a column: base type with modifiers, `[]` for arrays. */
export function renderColumnType(
  column: Pick<Column, 'type' | 'length' | 'precision' | 'scale' | 'enum' | 'array'>,
): string {
  return `${renderBaseType(column)}${column.array ? '[]' : ''}`;
}

/** `SERIAL`, `BIGSERIAL`, `SMALLSERIAL` for an integer column with `generated: 'increment'`. */
export function serialTypeFor(type: string): string | undefined {
  return { integer: 'SERIAL', bigint: 'BIGSERIAL', smallint: 'SMALLSERIAL' }[type];
}
