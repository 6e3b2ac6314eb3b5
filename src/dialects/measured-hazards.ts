/**
 * Hazards whose weight depends on rows, worded from what was measured (see `tableRows`): the exact count, the
 * catalog's estimate (said so), or what could not be counted. A measured zero removes a hazard only rows could
 * trigger (NULLs, longer values, a large index build); a drop keeps its DATA_LOSS whatever the count. Dialects pass
 * names as their messages spell them (`public.users.bio`, `users.bio`).
 */
import { formatCount, type Counted, type TableRows } from './row-counts';
import type { Hazard } from '../model';

const ESTIMATE = 'catalog estimate';

const is = (count: Counted, one: string, many: string): string => (count.estimated || count.value !== 1 ? many : one);

/** Why a count is missing: `not counted: planned without a database`, or the estimated size of the table. */
function notCounted(rows: TableRows): string {
  if (!rows.measured) return rows.why;
  return `not counted: ${formatCount(rows.rows, 'row')}, ${ESTIMATE}`;
}

const estimateNote = (count: Counted): string => (count.estimated ? ` (${ESTIMATE})` : '');

/**
 * What a count of rows that make a statement fail means for apply. Counted exactly, it will fail: the hazard says so
 * and carries `fails`, and apply refuses the plan up front (no flag allows it). Estimated from the catalog, it is
 * likely to, and stays a hazard like any other (`--allow-hazards` lets apply try).
 */
function failing(count: Counted): { readonly outcome: string; readonly fails?: true } {
  return count.estimated ? { outcome: 'apply will likely fail' } : { outcome: 'apply will fail', fails: true };
}

/** `drops table public.users with 1,234 rows`. */
export function dropTableHazard(table: string, rows: TableRows): Hazard {
  const message = rows.measured
    ? `drops table ${table} with ${formatCount(rows.rows, 'row')}${estimateNote(rows.rows)}`
    : `drops table ${table} with all its rows (${rows.why})`;
  return { code: 'DATA_LOSS', message };
}

/** `drops column public.users.bio: 1,234 non-null values`. */
export function dropColumnHazard(column: string, name: string, rows: TableRows): Hazard {
  const nonNull = rows.measured ? rows.nonNull(name) : undefined;
  const message = nonNull
    ? `drops column ${column}: ${formatCount(nonNull, 'non-null value')}${estimateNote(nonNull)}`
    : `drops column ${column} and its values (${notCounted(rows)})`;
  return { code: 'DATA_LOSS', message };
}

/**
 * `sets public.reviews.rating NOT NULL: 12 rows are NULL, apply will fail`. `subject` says what sets it; `name` is
 * the column as the probe counted it. No hazard when no row holds NULL.
 */
export function notNullHazards(subject: string, name: string, rows: TableRows): Hazard[] {
  const nulls = rows.measured ? rows.nulls(name) : undefined;
  if (nulls && !nulls.estimated && nulls.value === 0) return [];
  if (nulls && nulls.value > 0) {
    const { outcome, fails } = failing(nulls);
    const message = `${subject}: ${formatCount(nulls, 'row')} ${is(nulls, 'is', 'are')} NULL${estimateNote(nulls)}, ${outcome}`;
    return [{ code: 'NOT_NULL_VIOLATION', message, ...(fails ? { fails } : {}) }];
  }
  return [{ code: 'NOT_NULL_VIOLATION', message: `${subject}: apply fails if a row holds NULL (${notCounted(rows)})` }];
}

/**
 * The rows a column set NOT NULL with a default takes that default in (PostgreSQL's UPDATE before SET NOT NULL):
 * `sets public.items.name NOT NULL: 12 rows are NULL and are set to its default first`. None when no row is NULL.
 */
export function backfillHazards(subject: string, name: string, rows: TableRows): Hazard[] {
  const nulls = rows.measured ? rows.nulls(name) : undefined;
  if (nulls && !nulls.estimated && nulls.value === 0) return [];
  const message =
    nulls && nulls.value > 0
      ? `${subject}: ${formatCount(nulls, 'row')} ${is(nulls, 'is', 'are')} NULL${estimateNote(nulls)} and ${is(nulls, 'is', 'are')} set to its default first`
      : `${subject}: rows holding NULL are set to its default first (${notCounted(rows)})`;
  return [{ code: 'TABLE_REWRITE', message }];
}

/** `adds NOT NULL column region without a default to public.accounts: public.accounts has 5 rows, apply will fail`. */
export function addNotNullColumnHazards(column: string, table: string, rows: TableRows): Hazard[] {
  const subject = `adds NOT NULL column ${column} without a default to ${table}`;
  if (rows.measured && !rows.estimated && rows.rows.value === 0) return [];
  if (!rows.measured)
    return [{ code: 'NOT_NULL_VIOLATION', message: `${subject}: apply fails if ${table} has rows (${rows.why})` }];
  const { outcome, fails } = failing(rows.rows);
  const message = `${subject}: ${table} has ${formatCount(rows.rows, 'row')}${estimateNote(rows.rows)}, ${outcome}`;
  return [{ code: 'NOT_NULL_VIOLATION', message, ...(fails ? { fails } : {}) }];
}

/**
 * A textual column narrowed to `length` characters: values longer than that (trailing spaces aside) make the
 * conversion fail. `narrows public.users.name character varying(200) to character varying(50): 3 values are longer
 * than 50 characters, apply will fail`; none when no value is longer.
 */
export function narrowingHazards(
  column: string,
  change: {
    readonly name: string;
    readonly from: string;
    readonly to: string;
    readonly length: number;
    readonly array: boolean;
  },
  rows: TableRows,
): Hazard[] {
  const subject = `narrows ${column} ${change.from} to ${change.to}`;
  const longer = rows.measured ? rows.longer(change.name) : undefined;
  if (longer && longer.value === 0) return [];
  const what = `longer than ${change.length} characters`;
  const counted = (count: Counted) =>
    change.array
      ? `${formatCount(count, 'row')} ${is(count, 'holds an element', 'hold elements')} ${what}`
      : `${formatCount(count, 'value')} ${is(count, 'is', 'are')} ${what}`;
  if (!longer)
    return [{ code: 'DATA_LOSS', message: `${subject}: apply fails if a value is ${what} (${notCounted(rows)})` }];
  const { outcome, fails } = failing(longer);
  return [{ code: 'DATA_LOSS', message: `${subject}: ${counted(longer)}, ${outcome}`, ...(fails ? { fails } : {}) }];
}

/**
 * A non-concurrent index build over a table that exists, when the table is large (over `largeTableRows`):
 * `index IDX_users_name builds over 1,234,567 rows of public.users, blocking writes meanwhile`.
 */
export function indexBuildHazards(what: string, table: string, rows: TableRows, largeTableRows: number): Hazard[] {
  if (rows.measured && rows.rows.value <= largeTableRows) return [];
  const message = rows.measured
    ? `${what} builds over ${formatCount(rows.rows, 'row')} of ${table}${estimateNote(rows.rows)}, blocking writes meanwhile`
    : `${what} builds over every row of ${table}, blocking writes meanwhile (${rows.why})`;
  return [{ code: 'INDEX_BUILD', message }];
}

/**
 * A primary key built on a table that exists (added, or rebuilt with other columns or another column order):
 * PostgreSQL builds its unique index under an ACCESS EXCLUSIVE lock, reads and writes wait meanwhile.
 * `rebuilds the primary key of public.t: PK_a (id) -> PK_b (code); its unique index is built over 1,234 rows under
 * an ACCESS EXCLUSIVE lock, reads and writes wait`. Always a hazard, whatever the count: the lock is taken anyway.
 */
export function primaryKeyLockHazard(subject: string, table: string, rows: TableRows): Hazard {
  const lock = 'under an ACCESS EXCLUSIVE lock, reads and writes wait';
  const message = rows.measured
    ? `${subject}; its unique index is built over ${formatCount(rows.rows, 'row')}${estimateNote(rows.rows)} ${lock}`
    : `${subject}; its unique index is built over every row of ${table} ${lock} (${rows.why})`;
  return { code: 'ACCESS_EXCLUSIVE_LOCK', message };
}

/**
 * Keys held by more than one row make a new primary key over `columns` fail: `primary key PK_x (code) of
 * public.countries: 3 keys are held by more than one row, apply will fail`. `columns` as the probe counted them;
 * `undefined` when there is nothing to count (the current key has the same columns, or the plan adds a key column).
 * None when no key is duplicated.
 */
export function duplicateKeyHazards(
  subject: string,
  columns: readonly string[] | undefined,
  rows: TableRows,
): Hazard[] {
  if (!columns) return [];
  const duplicated = rows.measured ? rows.duplicateKeys(columns) : undefined;
  if (duplicated && duplicated.value === 0) return [];
  if (!duplicated)
    return [
      {
        code: 'UNIQUE_VIOLATION',
        message: `${subject}: apply fails if two rows hold the same key (${notCounted(rows)})`,
      },
    ];
  const { outcome, fails } = failing(duplicated);
  const message = `${subject}: ${formatCount(duplicated, 'key')} ${is(duplicated, 'is', 'are')} held by more than one row${estimateNote(duplicated)}, ${outcome}`;
  return [{ code: 'UNIQUE_VIOLATION', message, ...(fails ? { fails } : {}) }];
}

/**
 * A constraint whose index is built over the rows that exist and which they may violate (an exclusion constraint):
 * `exclusion constraint EXC builds its index over 5 rows of public.bookings, blocking writes meanwhile; apply fails if
 * two rows conflict`. A hazard on any table that may hold rows, not only a large one; none when it holds none.
 */
export function constraintBuildHazards(what: string, table: string, rows: TableRows): Hazard[] {
  if (rows.measured && !rows.estimated && rows.rows.value === 0) return [];
  const conflict = 'apply fails if two rows conflict';
  const message = rows.measured
    ? `${what} builds its index over ${formatCount(rows.rows, 'row')} of ${table}${estimateNote(rows.rows)}, blocking writes meanwhile; ${conflict}`
    : `${what} builds its index over every row of ${table}, blocking writes meanwhile; ${conflict} (${rows.why})`;
  return [{ code: 'INDEX_BUILD', message }];
}
