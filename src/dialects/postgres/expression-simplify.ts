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

function isLiteral(node: Node): boolean {
  return node.k === 'str' || node.k === 'num' || node.k === 'const';
}

function baseTypeOf(type: string): string {
  return parseTypeName(type).type;
}

/**
 * Removes what PostgreSQL adds and a writer leaves out. `valueContext` is true where a literal's cast is implied by
 * the surroundings (compared, matched, concatenated, a whole default), so `'x'::text` there is just `'x'`.
 */
export function simplify(node: Node, valueContext: boolean): Node {
  switch (node.k) {
    case 'str':
    case 'num':
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
          return nowCast(node.precision === undefined ? 'time with time zone' : `time(${node.precision}) with time zone`);
        case 'LOCALTIMESTAMP':
          return nowCast(
            node.precision === undefined ? 'timestamp without time zone' : `timestamp(${node.precision}) without time zone`,
          );
        case 'LOCALTIME':
          return nowCast(node.precision === undefined ? 'time without time zone' : `time(${node.precision}) without time zone`);
        case 'CURRENT_SCHEMA':
          return { k: 'func', name: 'current_schema', args: [], star: false };
        default:
          return node;
      }
    case 'cast': {
      if (isNowText(node.e)) {
        return node.type === 'timestamp with time zone' ? { k: 'func', name: 'now', args: [], star: false } : node;
      }
      const operand = simplify(node.e, valueContext && node.e.k === 'array');
      if (valueContext && isLiteral(operand)) {
        if (operand.k === 'str' && NUMERIC_TYPES.has(baseTypeOf(node.type))) {
          const text = unquote(operand.raw);
          if (text !== undefined && NUMBER.test(text)) return { k: 'num', text };
        }
        return operand;
      }
      if (valueContext && operand.k === 'array' && operand.items.every(isLiteral)) return operand;
      if (operand.k === 'col' && (node.type === 'text' || node.type === 'character varying')) return operand;
      if (operand.k === 'func' && operand.name === 'now' && node.type === 'timestamp with time zone') return operand;
      return { ...node, e: operand };
    }
    case 'bin': {
      const coerce = LITERAL_COERCING.has(node.op);
      return { ...node, l: simplify(node.l, coerce), r: simplify(node.r, coerce) };
    }
    case 'quant':
      return { ...node, l: simplify(node.l, true), r: simplify(node.r, true) };
    case 'bool': {
      const items: Node[] = [];
      for (const item of node.items.map((i) => simplify(i, true))) {
        if (item.k === 'bool' && item.op === node.op) items.push(...item.items);
        else items.push(item);
      }
      return { ...node, items };
    }
    case 'not':
      return { ...node, e: simplify(node.e, true) };
    case 'neg': {
      const operand = simplify(node.e, false);
      return operand.k === 'num' ? { k: 'num', text: operand.text.startsWith('-') ? operand.text.slice(1) : `-${operand.text}` } : { ...node, e: operand };
    }
    case 'is':
      return { ...node, e: simplify(node.e, false) };
    case 'distinct':
      return { ...node, l: simplify(node.l, true), r: simplify(node.r, true) };
    case 'array':
    case 'row':
      return { ...node, items: node.items.map((i) => simplify(i, valueContext)) };
    case 'func':
      return { ...node, args: node.args.map((a) => simplify(a, false)) };
    case 'sub':
      return { ...node, e: simplify(node.e, false), index: simplify(node.index, false) };
    case 'case':
      return {
        ...node,
        arg: node.arg && simplify(node.arg, true),
        whens: node.whens.map(([c, r]) => [simplify(c, true), simplify(r, true)] as const),
        otherwise: node.otherwise && simplify(node.otherwise, true),
      };
  }
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The content of a standard string literal `'it''s'` -> `it's`; undefined if `raw` is not one. */
export function unquote(raw: string): string | undefined {
  if (!/^'(?:[^']|'')*'$/s.test(raw)) return undefined;
  return raw.slice(1, -1).replace(/''/g, "'");
}

export function isNumberText(text: string): boolean {
  return NUMBER.test(text);
}
