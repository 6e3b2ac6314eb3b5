/**
 * The column types the convergence fuzzer generates, per dialect: how a column of each is declared in the model,
 * values rows hold (as text literals, which both engines take for any of these types), defaults, and the type changes
 * it may plan with how each converts a value. Values are compared as the database prints them (`::text` on
 * PostgreSQL with `TimeZone` UTC, `CAST(... AS TEXT)` on SQLite), so a conversion maps that text to the text the new
 * type prints.
 */
import type { Column, DialectName } from '../../src/model';

export interface Conversion {
  /** The target type's id in the same catalogue. */
  readonly to: string;
  /** The value as the target type prints it, from the value as the source type printed it. */
  readonly convert: (text: string) => string;
}

export interface FuzzType {
  readonly id: string;
  /** The column's type fields in the model (`type`, `length`, `precision`, `scale`, `array`, `collation`). */
  readonly column: Pick<Column, 'type' | 'length' | 'precision' | 'scale' | 'array' | 'collation'>;
  /** The `i`-th row's value: distinct for distinct `i` when `distinct`; `r` is a small random number. */
  readonly value: (i: number, r: number) => string;
  /** Values are distinct per row, so the column may carry a UNIQUE, a unique index or a primary key. */
  readonly distinct: boolean;
  /** Numbers, never negative: the column may carry the CHECK `"c" >= 0`. */
  readonly numeric: boolean;
  /** Default expressions, as an entity would declare them. */
  readonly defaults: readonly string[];
  readonly conversions: readonly Conversion[];
  /** False when the type has no default (btree) operator class: PostgreSQL's `json`. */
  readonly indexable?: false;
}

const same = (text: string) => text;
const pad2 = (n: number) => String(n).padStart(2, '0');
/** Distinct for distinct `i` (`r` below 37: with `r` up to 999, rows 4 and 5 once fell on the same day, under a UNIQUE). */
const day = (i: number, r: number) => {
  const d = new Date(Date.UTC(2020, 0, 1) + (i * 37 + (r % 37)) * 86_400_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
};
const time = (i: number, r: number) => `${pad2((i + r) % 24)}:${pad2((i * 7) % 60)}:${pad2((r * 13) % 60)}`;
const uuid = (i: number, r: number) => `${String(i).padStart(8, '0')}-0000-4000-8000-${String(r).padStart(12, '0')}`;
/** A real that float4 holds exactly (quarters), printed as both engines print it. */
const quarter = (i: number, r: number) => String(i * 3 + (r % 4) / 4);

function type(id: string, column: FuzzType['column'], rest: Omit<FuzzType, 'id' | 'column'>): FuzzType {
  return { id, column, ...rest };
}

const POSTGRES: readonly FuzzType[] = [
  type(
    'int2',
    { type: 'smallint' },
    {
      value: (i, r) => String(i * 5 + (r % 5)),
      distinct: true,
      numeric: true,
      defaults: ['0', '7'],
      conversions: [
        { to: 'int4', convert: same },
        { to: 'int8', convert: same },
        { to: 'numeric', convert: same },
        { to: 'text', convert: same },
      ],
    },
  ),
  type(
    'int4',
    { type: 'integer' },
    {
      value: (i, r) => String(i * 11 + (r % 11)),
      distinct: true,
      numeric: true,
      defaults: ['0', '42'],
      conversions: [
        { to: 'int8', convert: same },
        { to: 'numeric10_2', convert: (t) => `${t}.00` },
        { to: 'text', convert: same },
        { to: 'varchar32', convert: same },
        { to: 'int4[]', convert: (t) => `{${t}}` },
        { to: 'float8', convert: same },
      ],
    },
  ),
  type(
    'int8',
    { type: 'bigint' },
    {
      value: (i, r) => String(10_000_000_000 + i * 13 + (r % 13)),
      distinct: true,
      numeric: true,
      defaults: ['0', '10000000000'],
      conversions: [
        { to: 'numeric', convert: same },
        { to: 'text', convert: same },
      ],
    },
  ),
  type(
    'numeric',
    { type: 'numeric' },
    {
      value: (i, r) => `${i}.${r % 10}5`,
      distinct: true,
      numeric: true,
      defaults: ['0', '1.5'],
      conversions: [{ to: 'text', convert: same }],
    },
  ),
  type(
    'numeric10_2',
    { type: 'numeric', precision: 10, scale: 2 },
    {
      value: (i, r) => `${i * 3}.${pad2(r % 100)}`,
      distinct: true,
      numeric: true,
      defaults: ['0', '2.25'],
      conversions: [
        { to: 'numeric12_2', convert: same },
        { to: 'numeric', convert: same },
        { to: 'text', convert: same },
      ],
    },
  ),
  type(
    'numeric12_2',
    { type: 'numeric', precision: 12, scale: 2 },
    {
      value: (i, r) => `${i * 7}.${pad2(r % 100)}`,
      distinct: true,
      numeric: true,
      defaults: ['1.00'],
      conversions: [],
    },
  ),
  type(
    'float4',
    { type: 'real' },
    {
      value: quarter,
      distinct: true,
      numeric: true,
      defaults: ['0.5'],
      conversions: [{ to: 'float8', convert: same }],
    },
  ),
  type(
    'float8',
    { type: 'double precision' },
    {
      value: quarter,
      distinct: true,
      numeric: true,
      defaults: ['0', '2.5'],
      conversions: [{ to: 'text', convert: same }],
    },
  ),
  type(
    'bool',
    { type: 'boolean' },
    {
      value: (_i, r) => (r % 2 === 0 ? 'true' : 'false'),
      distinct: false,
      numeric: false,
      // An expression DEFAULT takes only in parentheses.
      defaults: ['true', 'false', '(1 IS NOT NULL)'],
      conversions: [{ to: 'text', convert: same }],
    },
  ),
  type(
    'text',
    { type: 'text' },
    {
      value: (i, r) => `t${i}x${r}`,
      distinct: true,
      numeric: false,
      defaults: ["'abc'", "''", "'a' || 'b'"],
      conversions: [
        { to: 'varchar32', convert: same },
        { to: 'text_c', convert: same },
      ],
    },
  ),
  type(
    'varchar32',
    { type: 'character varying', length: 32 },
    {
      value: (i, r) => `v${i}y${r}`,
      distinct: true,
      numeric: false,
      defaults: ["'x'", "'it''s'"],
      conversions: [
        { to: 'varchar64', convert: same },
        { to: 'text', convert: same },
        { to: 'varchar16', convert: same },
      ],
    },
  ),
  type(
    'varchar16',
    { type: 'character varying', length: 16 },
    {
      value: (i, r) => `w${i}z${r % 100}`,
      distinct: true,
      numeric: false,
      defaults: ["'q'"],
      conversions: [{ to: 'varchar32', convert: same }],
    },
  ),
  type(
    'varchar64',
    { type: 'character varying', length: 64 },
    {
      value: (i, r) => `u${i}-${r}`,
      distinct: true,
      numeric: false,
      defaults: ["'long'"],
      conversions: [{ to: 'text', convert: same }],
    },
  ),
  type(
    'date',
    { type: 'date' },
    {
      value: day,
      distinct: true,
      numeric: false,
      defaults: ["'2000-01-01'", 'CURRENT_DATE'],
      conversions: [
        { to: 'timestamp', convert: (t) => `${t} 00:00:00` },
        { to: 'text', convert: same },
      ],
    },
  ),
  type(
    'timestamp',
    { type: 'timestamp without time zone' },
    {
      value: (i, r) => `${day(i, r)} ${time(i, r)}`,
      distinct: true,
      numeric: false,
      defaults: ['now()', "'2001-02-03 04:05:06'", "(now() AT TIME ZONE 'utc')"],
      conversions: [
        { to: 'timestamptz', convert: (t) => `${t}+00` },
        { to: 'text', convert: same },
      ],
    },
  ),
  type(
    'timestamptz',
    { type: 'timestamp with time zone' },
    {
      value: (i, r) => `${day(i, r)} ${time(i, r)}+00`,
      distinct: true,
      numeric: false,
      defaults: ['now()'],
      conversions: [],
    },
  ),
  type(
    'time',
    { type: 'time without time zone' },
    {
      value: (i, r) => time(i, r),
      distinct: false,
      numeric: false,
      defaults: ["'12:00:00'"],
      conversions: [{ to: 'text', convert: same }],
    },
  ),
  type(
    'uuid',
    { type: 'uuid' },
    {
      value: uuid,
      distinct: true,
      numeric: false,
      defaults: ['gen_random_uuid()'],
      conversions: [{ to: 'text', convert: same }],
    },
  ),
  type(
    'jsonb',
    { type: 'jsonb' },
    {
      value: (i, r) => `{"i": ${i}, "r": ${r}}`,
      distinct: false,
      numeric: false,
      defaults: ["'{}'", `'{"a": [1, 2]}'`],
      conversions: [{ to: 'text', convert: same }],
    },
  ),
  type(
    'json',
    { type: 'json' },
    {
      value: (i, r) => `{"i": ${i}, "r": ${r}}`,
      distinct: false,
      numeric: false,
      defaults: ["'[]'"],
      indexable: false,
      conversions: [{ to: 'jsonb', convert: same }],
    },
  ),
  type(
    'int4[]',
    { type: 'integer', array: true },
    {
      value: (i, r) => `{${i},${r}}`,
      distinct: false,
      numeric: false,
      defaults: ["'{}'", 'ARRAY[]::integer[]'],
      conversions: [{ to: 'int8[]', convert: same }],
    },
  ),
  type(
    'int8[]',
    { type: 'bigint', array: true },
    {
      value: (i, r) => `{${r},${i}}`,
      distinct: false,
      numeric: false,
      defaults: ["'{1,2}'"],
      conversions: [],
    },
  ),
  type(
    'text[]',
    { type: 'text', array: true },
    {
      value: (i, r) => `{a${i},b${r}}`,
      distinct: false,
      numeric: false,
      defaults: ["'{}'"],
      conversions: [{ to: 'text', convert: same }],
    },
  ),
  // A collation change is ALTER COLUMN ... TYPE text COLLATE, values kept.
  type(
    'text_c',
    { type: 'text', collation: 'C' },
    {
      value: (i, r) => `c${i}q${r}`,
      distinct: true,
      numeric: false,
      defaults: ["'abc'", `'z' COLLATE "C"`],
      conversions: [{ to: 'text', convert: same }],
    },
  ),
];

/**
 * SQLite: a rebuild copies values as they are and the new column's affinity converts them (integer -> REAL stores
 * 5.0, which prints `5.0`; a number into a TEXT column becomes its text).
 */
const SQLITE: readonly FuzzType[] = [
  type(
    'integer',
    { type: 'integer' },
    {
      value: (i, r) => String(i * 11 + (r % 11)),
      distinct: true,
      numeric: true,
      defaults: ['0', '42'],
      conversions: [
        { to: 'real', convert: (t) => `${t}.0` },
        { to: 'text', convert: same },
        { to: 'varchar32', convert: same },
        { to: 'numeric', convert: same },
        { to: 'bigint', convert: same },
      ],
    },
  ),
  type(
    'bigint',
    { type: 'bigint' },
    {
      value: (i, r) => String(10_000_000_000 + i * 13 + (r % 13)),
      distinct: true,
      numeric: true,
      defaults: ['1'],
      conversions: [{ to: 'integer', convert: same }],
    },
  ),
  type(
    'real',
    { type: 'real' },
    {
      value: (i, r) => `${i * 3}.${(r % 4) * 25 || 5}`,
      distinct: true,
      numeric: true,
      defaults: ['0.5'],
      conversions: [{ to: 'text', convert: same }],
    },
  ),
  type(
    'numeric',
    { type: 'numeric' },
    {
      value: (i, r) => String(i * 7 + (r % 7)),
      distinct: true,
      numeric: true,
      defaults: ['0'],
      conversions: [{ to: 'integer', convert: same }],
    },
  ),
  type(
    'decimal',
    { type: 'decimal', precision: 10, scale: 2 },
    {
      value: (i, r) => `${i}.${(r % 9) + 1}5`,
      distinct: true,
      numeric: true,
      defaults: ['1.25'],
      conversions: [{ to: 'real', convert: same }],
    },
  ),
  type(
    'boolean',
    { type: 'boolean' },
    {
      value: (_i, r) => String(r % 2),
      distinct: false,
      numeric: false,
      defaults: ['1', '0'],
      conversions: [{ to: 'integer', convert: same }],
    },
  ),
  type(
    'text',
    { type: 'text' },
    {
      value: (i, r) => `t${i}x${r}`,
      distinct: true,
      numeric: false,
      defaults: ["'abc'", "''"],
      conversions: [
        { to: 'varchar32', convert: same },
        { to: 'integer', convert: same },
        { to: 'text_nocase', convert: same },
      ],
    },
  ),
  type(
    'varchar32',
    { type: 'varchar', length: 32 },
    {
      value: (i, r) => `v${i}y${r}`,
      distinct: true,
      numeric: false,
      defaults: ["'x'", "'it''s'"],
      conversions: [
        { to: 'text', convert: same },
        { to: 'varchar64', convert: same },
      ],
    },
  ),
  type(
    'varchar64',
    { type: 'varchar', length: 64 },
    {
      value: (i, r) => `u${i}-${r}`,
      distinct: true,
      numeric: false,
      defaults: ["'long'"],
      conversions: [{ to: 'text', convert: same }],
    },
  ),
  type(
    'date',
    { type: 'date' },
    {
      value: day,
      distinct: true,
      numeric: false,
      defaults: ["'2000-01-01'"],
      conversions: [{ to: 'datetime', convert: same }],
    },
  ),
  type(
    'datetime',
    { type: 'datetime' },
    {
      value: (i, r) => `${day(i, r)} ${time(i, r)}`,
      distinct: true,
      numeric: false,
      defaults: ["'2001-02-03 04:05:06'", "datetime('now')"],
      conversions: [{ to: 'text', convert: same }],
    },
  ),
  type(
    'blob',
    { type: 'blob' },
    {
      value: (i, r) => `b${i}-${r}`,
      distinct: true,
      numeric: false,
      defaults: [],
      conversions: [],
    },
  ),
  // A collation change rebuilds the table, values kept (lower case: distinct under NOCASE too).
  type(
    'text_nocase',
    { type: 'text', collation: 'NOCASE' },
    {
      value: (i, r) => `n${i}c${r}`,
      distinct: true,
      numeric: false,
      defaults: ["'abc'"],
      conversions: [
        { to: 'text', convert: same },
        { to: 'varchar32', convert: same },
      ],
    },
  ),
];

const CATALOGUES: Readonly<Record<DialectName, readonly FuzzType[]>> = { postgres: POSTGRES, sqlite: SQLITE };

export function catalogue(dialect: DialectName): readonly FuzzType[] {
  return CATALOGUES[dialect];
}

export function fuzzType(dialect: DialectName, id: string): FuzzType {
  const found = CATALOGUES[dialect].find((t) => t.id === id);
  if (!found) throw new Error(`no fuzz type ${id} on ${dialect}`);
  return found;
}
