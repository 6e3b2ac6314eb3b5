/** Normalisation of parsed PostgreSQL expressions (see expression.ts): what PostgreSQL adds and a writer leaves out. */
import { NUMERIC_TYPES, parseTypeName } from './types';
import { LITERAL_COERCING, type Node } from './expression-tree';

const NOW = { k: 'str', raw: "'now'" } as const;

/** `('now'::text)::<type>`: how TypeORM spells CURRENT_DATE & co., and what PostgreSQL stores for it. */
function nowCast(type: string): Node {
  return { k: 'cast', e: { k: 'cast', e: NOW, type: 'text' }, type };
}

function isNowText(node: Node): boolean {
  return node.k === 'cast' && node.type === 'text' && node.e.k === 'str' && node.e.raw === "'now'";
}

/** An undecorated NULL (a cast one stays typed: PostgreSQL rewrites only the bare keyword). */
function isNull(node: Node): boolean {
  return node.k === 'const' && node.text === 'NULL';
}

function isLiteral(node: Node): boolean {
  return node.k === 'str' || node.k === 'num' || node.k === 'const';
}

function baseTypeOf(type: string): string {
  return parseTypeName(type).type;
}

/** A literal, or a literal with casts: `'a'`, `'a'::text`, `(1)::double precision`, `ARRAY['a'::text]`. */
function isLiteralLike(node: Node): boolean {
  if (node.k === 'cast') return isLiteralLike(node.e);
  if (node.k === 'array') return node.items.every(isLiteralLike);
  return isLiteral(node);
}

const INTEGER_TYPES = new Set(['smallint', 'integer', 'bigint']);

/**
 * The types a string cast to keeps its value as it is: `text` and `character varying` without a length (not
 * `character varying(2)`, which cuts it, nor `character`, whose trailing spaces a cast to text drops).
 */
const STRING_TYPES: ReadonlySet<string> = new Set(['text', 'character varying']);

/**
 * The string literal `node` is, under casts to `STRING_TYPES` only (`'a'`, `'a'::character varying`,
 * `('a'::text)::character varying`): PostgreSQL prints `IN ('a')` on a `character varying` column as
 * `ARRAY['a'::character varying]::text[]` or `ARRAY[('a'::character varying)::text]`, depending on how it was written.
 */
function keptString(node: Node): Node | undefined {
  if (node.k === 'str') return node;
  return node.k === 'cast' && STRING_TYPES.has(node.type) ? keptString(node.e) : undefined;
}

/**
 * True if the cast of `literal` to `type` is what its surroundings would do anyway: a string or NULL (untyped until
 * then), a boolean to boolean, a number to a numeric type that holds it (`(1.3)::double precision`, not
 * `(1.5)::integer`, which rounds).
 */
function castImplied(literal: Node, type: string): boolean {
  const base = baseTypeOf(type);
  if (literal.k === 'str') return true;
  if (literal.k === 'const') return literal.text === 'NULL' || base === 'boolean';
  if (literal.k === 'num') return NUMERIC_TYPES.has(base) && (!INTEGER_TYPES.has(base) || /^-?\d+$/.test(literal.text));
  return false;
}

/**
 * How much of a literal's cast its surroundings imply:
 * - `implied`: all of it (compared with or matched against a non-literal, a whole default, a condition), so
 *   `'x'::text` there is `'x'` and `'5'::integer` is `5`;
 * - `text`: only `::text` on a string (what PostgreSQL resolves an untyped string to where nothing else gives it a
 *   type: two literals compared, the results of a CASE, a function's argument of type text), so `'5'::integer`
 *   keeps its cast;
 * - `kept`: none (the operand of IS, of arithmetic...).
 */
export type LiteralContext = 'implied' | 'text' | 'kept';

/** The context of two operands of a coercing operator: `implied`, unless both are literals (see `LiteralContext`). */
function operandsContext(l: Node, r: Node): LiteralContext {
  return isLiteralLike(l) && isLiteralLike(r) ? 'text' : 'implied';
}

/** Removes what PostgreSQL adds and a writer leaves out (see `LiteralContext`). */
export function simplify(node: Node, context: LiteralContext): Node {
  switch (node.k) {
    case 'num':
      // `-0` is folded into the constant 0 when parsed.
      return /^-[0.]+$/.test(node.text) && /\d/.test(node.text) ? { k: 'num', text: node.text.slice(1) } : node;
    case 'str':
    case 'const':
    case 'col':
      return node;
    case 'sqlfn':
      switch (node.name) {
        case 'CURRENT_TIMESTAMP':
          return node.precision === undefined
            ? { k: 'func', name: 'now', args: [], star: false }
            : nowCast(`timestamp(${node.precision}) with time zone`);
        case 'CURRENT_DATE':
          return nowCast('date');
        case 'CURRENT_TIME':
          return nowCast(
            node.precision === undefined ? 'time with time zone' : `time(${node.precision}) with time zone`,
          );
        case 'LOCALTIMESTAMP':
          return nowCast(
            node.precision === undefined
              ? 'timestamp without time zone'
              : `timestamp(${node.precision}) without time zone`,
          );
        case 'LOCALTIME':
          return nowCast(
            node.precision === undefined ? 'time without time zone' : `time(${node.precision}) without time zone`,
          );
        case 'CURRENT_SCHEMA':
          return { k: 'func', name: 'current_schema', args: [], star: false };
        default:
          return node;
      }
    case 'cast': {
      // `'a'::character varying::text`: a string through casts that keep its value is the string cast to the last.
      const string = STRING_TYPES.has(node.type) ? keptString(node.e) : undefined;
      if (string !== undefined && string !== node.e) return simplify({ ...node, e: string }, context);
      if (isNowText(node.e)) {
        return node.type === 'timestamp with time zone' ? { k: 'func', name: 'now', args: [], star: false } : node;
      }
      const operand = simplify(node.e, context === 'implied' && node.e.k === 'array' ? 'implied' : 'kept');
      // A negative constant prints as `'-1'::integer` (a bare `-1` would read as an operator): the number literal.
      const number = operand.k === 'str' ? unquote(operand.raw) : undefined;
      if (number !== undefined && NUMBER.test(number) && numberLiteralType(number) === node.type)
        return { k: 'num', text: number };
      if (context === 'text' && operand.k === 'str' && node.type === 'text') return operand;
      const valueContext = context === 'implied';
      if (valueContext && isLiteral(operand) && castImplied(operand, node.type)) {
        if (operand.k === 'str' && NUMERIC_TYPES.has(baseTypeOf(node.type))) {
          const text = unquote(operand.raw);
          if (text !== undefined && NUMBER.test(text)) return { k: 'num', text };
        }
        return operand;
      }
      // An empty array keeps its cast: `ARRAY[]` alone has no type ("cannot determine type of empty array").
      if (valueContext && operand.k === 'array' && operand.items.length > 0 && operand.items.every(isLiteral))
        return operand;
      // `(status)::text = 'a'`: a varchar column compared as text. Kept where the value itself matters (an index key).
      if (context !== 'kept' && operand.k === 'col' && (node.type === 'text' || node.type === 'character varying'))
        return operand;
      if (operand.k === 'func' && operand.name === 'now' && node.type === 'timestamp with time zone') return operand;
      return { ...node, e: operand };
    }
    case 'bin': {
      const operands = LITERAL_COERCING.has(node.op) ? operandsContext(node.l, node.r) : 'kept';
      return { ...node, l: simplify(node.l, operands), r: simplify(node.r, operands) };
    }
    case 'quant': {
      const list = (node.op === '=' && node.quant === 'ANY') || (node.op === '<>' && node.quant === 'ALL');
      const operands = operandsContext(node.l, node.r);
      // An IN list's items take the type of `x`; an array compared with ANY/ALL otherwise types itself.
      const [l, r] = [simplify(node.l, operands), simplify(node.r, list || node.r.k !== 'array' ? operands : 'text')];
      // `x IN (a)` is stored as `x = a`.
      if (list && r.k === 'array' && r.items.length === 1) return { k: 'bin', op: node.op, l, r: r.items[0]! };
      return { ...node, l, r };
    }
    case 'distinct': {
      const operands = operandsContext(node.l, node.r);
      const [l, r] = [simplify(node.l, operands), simplify(node.r, operands)];
      // PostgreSQL stores `x IS DISTINCT FROM NULL` as `x IS NOT NULL` (and NOT DISTINCT as IS NULL).
      if (isNull(r) || isNull(l)) return { k: 'is', e: isNull(r) ? l : r, not: !node.not, what: 'NULL' };
      return { ...node, l, r };
    }
    case 'bool': {
      const items: Node[] = [];
      for (const item of node.items.map((i) => simplify(i, 'implied'))) {
        if (item.k === 'bool' && item.op === node.op) items.push(...item.items);
        else items.push(item);
      }
      return { ...node, items };
    }
    case 'not': {
      const operand = simplify(node.e, 'implied');
      // `a IS NOT DISTINCT FROM b` is stored as `NOT a IS DISTINCT FROM b`.
      return operand.k === 'distinct' ? { ...operand, not: !operand.not } : { ...node, e: operand };
    }
    case 'neg': {
      const operand = simplify(node.e, 'kept');
      if (operand.k !== 'num') return { ...node, e: operand };
      return simplify(
        { k: 'num', text: operand.text.startsWith('-') ? operand.text.slice(1) : `-${operand.text}` },
        context,
      );
    }
    case 'is':
      return { ...node, e: simplify(node.e, 'kept') };
    case 'array':
    case 'row':
      return { ...node, items: node.items.map((i) => simplify(i, context)) };
    case 'func':
      // `length('x')` is stored as `length('x'::text)`: the parameter's type, which the untyped string resolves to again.
      return { ...node, args: node.args.map((a) => simplify(a, 'text')) };
    case 'sub':
      return { ...node, e: simplify(node.e, 'kept'), index: simplify(node.index, 'kept') };
    case 'at':
      // The zone is text to PostgreSQL (`'utc'::text`); the value's own type decides what AT TIME ZONE does.
      return { ...node, e: simplify(node.e, 'kept'), zone: simplify(node.zone, 'text') };
    case 'collate': {
      const operand = simplify(node.e, context);
      // The outer COLLATE wins: `x COLLATE "C" COLLATE "POSIX"` is `x COLLATE "POSIX"`.
      return { ...node, e: operand.k === 'collate' ? operand.e : operand };
    }
    case 'case': {
      // `CASE x WHEN 'a'`: each value is compared with x; the results only have each other to take a type from.
      const values = node.arg && [node.arg, ...node.whens.map(([c]) => c)].every(isLiteralLike) ? 'text' : 'implied';
      return {
        ...node,
        arg: node.arg && simplify(node.arg, values),
        whens: node.whens.map(([c, r]) => [simplify(c, node.arg ? values : 'implied'), simplify(r, 'text')] as const),
        otherwise: node.otherwise && simplify(node.otherwise, 'text'),
      };
    }
  }
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The type PostgreSQL gives a number literal: `integer` or `bigint` for whole numbers that fit, else `numeric`. */
function numberLiteralType(text: string): string {
  if (!/^-?\d+$/.test(text)) return 'numeric';
  const value = BigInt(text);
  if (value >= -(2n ** 31n) && value < 2n ** 31n) return 'integer';
  if (value >= -(2n ** 63n) && value < 2n ** 63n) return 'bigint';
  return 'numeric';
}

/** The content of a standard string literal `'it''s'` -> `it's`; undefined if `raw` is not one. */
export function unquote(raw: string): string | undefined {
  if (!/^'(?:[^']|'')*'$/s.test(raw)) return undefined;
  return raw.slice(1, -1).replace(/''/g, "'");
}

export function isNumberText(text: string): boolean {
  return NUMBER.test(text);
}
