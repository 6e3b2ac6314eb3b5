/**
 * Reading the answers of `tableRows` probes (see `Probe`): how many rows a table has, how many non-null values a
 * column holds, how many values are longer than a narrowed length; exact, estimated from the catalog, or not counted.
 */
import { qualifiedKey, type QualifiedName } from '../model';
import type { Measurement } from '../model';

/** Above this many rows (catalog estimate), a table is not counted but estimated from the catalog. */
export const ESTIMATE_ABOVE_ROWS = 1_000_000;

/** Above this many rows, building an index on a table that exists is an `INDEX_BUILD` hazard. */
export const LARGE_TABLE_ROWS = 100_000;

/** Keys of a `tableRows` probe's counts; columns by the names the plan uses. */
export const countKey = {
  rows: 'rows',
  nonNull: (column: string): string => `nonNull:${column}`,
  longer: (column: string): string => `longer:${column}`,
  duplicateKeys: (columns: readonly string[]): string => `duplicateKeys:${JSON.stringify(columns)}`,
};

/** One number the plan knows: exact, or the catalog's estimate. */
export interface Counted {
  readonly value: number;
  readonly estimated: boolean;
}

/** What the plan knows about the rows of one table it touches. */
export type TableRows =
  | {
      readonly measured: false;
      /** Why nothing was counted, for messages: `not counted: planned without a database`. */
      readonly why: string;
    }
  | {
      readonly measured: true;
      /** The table was too large to count: every number is the catalog's estimate. */
      readonly estimated: boolean;
      readonly rows: Counted;
      /** Non-null values of a column; `undefined` when the catalog cannot estimate it. */
      nonNull(column: string): Counted | undefined;
      /** NULLs of a column; `undefined` when the catalog cannot estimate it. */
      nulls(column: string): Counted | undefined;
      /** Values of a column longer than the probed length; `undefined` when not counted (estimated tables). */
      longer(column: string): Counted | undefined;
      /** Keys of `columns` held by more than one row; `undefined` when not counted (estimated tables). */
      duplicateKeys(columns: readonly string[]): Counted | undefined;
    };

export const NOT_COUNTED_OFFLINE = 'not counted: planned without a database';

/** The counts of `table` (the name the plan uses) among `measurements`. */
export function tableRows(measurements: readonly Measurement[] | undefined, table: QualifiedName): TableRows {
  if (!measurements) return { measured: false, why: NOT_COUNTED_OFFLINE };
  const key = qualifiedKey(table);
  const found = measurements.find(
    (m) => m.probe.kind === 'tableRows' && qualifiedKey(m.probe.planned?.table ?? m.probe.table) === key,
  );
  const rows = found?.counts[countKey.rows];
  if (!found || rows === undefined) return { measured: false, why: 'not counted' };
  const estimated = found.estimated ?? false;
  const read = (name: string): Counted | undefined => {
    const value = found.counts[name];
    return value === undefined ? undefined : { value, estimated };
  };
  return {
    measured: true,
    estimated,
    rows: { value: rows, estimated },
    nonNull: (column) => read(countKey.nonNull(column)),
    nulls: (column) => {
      const nonNull = found.counts[countKey.nonNull(column)];
      return nonNull === undefined ? undefined : { value: Math.max(0, rows - nonNull), estimated };
    },
    longer: (column) => read(countKey.longer(column)),
    duplicateKeys: (columns) => read(countKey.duplicateKeys(columns)),
  };
}

/** `1,234`: an exact count with thousands separators. */
export function formatNumber(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `~2.1M`, `~12K`, `~950`: an estimate, rounded as what it is. */
function formatEstimate(n: number): string {
  const compact = (value: number, unit: string) => `~${String(Math.round(value * 10) / 10)}${unit}`;
  if (n >= 1e9) return compact(n / 1e9, 'B');
  if (n >= 1e6) return compact(n / 1e6, 'M');
  if (n >= 1e4) return `~${String(Math.round(n / 1e3))}K`;
  if (n >= 1e3) return compact(n / 1e3, 'K');
  return `~${String(Math.round(n))}`;
}

/** `1,234 rows`, `1 row`, `~2.1M rows` (the caller says where an estimate comes from). */
export function formatCount(count: Counted, noun: string, plural = `${noun}s`): string {
  if (count.estimated) return `${formatEstimate(count.value)} ${plural}`;
  return `${formatNumber(count.value)} ${count.value === 1 ? noun : plural}`;
}
