/** Which sequences the catalog holds are standalone (model `sequences`), and which a serial column implies. */
import type { Sequence } from '../../model';
import type { ColumnRow } from './introspect-rows';
import { normalizeIdentity } from './identity';
import { sequenceType } from './sequence';
import { INTEGER_TYPES } from './types';

export interface SequenceRow {
  schema: string;
  name: string;
  type: string;
  start: string;
  increment: string;
  min_value: string;
  max_value: string;
  cache: string;
  cycle: boolean;
  /** The table of the owning column (`OWNED BY`), NULL when the sequence has no owner. */
  owner_oid: string | null;
  owner_table: string | null;
  owner_column: string | null;
  /** The owning column's default depends on this sequence. */
  owner_default_calls: boolean;
  comment: string | null;
  /** `p` permanent, `u` unlogged (PostgreSQL 15+). */
  persistence: string;
}

/** `nextval('...')` and nothing else: what normalisation reads as a serial column. */
const PLAIN_NEXTVAL = /^nextval\('(?:[^']|'')+'(?:::regclass)?\)$/i;

/**
 * The standalone sequences among `rows`. A sequence is implied by a column, and left out, when it is a serial's:
 * owned by that column (`deptype 'a'`), called by its default and nothing more (`nextval(...)` on an integer column),
 * with every option at its default, no comment, and logged or not as its table is (what `serial` creates; anything
 * else could not be planned from the column).
 * Sequences owned by a table that is not read (not managed) are left out with it; identity sequences never come here.
 */
export function standaloneSequences(
  rows: readonly SequenceRow[],
  tables: readonly { oid: string; persistence?: string }[],
  columns: readonly ColumnRow[],
): Sequence[] {
  const managed = new Set(tables.map((t) => String(t.oid)));
  const persistenceOf = new Map(tables.map((t) => [String(t.oid), t.persistence ?? 'p']));
  const columnOf = new Map(columns.map((c) => [`${c.table_oid}.${c.name}`, c]));
  return rows.flatMap((row): Sequence[] => {
    const owner = row.owner_oid === null ? undefined : String(row.owner_oid);
    if (owner !== undefined && !managed.has(owner)) return [];
    const type = sequenceType(row.type);
    const options = normalizeIdentity(type, {
      start: row.start,
      increment: row.increment,
      minValue: row.min_value,
      maxValue: row.max_value,
      cache: row.cache,
      cycle: row.cycle || undefined,
    });
    const column = owner === undefined ? undefined : columnOf.get(`${owner}.${row.owner_column}`);
    const serial =
      column !== undefined &&
      row.owner_default_calls &&
      column.identity === '' &&
      !column.is_array &&
      INTEGER_TYPES.has(column.type) &&
      column.default !== null &&
      PLAIN_NEXTVAL.test(column.default.trim()) &&
      options === undefined &&
      row.comment === null &&
      // The sequence of an UNLOGGED table's serial is unlogged with it.
      row.persistence === persistenceOf.get(owner!);
    if (serial) return [];
    return [
      {
        schema: row.schema,
        name: row.name,
        type,
        ...options,
        ownedBy: owner === undefined ? undefined : { table: row.owner_table!, column: row.owner_column! },
        comment: row.comment ?? undefined,
        unmodelled: row.persistence === 'u' ? [{ attribute: 'persistence', value: 'unlogged' }] : undefined,
      },
    ];
  });
}
