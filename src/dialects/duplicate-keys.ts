/** SQL both dialects share to count keys a primary key would refuse (see the `duplicateKeys` row count). */

/**
 * Keys held by more than one row, as a scalar subquery of the table's one query: a primary key over `columns` refuses
 * them (rows where a key column is NULL are refused as NULLs, not counted here).
 */
export function duplicateKeysSql(table: string, columns: readonly string[], quote: (name: string) => string): string {
  const list = columns.map(quote).join(', ');
  const present = columns.map((c) => `${quote(c)} IS NOT NULL`).join(' AND ');
  return `(SELECT count(*) FROM (SELECT 1 FROM ${table} WHERE ${present} GROUP BY ${list} HAVING count(*) > 1) AS d)`;
}
