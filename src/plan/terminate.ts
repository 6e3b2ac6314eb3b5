/** One statement as a script line: trailing semicolon exactly once. */
export function terminate(sql: string): string {
  const trimmed = sql.trim();
  return trimmed.endsWith(';') ? trimmed : `${trimmed};`;
}
