import { Parser } from './expression-parser';
import { fallback, isBareOperand, print } from './expression-print';
import { simplify } from './expression-simplify';
import { tokenize, Unsupported } from './expression-tokens';
import { stripEnclosingParens } from '../index-expression';
import { memoizeByString } from '../memo';

export { isNumberText, unquote } from './expression-simplify';

/**
 * Canonical spelling of PostgreSQL expressions (column defaults, CHECK bodies, partial-index predicates), so that
 * what a user or TypeORM writes and what `pg_get_expr` / `pg_get_constraintdef` print compare equal:
 *
 *   `"easeFactor" >= 1.3`          <->  `("easeFactor" >= (1.3)::double precision)`
 *   `status IN ('a', 'b')`         <->  `((status)::text = ANY ((ARRAY['a'::character varying, ...])::text[]))`
 *   `x BETWEEN 1 AND 2`            <->  `((x >= 1) AND (x <= 2))`
 *   `CURRENT_TIMESTAMP`            <->  `now()`
 *
 * The expression is parsed into a small tree, the casts PostgreSQL adds on its own are removed (casts on literals
 * that are compared, `::text` on a column), and the tree is printed with every identifier quoted, keywords in one
 * case and only the parentheses precedence needs. The output is valid SQL with the same meaning. Anything the
 * parser does not understand (subqueries, `E''` strings, ...) falls back to the text with whitespace collapsed.
 */
export const canonicalizeExpression: (sql: string) => string = memoizeByString((sql) => {
  try {
    return print(simplify(new Parser(tokenize(sql)).parseAll(), 'implied'));
  } catch (error) {
    if (error instanceof Unsupported) return fallback(sql);
    throw error;
  }
});

/**
 * Canonical spelling of an expression whose value itself matters (an exclusion constraint's element, like an index
 * key): as `canonicalizeExpression`, but no cast PostgreSQL would not add itself is removed (`(id)::text` indexes
 * text, not `id`).
 */
export const canonicalizeKeyExpression: (sql: string) => string = memoizeByString((sql) => {
  try {
    return print(simplify(new Parser(tokenize(sql)).parseAll(), 'kept'));
  } catch (error) {
    if (error instanceof Unsupported) return fallback(sql);
    throw error;
  }
});

/**
 * `sql` (an expression in canonical spelling) as the operand of a column's `DEFAULT`, which PostgreSQL's grammar
 * takes as a `b_expr`: parenthesised when it needs it (`(1 IS NOT NULL)`, `(now() AT TIME ZONE 'utc')`,
 * `('a' COLLATE "C")`), as written otherwise (`'x'`, `now()`, `ARRAY[]::integer[]`). What the parser does not read
 * (a subquery...) is parenthesised unless it already is.
 */
export function defaultOperand(sql: string): string {
  const text = sql.trim();
  try {
    return isBareOperand(new Parser(tokenize(text)).parseAll()) ? text : `(${text})`;
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return stripEnclosingParens(text) !== text ? text : `(${text})`;
  }
}

/**
 * True for an empty array written with a type: `ARRAY[]::integer[]` or `'{}'` (which canonical spelling leaves
 * without its cast). As a column's default both mean the empty array of the column's type.
 */
export function isEmptyArray(sql: string): boolean {
  try {
    const node = new Parser(tokenize(sql)).parseAll();
    if (node.k === 'str') return node.raw === "'{}'";
    return node.k === 'cast' && node.e.k === 'array' && node.e.items.length === 0 && node.type.endsWith('[]');
  } catch (error) {
    if (error instanceof Unsupported) return false;
    throw error;
  }
}
