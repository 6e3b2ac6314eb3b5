/**
 * PostgreSQL answers to the plan's probes (see `Probe`). Enum labels: one aggregate query per column. Uses of swapped
 * enum types outside the read schemas: one catalog query for all of them. Table rows: one
 * catalog query for the row estimates (`pg_class.reltuples`) and NULL fractions (`pg_stats.null_frac`) of every
 * probed table, then ONE aggregate query per table whose estimate is at most `estimateAbove` rows (or unknown: never
 * analyzed); larger tables are not scanned, their counts are the catalog's estimates.
 */
import { ESTIMATE_ABOVE_ROWS } from '../row-counts';
import type {
  EnumUsesProbe,
  EnumValueRowsProbe,
  Measurement,
  MeasureOptions,
  Probe,
  RowCount,
  TableRowsProbe,
} from '../../model';
import { DEFAULT_SCHEMA } from './normalize';
import { quoteIdentifier, quoteQualified } from './quote';
import { duplicateKeysSql } from '../duplicate-keys';

export type Query = <Row>(sql: string, params?: readonly unknown[]) => Promise<Row[]>;

interface Estimate {
  readonly rows: number;
  /** Fraction of NULLs per column, where ANALYZE has sampled it. */
  readonly nullFractions: Readonly<Record<string, number>>;
}

const qualified = (probe: TableRowsProbe) => ({ schema: probe.table.schema ?? DEFAULT_SCHEMA, name: probe.table.name });
const tableKey = (probe: TableRowsProbe) => quoteQualified(qualified(probe));

/** An array counts once per row that contains the label, however often. */
async function countEnumValues(query: Query, probe: EnumValueRowsProbe): Promise<Measurement> {
  const table = quoteQualified({ schema: probe.table.schema ?? DEFAULT_SCHEMA, name: probe.table.name });
  const column = quoteIdentifier(probe.column);
  const sql = probe.array
    ? `SELECT u.value, count(*) AS n FROM ${table} AS r CROSS JOIN LATERAL ` +
      `(SELECT DISTINCT e::text AS value FROM unnest(r.${column}) AS e) AS u WHERE u.value = ANY($1::text[]) GROUP BY u.value`
    : `SELECT ${column}::text AS value, count(*) AS n FROM ${table} WHERE ${column}::text = ANY($1::text[]) GROUP BY 1`;
  const rows = await query<{ value: string; n: string }>(sql, [probe.values]);
  return { probe, counts: Object.fromEntries(rows.map((row) => [row.value, Number(row.n)])) };
}

/** Row estimates of all probed tables in one catalog query; tables never analyzed (reltuples -1) are left out. */
async function catalogEstimates(query: Query, probes: readonly TableRowsProbe[]): Promise<Map<string, Estimate>> {
  const tables = probes.map(qualified);
  const rows = await query<{
    schema: string;
    name: string;
    estimate: number;
    null_fractions: Record<string, number> | null;
  }>(
    'SELECT t.schema, t.name, c.reltuples::float8 AS estimate, ' +
      '(SELECT json_object_agg(s.attname, s.null_frac ORDER BY s.inherited) FROM pg_stats AS s ' +
      'WHERE s.schemaname = t.schema AND s.tablename = t.name) AS null_fractions ' +
      'FROM unnest($1::text[], $2::text[]) AS t(schema, name) ' +
      'JOIN pg_namespace AS n ON n.nspname = t.schema JOIN pg_class AS c ON c.relnamespace = n.oid AND c.relname = t.name',
    [tables.map((t) => t.schema), tables.map((t) => t.name)],
  );
  const estimates = new Map<string, Estimate>();
  for (const row of rows) {
    if (!(Number(row.estimate) >= 0)) continue;
    estimates.set(quoteQualified(row), { rows: Number(row.estimate), nullFractions: row.null_fractions ?? {} });
  }
  return estimates;
}

/** What the catalog says about a table too large to count: rows, and non-null values where `pg_stats` knows. */
function estimated(probe: TableRowsProbe, estimate: Estimate): Measurement {
  const counts: Record<string, number> = {};
  for (const [key, count] of Object.entries(probe.counts)) {
    if (count.kind === 'rows') counts[key] = Math.round(estimate.rows);
    if (count.kind === 'nonNull' && estimate.nullFractions[count.column] !== undefined) {
      counts[key] = Math.round(estimate.rows * (1 - Number(estimate.nullFractions[count.column])));
    }
  }
  return { probe, counts, estimated: true };
}

function aggregate(count: RowCount, table: string): string {
  switch (count.kind) {
    case 'rows':
      return 'count(*)';
    case 'nonNull':
      return `count(${quoteIdentifier(count.column)})`;
    case 'longer': {
      if (!Number.isInteger(count.length)) throw new Error(`internal error: length ${count.length} is not an integer`);
      const column = quoteIdentifier(count.column);
      const longer = (value: string) => `length(rtrim(${value})) > ${count.length}`;
      const condition = count.array
        ? `EXISTS (SELECT FROM unnest(${column}) AS e WHERE ${longer('e')})`
        : longer(column);
      return `count(*) FILTER (WHERE ${condition})`;
    }
    case 'duplicateKeys':
      return duplicateKeysSql(table, count.columns, quoteIdentifier);
  }
}

/** Every count of one table in one scan. */
async function countRows(query: Query, probe: TableRowsProbe): Promise<Measurement> {
  const entries = Object.entries(probe.counts);
  const select = entries.map(([, count], i) => `${aggregate(count, tableKey(probe))} AS c${i}`).join(', ');
  const [row] = await query<Record<string, string>>(`SELECT ${select} FROM ${tableKey(probe)}`);
  return { probe, counts: Object.fromEntries(entries.map(([key], i) => [key, Number(row?.[`c${i}`] ?? 0)])) };
}

/**
 * The columns outside the read schemas whose type is each probed enum type (or an array of it), for all the probes
 * in one catalog query: tables, views, materialized views, foreign tables and composite types.
 */
async function enumUses(
  query: Query,
  probes: readonly EnumUsesProbe[],
): Promise<Map<EnumUsesProbe, Record<string, number>>> {
  const types = probes.map((probe) => ({ schema: probe.enum.schema ?? DEFAULT_SCHEMA, name: probe.enum.name }));
  const rows = await query<{ i: number; schema: string; relation: string; column: string }>(
    'SELECT p.i, n.nspname AS schema, c.relname AS relation, a.attname AS column ' +
      'FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p(schema, name, i) ' +
      'JOIN pg_catalog.pg_namespace AS tn ON tn.nspname = p.schema ' +
      'JOIN pg_catalog.pg_type AS t ON t.typnamespace = tn.oid AND t.typname = p.name ' +
      'JOIN pg_catalog.pg_attribute AS a ON a.atttypid IN (t.oid, t.typarray) AND a.attnum > 0 AND NOT a.attisdropped ' +
      "JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'c') " +
      'JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace ' +
      'WHERE n.nspname <> ALL($3::text[]) ' +
      'ORDER BY p.i, n.nspname, c.relname, a.attnum',
    // The probes of one plan share its read schemas.
    [types.map((t) => t.schema), types.map((t) => t.name), probes[0]?.schemas ?? []],
  );
  const result = new Map(probes.map((probe) => [probe, {} as Record<string, number>]));
  for (const row of rows) result.get(probes[Number(row.i) - 1]!)![`${row.schema}.${row.relation}.${row.column}`] = 1;
  return result;
}

export async function measurePostgres(
  query: Query,
  probes: readonly Probe[],
  options: MeasureOptions = {},
): Promise<Measurement[]> {
  const estimateAbove = options.estimateAbove ?? ESTIMATE_ABOVE_ROWS;
  const tables = probes.filter((probe): probe is TableRowsProbe => probe.kind === 'tableRows');
  const estimates = tables.length > 0 ? await catalogEstimates(query, tables) : new Map<string, Estimate>();
  const swaps = probes.filter((probe): probe is EnumUsesProbe => probe.kind === 'enumUses');
  const uses = swaps.length > 0 ? await enumUses(query, swaps) : new Map<EnumUsesProbe, Record<string, number>>();
  const results: Measurement[] = [];
  for (const probe of probes) {
    if (probe.kind === 'enumValueRows') {
      results.push(await countEnumValues(query, probe));
      continue;
    }
    if (probe.kind === 'enumUses') {
      results.push({ probe, counts: uses.get(probe) ?? {} });
      continue;
    }
    const estimate = estimates.get(tableKey(probe));
    results.push(
      estimate && estimate.rows > estimateAbove ? estimated(probe, estimate) : await countRows(query, probe),
    );
  }
  return results;
}
