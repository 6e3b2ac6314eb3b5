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
      return BP.cmp;
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
    default:
      return BP.atom;
  }
}

function wrap(node: Node, parent: number, tight: boolean): string {
  const text = print(node);
  const p = power(node);
  return p < parent || (tight && p === parent) ? `(${text})` : text;
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
      return `${wrap(node.e, BP.is, false)} IS ${node.not ? 'NOT ' : ''}${node.what}`;
    case 'distinct':
      return `${wrap(node.l, BP.is, false)} IS ${node.not ? 'NOT ' : ''}DISTINCT FROM ${wrap(node.r, BP.is, true)}`;
    case 'quant':
      return `${wrap(node.l, BP.cmp, true)} ${node.op} ${node.quant} (${print(node.r)})`;
    case 'array':
      return `ARRAY[${node.items.map(print).join(', ')}]`;
    case 'row':
      return `(${node.items.map(print).join(', ')})`;
    case 'sub':
      return `${wrap(node.e, BP.sub, false)}[${print(node.index)}]`;
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
