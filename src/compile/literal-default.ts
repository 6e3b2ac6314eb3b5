import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { Dialect } from '../dialects/dialect';

/**
 * The SQL of a string (or enum member) column default, built from the value the entity declares so that it is always
 * one well-formed literal.
 *
 * TypeORM's drivers render such a default as `'${value}'` without escaping (`normalizeDefault` of PostgreSQL and
 * SQLite), so a lone quote in the value breaks the DDL, and a value such as `a'); DROP TABLE x; --` would run as SQL.
 * - A string default whose quotes are all doubled by hand (`"it''s"`, the spelling TypeORM needs) already makes one
 *   literal: it is kept, so it means what it means to TypeORM (`it's`) and a database TypeORM built plans as empty.
 * - Any other string default, and every enum member (an exact label, which TypeORM's convention would not match), is
 *   data: it is quoted through the dialect's literal helper, which is also how the database reports it back.
 *
 * An array default of an array column (PostgreSQL's) (`default: ['a', 'x,y']`) is built element by element: TypeORM joins
 * the elements unescaped into `'{a,x,y}'`, which splits `x,y` in two and breaks on a quote. Each element is written
 * as PostgreSQL's array_out writes it (double-quoted when it holds a comma, a brace, a quote, a backslash, white
 * space, or is empty or `NULL`), so where TypeORM is right (`'{a,b}'`) the text is the same as TypeORM's.
 *
 * Undefined where the default is not a plain string or such an array (functions, numbers, booleans, objects, a
 * `simple-array`'s JSON): TypeORM's text is used for those.
 */
export function literalDefault(column: ColumnMetadata | undefined, dialect: Dialect): string | undefined {
  const value: unknown = column?.default;
  if (Array.isArray(value) && column?.isArray && dialect.arrayLiteral) return dialect.arrayLiteral(value);
  if (typeof value !== 'string') return undefined;
  const isEnum = column?.type === 'enum' || column?.type === 'simple-enum';
  if (!isEnum && !value.replace(/''/g, '').includes("'")) return `'${value}'`;
  return dialect.quoteLiteral(value);
}
