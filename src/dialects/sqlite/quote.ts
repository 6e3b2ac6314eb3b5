/** The one place SQLite identifiers and string literals are quoted. */

/** `a"b` -> `"a""b"`: always quoted, so keywords and mixed case are safe. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `it's` -> `'it''s'`. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
