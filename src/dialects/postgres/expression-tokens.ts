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
