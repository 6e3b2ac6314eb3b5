/**
 * Whether a plan can fit in the server's lock table: PostgreSQL holds every lock a transaction takes until it ends,
 * in one shared table of `max_locks_per_transaction` x (connections, workers and prepared transactions) entries (a
 * little more where shared memory is spare). A plan that creates thousands of tables in one transaction runs out of
 * it part way ("out of shared memory"), after minutes of work; apply refuses such a plan up front instead.
 *
 * The count is a lower bound, from the statements this dialect renders: each relation a statement creates (a table,
 * the index of each primary key and unique constraint, the sequence of each serial or identity column, an index) is
 * locked by its transaction until it ends, and is a distinct lock. TOAST tables, the tables a foreign key locks and
 * the types a column uses are left out. Apply refuses when this lower bound exceeds the lock table's size by more than
 * a tenth (`SPARE`: what a full table can take from spare shared memory; on PostgreSQL 15 with the defaults, one
 * transaction creating tables ran out at 7,555 relations locked, of 7,808 entries); below that it runs, and a failure
 * names the setting.
 */
import { ApplyError } from '../../errors/errors';
import type { Statement } from '../../model';
import { applyPhases } from '../apply-phases';

const CREATE_TABLE = /^CREATE (?:UNLOGGED )?TABLE /;
const CREATE_INDEX = /^CREATE (?:UNIQUE )?INDEX (?!CONCURRENTLY)/;
const KEY_CONSTRAINT = /CONSTRAINT "(?:[^"]|"")*" (?:PRIMARY KEY|UNIQUE) \(/g;
const SEQUENCE_COLUMN =
  /"(?:[^"]|"")*" (?:SMALLSERIAL|SERIAL|BIGSERIAL)\b|GENERATED (?:ALWAYS|BY DEFAULT) AS IDENTITY/g;
const ADD_KEY = /^ALTER TABLE .* ADD CONSTRAINT "(?:[^"]|"")*" (?:PRIMARY KEY|UNIQUE) \(/;

/** Relations one statement creates (see the file comment), as this dialect renders them. */
export function relationsCreated(sql: string): number {
  if (CREATE_TABLE.test(sql)) {
    return 1 + (sql.match(KEY_CONSTRAINT)?.length ?? 0) + (sql.match(SEQUENCE_COLUMN)?.length ?? 0);
  }
  return CREATE_INDEX.test(sql) || ADD_KEY.test(sql) ? 1 : 0;
}

/** The most relations one transaction of the plan creates (its phases: see `applyPhases`). */
export function transactionFootprint(statements: readonly Statement[]): number {
  let most = 0;
  for (const phase of applyPhases(statements)) {
    if (!phase.transactional) continue;
    const created = phase.statements.reduce((sum, statement) => sum + relationsCreated(statement.sql), 0);
    most = Math.max(most, created);
  }
  return most;
}

/** How far past its size a lock table may fill (from spare shared memory) before this check calls a plan too big. */
const SPARE = 1.1;

/** Below this many, no server's lock table is too small to be worth a query (64 x 122 entries by default). */
export const FOOTPRINT_WORTH_CHECKING = 1000;

/** The server's settings that size the lock table, as `pg_settings` gives them (`LOCK_TABLE_SETTINGS_SQL`). */
export interface LockTableSettings {
  readonly max_locks_per_transaction: number;
  readonly backends: number;
}

/**
 * PostgreSQL 15: the lock table holds max_locks_per_transaction x (max_connections + autovacuum_max_workers + 1 +
 * max_worker_processes + max_wal_senders + max_prepared_transactions) entries.
 */
export const LOCK_TABLE_SETTINGS_SQL = `SELECT
  current_setting('max_locks_per_transaction')::int AS max_locks_per_transaction,
  current_setting('max_connections')::int + current_setting('autovacuum_max_workers')::int + 1
    + current_setting('max_worker_processes')::int + current_setting('max_wal_senders')::int
    + current_setting('max_prepared_transactions')::int AS backends`;

/** `ApplyError` (nothing applied) when the plan's footprint cannot fit the lock table; undefined when it may. */
export function lockTableRefusal(footprint: number, settings: LockTableSettings): ApplyError | undefined {
  const size = settings.max_locks_per_transaction * settings.backends;
  if (footprint <= SPARE * size) return undefined;
  const needed = Math.ceil(footprint / settings.backends);
  return new ApplyError(
    `not applied: one transaction of this plan creates at least ${footprint} tables, indexes and sequences, each ` +
      `locked until it commits, and this server's lock table holds about ${size} locks ` +
      `(max_locks_per_transaction = ${settings.max_locks_per_transaction} for ${settings.backends} connections and workers)`,
    '',
    `Raise max_locks_per_transaction to at least ${needed} (a server restart), then apply again; or apply the entities in parts.`,
  );
}
