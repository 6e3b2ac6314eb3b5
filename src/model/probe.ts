import type { QualifiedName } from './types';

/**
 * Live-data measurement. Some changes are only safe, or only plannable, depending on what rows hold (an enum label
 * removed while rows still hold it, NULLs in a column set NOT NULL, values longer than a narrowed length), and some
 * hazards only matter on large tables (an index build). Planning stays pure: `planProbes` lists what the changes need
 * to know, the session answers them with set-based queries (`DatabaseSession.measure`: one query per enum column,
 * one catalog query for the row estimates of every probed table, then one aggregate query per table that is not too
 * large to count; never one per table of the schema), and `createPlan` takes the answers as `measurements`. Without a
 * database (model vs model) there are no measurements, and the plan says in its hazards what it could not count
 * instead of refusing.
 *
 * To add a kind: add a variant here, emit it from `probesFor` (measure.ts), answer it in each session's `measure`, and
 * read it where the hazard is made (`measuredCount`, or `tableRows` in row-counts.ts).
 */
export type Probe = EnumValueRowsProbe | TableRowsProbe | EnumUsesProbe;

export interface EnumValueRowsProbe {
  /** Rows of `table.column` (current names) holding each of `values`; an array column counts rows containing it. */
  readonly kind: 'enumValueRows';
  readonly table: QualifiedName;
  readonly column: string;
  readonly array: boolean;
  readonly values: readonly string[];
  /** The names the plan uses, when it renames the table or column before the change that needs the count. */
  readonly planned?: { readonly table: QualifiedName; readonly column: string };
}

/**
 * PostgreSQL: the columns of schemas the plan does not read (tables, views, composite types...) whose type is the enum
 * type a swap (`enum.recreate`) drops, or an array of it: the swap cannot convert them, and its final `DROP TYPE`
 * would fail. Answered, for every such probe of a plan, by ONE catalog query; `counts` has one key per column
 * (`schema.table.column`, count 1).
 */
export interface EnumUsesProbe {
  readonly kind: 'enumUses';
  /** The type, by its current name. */
  readonly enum: QualifiedName;
  /** The schemas the plan reads (its current model's): uses there are the plan's own. */
  readonly schemas: readonly string[];
}

/** One count a `tableRows` probe asks for; columns by their current names. */
export type RowCount =
  /** `count(*)` */
  | { readonly kind: 'rows' }
  /** `count(column)`: rows where the column is not NULL. */
  | { readonly kind: 'nonNull'; readonly column: string }
  /** Rows whose value (of an array: any element) is longer than `length` characters, trailing spaces aside. */
  | { readonly kind: 'longer'; readonly column: string; readonly length: number; readonly array: boolean }
  /**
   * Keys held by more than one row: distinct values of `columns` (rows where none is NULL) that two or more rows
   * hold, which a primary key over them would refuse.
   */
  | { readonly kind: 'duplicateKeys'; readonly columns: readonly string[] };

export interface TableRowsProbe {
  /**
   * Everything the plan counts in one table (current name), answered by ONE aggregate query, or from the catalog's
   * estimates when the table is larger than `MeasureOptions.estimateAbove` (see `Measurement.estimated`).
   */
  readonly kind: 'tableRows';
  readonly table: QualifiedName;
  /**
   * The counts by key (`rows`, `nonNull:<column>`, `longer:<column>`, `duplicateKeys:<columns as JSON>`, columns by
   * the names the plan uses).
   */
  readonly counts: Readonly<Record<string, RowCount>>;
  /** The name the plan uses, when it renames the table before the changes that need the counts. */
  readonly planned?: { readonly table: QualifiedName };
}

export interface Measurement {
  readonly probe: Probe;
  /**
   * Counts by what the probe asks about. `enumValueRows`: by label; labels no row holds may be absent, meaning 0.
   * `tableRows`: by the probe's keys; when `estimated`, a count the catalog cannot estimate is absent.
   */
  readonly counts: Readonly<Record<string, number>>;
  /** The counts are the catalog's estimates (the table is too large to count), not exact. */
  readonly estimated?: boolean;
}

/** How `DatabaseSession.measure` keeps counting cheap. */
export interface MeasureOptions {
  /**
   * Tables whose catalog row estimate is above this many rows are not scanned: their counts are estimated from the
   * catalog (default `ESTIMATE_ABOVE_ROWS` in row-counts.ts).
   */
  readonly estimateAbove?: number;
}
