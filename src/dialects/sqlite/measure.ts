/**
 * SQLite answers to the plan's probes (see `Probe`). Enum labels: one aggregate query per column. Table rows: the
 * row estimates ANALYZE left in `sqlite_stat1`, when it exists (two catalog queries for all probed tables), then ONE
 * aggregate query per table whose estimate is at most `estimateAbove` rows or unknown; larger tables are not scanned,
 * and only their row count is known (SQLite keeps no NULL statistics).
 */
import { ESTIMATE_ABOVE_ROWS } from '../row-counts';
import type { EnumValueRowsProbe, Measurement, MeasureOptions, Probe, RowCount, TableRowsProbe } from '../../model';
import type { Row } from './introspect';
import { quoteIdentifier, quoteLiteral } from './quote';
import { duplicateKeysSql } from '../duplicate-keys';

export type Query = (sql: string) => Promise<Row[]>;

async function countEnumValues(query: Query, probe: EnumValueRowsProbe): Promise<Measurement> {
  const column = quoteIdentifier(probe.column);
  const rows = await query(
    `SELECT ${column} AS value, count(*) AS n FROM ${quoteIdentifier(probe.table.name)} ` +
      `WHERE ${column} IN (${probe.values.map(quoteLiteral).join(', ')}) GROUP BY ${column}`,
  );
  return { probe, counts: Object.fromEntries(rows.map((row) => [String(row.value), Number(row.n)])) };
}

/**
 * Rows per table from `sqlite_stat1`: the first number of each entry is the rows of the table (an entry without an
 * index) or of one of its indexes; the largest is the table's. Empty when ANALYZE never ran.
 */
async function statEstimates(query: Query, probes: readonly TableRowsProbe[]): Promise<Map<string, number>> {
  const estimates = new Map<string, number>();
  const stat = await query(`SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'`);
  if (stat.length === 0) return estimates;
  const names = [...new Set(probes.map((probe) => probe.table.name))];
  const rows = await query(
    `SELECT tbl, max(CAST(stat AS INTEGER)) AS n FROM sqlite_stat1 WHERE tbl IN (${names.map(quoteLiteral).join(', ')}) GROUP BY tbl`,
  );
  for (const row of rows) estimates.set(String(row.tbl).toLowerCase(), Number(row.n));
  return estimates;
}

function estimated(probe: TableRowsProbe, rows: number): Measurement {
  const counts = Object.fromEntries(
    Object.entries(probe.counts).flatMap(([key, count]) => (count.kind === 'rows' ? [[key, rows]] : [])),
  );
  return { probe, counts, estimated: true };
}

function aggregate(count: RowCount, table: string): string {
  switch (count.kind) {
    case 'rows':
      return 'count(*)';
    case 'nonNull':
      return `count(${quoteIdentifier(count.column)})`;
    case 'longer':
      if (!Number.isInteger(count.length)) throw new Error(`internal error: length ${count.length} is not an integer`);
      return `count(CASE WHEN length(rtrim(${quoteIdentifier(count.column)})) > ${count.length} THEN 1 END)`;
    case 'duplicateKeys':
      return duplicateKeysSql(table, count.columns, quoteIdentifier);
  }
}

/** Every count of one table in one scan. */
async function countRows(query: Query, probe: TableRowsProbe): Promise<Measurement> {
  const entries = Object.entries(probe.counts);
  const select = entries
    .map(([, count], i) => `${aggregate(count, quoteIdentifier(probe.table.name))} AS c${i}`)
    .join(', ');
  const [row] = await query(`SELECT ${select} FROM ${quoteIdentifier(probe.table.name)}`);
  return { probe, counts: Object.fromEntries(entries.map(([key], i) => [key, Number(row?.[`c${i}`] ?? 0)])) };
}

export async function measureSqlite(
  query: Query,
  probes: readonly Probe[],
  options: MeasureOptions = {},
): Promise<Measurement[]> {
  const estimateAbove = options.estimateAbove ?? ESTIMATE_ABOVE_ROWS;
  const tables = probes.filter((probe): probe is TableRowsProbe => probe.kind === 'tableRows');
  const estimates = tables.length > 0 ? await statEstimates(query, tables) : new Map<string, number>();
  const results: Measurement[] = [];
  for (const probe of probes) {
    if (probe.kind === 'enumValueRows') {
      results.push(await countEnumValues(query, probe));
      continue;
    }
    if (probe.kind === 'enumUses') {
      results.push({ probe, counts: {} }); // SQLite has no enum types: an enum is its column's CHECK
      continue;
    }
    const estimate = estimates.get(probe.table.name.toLowerCase());
    results.push(
      estimate !== undefined && estimate > estimateAbove ? estimated(probe, estimate) : await countRows(query, probe),
    );
  }
  return results;
}
