/**
 * TypeScript source fragments: string literals, object literals and comments, escaped so that any database name or
 * value (quotes, backslashes, line breaks, Unicode) reads back as exactly the same string.
 */
import { isIdentifier } from './names';

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

// eslint-disable-next-line no-control-regex -- control characters are what this escapes
const TEMPLATE_SPECIAL = /[`\\]|\$\{|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/;

/**
 * A TypeScript string literal: single-quoted, or double-quoted when that spares escaping a quote (`"datetime('now')"`);
 * a template literal when it holds both quotes (unless `template` is false: a key must be a string literal); other control characters and lone surrogates as `\u` escapes.
 */
export function tsString(value: string, template = true): string {
  // Both quotes, and nothing a template literal reads differently: as a template literal, neither needs escaping.
  if (template && value.includes("'") && value.includes('"') && !TEMPLATE_SPECIAL.test(value)) return `\`${value}\``;
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what this escapes
    /[\\'"\n\r\t\b\f\v\u2028\u2029]|[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) =>
      c === "'" || c === '"'
        ? c === quote
          ? `\\${c}`
          : c
        : (ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
  return `${quote}${escaped}${quote}`;
}

/** An object key: bare when it is an identifier, else a string literal. */
export function tsKey(key: string): string {
  return isIdentifier(key) ? key : tsString(key, false);
}

/** Source code of a value (already valid TypeScript). */
export type Code = string;

/** `{ a: 1, b: 'x' }`; entries whose code is `undefined` are left out; `{}` when none is left. */
export function objectLiteral(entries: readonly (readonly [string, Code | undefined])[]): Code {
  const present = entries.filter((entry): entry is readonly [string, Code] => entry[1] !== undefined);
  if (present.length === 0) return '{}';
  return `{ ${present.map(([key, code]) => `${tsKey(key)}: ${code}`).join(', ')} }`;
}

/** `[a, b]` */
export function arrayLiteral(items: readonly Code[]): Code {
  return `[${items.join(', ')}]`;
}

/** A `//` comment line (line breaks in `text` become spaces, so nothing escapes the comment). */
export function lineComment(text: string, indent = ''): string {
  return `${indent}// ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
}

/**
 * A JSON value as a JavaScript literal (`{ version: 1, note: "it's" }`), or `undefined` when an object has a
 * `__proto__` key, which an object literal would take as its prototype rather than as data.
 */
export function jsonCode(value: unknown): Code | undefined {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : undefined;
  if (typeof value === 'string') return tsString(value);
  if (Array.isArray(value)) {
    const items = value.map(jsonCode);
    return items.some((item) => item === undefined) ? undefined : `[${items.join(', ')}]`;
  }
  if (typeof value !== 'object') return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.some(([key]) => key === '__proto__')) return undefined;
  const codes = entries.map(([key, item]) => [key, jsonCode(item)] as const);
  if (codes.some(([, code]) => code === undefined)) return undefined;
  return codes.length === 0 ? '{}' : `{ ${codes.map(([key, code]) => `${tsKey(key)}: ${code}`).join(', ')} }`;
}

/**
 * A template literal keeping line breaks readable (SQL of a view): backslashes, backticks and `${` escaped, and
 * carriage returns, which a template literal would turn into line feeds.
 */
export function tsTemplate(value: string): string {
  const escaped = value.replace(
    /[\\`\r]|\$\{|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) =>
      c === '\r'
        ? '\\r'
        : c.length === 1 && /[\ud800-\udfff]/.test(c)
          ? `\\u${c.charCodeAt(0).toString(16)}`
          : `\\${c}`,
  );
  return `\`${escaped}\``;
}
