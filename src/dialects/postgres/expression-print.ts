/** The printer of PostgreSQL expression trees (see expression.ts): canonical spelling, only the parentheses needed. */
import { quoteIdentifier } from './quote';
import { stripEnclosingParens } from '../index-expression';
import { BP, operatorPower, type Node } from './expression-tree';

export function power(node: Node): number {
  switch (node.k) {
    case 'bool':
      return node.op === 'OR' ? BP.or : BP.and;
    case 'not':
      return BP.not;
    case 'is':
    case 'distinct':
      return BP.is;
    case 'quant':
      return printsAsIn(node) ? BP.like : BP.cmp;
    case 'bin':
      return operatorPower(node.op);
    case 'neg':
      return BP.unary;
    case 'num':
      return node.text.startsWith('-') ? BP.unary : BP.atom;
    case 'sub':
      return BP.sub;
    case 'cast':
      return BP.cast;
    case 'at':
      return BP.at;
    case 'collate':
      return BP.collate;
    default:
      return BP.atom;
  }
}

/**
 * `x = ANY (ARRAY[a, b])` prints as `x IN (a, b)` (and `<> ALL` as `NOT IN`), which is what it was parsed from, or
 * what PostgreSQL made of it: the list's literals then take the type of `x`, as they did when it was written, so a
 * list whose casts were dropped (`'2020-01-01'::date`) keeps its meaning.
 */
function printsAsIn(node: Node & { k: 'quant' }): boolean {
  const list = (node.op === '=' && node.quant === 'ANY') || (node.op === '<>' && node.quant === 'ALL');
  return list && node.r.k === 'array' && node.r.items.length > 0;
}

function wrapped(node: Node, parent: number, tight: boolean): boolean {
  const p = power(node);
  return p < parent || (tight && p === parent);
}

function wrap(node: Node, parent: number, tight: boolean): string {
  const text = print(node);
  return wrapped(node, parent, tight) ? `(${text})` : text;
}

/**
 * True if `print(node)` may stand where PostgreSQL's grammar takes a `b_expr` (the operand of a column's `DEFAULT`):
 * arithmetic and other operators, casts, literals, calls, but not `IS`, `AND`/`OR`/`NOT`, `IN`/`ANY`, `AT TIME ZONE`
 * nor `COLLATE`, even below an operator where the printer leaves them bare (`a + b AT TIME ZONE c`). Comparisons are
 * a `b_expr` too, but read ambiguously next to a column's constraints (`DEFAULT 1 = 1 NOT NULL`): parenthesised.
 */
export function isBareOperand(node: Node): boolean {
  const bare = (child: Node, parent: number, tight: boolean): boolean =>
    wrapped(child, parent, tight) || isBareOperand(child);
  switch (node.k) {
    case 'bool':
    case 'not':
    case 'is':
    case 'distinct':
    case 'quant':
    case 'at':
    case 'collate':
      return false;
    case 'bin': {
      const p = operatorPower(node.op);
      if (p < BP.other) return false;
      return bare(node.l, p, false) && bare(node.r, p, true);
    }
    case 'cast':
      return bare(node.e, BP.cast, true);
    case 'neg':
      return node.e.k === 'neg' || bare(node.e, BP.unary, false);
    default:
      return true;
  }
}

export function print(node: Node): string {
  switch (node.k) {
    case 'str':
      return node.raw;
    case 'num':
    case 'const':
      return node.text;
    case 'sqlfn':
      return node.precision === undefined ? node.name : `${node.name}(${node.precision})`;
    case 'col':
      return node.parts.map(quoteIdentifier).join('.');
    case 'func':
      return `${node.name}(${node.star ? '*' : node.args.map(print).join(', ')})`;
    case 'cast':
      return `${wrap(node.e, BP.cast, true)}::${node.type}`;
    case 'bin': {
      const p = operatorPower(node.op);
      // Comparisons do not associate in PostgreSQL; everything else is left-associative.
      return `${wrap(node.l, p, p === BP.cmp)} ${node.op} ${wrap(node.r, p, true)}`;
    }
    case 'bool':
      return node.items.map((item) => wrap(item, power(node), true)).join(` ${node.op} `);
    case 'not':
      return `NOT ${wrap(node.e, BP.not, false)}`;
    case 'neg':
      return `-${node.e.k === 'neg' || (node.e.k === 'num' && node.e.text.startsWith('-')) ? `(${print(node.e)})` : wrap(node.e, BP.unary, false)}`;
    case 'is':
      // IS does not associate: `a IS NULL IS NULL` is a syntax error.
      return `${wrap(node.e, BP.is, true)} IS ${node.not ? 'NOT ' : ''}${node.what}`;
    case 'distinct':
      return `${wrap(node.l, BP.is, true)} IS ${node.not ? 'NOT ' : ''}DISTINCT FROM ${wrap(node.r, BP.is, true)}`;
    case 'quant':
      if (printsAsIn(node) && node.r.k === 'array') {
        return `${wrap(node.l, BP.like, true)} ${node.quant === 'ALL' ? 'NOT IN' : 'IN'} (${node.r.items.map(print).join(', ')})`;
      }
      return `${wrap(node.l, BP.cmp, true)} ${node.op} ${node.quant} (${print(node.r)})`;
    case 'array':
      return `ARRAY[${node.items.map(print).join(', ')}]`;
    case 'row':
      return `(${node.items.map(print).join(', ')})`;
    case 'sub':
      // Only a column reference or a parenthesised expression takes a subscript (`x::int[][1]` would read as a type).
      return `${node.e.k === 'col' ? print(node.e) : `(${print(node.e)})`}[${print(node.index)}]`;
    case 'at':
      return `${wrap(node.e, BP.at, false)} AT TIME ZONE ${wrap(node.zone, BP.at, true)}`;
    case 'collate':
      return `${wrap(node.e, BP.collate, false)} COLLATE ${node.collation}`;
    case 'case':
      return [
        'CASE',
        ...(node.arg ? [print(node.arg)] : []),
        ...node.whens.map(([c, r]) => `WHEN ${print(c)} THEN ${print(r)}`),
        ...(node.otherwise ? [`ELSE ${print(node.otherwise)}`] : []),
        'END',
      ].join(' ');
  }
}

/** Whitespace outside literals collapsed, and parentheses around the whole expression removed. */
export function fallback(sql: string): string {
  let out = '';
  let i = 0;
  let pendingSpace = false;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === c) {
          if (sql[j + 1] !== c) break;
          j += 2;
        } else j++;
      }
      if (pendingSpace && out) out += ' ';
      pendingSpace = false;
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (/\s/.test(c)) {
      pendingSpace = true;
      i++;
    } else {
      if (pendingSpace && out) out += ' ';
      pendingSpace = false;
      out += c;
      i++;
    }
  }
  return stripEnclosingParens(out);
}
