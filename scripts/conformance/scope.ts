/**
 * Which cases are out of scope: those whose SQL creates or changes objects of a kind schemaplan does not manage (see
 * "What is managed" in the README). Detected from the SQL text, comments and string literals removed. A case that
 * only uses managed kinds is never skipped, whatever it exercises (index order, NOT VALID, STRICT... are settings of
 * managed kinds: the case runs, and fails if they are not handled).
 */
import type { DialectName } from '../../src/model';

interface Rule {
  readonly kind: string;
  readonly pattern: RegExp;
}

const POSTGRES_RULES: readonly Rule[] = [
  { kind: 'functions', pattern: /\bcreate\s+(?:or\s+replace\s+)?function\b/i },
  { kind: 'procedures', pattern: /\bcreate\s+(?:or\s+replace\s+)?procedure\b/i },
  { kind: 'triggers', pattern: /\bcreate\s+(?:or\s+replace\s+)?(?:constraint\s+|event\s+)?trigger\b/i },
  { kind: 'row-level security and policies', pattern: /\b(?:create|alter)\s+policy\b|\brow\s+level\s+security\b/i },
  { kind: 'privileges (GRANT/REVOKE)', pattern: /\bgrant\b|\brevoke\b/i },
  // A partitioned table itself is modelled (`Table.partitioning`); its partitions are not managed.
  { kind: 'partitions', pattern: /\bpartition\s+of\b|\b(?:attach|detach)\s+partition\b/i },
  { kind: 'table inheritance', pattern: /\binherits\s*\(/i },
  { kind: 'collation objects (CREATE COLLATION)', pattern: /\bcreate\s+collation\b/i },
  { kind: 'domains', pattern: /\bcreate\s+domain\b/i },
  { kind: 'composite and range types', pattern: /\bcreate\s+type\s+[^;]*?\bas\s*(?:\(|range\b)/i },
  { kind: 'rules', pattern: /\bcreate\s+(?:or\s+replace\s+)?rule\b/i },
  { kind: 'replica identity', pattern: /\breplica\s+identity\b/i },
  { kind: 'extended statistics', pattern: /\bcreate\s+statistics\b/i },
  { kind: 'object owners', pattern: /\bowner\s+to\b/i },
];

const SQLITE_RULES: readonly Rule[] = [
  { kind: 'triggers', pattern: /\bcreate\s+(?:temp\s+|temporary\s+)?trigger\b/i },
  { kind: 'virtual tables', pattern: /\bcreate\s+virtual\s+table\b/i },
];

/** SQL without comments and without the contents of string literals and quoted identifiers. */
export function stripSql(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"/g, (token) =>
    token.startsWith("'") ? "''" : token.startsWith('"') ? '""' : ' ',
  );
}

const PARTITION_BY = /\bpartition\s+by\s+(?:range|list|hash)\b/i;

/**
 * The unmanaged object kinds the SQL texts (`from.sql`, `to.sql`, then any others) use, sorted; empty when everything
 * is managed. On PostgreSQL, `PARTITION BY` in only one of `from.sql` and `to.sql` is a table becoming partitioned or
 * not, which needs a rebuild no plan makes (PARTITIONING_CHANGE_UNSUPPORTED).
 */
export function unmanagedKinds(dialect: DialectName, texts: readonly string[]): string[] {
  const rules = dialect === 'postgres' ? POSTGRES_RULES : SQLITE_RULES;
  const stripped = texts.map(stripSql);
  const sql = stripped.join('\n;\n');
  const kinds = rules.filter((rule) => rule.pattern.test(sql)).map((rule) => rule.kind);
  if (dialect === 'postgres' && stripped.length >= 2 && PARTITION_BY.test(stripped[0]!) !== PARTITION_BY.test(stripped[1]!)) {
    kinds.push('partitioning changes');
  }
  return kinds.sort();
}
