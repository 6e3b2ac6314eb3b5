import { qualifiedKey } from './names';
import type { QualifiedName } from './types';

interface Token {
  readonly text: string;
  /** A `"quoted"` identifier (case kept), else a bare word (case-insensitive) or punctuation. */
  readonly kind: 'quoted' | 'word' | 'punct';
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /'(?:[^']|'')*'|--[^\n]*|\/\*[\s\S]*?\*\/|"((?:[^"]|"")*)"|`([^`]*)`|\[([^\]]*)\]|([A-Za-z_][A-Za-z0-9_$]*)|(\S)/g;
  for (const match of sql.matchAll(pattern)) {
    const [text, doubleQuoted, backticked, bracketed, word, punct] = match;
    if (doubleQuoted !== undefined) tokens.push({ text: doubleQuoted.replace(/""/g, '"'), kind: 'quoted' });
    else if (backticked !== undefined || bracketed !== undefined)
      tokens.push({ text: (backticked ?? bracketed)!, kind: 'quoted' });
    else if (word !== undefined) tokens.push({ text: word, kind: 'word' });
    else if (punct !== undefined) tokens.push({ text: punct, kind: 'punct' });
    else if (!text.startsWith("'"))
      continue; // comments
    else tokens.push({ text: "''", kind: 'punct' }); // a string literal: a value, never a name
  }
  return tokens;
}

const FROM_STARTS = new Set(['FROM', 'JOIN']);
const FROM_ENDS = new Set([
  'WHERE',
  'GROUP',
  'ORDER',
  'HAVING',
  'LIMIT',
  'OFFSET',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'ON',
  'USING',
  'WINDOW',
  'SELECT',
  'VALUES',
  'FETCH',
  'FOR',
]);
const SKIPPED = new Set(['LATERAL', 'ONLY']);

/**
 * The relation names a query reads: the (possibly qualified) names that follow `FROM`, `JOIN`, or a comma of a FROM
 * list, at any nesting depth; not function calls (`FROM generate_series(...)`), aliases, or columns.
 */
function relationReferences(sql: string): { qualifier?: string; name: string; quoted: boolean }[] {
  const tokens = tokenize(sql);
  const references: { qualifier?: string; name: string; quoted: boolean }[] = [];
  const inFrom: boolean[] = [false];
  let expecting = false;
  const isName = (t: Token | undefined): t is Token => t !== undefined && t.kind !== 'punct';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const word = token.kind === 'word' ? token.text.toUpperCase() : undefined;
    if (token.text === '(' && token.kind === 'punct') {
      inFrom.push(false);
      expecting = false;
    } else if (token.text === ')' && token.kind === 'punct') {
      if (inFrom.length > 1) inFrom.pop();
      expecting = false;
    } else if (token.text === ',' && token.kind === 'punct') {
      expecting = inFrom[inFrom.length - 1]!;
    } else if (word !== undefined && FROM_STARTS.has(word)) {
      inFrom[inFrom.length - 1] = true;
      expecting = true;
    } else if (word !== undefined && FROM_ENDS.has(word)) {
      inFrom[inFrom.length - 1] = false;
      expecting = false;
    } else if (expecting && word !== undefined && SKIPPED.has(word)) {
      continue;
    } else if (expecting && isName(token)) {
      let reference = { qualifier: undefined as string | undefined, name: token.text, quoted: token.kind === 'quoted' };
      let next = i + 1;
      if (tokens[next]?.text === '.' && isName(tokens[next + 1])) {
        reference = {
          qualifier: token.text,
          name: tokens[next + 1]!.text,
          quoted: tokens[next + 1]!.kind === 'quoted',
        };
        next += 2;
      }
      if (tokens[next]?.text !== '(') references.push(reference);
      i = next - 1;
      expecting = false;
    } else {
      expecting = false;
    }
  }
  return references;
}

/**
 * The relations among `candidates` that a view's SQL reads directly (see `relationReferences`), like the
 * dependencies PostgreSQL records for a view: a best effort where no catalog records them (the desired side,
 * SQLite). A qualified name must match its schema; an unqualified one matches a relation of `schemas` (the view's
 * own schema, then the default one). Unquoted names compare case-insensitively. A miss or an extra only changes
 * the order of a plan, never what it does.
 */
export function relationsNamedIn(
  expression: string,
  candidates: readonly QualifiedName[],
  schemas: readonly (string | undefined)[],
  self?: QualifiedName,
): QualifiedName[] {
  const found = new Map<string, QualifiedName>();
  const same = (a: string, b: string, quoted: boolean) => (quoted ? a === b : a.toLowerCase() === b.toLowerCase());
  for (const mention of relationReferences(expression)) {
    for (const candidate of candidates) {
      if (!same(candidate.name, mention.name, mention.quoted)) continue;
      if (mention.qualifier !== undefined && candidate.schema !== undefined && candidate.schema !== mention.qualifier)
        continue;
      if (mention.qualifier === undefined && candidate.schema !== undefined && !schemas.includes(candidate.schema))
        continue;
      if (self && qualifiedKey(candidate) === qualifiedKey(self)) continue;
      found.set(qualifiedKey(candidate), { schema: candidate.schema, name: candidate.name });
    }
  }
  return [...found.values()];
}
