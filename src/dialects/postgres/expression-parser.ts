/** The parser of PostgreSQL expressions (see expression.ts): tokens to a tree, by precedence climbing. */
import { quoteIdentifier } from './quote';
import { Unsupported, type Token } from './expression-tokens';
import { BP, COMPARISON, operatorPower, type Node } from './expression-tree';
import {
  SQL_VALUE_FUNCTIONS,
  WITH_PRECISION,
  TYPED_LITERAL_WORDS,
  STOP_WORDS,
  namePart,
  printedTypePart,
  printedNamePart,
  canonicalTypeText,
} from './expression-words';

export class Parser {
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
        case 'collate':
          return BP.collate;
        case 'at':
          if (!this.isWord('time', 1) || !this.isWord('zone', 2)) throw new Unsupported('AT');
          return BP.at;
        case 'similar':
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
      case 'at':
        this.expectWord('time');
        this.expectWord('zone');
        return { k: 'at', e: left, zone: this.expression(power) };
      case 'collate':
        return { k: 'collate', e: left, collation: this.collationName() };
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
          ? {
              k: 'bool',
              op: 'OR',
              items: [
                { k: 'bin', op: '<', l: left, r: low },
                { k: 'bin', op: '>', l: left, r: high },
              ],
            }
          : {
              k: 'bool',
              op: 'AND',
              items: [
                { k: 'bin', op: '>=', l: left, r: low },
                { k: 'bin', op: '<=', l: left, r: high },
              ],
            };
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
        if (operand.k === 'num')
          return { k: 'num', text: operand.text.startsWith('-') ? operand.text.slice(1) : `-${operand.text}` };
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

  /** `"C"`, `"de-DE-x-icu"`, `pg_catalog."default"`: every part quoted as PostgreSQL prints it (unquoted parts fold). */
  private collationName(): string {
    const parts: string[] = [];
    for (;;) {
      const part = this.next();
      if (part.k !== 'word' && part.k !== 'qid') throw new Unsupported('collation name');
      parts.push(quoteIdentifier(namePart(part)));
      if (!this.isPunct('.')) return parts.join('.');
      this.position++;
    }
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
    while (this.peek()?.k === 'word' && continues(this.peek()!.text.toLowerCase()))
      words.push(this.next().text.toLowerCase());
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
    const written =
      words[0] === 'time' || words[0] === 'timestamp'
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
