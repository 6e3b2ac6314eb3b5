import { Parser } from './expression-parser';
import { fallback, print } from './expression-print';
import { simplify } from './expression-simplify';
import { tokenize, Unsupported } from './expression-tokens';

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
export function canonicalizeExpression(sql: string): string {
  try {
    return print(simplify(new Parser(tokenize(sql)).parseAll(), true));
  } catch (error) {
    if (error instanceof Unsupported) return fallback(sql);
    throw error;
  }
}
