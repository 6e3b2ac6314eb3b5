/** The tokenizer of PostgreSQL expressions (see expression.ts): strings, numbers, names, operators, punctuation. */

/** The expression uses SQL the parser does not model: callers fall back to the text. */
export class Unsupported extends Error {}

export type Token =
  | { readonly k: 'str'; readonly text: string }
  | { readonly k: 'num'; readonly text: string }
  | { readonly k: 'qid'; readonly text: string }
  | { readonly k: 'word'; readonly text: string }
  | { readonly k: 'op'; readonly text: string }
  | { readonly k: 'punct'; readonly text: string };

const OPERATOR_CHARS = '+-*/<>=~!@#%^&|`?';

export function tokenize(sql: string): Token[] {
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
      if (sql[i + match[0].length] === "'") {
        if (match[0] !== 'E' && match[0] !== 'e') throw new Unsupported('prefixed string literal');
        const { value, end } = escapeString(sql, i + 2);
        // As PostgreSQL prints it: a standard string (backslashes are ordinary characters there).
        tokens.push({ k: 'str', text: `'${value.replace(/'/g, "''")}'` });
        i = end;
        continue;
      }
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

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The value of an escape string `E'...'` whose content starts at `start`, and the index after its closing quote:
 * `\n`, `\t`..., octal `\101`, hex `\x41`, Unicode `\u0041` / `\U00000041`, any other `\c` is `c`, and `''` is `'`.
 */
function escapeString(sql: string, start: number): { value: string; end: number } {
  let value = '';
  let j = start;
  for (;;) {
    if (j >= sql.length) throw new Unsupported('unterminated string');
    const c = sql[j]!;
    if (c === "'") {
      if (sql[j + 1] !== "'") break;
      value += "'";
      j += 2;
    } else if (c === '\\') {
      const next = sql[j + 1];
      if (next === undefined) throw new Unsupported('unterminated string');
      const code = (pattern: RegExp, radix: number): boolean => {
        const match = pattern.exec(sql.slice(j + 1));
        if (!match) return false;
        const point = parseInt(match[1]!, radix);
        if (point === 0 || point > 0x10ffff) throw new Unsupported('escape');
        value += String.fromCodePoint(point);
        j += 1 + match[0].length;
        return true;
      };
      if (SIMPLE_ESCAPES[next] !== undefined) {
        value += SIMPLE_ESCAPES[next];
        j += 2;
      } else if (!(
        code(/^([0-7]{1,3})/, 8) ||
        code(/^x([0-9A-Fa-f]{1,2})/, 16) ||
        code(/^u([0-9A-Fa-f]{4})/, 16) ||
        code(/^U([0-9A-Fa-f]{8})/, 16)
      )) {
        value += next;
        j += 2;
      }
    } else {
      value += c;
      j++;
    }
  }
  return { value, end: j + 1 };
}
