/**
 * What a SQLite `.sql` schema source may contain. It is evaluated in an in-memory SQLite database (nothing else is
 * opened), but a statement can still reach the file system: `ATTACH DATABASE` opens or creates a file, `VACUUM INTO`
 * writes one, `load_extension()` loads a shared library. The script is read with the dialect's tokenizer, split into
 * statements (a trigger's body stays whole), and each is checked before any of it runs:
 *
 * - allowed: CREATE/DROP of tables, indexes, views and triggers (TEMP included), CREATE VIRTUAL TABLE, ALTER TABLE,
 *   BEGIN/COMMIT/END, plain VACUUM, ANALYZE, REINDEX, and the PRAGMAs a schema file sets (`HARMLESS_PRAGMAS`);
 * - refused, with one line naming the statement and its line: everything else (ATTACH/DETACH, VACUUM INTO, other
 *   PRAGMAs, data statements and queries), and any statement that names `load_extension` (or another function that
 *   touches files) anywhere.
 */
import { tokenize, type Token } from './tokenize';
import { SourceError } from '../../errors/errors';

/** PRAGMAs of schema files and `.dump` output that change nothing outside the in-memory database. */
const HARMLESS_PRAGMAS = new Set([
  'foreign_keys',
  'defer_foreign_keys',
  'legacy_alter_table',
  'recursive_triggers',
  'encoding',
  'user_version',
  'application_id',
  'auto_vacuum',
  'page_size',
  'journal_mode',
  'synchronous',
  'cache_size',
  'case_sensitive_like',
]);

/** Functions that load code or read and write files (SQLite's library or its shell). */
const FILE_FUNCTIONS = new Set(['load_extension', 'fts3_tokenizer', 'readfile', 'writefile', 'edit', 'fsdir']);

interface Statement {
  readonly tokens: readonly Token[];
  readonly line: number;
}

const word = (token: Token | undefined): string => (token && token.kind === 'word' ? token.value.toUpperCase() : '');

/** Splits at top-level `;`; inside CREATE TRIGGER, only after the END that closes its BEGIN (CASE ... END counted). */
function split(sql: string, tokens: readonly Token[]): Statement[] {
  const statements: Statement[] = [];
  let current: Token[] = [];
  let trigger = false;
  let depth = 0;
  let closed = false;
  const lineOf = (offset: number) => (sql.slice(0, offset).match(/\n/g) ?? []).length + 1;
  for (const token of tokens) {
    if (token.kind === 'punct' && token.value === ';' && (!trigger || closed)) {
      if (current.length > 0) statements.push({ tokens: current, line: lineOf(current[0]!.start) });
      current = [];
      trigger = false;
      depth = 0;
      closed = false;
      continue;
    }
    current.push(token);
    if (current.length <= 4 && word(current[0]) === 'CREATE' && word(token) === 'TRIGGER') trigger = true;
    if (!trigger) continue;
    const w = word(token);
    if (w === 'BEGIN' || w === 'CASE') depth++;
    else if (w === 'END' && depth > 0 && --depth === 0) closed = true;
  }
  if (current.length > 0) statements.push({ tokens: current, line: lineOf(current[0]!.start) });
  return statements;
}

/** Why a statement is refused, or undefined when it may run. */
function refusal(tokens: readonly Token[]): string | undefined {
  const named = tokens.find(
    (t) => (t.kind === 'word' || t.kind === 'identifier') && FILE_FUNCTIONS.has(t.value.toLowerCase()),
  );
  if (named) return `${named.value.toLowerCase()}() loads code or touches files`;
  const words = tokens.slice(0, 4).map(word);
  switch (words[0]) {
    case 'CREATE': {
      const object = words.slice(1).find((w) => !['TEMP', 'TEMPORARY', 'UNIQUE', 'VIRTUAL'].includes(w));
      return ['TABLE', 'INDEX', 'VIEW', 'TRIGGER'].includes(object ?? '')
        ? undefined
        : `CREATE ${object ?? ''} is not schema DDL`;
    }
    case 'DROP':
      return ['TABLE', 'INDEX', 'VIEW', 'TRIGGER'].includes(words[1]!)
        ? undefined
        : `DROP ${words[1]} is not schema DDL`;
    case 'ALTER':
      return words[1] === 'TABLE' ? undefined : 'only ALTER TABLE is schema DDL';
    case 'BEGIN':
    case 'COMMIT':
    case 'END':
    case 'ANALYZE':
    case 'REINDEX':
      return undefined;
    case 'VACUUM':
      return tokens.some((t) => word(t) === 'INTO') ? 'VACUUM INTO writes a database file' : undefined;
    case 'PRAGMA': {
      const dot = tokens[2]?.kind === 'punct' && tokens[2].value === '.';
      const name = (dot ? tokens[3] : tokens[1])?.value.toLowerCase() ?? '';
      return HARMLESS_PRAGMAS.has(name) ? undefined : `PRAGMA ${name} is not one a schema file sets`;
    }
    case 'ATTACH':
      return 'ATTACH DATABASE opens or creates a file';
    case 'DETACH':
      return 'DETACH DATABASE is not part of a schema';
    case 'INSERT':
    case 'REPLACE':
    case 'UPDATE':
    case 'DELETE':
    case 'SELECT':
    case 'WITH':
    case 'VALUES':
      return 'a schema file holds no data and runs no queries';
    default:
      return `${words[0] || tokens[0]?.text || 'this statement'} is not schema DDL`;
  }
}

/**
 * Checks the SQLite script `sql` (the text of `file`); throws `SourceError` for the first statement refused
 * (`schema.sql:3: ATTACH DATABASE 'x.db' AS x: ATTACH DATABASE opens or creates a file`).
 */
export function checkSqliteScript(sql: string, file: string): void {
  let tokens: Token[];
  try {
    tokens = tokenize(sql);
  } catch (error) {
    throw new SourceError(`${file}: ${(error as Error).message}`, 'The .sql source must be valid SQLite.', {
      cause: error,
    });
  }
  for (const statement of split(sql, tokens)) {
    const why = refusal(statement.tokens);
    if (why === undefined) continue;
    const first = statement.tokens[0]!;
    const last = statement.tokens[statement.tokens.length - 1]!;
    const text = sql.slice(first.start, last.end).replace(/\s+/g, ' ');
    const shown = text.length > 60 ? `${text.slice(0, 59)}…` : text;
    throw new SourceError(
      `${file}:${statement.line}: not allowed in a schema file (${shown}): ${why}`,
      'A .sql source may hold schema DDL only (see "What a schema file may contain" in the README); nothing was run.',
    );
  }
}
