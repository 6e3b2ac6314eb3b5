import { SchemaplanError } from '../errors/errors';
import type { DialectName } from '../model';

/**
 * An index key expression as SQL, inside its own parentheses: `lower(email)` -> `(lower(email))`.
 *
 * An expression is SQL text (from the catalog, or a model file) and cannot be quoted; what can be checked is that it
 * stays one expression inside its parentheses: parentheses balanced outside literals and quoted names, no `;`, no
 * comment that could swallow the rest of the statement. Anything else is refused rather than emitted.
 */
export function enclosedExpression(expression: string, dialect: DialectName): string {
  const problem = whyNotEnclosable(expression, dialect);
  if (problem !== undefined) {
    throw new SchemaplanError(
      `index expression ${JSON.stringify(expression)} is not a single SQL expression: ${problem}`,
      'Index expressions come from the database catalog or the model file; check the model for hand edits.',
    );
  }
  return `(${expression.trim()})`;
}

type Quotes = Readonly<Record<string, string>>;
const POSTGRES_QUOTES: Quotes = { "'": "'", '"': '"' };
/** SQLite also quotes names as `name` and [name]. */
const SQLITE_QUOTES: Quotes = { ...POSTGRES_QUOTES, '`': '`', '[': ']' };

function whyNotEnclosable(text: string, dialect: DialectName): string | undefined {
  const quotes = dialect === 'sqlite' ? SQLITE_QUOTES : POSTGRES_QUOTES;
  if (text.trim() === '') return 'it is empty';
  if (text.includes('\u0000')) return 'it contains a NUL byte';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const closer = quotes[c];
    if (closer !== undefined) {
      // PostgreSQL's E'...' strings take backslash escapes; every other quote only escapes itself by doubling.
      const backslashes =
        dialect === 'postgres' && c === "'" && /[eE]/.test(text[i - 1] ?? '') && !/\w/.test(text[i - 2] ?? '');
      let j = i + 1;
      for (; j < text.length; j++) {
        if (backslashes && text[j] === '\\') j++;
        else if (text[j] === closer) {
          if (closer !== ']' && text[j + 1] === closer) j++;
          else break;
        }
      }
      if (j >= text.length) return 'a quoted literal or name is not closed';
      i = j;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (--depth < 0) return 'a parenthesis closes that was not opened';
    } else if (c === ';') return 'it contains ";"';
    else if (c === '$' && !/\w/.test(text[i - 1] ?? '')) return 'it contains "$" (dollar quoting or a parameter)';
    else if ((c === '-' && text[i + 1] === '-') || (c === '/' && text[i + 1] === '*')) return 'it contains a comment';
  }
  return depth === 0 ? undefined : 'a parenthesis is not closed';
}

/** The expression without parentheses that enclose all of it: `((a + b))` -> `a + b`; `(a) + (b)` is kept. */
export function stripEnclosingParens(expression: string): string {
  let text = expression.trim();
  while (text.startsWith('(') && text.endsWith(')') && closesAtEnd(text)) text = text.slice(1, -1).trim();
  return text;
}

/** True if the parenthesis opening `text` is the one closing it (quotes skipped). */
function closesAtEnd(text: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0 && i < text.length - 1) return false;
    }
  }
  return depth === 0;
}
