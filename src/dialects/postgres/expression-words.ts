/** The words of PostgreSQL's expression grammar the parser (expression-parser.ts) treats specially, and how it prints names and types. */
import { quoteIdentifier } from './quote';
import { LENGTH_TYPES, PRECISION_TYPES, parseTypeName, renderBaseType } from './types';
import { type Token } from './expression-tokens';

export const SQL_VALUE_FUNCTIONS = new Set([
  'current_date',
  'current_time',
  'current_timestamp',
  'localtime',
  'localtimestamp',
  'current_user',
  'current_role',
  'session_user',
  'user',
  'current_catalog',
  'current_schema',
]);
export const WITH_PRECISION = new Set(['current_time', 'current_timestamp', 'localtime', 'localtimestamp']);
/** `interval '1 day'`, `date '2020-01-01'`: a type name followed by a string is a typed literal. */
export const TYPED_LITERAL_WORDS = new Set([
  'interval',
  'date',
  'timestamp',
  'timestamptz',
  'time',
  'timetz',
  'boolean',
  'bool',
  'json',
  'jsonb',
  'uuid',
  'text',
  'varchar',
  'int',
  'int4',
  'int8',
  'integer',
  'bigint',
  'numeric',
  'inet',
]);
export const STOP_WORDS = new Set([
  'and',
  'or',
  'not',
  'is',
  'isnull',
  'notnull',
  'in',
  'like',
  'ilike',
  'similar',
  'between',
  'then',
  'when',
  'else',
  'end',
  'from',
  'select',
  'collate',
  'at',
  'escape',
  'as',
]);
/** PostgreSQL folds unquoted identifiers to lower case, ASCII letters only. */
function foldCase(word: string): string {
  return word.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function namePart(token: Token): string {
  return token.k === 'qid' ? token.text : foldCase(token.text);
}

/** A type name part as written (quoted names may be keywords: `"user"`). */
export function printedTypePart(token: Token): string {
  return token.k === 'qid' ? quoteIdentifier(token.text) : foldCase(token.text);
}

/** A function name: PostgreSQL quotes keywords (`"current_schema"()`); a plain lower-case name needs no quotes. */
export function printedNamePart(token: Token): string {
  if (token.k !== 'qid') return foldCase(token.text);
  return /^[a-z_][a-z0-9_$]*$/.test(token.text) ? token.text : quoteIdentifier(token.text);
}

/** `int4` -> `integer`, `varchar(20)` -> `character varying(20)`, `timestamptz(3)` -> `timestamp(3) with time zone`. */
export function canonicalTypeText(written: string): string {
  const { type, modifiers, array } = parseTypeName(written);
  const [first, second] = modifiers;
  let base: string;
  if (modifiers.length === 0 || type.includes('"')) base = type;
  else if (LENGTH_TYPES.has(type)) base = renderBaseType({ type, length: first });
  else if (PRECISION_TYPES.has(type)) base = renderBaseType({ type, precision: first, scale: second });
  else base = `${type}(${modifiers.join(',')})`;
  return `${base}${array ? '[]' : ''}`;
}
