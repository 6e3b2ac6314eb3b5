/**
 * fast-check generators of PostgreSQL expression trees (src/dialects/postgres/expression-tree.ts), for the printer's
 * round-trip properties (test/postgres-expression-roundtrip.test.ts):
 * - `anyExpression`: every node kind in any shape, for parse(print(tree)) == tree;
 * - `typedExpression(type)`: well-typed trees over constants that PostgreSQL can evaluate without an error, so
 *   PostgreSQL itself can say whether the printed text means what the tree means.
 */
import fc from 'fast-check';
import type { Node } from '../../src/dialects/postgres/expression-tree';
import { quoteIdentifier, quoteLiteral } from '../../src/dialects/postgres/quote';

const ARITHMETIC = ['+', '-', '*', '/', '%', '^'];
const COMPARISONS = ['=', '<>', '<', '>', '<=', '>='];
const OTHER = ['||', '~~', '!~~', '~~*', '~', '@>', '<@', '&&', '->', '->>', '#>', '?'];
const TYPES = [
  'integer',
  'text',
  'boolean',
  'character varying(20)',
  'numeric(10,2)',
  'timestamp with time zone',
  'timestamp without time zone',
  'integer[]',
  'double precision',
  '"public"."mood"',
  'date',
  'interval',
  'jsonb',
];
const COLLATIONS = ['"C"', '"POSIX"', '"pg_catalog"."default"'];

const text = fc.string({ maxLength: 8 }).filter((s) => !s.includes('\u0000'));
const name = fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !s.includes('\u0000'));
const numberText = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }).map(String),
  fc.tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
);

const leaf: fc.Arbitrary<Node> = fc.oneof(
  text.map((s): Node => ({ k: 'str', raw: quoteLiteral(s) })),
  numberText.map((t): Node => ({ k: 'num', text: t })),
  fc.constantFrom<Node>({ k: 'const', text: 'true' }, { k: 'const', text: 'false' }, { k: 'const', text: 'NULL' }),
  fc.array(name, { minLength: 1, maxLength: 2 }).map((parts): Node => ({ k: 'col', parts })),
  fc.constantFrom<Node>(
    { k: 'sqlfn', name: 'CURRENT_DATE' },
    { k: 'sqlfn', name: 'CURRENT_TIMESTAMP' },
    { k: 'sqlfn', name: 'CURRENT_TIMESTAMP', precision: '3' },
    { k: 'sqlfn', name: 'LOCALTIME' },
    { k: 'sqlfn', name: 'CURRENT_USER' },
    { k: 'sqlfn', name: 'SESSION_USER' },
  ),
);

/** Any tree the parser can read back: no `-` applied to a number literal (the parser folds it into the number). */
export const anyExpression: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => {
  const node = tie('node');
  const notNumber = node.filter((n) => n.k !== 'num');
  return {
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ e: node, type: fc.constantFrom(...TYPES) }).map((r): Node => ({ k: 'cast', ...r })),
      fc
        .record({ op: fc.constantFrom(...ARITHMETIC, ...COMPARISONS, ...OTHER), l: node, r: node })
        .map((r): Node => ({ k: 'bin', ...r })),
      fc
        .record({
          op: fc.constantFrom<'AND' | 'OR'>('AND', 'OR'),
          items: fc.array(node, { minLength: 2, maxLength: 3 }),
        })
        .map((r): Node => ({ k: 'bool', ...r })),
      node.map((e): Node => ({ k: 'not', e })),
      notNumber.map((e): Node => ({ k: 'neg', e })),
      fc
        .record({ e: node, not: fc.boolean(), what: fc.constantFrom('NULL', 'TRUE', 'FALSE', 'UNKNOWN') })
        .map((r): Node => ({ k: 'is', ...r })),
      fc.record({ l: node, r: node, not: fc.boolean() }).map((r): Node => ({ k: 'distinct', ...r })),
      fc
        .record({
          op: fc.constantFrom(...COMPARISONS),
          quant: fc.constantFrom<'ANY' | 'ALL'>('ANY', 'ALL'),
          l: node,
          r: node,
        })
        .map((r): Node => ({ k: 'quant', ...r })),
      fc.array(node, { maxLength: 3 }).map((items): Node => ({ k: 'array', items })),
      fc.array(node, { minLength: 2, maxLength: 3 }).map((items): Node => ({ k: 'row', items })),
      fc.record({ e: node, index: node }).map((r): Node => ({ k: 'sub', ...r })),
      fc
        .record({
          arg: fc.option(node, { nil: undefined }),
          whens: fc.array(fc.tuple(node, node), { minLength: 1, maxLength: 2 }),
          otherwise: fc.option(node, { nil: undefined }),
        })
        .map((r): Node => ({ k: 'case', ...r })),
      fc
        .record({
          name: fc.constantFrom('lower', 'coalesce', 'f', 'pg_catalog.length'),
          args: fc.array(node, { maxLength: 3 }),
        })
        .map((r): Node => ({ k: 'func', ...r, star: false })),
      fc.record({ e: node, zone: node }).map((r): Node => ({ k: 'at', ...r })),
      fc.record({ e: node, collation: fc.constantFrom(...COLLATIONS) }).map((r): Node => ({ k: 'collate', ...r })),
    ),
  };
}).node;

/** `a AND (b AND c)` and `(a AND b) AND c` are one conjunction: nested ones of the same operator flattened. */
export function flattenBooleans(node: Node): Node {
  const map = (n: Node): Node => flattenBooleans(n);
  switch (node.k) {
    case 'bool': {
      const items = node.items
        .map(map)
        .flatMap((item) => (item.k === 'bool' && item.op === node.op ? item.items : [item]));
      return { ...node, items };
    }
    case 'cast':
    case 'not':
    case 'neg':
    case 'is':
    case 'collate':
      return { ...node, e: map(node.e) };
    case 'at':
      return { ...node, e: map(node.e), zone: map(node.zone) };
    case 'bin':
    case 'distinct':
    case 'quant':
      return { ...node, l: map(node.l), r: map(node.r) };
    case 'array':
    case 'row':
      return { ...node, items: node.items.map(map) };
    case 'sub':
      return { ...node, e: map(node.e), index: map(node.index) };
    case 'func':
      return { ...node, args: node.args.map(map) };
    case 'case':
      return {
        ...node,
        arg: node.arg && map(node.arg),
        whens: node.whens.map(([c, r]) => [map(c), map(r)] as const),
        otherwise: node.otherwise && map(node.otherwise),
      };
    default:
      return node;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Typed trees over constants, evaluated by PostgreSQL

export type ValueType = 'integer' | 'boolean' | 'text' | 'timestamp' | 'timestamptz';
export const VALUE_TYPES: readonly ValueType[] = ['integer', 'boolean', 'text', 'timestamp', 'timestamptz'];

/** The SQL type of a `ValueType`, as a cast target. */
export const SQL_TYPE: Readonly<Record<ValueType, string>> = {
  integer: 'integer',
  boolean: 'boolean',
  text: 'text',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
};

const ZONES = ["'UTC'", "'Europe/Athens'", "'America/New_York'", "'+05:30'"];
const safeText = fc.string({ maxLength: 5, unit: fc.constantFrom('a', 'B', '%', '_', "'", '"', ' ', 'é', '1') });

function node(k: 'bin', op: string, l: Node, r: Node): Node {
  return { k, op, l, r };
}

/**
 * A tree of type `type` that evaluates without an error (small integers, no division, constants only).
 * `depth` bounds the nesting so that integer arithmetic stays far from overflow.
 */
export function typedExpression(type: ValueType, depth = 3): fc.Arbitrary<Node> {
  const key = `${type}:${depth}`;
  let arbitrary = typedCache.get(key);
  if (!arbitrary) typedCache.set(key, (arbitrary = buildTyped(type, depth)));
  return arbitrary;
}

const typedCache = new Map<string, fc.Arbitrary<Node>>();

function buildTyped(type: ValueType, depth: number): fc.Arbitrary<Node> {
  const sub = (t: ValueType): fc.Arbitrary<Node> => typedExpression(t, depth - 1);
  const options: fc.Arbitrary<Node>[] = [];
  const nullOf = fc.constant<Node>({ k: 'cast', e: { k: 'const', text: 'NULL' }, type: SQL_TYPE[type] });
  switch (type) {
    case 'integer':
      options.push(fc.integer({ min: -20, max: 20 }).map((n): Node => ({ k: 'num', text: String(n) })));
      if (depth > 0) {
        const anyType = fc.constantFrom(...VALUE_TYPES);
        options.push(
          fc
            .tuple(fc.constantFrom('+', '-', '*'), sub('integer'), sub('integer'))
            .map(([op, l, r]) => node('bin', op, l, r)),
          sub('integer').map((e): Node => ({ k: 'neg', e })),
          fc
            .tuple(sub('boolean'), sub('integer'), sub('integer'))
            .map(([c, a, b]): Node => ({ k: 'case', whens: [[c, a]], otherwise: b })),
          fc
            .array(sub('integer'), { minLength: 1, maxLength: 3 })
            .map((args): Node => ({ k: 'func', name: 'coalesce', args, star: false })),
          sub('text').map((e): Node => ({ k: 'func', name: 'length', args: [e], star: false })),
          sub('boolean').map((e): Node => ({ k: 'cast', e, type: 'integer' })),
          fc
            .tuple(fc.array(sub('integer'), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 3 }))
            .map(([items, index]): Node => ({
              k: 'sub',
              e: { k: 'array', items },
              index: { k: 'num', text: String(index) },
            })),
          anyType.chain((t) =>
            sub(t).map((e): Node => ({
              k: 'case',
              whens: [
                [
                  { k: 'is', e, not: false, what: 'NULL' },
                  { k: 'num', text: '1' },
                ],
              ],
              otherwise: { k: 'num', text: '0' },
            })),
          ),
          nullOf,
        );
      }
      break;
    case 'boolean':
      options.push(fc.constantFrom<Node>({ k: 'const', text: 'true' }, { k: 'const', text: 'false' }));
      if (depth > 0) {
        const comparable = fc.constantFrom<ValueType>('integer', 'text', 'timestamp', 'timestamptz');
        options.push(
          fc
            .tuple(fc.constantFrom(...COMPARISONS), sub('integer'), sub('integer'))
            .map(([op, l, r]) => node('bin', op, l, r)),
          comparable.chain((t) =>
            fc.tuple(fc.constantFrom(...COMPARISONS), sub(t), sub(t)).map(([op, l, r]) => node('bin', op, l, r)),
          ),
          fc
            .tuple(fc.constantFrom<'AND' | 'OR'>('AND', 'OR'), fc.array(sub('boolean'), { minLength: 2, maxLength: 3 }))
            .map(([op, items]): Node => ({ k: 'bool', op, items })),
          sub('boolean').map((e): Node => ({ k: 'not', e })),
          fc
            .tuple(fc.constantFrom(...VALUE_TYPES), fc.boolean())
            .chain(([t, not]) => sub(t).map((e): Node => ({ k: 'is', e, not, what: 'NULL' }))),
          fc
            .tuple(sub('boolean'), fc.boolean(), fc.constantFrom('TRUE', 'FALSE', 'UNKNOWN'))
            .map(([e, not, what]): Node => ({ k: 'is', e, not, what })),
          fc
            .tuple(sub('integer'), sub('integer'), fc.boolean())
            .map(([l, r, not]): Node => ({ k: 'distinct', l, r, not })),
          fc
            .tuple(
              fc.constantFrom(...COMPARISONS),
              fc.constantFrom<'ANY' | 'ALL'>('ANY', 'ALL'),
              sub('integer'),
              fc.array(sub('integer'), { minLength: 1, maxLength: 3 }),
            )
            .map(([op, quant, l, items]): Node => ({ k: 'quant', op, quant, l, r: { k: 'array', items } })),
          fc
            .tuple(fc.constantFrom('~~', '!~~', '~~*'), sub('text'), sub('text'))
            .map(([op, l, r]) => node('bin', op, l, r)),
          nullOf,
        );
      }
      break;
    case 'text':
      options.push(safeText.map((s): Node => ({ k: 'str', raw: quoteLiteral(s) })));
      options.push(safeText.map((s): Node => ({ k: 'cast', e: { k: 'str', raw: quoteLiteral(s) }, type: 'text' })));
      if (depth > 0) {
        options.push(
          fc.tuple(sub('text'), sub('text')).map(([l, r]) => node('bin', '||', l, r)),
          fc.tuple(sub('text'), sub('integer')).map(([l, r]) => node('bin', '||', l, r)),
          sub('integer').map((e): Node => ({ k: 'cast', e, type: 'text' })),
          sub('text').map((e): Node => ({ k: 'func', name: 'lower', args: [e], star: false })),
          fc.tuple(sub('text'), fc.constant('"C"')).map(([e, collation]): Node => ({ k: 'collate', e, collation })),
          fc
            .tuple(sub('boolean'), sub('text'), sub('text'))
            .map(([c, a, b]): Node => ({ k: 'case', whens: [[c, a]], otherwise: b })),
          nullOf,
        );
      }
      break;
    case 'timestamp':
    case 'timestamptz': {
      const literal = fc
        .tuple(fc.integer({ min: 1999, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 23 }))
        .map(([y, m, h]): Node => ({
          k: 'cast',
          // PostgreSQL's output format (session time zone UTC), which is how the catalog prints a typed constant.
          e: {
            k: 'str',
            raw: `'${y}-${String(m).padStart(2, '0')}-15 ${String(h).padStart(2, '0')}:30:00${type === 'timestamptz' ? '+00' : ''}'`,
          },
          type: SQL_TYPE[type],
        }));
      options.push(literal);
      if (depth > 0) {
        const other: ValueType = type === 'timestamp' ? 'timestamptz' : 'timestamp';
        const zone = fc.constantFrom(...ZONES).map((raw): Node => ({ k: 'str', raw }));
        options.push(
          fc.tuple(sub(other), zone).map(([e, z]): Node => ({ k: 'at', e, zone: z })),
          fc.tuple(sub(type), fc.integer({ min: 1, max: 23 })).map(([l, hours]) =>
            node('bin', '+', l, {
              k: 'cast',
              e: { k: 'str', raw: `'${String(hours).padStart(2, '0')}:00:00'` },
              type: 'interval',
            }),
          ),
          nullOf,
        );
      }
      break;
    }
  }
  return fc.oneof(...options);
}

/** `node` with every operand parenthesised: the meaning of the tree, whatever the printer's precedence. */
export function fullyParenthesised(node: Node): string {
  const p = fullyParenthesised;
  switch (node.k) {
    case 'str':
      return node.raw;
    case 'num':
      return node.text.startsWith('-') ? `(${node.text})` : node.text;
    case 'const':
      return node.text;
    case 'sqlfn':
      return node.precision === undefined ? node.name : `${node.name}(${node.precision})`;
    case 'col':
      return node.parts.map(quoteIdentifier).join('.');
    case 'func':
      return `${node.name}(${node.args.map(p).join(', ')})`;
    case 'cast':
      return `(${p(node.e)})::${node.type}`;
    case 'bin':
      return `(${p(node.l)}) ${node.op} (${p(node.r)})`;
    case 'bool':
      return node.items.map((item) => `(${p(item)})`).join(` ${node.op} `);
    case 'not':
      return `NOT (${p(node.e)})`;
    case 'neg':
      return `-(${p(node.e)})`;
    case 'is':
      return `(${p(node.e)}) IS ${node.not ? 'NOT ' : ''}${node.what}`;
    case 'distinct':
      return `(${p(node.l)}) IS ${node.not ? 'NOT ' : ''}DISTINCT FROM (${p(node.r)})`;
    case 'quant':
      return `(${p(node.l)}) ${node.op} ${node.quant} (${p(node.r)})`;
    case 'array':
      return `ARRAY[${node.items.map(p).join(', ')}]`;
    case 'row':
      return `(${node.items.map(p).join(', ')})`;
    case 'sub':
      return `(${p(node.e)})[${p(node.index)}]`;
    case 'at':
      return `(${p(node.e)}) AT TIME ZONE (${p(node.zone)})`;
    case 'collate':
      return `(${p(node.e)}) COLLATE ${node.collation}`;
    case 'case':
      return [
        'CASE',
        ...(node.arg ? [`(${p(node.arg)})`] : []),
        ...node.whens.map(([c, r]) => `WHEN (${p(c)}) THEN (${p(r)})`),
        ...(node.otherwise ? [`ELSE (${p(node.otherwise)})`] : []),
        'END',
      ].join(' ');
  }
}
