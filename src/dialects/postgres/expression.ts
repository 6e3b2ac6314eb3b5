import { quoteIdentifier } from './quote';
import { LENGTH_TYPES, NUMERIC_TYPES, PRECISION_TYPES, parseTypeName, renderBaseType } from './types';
import { stripEnclosingParens } from '../index-expression';

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

class Unsupported extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { readonly k: 'str'; readonly text: string }
  | { readonly k: 'num'; readonly text: string }
  | { readonly k: 'qid'; readonly text: string }
  | { readonly k: 'word'; readonly text: string }
  | { readonly k: 'op'; readonly text: string }
  | { readonly k: 'punct'; readonly text: string };

const OPERATOR_CHARS = '+-*/<>=~!@#%^&|`?';

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) throw new Unsupported('unterminated string');
        if (sql[j] === "'") {
          if (sql[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      tokens.push({ k: 'str', text: sql.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= sql.length) throw new Unsupported('unterminated identifier');
        if (sql[j] === '"') {
          if (sql[j + 1] === '"') {
            value += '"';
            j += 2;
          } else break;
        } else value += sql[j++];
      }
      tokens.push({ k: 'qid', text: value });
      i = j + 1;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const match = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(sql.slice(i))!;
      tokens.push({ k: 'num', text: match[0] });
      i += match[0].length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const match = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(sql.slice(i))!;
      if (sql[i + match[0].length] === "'") throw new Unsupported('prefixed string literal');
      tokens.push({ k: 'word', text: match[0] });
      i += match[0].length;
    } else if (c === ':' && sql[i + 1] === ':') {
      tokens.push({ k: 'punct', text: '::' });
      i += 2;
    } else if ('()[],.'.includes(c)) {
      tokens.push({ k: 'punct', text: c });
      i++;
    } else if (OPERATOR_CHARS.includes(c)) {
      let j = i;
      while (j < sql.length && OPERATOR_CHARS.includes(sql[j]!)) {
        if ((sql[j] === '-' && sql[j + 1] === '-') || (sql[j] === '/' && sql[j + 1] === '*')) {
          if (j === i) throw new Unsupported('comment');
          break;
        }
        j++;
      }
      let op = sql.slice(i, j);
      // PostgreSQL: a multi-character operator cannot end in + or - unless it contains one of ~!@#%^&|`?
      if (op.length > 1 && !/[~!@#%^&|`?]/.test(op)) {
        while (op.length > 1 && (op.endsWith('+') || op.endsWith('-'))) op = op.slice(0, -1);
      }
      tokens.push({ k: 'op', text: op });
      i += op.length;
    } else {
      throw new Unsupported(`character ${c}`);
    }
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------------
// Tree

type Node =
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
  | {
      readonly k: 'case';
      readonly arg?: Node;
      readonly whens: readonly (readonly [Node, Node])[];
      readonly otherwise?: Node;
    };

const COMPARISON = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);
/** Operators whose literal operands PostgreSQL casts to the other side's type (`'a%'::text`). */
const LITERAL_COERCING = new Set([...COMPARISON, '~~', '~~*', '!~~', '!~~*', '~', '~*', '!~', '!~*', '||']);
const SQL_VALUE_FUNCTIONS = new Set([
  'current_date',
  'current_time',
  'current_timestamp',
  'localtime',
  'localtimestamp',
  'current_user',
  'current_role',
  'session_user',
  'user',
  'current_catalog',
  'current_schema',
]);
const WITH_PRECISION = new Set(['current_time', 'current_timestamp', 'localtime', 'localtimestamp']);
/** `interval '1 day'`, `date '2020-01-01'`: a type name followed by a string is a typed literal. */
const TYPED_LITERAL_WORDS = new Set([
  'interval',
  'date',
  'timestamp',
  'timestamptz',
  'time',
  'timetz',
  'boolean',
  'bool',
  'json',
  'jsonb',
  'uuid',
  'text',
  'varchar',
  'int',
  'int4',
  'int8',
  'integer',
  'bigint',
  'numeric',
  'inet',
]);
const STOP_WORDS = new Set([
  'and',
  'or',
  'not',
  'is',
  'isnull',
  'notnull',
  'in',
  'like',
  'ilike',
  'similar',
  'between',
  'then',
  'when',
  'else',
  'end',
  'from',
  'select',
  'collate',
  'at',
  'escape',
  'as',
]);

// Binding powers, loosest first (PostgreSQL's operator precedence table).
const BP = {
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
  unary: 11,
  sub: 12,
  cast: 13,
  atom: 14,
} as const;

function operatorPower(op: string): number {
  if (COMPARISON.has(op)) return BP.cmp;
  if (op === '+' || op === '-') return BP.add;
  if (op === '*' || op === '/' || op === '%') return BP.mul;
  if (op === '^') return BP.exp;
  return BP.other;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): Node {
    const node = this.expression(0);
    if (this.position !== this.tokens.length) throw new Unsupported('trailing tokens');
    return node;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  private next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new Unsupported('unexpected end');
    return token;
  }

  private isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.k === 'word' && token.text.toLowerCase() === word;
  }

  private isPunct(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.k === 'punct' && token.text === text;
  }

  private expectPunct(text: string): void {
    if (!this.isPunct(text)) throw new Unsupported(`expected ${text}`);
    this.position++;
  }

  private expectWord(word: string): void {
    if (!this.isWord(word)) throw new Unsupported(`expected ${word}`);
    this.position++;
  }

  expression(rbp: number): Node {
    let left = this.prefix();
    for (;;) {
      const power = this.infixPower();
      if (power <= rbp) return left;
      left = this.infix(left, power);
    }
  }

  private infixPower(): number {
    const token = this.peek();
    if (!token) return 0;
    if (token.k === 'punct') {
      if (token.text === '::') return BP.cast;
      if (token.text === '[') return BP.sub;
      return 0;
    }
    if (token.k === 'op') return operatorPower(token.text);
    if (token.k === 'word') {
      switch (token.text.toLowerCase()) {
        case 'or':
          return BP.or;
        case 'and':
          return BP.and;
        case 'is':
        case 'isnull':
        case 'notnull':
          return BP.is;
        case 'in':
        case 'like':
        case 'ilike':
        case 'between':
          return BP.like;
        case 'not':
          return this.isWord('in', 1) || this.isWord('like', 1) || this.isWord('ilike', 1) || this.isWord('between', 1)
            ? BP.like
            : 0;
        case 'similar':
        case 'collate':
        case 'at':
          throw new Unsupported(token.text);
        default:
          return 0;
      }
    }
    return 0;
  }

  private infix(left: Node, power: number): Node {
    const token = this.next();
    if (token.k === 'punct' && token.text === '::') return { k: 'cast', e: left, type: this.typeName() };
    if (token.k === 'punct' && token.text === '[') {
      const index = this.expression(0);
      this.expectPunct(']');
      return { k: 'sub', e: left, index };
    }
    if (token.k === 'op') {
      const op = token.text === '!=' ? '<>' : token.text;
      if (COMPARISON.has(op) && (this.isWord('any') || this.isWord('some') || this.isWord('all'))) {
        if (this.isPunct('(', 1)) {
          const quant = this.next().text.toLowerCase() === 'all' ? 'ALL' : 'ANY';
          this.expectPunct('(');
          const r = this.expression(0);
          this.expectPunct(')');
          return { k: 'quant', op, quant, l: left, r };
        }
      }
      return { k: 'bin', op, l: left, r: this.expression(power) };
    }
    const word = token.text.toLowerCase();
    switch (word) {
      case 'or':
      case 'and': {
        const right = this.expression(power);
        const op = word === 'or' ? 'OR' : 'AND';
        return { k: 'bool', op, items: [left, right] };
      }
      case 'isnull':
        return { k: 'is', e: left, not: false, what: 'NULL' };
      case 'notnull':
        return { k: 'is', e: left, not: true, what: 'NULL' };
      case 'is': {
        let not = false;
        if (this.isWord('not')) {
          this.position++;
          not = true;
        }
        const what = this.next();
        const whatWord = what.k === 'word' ? what.text.toLowerCase() : '';
        if (whatWord === 'distinct') {
          this.expectWord('from');
          return { k: 'distinct', l: left, r: this.expression(BP.is), not };
        }
        if (!['null', 'true', 'false', 'unknown'].includes(whatWord)) throw new Unsupported('IS');
        return { k: 'is', e: left, not, what: whatWord.toUpperCase() };
      }
      case 'not': {
        const negated = this.next().text.toLowerCase();
        return this.likeFamily(left, negated, true);
      }
      default:
        return this.likeFamily(left, word, false);
    }
  }

  private likeFamily(left: Node, word: string, negated: boolean): Node {
    switch (word) {
      case 'in': {
        this.expectPunct('(');
        if (this.isWord('select')) throw new Unsupported('subquery');
        const items = [this.expression(0)];
        while (this.isPunct(',')) {
          this.position++;
          items.push(this.expression(0));
        }
        this.expectPunct(')');
        return negated
          ? { k: 'quant', op: '<>', quant: 'ALL', l: left, r: { k: 'array', items } }
          : { k: 'quant', op: '=', quant: 'ANY', l: left, r: { k: 'array', items } };
      }
      case 'like':
      case 'ilike': {
        const right = this.expression(BP.like);
        if (this.isWord('escape')) throw new Unsupported('ESCAPE');
        const op = `${negated ? '!' : ''}~~${word === 'ilike' ? '*' : ''}`;
        return { k: 'bin', op, l: left, r: right };
      }
      case 'between': {
        if (this.isWord('symmetric') || this.isWord('asymmetric')) throw new Unsupported('BETWEEN SYMMETRIC');
        const low = this.expression(BP.like);
        this.expectWord('and');
        const high = this.expression(BP.like);
        return negated
          ? { k: 'bool', op: 'OR', items: [{ k: 'bin', op: '<', l: left, r: low }, { k: 'bin', op: '>', l: left, r: high }] }
          : { k: 'bool', op: 'AND', items: [{ k: 'bin', op: '>=', l: left, r: low }, { k: 'bin', op: '<=', l: left, r: high }] };
      }
      default:
        throw new Unsupported(word);
    }
  }

  private prefix(): Node {
    const token = this.next();
    switch (token.k) {
      case 'str':
        return { k: 'str', raw: token.text };
      case 'num':
        return { k: 'num', text: token.text };
      case 'op': {
        if (token.text !== '-' && token.text !== '+') throw new Unsupported(`prefix operator ${token.text}`);
        const operand = this.expression(BP.unary);
        if (token.text === '+') return operand;
        if (operand.k === 'num') return { k: 'num', text: operand.text.startsWith('-') ? operand.text.slice(1) : `-${operand.text}` };
        return { k: 'neg', e: operand };
      }
      case 'punct': {
        if (token.text !== '(') throw new Unsupported(`unexpected ${token.text}`);
        if (this.isWord('select')) throw new Unsupported('subquery');
        const first = this.expression(0);
        if (this.isPunct(',')) {
          const items = [first];
          while (this.isPunct(',')) {
            this.position++;
            items.push(this.expression(0));
          }
          this.expectPunct(')');
          return { k: 'row', items };
        }
        this.expectPunct(')');
        return first;
      }
      case 'qid':
        return this.nameOrCall(token);
      case 'word':
        return this.word(token);
    }
  }

  private word(token: Token): Node {
    const word = token.text.toLowerCase();
    if (word === 'true' || word === 'false') return { k: 'const', text: word };
    if (word === 'null') return { k: 'const', text: 'NULL' };
    if (word === 'not') return { k: 'not', e: this.expression(BP.not) };
    if (SQL_VALUE_FUNCTIONS.has(word) && !this.isPunct('.') && (WITH_PRECISION.has(word) || !this.isPunct('('))) {
      if (WITH_PRECISION.has(word) && this.isPunct('(')) {
        this.position++;
        const precision = this.next();
        if (precision.k !== 'num') throw new Unsupported('precision');
        this.expectPunct(')');
        return { k: 'sqlfn', name: word.toUpperCase(), precision: precision.text };
      }
      return { k: 'sqlfn', name: word.toUpperCase() };
    }
    if (word === 'array') {
      this.expectPunct('[');
      const items: Node[] = [];
      if (!this.isPunct(']')) {
        items.push(this.expression(0));
        while (this.isPunct(',')) {
          this.position++;
          items.push(this.expression(0));
        }
      }
      this.expectPunct(']');
      return { k: 'array', items };
    }
    if (word === 'case') return this.caseExpression();
    if (word === 'exists' || STOP_WORDS.has(word)) throw new Unsupported(word);
    if (TYPED_LITERAL_WORDS.has(word) && this.peek()?.k === 'str') {
      const literal = this.next();
      return { k: 'cast', e: { k: 'str', raw: literal.text }, type: canonicalTypeText(word) };
    }
    return this.nameOrCall(token);
  }

  private caseExpression(): Node {
    const arg = this.isWord('when') ? undefined : this.expression(0);
    const whens: (readonly [Node, Node])[] = [];
    while (this.isWord('when')) {
      this.position++;
      const condition = this.expression(0);
      this.expectWord('then');
      whens.push([condition, this.expression(0)]);
    }
    if (whens.length === 0) throw new Unsupported('CASE without WHEN');
    let otherwise: Node | undefined;
    if (this.isWord('else')) {
      this.position++;
      otherwise = this.expression(0);
    }
    this.expectWord('end');
    return { k: 'case', arg, whens, otherwise };
  }

  /** `col`, `"Col"`, `t.col`, `f(x)`, `pg_catalog.f(x)`. Unquoted names fold to lower case. */
  private nameOrCall(first: Token): Node {
    const parts = [namePart(first)];
    const printed = [printedNamePart(first)];
    while (this.isPunct('.')) {
      this.position++;
      const part = this.next();
      if (part.k !== 'word' && part.k !== 'qid') throw new Unsupported('qualified name');
      parts.push(namePart(part));
      printed.push(printedNamePart(part));
    }
    if (!this.isPunct('(')) return { k: 'col', parts };
    this.position++;
    const args: Node[] = [];
    let star = false;
    if (this.peek()?.k === 'op' && this.peek()?.text === '*') {
      this.position++;
      star = true;
    } else if (!this.isPunct(')')) {
      if (this.isWord('distinct') || this.isWord('select')) throw new Unsupported('aggregate/subquery');
      args.push(this.expression(0));
      while (this.isPunct(',')) {
        this.position++;
        args.push(this.expression(0));
      }
    }
    this.expectPunct(')');
    return { k: 'func', name: printed.join('.'), args, star };
  }

  /** A type after `::`: `integer`, `character varying(20)`, `timestamp(3) with time zone`, `"public"."e"[]`. */
  private typeName(): string {
    const first = this.next();
    if (first.k === 'qid' || (first.k === 'word' && this.isPunct('.'))) {
      const printed = [printedTypePart(first)];
      while (this.isPunct('.')) {
        this.position++;
        const part = this.next();
        if (part.k !== 'word' && part.k !== 'qid') throw new Unsupported('type name');
        printed.push(printedTypePart(part));
      }
      return printed.join('.') + this.arrayBounds();
    }
    if (first.k !== 'word') throw new Unsupported('type name');
    const words = [first.text.toLowerCase()];
    const continues = (word: string): boolean => {
      const last = words[words.length - 1]!;
      if (last === 'double') return word === 'precision';
      if (last === 'character' || last === 'char' || last === 'bit') return word === 'varying';
      return false;
    };
    while (this.peek()?.k === 'word' && continues(this.peek()!.text.toLowerCase())) words.push(this.next().text.toLowerCase());
    let modifiers = '';
    if (this.isPunct('(')) {
      this.position++;
      const values = [this.next()];
      while (this.isPunct(',')) {
        this.position++;
        values.push(this.next());
      }
      this.expectPunct(')');
      if (values.some((v) => v.k !== 'num')) throw new Unsupported('type modifier');
      modifiers = `(${values.map((v) => v.text).join(',')})`;
    }
    if ((words[0] === 'time' || words[0] === 'timestamp') && (this.isWord('with') || this.isWord('without'))) {
      const zone = this.next().text.toLowerCase();
      this.expectWord('time');
      this.expectWord('zone');
      words.push(zone, 'time', 'zone');
    }
    const written = words[0] === 'time' || words[0] === 'timestamp'
      ? `${words[0]}${modifiers}${words.length > 1 ? ` ${words.slice(1).join(' ')}` : ''}`
      : `${words.join(' ')}${modifiers}`;
    return canonicalTypeText(written) + this.arrayBounds();
  }

  private arrayBounds(): string {
    let bounds = '';
    while (this.isPunct('[')) {
      this.position++;
      if (this.peek()?.k === 'num') this.position++;
      this.expectPunct(']');
      bounds += '[]';
    }
    return bounds;
  }
}

/** PostgreSQL folds unquoted identifiers to lower case, ASCII letters only. */
function foldCase(word: string): string {
  return word.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function namePart(token: Token): string {
  return token.k === 'qid' ? token.text : foldCase(token.text);
}

/** A type name part as written (quoted names may be keywords: `"user"`). */
function printedTypePart(token: Token): string {
  return token.k === 'qid' ? quoteIdentifier(token.text) : foldCase(token.text);
}

/** A function name: PostgreSQL quotes keywords (`"current_schema"()`); a plain lower-case name needs no quotes. */
function printedNamePart(token: Token): string {
  if (token.k !== 'qid') return foldCase(token.text);
  return /^[a-z_][a-z0-9_$]*$/.test(token.text) ? token.text : quoteIdentifier(token.text);
}

/** `int4` -> `integer`, `varchar(20)` -> `character varying(20)`, `timestamptz(3)` -> `timestamp(3) with time zone`. */
function canonicalTypeText(written: string): string {
  const { type, modifiers, array } = parseTypeName(written);
  const [first, second] = modifiers;
  let base: string;
  if (modifiers.length === 0 || type.includes('"')) base = type;
  else if (LENGTH_TYPES.has(type)) base = renderBaseType({ type, length: first });
  else if (PRECISION_TYPES.has(type)) base = renderBaseType({ type, precision: first, scale: second });
  else base = `${type}(${modifiers.join(',')})`;
  return `${base}${array ? '[]' : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Simplification

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
function simplify(node: Node, valueContext: boolean): Node {
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

// ---------------------------------------------------------------------------------------------------------------
// Printing

function power(node: Node): number {
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

function print(node: Node): string {
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
function fallback(sql: string): string {
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
