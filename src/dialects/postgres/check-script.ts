/**
 * A PostgreSQL `.sql` schema source, read with PostgreSQL's own parser (`libpg-query`, in WebAssembly) before any of
 * it runs anywhere: split into statements (so each runs on its own, as psql runs a file), each with its kind and the
 * line it starts on, and judged by `judgeStatement` (postgres-statement-rules.ts): run, skip, or refuse. A schema file
 * is data to compare, not code to run with the user's credentials: what it has no business doing is refused with one
 * line naming the statement, before anything was evaluated.
 */
import { SourceError } from '../../errors/errors';
import { judgeStatement, type RuleOptions, type Verdict } from './statement-rules';

/** One statement of a script, ready to evaluate. */
export interface ScriptStatement {
  /** The parse node's name: `CreateStmt`, `IndexStmt`, ... */
  readonly kind: string;
  /** 1-based line of the file where the statement starts. */
  readonly line: number;
  /** The SQL to run (rewritten where the verdict says, e.g. without CONCURRENTLY). */
  readonly sql: string;
}

export interface CheckedScript {
  /** The statements to run, in order (skipped ones left out). */
  readonly statements: readonly ScriptStatement[];
  /** Role names the statements refer to (GRANT ... TO, CREATE POLICY ... TO ...): a sandbox creates them first. */
  readonly roles: readonly string[];
  /** Extensions `CREATE EXTENSION` asks for, in order. */
  readonly extensions: readonly string[];
}

interface RawStatement {
  readonly stmt: Record<string, unknown>;
  readonly stmt_location?: number;
  readonly stmt_len?: number;
}

interface ScanToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly keywordName: string;
}

type Parser = typeof import('libpg-query');
let parser: Parser | undefined;

/** libpg-query, loaded on the first `.sql` source (a plan without one never pays for it). */
async function loadParser(): Promise<Parser> {
  if (!parser) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily: a plan without a .sql source never pays for it
    const module = require('libpg-query') as Parser;
    await module.loadModule();
    parser = module;
  }
  return parser;
}

/** Leading whitespace and comments of a statement's text (PostgreSQL's `stmt_location` may include them). */
const LEADING = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

function lineOf(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Whether the parse tree has `concurrent: true` anywhere (CREATE/DROP INDEX, DETACH PARTITION ... CONCURRENTLY). */
function isConcurrent(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(isConcurrent);
  if (typeof node !== 'object' || node === null) return false;
  const record = node as Record<string, unknown>;
  return record.concurrent === true || Object.values(record).some(isConcurrent);
}

/** Every role named in the tree (RoleSpec nodes with a name; not PUBLIC, CURRENT_USER...). */
function rolesIn(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) rolesIn(item, into);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (record.roletype === 'ROLESPEC_CSTRING' && typeof record.rolename === 'string') into.add(record.rolename);
  for (const value of Object.values(record)) rolesIn(value, into);
}

/**
 * `sql` without its CONCURRENTLY keyword: what cannot run inside a transaction block evaluates the same without it
 * (the catalog result is identical; only locking differs, and the sandbox is empty).
 */
function withoutConcurrently(p: Parser, sql: string): string {
  const bytes = Buffer.from(sql, 'utf8');
  const tokens = (p.scanSync(sql) as { tokens: ScanToken[] }).tokens;
  const token = tokens.find((t) => t.keywordName !== 'NO_KEYWORD' && t.text.toUpperCase() === 'CONCURRENTLY');
  if (!token) return sql;
  return Buffer.concat([bytes.subarray(0, token.start), bytes.subarray(token.end)]).toString('utf8');
}

/** `CREATE MATERIALIZED VIEW ... AS query` evaluated WITH NO DATA: the query is planned for its columns, never run. */
function withNoData(p: Parser, sql: string): string {
  const tokens = (p.scanSync(sql) as { tokens: ScanToken[] }).tokens;
  const words = tokens.map((t) => t.text.toUpperCase());
  const n = words.length;
  const bytes = Buffer.from(sql, 'utf8');
  if (n >= 2 && words[n - 2] === 'WITH' && words[n - 1] === 'DATA') {
    return `${bytes.subarray(0, tokens[n - 2]!.start).toString('utf8')}WITH NO DATA`;
  }
  if (n >= 3 && words[n - 3] === 'WITH' && words[n - 2] === 'NO' && words[n - 1] === 'DATA') return sql;
  return `${sql}\nWITH NO DATA`; // on its own line: the statement may end in a -- comment
}

function parseError(error: unknown, sql: string, file: string): SourceError {
  const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
  const position = details?.cursorPosition;
  const where = typeof position === 'number' && position >= 0 ? `:${lineOf(Buffer.from(sql, 'utf8'), position)}` : '';
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  return new SourceError(
    `${file}${where}: ${message}`,
    'The .sql source must be valid PostgreSQL; fix the statement the parser names.',
    {
      cause: error,
    },
  );
}

export type CheckOptions = RuleOptions;

/**
 * Parses `sql` (the text of `file`) and checks every statement; throws `SourceError` on a syntax error or on the first
 * statement refused (`file:line: DROP DATABASE (DropdbStmt) is not allowed in a schema file: ...`).
 */
export async function checkPostgresScript(sql: string, file: string, options: CheckOptions): Promise<CheckedScript> {
  const p = await loadParser();
  if (sql.replace(LEADING, '') === '') return { statements: [], roles: [], extensions: [] };
  let parsed: { stmts?: RawStatement[] };
  try {
    parsed = p.parseSync(sql) as { stmts?: RawStatement[] };
  } catch (error) {
    throw parseError(error, sql, file);
  }
  const bytes = Buffer.from(sql, 'utf8');
  const statements: ScriptStatement[] = [];
  const roles = new Set<string>();
  const extensions: string[] = [];
  for (const raw of parsed.stmts ?? []) {
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len ? start + raw.stmt_len : bytes.length;
    const text = bytes.subarray(start, end).toString('utf8');
    const leading = LEADING.exec(text)?.[0] ?? '';
    const line = lineOf(bytes, start + Buffer.byteLength(leading, 'utf8'));
    const body = text.slice(leading.length).trimEnd();
    const kind = Object.keys(raw.stmt)[0] ?? 'unknown';
    const verdict: Verdict = judgeStatement(kind, raw.stmt[kind] as Record<string, unknown>, options);
    if (verdict.action === 'refuse') {
      const first = body.split('\n')[0]!.replace(/\s+/g, ' ').slice(0, 60);
      throw new SourceError(
        `${file}:${line}: ${verdict.what} is not allowed in a schema file (${first}${first.length < body.length ? '…' : ''}): ${verdict.why}`,
        verdict.hint ??
          'A .sql source may hold schema DDL only (see "What a schema file may contain" in the README); nothing was run.',
      );
    }
    if (verdict.action === 'skip') continue;
    rolesIn(raw.stmt, roles);
    if (verdict.extension) extensions.push(verdict.extension);
    let rewritten = isConcurrent(raw.stmt) ? withoutConcurrently(p, body) : body;
    if (verdict.noData) rewritten = withNoData(p, rewritten);
    statements.push({ kind, line, sql: rewritten });
  }
  return { statements, roles: [...roles].sort(), extensions };
}
