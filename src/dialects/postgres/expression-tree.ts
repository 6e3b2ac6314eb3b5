/**
 * The expression tree shared by the parser, the simplifier and the printer (see expression.ts), and PostgreSQL's
 * operator precedence as binding powers.
 */

export type Node =
  | { readonly k: 'str'; readonly raw: string }
  | { readonly k: 'num'; readonly text: string }
  | { readonly k: 'const'; readonly text: 'true' | 'false' | 'NULL' }
  | { readonly k: 'sqlfn'; readonly name: string; readonly precision?: string }
  | { readonly k: 'col'; readonly parts: readonly string[] }
  | { readonly k: 'func'; readonly name: string; readonly args: readonly Node[]; readonly star: boolean }
  | { readonly k: 'cast'; readonly e: Node; readonly type: string }
  | { readonly k: 'bin'; readonly op: string; readonly l: Node; readonly r: Node }
  | { readonly k: 'bool'; readonly op: 'AND' | 'OR'; readonly items: readonly Node[] }
  | { readonly k: 'not'; readonly e: Node }
  | { readonly k: 'neg'; readonly e: Node }
  | { readonly k: 'is'; readonly e: Node; readonly not: boolean; readonly what: string }
  | { readonly k: 'distinct'; readonly l: Node; readonly r: Node; readonly not: boolean }
  | { readonly k: 'quant'; readonly op: string; readonly quant: 'ANY' | 'ALL'; readonly l: Node; readonly r: Node }
  | { readonly k: 'array'; readonly items: readonly Node[] }
  | { readonly k: 'row'; readonly items: readonly Node[] }
  | { readonly k: 'sub'; readonly e: Node; readonly index: Node }
  /** `e AT TIME ZONE zone` */
  | { readonly k: 'at'; readonly e: Node; readonly zone: Node }
  /** `e COLLATE "C"`: `collation` is the name as printed (every part quoted). */
  | { readonly k: 'collate'; readonly e: Node; readonly collation: string }
  | {
      readonly k: 'case';
      readonly arg?: Node;
      readonly whens: readonly (readonly [Node, Node])[];
      readonly otherwise?: Node;
    };

export const COMPARISON = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);
/** Operators whose literal operands PostgreSQL casts to the other side's type (`'a%'::text`). */
export const LITERAL_COERCING = new Set([...COMPARISON, '~~', '~~*', '!~~', '!~~*', '~', '~*', '!~', '!~*', '||']);
/**
 * Binding powers, loosest first: PostgreSQL's operator precedence (the `%left`/`%nonassoc` lines of its grammar,
 * gram.y): `AT TIME ZONE` binds tighter than `^`, `COLLATE` tighter than `AT`, unary minus tighter than `COLLATE`.
 */
export const BP = {
  or: 1,
  and: 2,
  not: 3,
  is: 4,
  cmp: 5,
  like: 6,
  other: 7,
  add: 8,
  mul: 9,
  exp: 10,
  at: 11,
  collate: 12,
  unary: 13,
  sub: 14,
  cast: 15,
  atom: 16,
} as const;

export function operatorPower(op: string): number {
  if (COMPARISON.has(op)) return BP.cmp;
  if (op === '+' || op === '-') return BP.add;
  if (op === '*' || op === '/' || op === '%') return BP.mul;
  if (op === '^') return BP.exp;
  return BP.other;
}
