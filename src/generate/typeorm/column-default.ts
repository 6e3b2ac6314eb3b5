/**
 * A column default as a TypeORM `default` option, in the form that round-trips twice: compiled back by schemaplan it
 * gives the same canonical default, and TypeORM's own schema builder (which compares its `normalizeDefault` output
 * with the catalog's text, casts removed) sees no change.
 *
 * - A number is a number (`default: 2.5`; as a string when JavaScript cannot hold it exactly): TypeORM writes it
 *   quoted (`DEFAULT '2.5'`), as schemaplan does, and reads the catalog's `'2.5'::real` back as `'2.5'`. (A default
 *   written by hand as `DEFAULT 2.5` is printed `2.5`, which TypeORM alone takes for a different one.)
 * - A string literal without quotes inside is a plain string (`default: 'en'`); one with quotes is raw SQL, since
 *   TypeORM does not escape a string default.
 * - JSON objects and arrays are JavaScript values (TypeORM compares them as parsed JSON); enum labels name the
 *   TypeScript enum's member; SQLite booleans (stored `1`/`0`) are `true`/`false`.
 * - Anything else is the canonical SQL expression: `default: () => 'now()'`, in parentheses where PostgreSQL prints
 *   them (`() => '(1 + 1)'`).
 */
import type { Column, DialectName } from '../../model';
import { dialectFor } from '../../dialects/registry';
import { jsonCode, tsString, type Code } from './literals';

/** The text of a plain SQL string literal (`'it''s'` -> `it's`), or `undefined` when `sql` is not one. */
export function sqlStringContent(sql: string): string | undefined {
  const match = /^'((?:[^']|'')*)'$/s.exec(sql);
  return match ? match[1]!.replace(/''/g, "'") : undefined;
}

const isNumberText = (text: string): boolean => /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text);
/** A number JavaScript prints back exactly as written. */
const isExactNumber = (text: string): boolean => isNumberText(text) && String(Number(text)) === text;

/** Elements of a PostgreSQL array literal that need no quoting (`'{a,b}'`), or `undefined`. */
function simpleArrayElements(content: string): string[] | undefined {
  const match = /^\{(.*)\}$/s.exec(content);
  if (!match) return undefined;
  if (match[1] === '') return [];
  const elements = match[1]!.split(',');
  return elements.every((e) => /^[\p{L}\p{N}_.:-]+$/u.test(e) && !/^null$/i.test(e)) ? elements : undefined;
}

/**
 * Whether an expression has an operator outside parentheses and quotes (`1 + 1`, `'a' || 'b'`): PostgreSQL prints
 * such a default in parentheses (`(1 + 1)`), and TypeORM compares the text it prints. A `::` cast is not one.
 */
function hasTopLevelOperator(sql: string): boolean {
  let depth = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      if (end === -1) return false;
      i = end;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0) {
      if (c === ':' && sql[i + 1] === ':') i++;
      else if ('+-*/<>=|&%^!~#@'.includes(c) && !(i === 0 && c === '-')) return true;
      else if (/\s/.test(c) && /^\s+(AND|OR|IS|NOT|LIKE|ILIKE|IN|BETWEEN|AT|COLLATE)\b/i.test(sql.slice(i)))
        return true;
    }
  }
  return false;
}

export interface DefaultContext {
  readonly dialect: DialectName;
  /** The code of the TypeScript enum member for a label of the column's enum (`DeckLevel.A1`), if it has one. */
  readonly enumMember?: (label: string) => Code | undefined;
}

/** The `default` option's code for a column's (canonical) default, or `undefined` when it has none. */
export function defaultCode(column: Column, context: DefaultContext): Code | undefined {
  const sql = column.default;
  if (sql === undefined) return undefined;
  const types = dialectFor(context.dialect).entityTypes;
  const rawSql = types.typedDefaults && hasTopLevelOperator(sql) ? `(${sql})` : sql;
  const raw = `() => ${tsString(rawSql)}`;
  const literal = sqlStringContent(sql);
  const numeric = types.numeric.has(column.type) && !column.array;

  if (column.array) return arrayDefault(literal, column, context) ?? raw;
  // TypeORM quotes an enum or string default without escaping it: a label with a quote stays raw SQL.
  if (literal !== undefined && !literal.includes("'") && context.enumMember) {
    const member = context.enumMember(literal);
    if (member !== undefined) return member;
  }
  if (types.typedDefaults) {
    if ((column.type === 'json' || column.type === 'jsonb') && literal !== undefined) {
      try {
        const value: unknown = JSON.parse(literal);
        if (value !== null && typeof value === 'object') return jsonCode(value) ?? raw;
      } catch {
        // not JSON: kept as SQL
      }
      return raw;
    }
    if (numeric && isNumberText(sql)) return isExactNumber(sql) ? sql : tsString(sql);
    if (column.type === 'boolean' && (sql === 'true' || sql === 'false')) return sql;
  } else {
    if (column.type === 'boolean' && (sql === '1' || sql === '0')) return sql === '1' ? 'true' : 'false';
    if (isExactNumber(sql)) return sql;
    if (column.type === 'json' || column.type === 'jsonb') return raw;
  }
  if (literal !== undefined && !literal.includes("'") && !numeric) return tsString(literal);
  return raw;
}

/** PostgreSQL array defaults: `'{}'` -> `[]`, `'{a,b}'` -> `['a', 'b']` (enum members, numbers) when that is exact. */
function arrayDefault(literal: string | undefined, column: Column, context: DefaultContext): Code | undefined {
  if (literal === undefined) return undefined;
  const elements = simpleArrayElements(literal);
  if (elements === undefined) return undefined;
  const numeric = dialectFor(context.dialect).entityTypes.numeric.has(column.type);
  const codes = elements.map((element): Code | undefined => {
    if (context.enumMember) return element.includes("'") ? undefined : context.enumMember(element);
    if (numeric) return isExactNumber(element) ? element : undefined;
    return tsString(element);
  });
  if (codes.some((code) => code === undefined)) return undefined;
  return `[${codes.join(', ')}]`;
}
