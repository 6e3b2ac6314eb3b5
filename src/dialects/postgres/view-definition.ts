/**
 * One spelling of a view's catalog definition across PostgreSQL versions. `pg_get_viewdef` prefixes column references
 * with their relation when the query's range table has more than one entry. Up to PostgreSQL 15 a view's query always
 * had two more (its rule's OLD and NEW), so every column was prefixed (`SELECT t.a FROM t`); from 16 on a query reading
 * one relation prints them bare (`SELECT a FROM t`). Subqueries, CTE bodies and the arms of UNION/INTERSECT/EXCEPT are
 * printed with their parent's namespace, so they keep their prefixes in every version.
 *
 * The canonical form is 16's: the prefixes of a top-level query with a single FROM item (no JOIN, no comma list) are
 * removed, outside subqueries and outside literals. Introspection applies it to the catalog's definition, so a view read
 * from PostgreSQL 15 and the same view read from the sandbox (PGlite, PostgreSQL 19) are equal data.
 */

interface Piece {
  /** `word`: an identifier or keyword (quoted included); `string`: a literal; `open`/`close`: parentheses. */
  readonly kind: 'word' | 'string' | 'open' | 'close' | 'other';
  readonly text: string;
  readonly start: number;
}

function pieces(sql: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const start = i;
    if (c === "'") {
      i++;
      while (i < sql.length && !(sql[i] === "'" && sql[i + 1] !== "'")) i += sql[i] === "'" ? 2 : 1;
      i++;
      out.push({ kind: 'string', text: sql.slice(start, i), start });
    } else if (c === '"') {
      i++;
      while (i < sql.length && !(sql[i] === '"' && sql[i + 1] !== '"')) i += sql[i] === '"' ? 2 : 1;
      i++;
      out.push({ kind: 'word', text: sql.slice(start, i), start });
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      while (i < sql.length && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[i]!)) i++;
      out.push({ kind: 'word', text: sql.slice(start, i), start });
    } else if (c === '(' || c === ')') {
      i++;
      out.push({ kind: c === '(' ? 'open' : 'close', text: c, start });
    } else {
      i++;
      if (!/\s/.test(c)) out.push({ kind: 'other', text: c, start });
    }
  }
  return out;
}

const upper = (p: Piece | undefined): string =>
  p && p.kind === 'word' && !p.text.startsWith('"') ? p.text.toUpperCase() : '';
const FROM_END = new Set(['WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'FOR']);
const SUBQUERY = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']);

/** The canonical (PostgreSQL 16+) spelling of a `pg_get_viewdef` definition; see above. */
export function canonicalViewDefinition(definition: string): string {
  const all = pieces(definition);
  // Depth of each piece; `inSubquery` marks pieces inside a parenthesised query.
  const depth: number[] = [];
  const inSubquery: boolean[] = [];
  const stack: boolean[] = [];
  for (const [i, p] of all.entries()) {
    if (p.kind === 'close') stack.pop();
    depth.push(stack.length);
    inSubquery.push(stack.some(Boolean));
    if (p.kind === 'open') stack.push(SUBQUERY.has(upper(all[i + 1])));
  }
  const top = (i: number) => depth[i] === 0;
  if (all.some((p, i) => top(i) && ['UNION', 'INTERSECT', 'EXCEPT', 'JOIN'].includes(upper(p)))) return definition;
  const from = all.findIndex((p, i) => top(i) && upper(p) === 'FROM' && upper(all[i - 1]) !== 'DISTINCT');
  if (from < 0) return definition;
  let end = from + 1;
  while (end < all.length && !(top(end) && (FROM_END.has(upper(all[end])) || all[end]!.text === ';'))) end++;
  const item = all.slice(from + 1, end).filter((_, k) => top(from + 1 + k));
  if (item.some((p) => p.text === ',')) return definition;
  // The reference name: the alias (the last top-level word), else the relation's own (last) name.
  const words = item.filter((p) => p.kind === 'word' && !['ONLY', 'LATERAL', 'AS'].includes(upper(p)));
  const refname = words[words.length - 1]?.text;
  if (!refname) return definition;
  let out = '';
  let at = 0;
  for (const [i, p] of all.entries()) {
    const dot = all[i + 1];
    const next = all[i + 2];
    const prefix =
      p.kind === 'word' &&
      p.text === refname &&
      !inSubquery[i] &&
      dot?.text === '.' &&
      dot.start === p.start + p.text.length &&
      next?.kind === 'word' &&
      next.start === dot.start + 1 &&
      all[i - 1]?.text !== '.';
    if (!prefix) continue;
    out += definition.slice(at, p.start);
    at = next!.start;
  }
  return out + definition.slice(at);
}
