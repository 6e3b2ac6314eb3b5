/**
 * A small SQLite tokenizer for the DDL text SQLite keeps in `sqlite_master.sql`. Comments and whitespace are
 * dropped; every token keeps its source offsets so callers can cut original expression text out of the statement.
 */

export type TokenKind = 'word' | 'identifier' | 'string' | 'number' | 'blob' | 'parameter' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token. */
  readonly text: string;
  /** Unquoted value: identifier name, string contents, the word itself, or the punctuation. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const OPERATORS = ['->>', '||', '<=', '>=', '<>', '!=', '==', '<<', '>>', '->'];

/** ASCII letters and `_`, or any character beyond ASCII. */
const isWordStart = (code: number): boolean =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 0x7f;
/** A word start, a digit or `$`. */
const isWordPart = (code: number): boolean => isWordStart(code) || (code >= 48 && code <= 57) || code === 36;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** What `/\s/` matches, ASCII answered without a regular expression (this runs once per character of the schema). */
const isSpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || (code > 0x7f && /\s/.test(String.fromCharCode(code)));
const NUMBER = /0[xX][0-9A-Fa-f_]+|(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?/y;

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value: string): void => {
    tokens.push({ kind, text: sql.slice(start, end), value, start, end });
  };
  /** A delimited token whose closing delimiter is escaped by doubling it (`"a""b"`, `'it''s'`). */
  const delimited = (close: string, doubled: boolean): [number, string] => {
    let value = '';
    let from = i + 1;
    for (;;) {
      const j = sql.indexOf(close, from);
      if (j === -1) throw new SyntaxError(`unterminated ${close} at offset ${i}`);
      if (doubled && sql[j + 1] === close) {
        value += sql.slice(from, j + 1);
        from = j + 2;
        continue;
      }
      return [j + 1, value + sql.slice(from, j)];
    }
  };

  while (i < sql.length) {
    const c = sql[i]!;
    const code = sql.charCodeAt(i);
    if (isSpace(code)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl === -1 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close === -1 ? sql.length : close + 2;
    } else if (c === '"' || c === '`') {
      const [end, value] = delimited(c, true);
      push('identifier', i, end, value);
      i = end;
    } else if (c === '[') {
      const [end, value] = delimited(']', false);
      push('identifier', i, end, value);
      i = end;
    } else if (c === "'") {
      const [end, value] = delimited("'", true);
      push('string', i, end, value);
      i = end;
    } else if ((c === 'x' || c === 'X') && sql[i + 1] === "'") {
      const start = i;
      i++;
      const [end, value] = delimited("'", false);
      push('blob', start, end, value);
      i = end;
    } else if (isDigit(code) || (c === '.' && isDigit(sql.charCodeAt(i + 1)))) {
      NUMBER.lastIndex = i;
      const end = i + NUMBER.exec(sql)![0].length;
      push('number', i, end, sql.slice(i, end));
      i = end;
    } else if (isWordStart(code)) {
      let j = i + 1;
      while (j < sql.length && isWordPart(sql.charCodeAt(j))) j++;
      push('word', i, j, sql.slice(i, j));
      i = j;
    } else if (c === '?' || ((c === ':' || c === '@' || c === '$') && isWordPart(sql.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < sql.length && isWordPart(sql.charCodeAt(j))) j++;
      push('parameter', i, j, sql.slice(i, j));
      i = j;
    } else {
      const op = OPERATORS.find((o) => sql.startsWith(o, i)) ?? c;
      push('punct', i, i + op.length, op);
      i += op.length;
    }
  }
  return tokens;
}

/** True when the token is the (case-insensitive) keyword. */
export function isKeyword(token: Token | undefined, keyword: string): boolean {
  return token !== undefined && token.kind === 'word' && token.value.toUpperCase() === keyword;
}

export function isPunct(token: Token | undefined, punct: string): boolean {
  return token !== undefined && token.kind === 'punct' && token.value === punct;
}

/** Index of the `)` matching the `(` at `open`. */
export function matchingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isPunct(tokens[i], '(')) depth++;
    else if (isPunct(tokens[i], ')') && --depth === 0) return i;
  }
  throw new SyntaxError('unbalanced parentheses');
}

/** Splits `tokens[from, to)` at top-level commas. */
export function splitTopLevel(tokens: readonly Token[], from: number, to: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    else if (depth === 0 && isPunct(t, ',')) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  if (start < to) parts.push([start, to]);
  return parts;
}

/** The original source text covered by `tokens[from, to)`. */
export function sourceText(sql: string, tokens: readonly Token[], from: number, to: number): string {
  if (from >= to) return '';
  return sql.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

/**
 * Removes redundant parentheses around a whole expression: `((a > 0))` -> `a > 0`, but `(a) + (b)` is kept.
 * Text that does not tokenize is returned trimmed.
 */
export function stripOuterParens(expression: string): string {
  let text = expression.trim();
  for (;;) {
    let tokens: Token[];
    try {
      tokens = tokenize(text);
    } catch {
      return text;
    }
    if (tokens.length < 2 || !isPunct(tokens[0], '(')) return text;
    let close: number;
    try {
      close = matchingParen(tokens, 0);
    } catch {
      return text;
    }
    if (close !== tokens.length - 1) return text;
    text = sourceText(text, tokens, 1, close).trim();
  }
}
