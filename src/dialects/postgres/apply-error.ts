/** A failed apply statement as one `ApplyError`: the database's words, the statement, and what stayed applied. */
import { redactSecrets } from '../../connect/url';
import { ApplyError, CancelledError, GaveUpError } from '../../errors/errors';
import { describeWait, type LockWait } from './lock-waits';

/** What `pg` errors carry besides the message. */
interface DatabaseErrorLike {
  message?: string;
  code?: string;
  detail?: string;
  hint?: string;
}

/** What to do about a failed statement, where the error says more than the database's own hint. */
function remedyFor(e: DatabaseErrorLike): string | undefined {
  switch (e.code) {
    case '55P04':
      return 'A new enum label cannot be used in the transaction that adds it: apply the enum change on its own first, then apply again.';
    case '53200':
      return 'The plan locks more objects than one transaction may: raise max_locks_per_transaction on the server.';
    case '23502':
      return 'Rows would hold NULL in a NOT NULL column: fill them first, or give the column a default in the entity, then apply again.';
    case '23505':
      return 'Rows hold duplicate values: remove the duplicates, then apply again.';
    case '23503':
      return 'Rows reference missing rows: fix or delete them, then apply again.';
    case '23514':
      return 'Rows hold values the new CHECK refuses: update them, then apply again.';
    case '22001':
      return 'Rows hold values longer than the new type allows: shorten them first (the plan counted them), or keep the longer type.';
    case '42501':
      return 'The database user lacks a privilege this statement needs: apply as the owner of the schema (or a role with CREATE on it), or GRANT the privilege.';
    case '22003':
    case '22P02':
      return 'Rows hold values the new type cannot represent: convert or fix them first, or keep the old type.';
    default:
      return e.hint;
  }
}

export interface FailurePoint {
  /** The statement (or BEGIN/COMMIT) that failed. */
  readonly sql: string;
  /** `statement 3 of 12` or `COMMIT of phase 2`. */
  readonly what: string;
  readonly transactional: boolean;
  /** Statements committed by earlier phases. */
  readonly applied: number;
}

/** The database's own words (message and detail) without the password; the failing statement rides along. */
export function applyError(error: unknown, at: FailurePoint, connectionString: string): ApplyError {
  const e = (error ?? {}) as DatabaseErrorLike;
  const reason = [String(e.message ?? error), ...(e.detail ? [e.detail] : [])].join(': ');
  const rolledBack = at.transactional
    ? 'the transaction was rolled back'
    : 'the failed statement ran on its own, outside a transaction';
  const outcome =
    at.applied === 0
      ? `Nothing was applied: ${rolledBack}.`
      : `Statements 1-${at.applied} (earlier phases) were committed and stay applied; ${rolledBack}. Plan again: the plan picks up from there.`;
  const invalidIndex =
    /\bCONCURRENTLY\b/i.test(at.sql) && /^\s*CREATE/i.test(at.sql)
      ? ' A failed concurrent build may leave an invalid index behind: drop it before applying again.'
      : '';
  const remedy = remedyFor(e);
  const redact = (text: string) => redactSecrets(text, connectionString);
  return new ApplyError(
    redact(`${at.what} failed: ${reason}`),
    redact(at.sql),
    redact(`${outcome}${invalidIndex}${remedy ? ` ${remedy}` : ''}`),
    {
      cause: error,
      applied: at.applied,
    },
  );
}

/** SQLSTATEs after which a phase may simply be tried again: lock_not_available (lock_timeout), deadlock_detected. */
const LOCK_FAILURES = new Set(['55P03', '40P01']);

/** The statement waited past `lock_timeout` (or lost a deadlock): nothing it did stays, trying again may succeed. */
export function isLockFailure(error: unknown): boolean {
  return LOCK_FAILURES.has(String((error as DatabaseErrorLike | null)?.code));
}

/** The statement ran past `statement_timeout` (query_canceled, with the server's own words for it). */
export function isStatementTimeout(error: unknown): boolean {
  const e = (error ?? {}) as DatabaseErrorLike;
  return e.code === '57014' && /statement timeout/i.test(String(e.message));
}

const seconds = (value: number) => `${Number(value.toFixed(3))}s`;

/** What stays applied after a phase was rolled back, as the end of a one-line message. */
function stays(at: FailurePoint): string {
  return at.applied === 0
    ? 'nothing was applied'
    : `statements 1-${at.applied} (earlier phases) were committed and stay applied`;
}

/**
 * A statement that gave up waiting for a lock (after `attempts` tries) or ran past the statement timeout, as one line
 * naming the lock, its table and who holds it (as last seen while the statement waited), and what stays applied.
 */
export function gaveUpError(
  error: unknown,
  at: FailurePoint,
  connectionString: string,
  facts: {
    wait?: LockWait;
    attempts: number;
    lockTimeout: number;
    statementTimeout?: number;
    leftInvalidIndex?: boolean;
  },
): GaveUpError {
  const redact = (text: string) => redactSecrets(text, connectionString);
  const rolledBack = at.transactional ? 'Its transaction was rolled back' : 'It ran on its own, outside a transaction';
  const again = at.applied === 0 ? '' : ' Plan again: the plan picks up from there.';
  const invalid = facts.leftInvalidIndex
    ? ' The cut concurrent build left an invalid index behind, which the next plan drops and builds again.'
    : '';
  if (isStatementTimeout(error)) {
    return new GaveUpError(
      redact(
        `${at.what} ran longer than the statement timeout (${seconds(facts.statementTimeout ?? 0)}) and was cancelled; ${stays(at)}`,
      ),
      redact(at.sql),
      `${rolledBack}.${invalid}${again} Allow longer with --statement-timeout SECONDS, or apply when the database is quieter.`,
      { cause: error, applied: at.applied },
    );
  }
  const holder = facts.wait?.blockers[0];
  const tries =
    facts.attempts > 1 ? `${facts.attempts} attempts of ${seconds(facts.lockTimeout)}` : seconds(facts.lockTimeout);
  const deadlock = (error as DatabaseErrorLike | null)?.code === '40P01';
  const what = deadlock
    ? `was chosen to end a deadlock, ${facts.attempts} time(s)`
    : `gave up after ${tries} waiting for ${describeWait(facts.wait)}`;
  const end = holder ? ` If that session is stuck, end it with SELECT pg_terminate_backend(${holder.pid}).` : '';
  return new GaveUpError(
    redact(`${at.what} ${what}; ${stays(at)}`),
    redact(at.sql),
    redact(
      `${rolledBack}.${invalid}${again} Run apply again when the other session is done, or wait longer with --lock-timeout SECONDS ` +
        `(while apply waits for a table's lock, other queries on that table wait behind it).${end}`,
    ),
    { cause: error, applied: at.applied },
  );
}

/** The one line a cancelled apply ends with: what stays applied, what was rolled back. */
export function cancelledApply(applied: number, total: number, cause: unknown): CancelledError {
  const message =
    applied === 0
      ? 'cancelled; nothing was applied (the running statement was cancelled and its transaction rolled back)'
      : applied >= total
        ? `cancelled after all ${total} statement(s) were applied`
        : `cancelled; statements 1-${applied} of ${total} (earlier phases) were committed and stay applied, the rest was not applied`;
  return new CancelledError(message, { cause, applied });
}
