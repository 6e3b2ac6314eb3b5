/** A failed apply statement as one `ApplyError`: the database's words, the statement, and what stayed applied. */
import { redactSecrets } from '../../connect/url';
import { ApplyError } from '../../errors/errors';

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
  const rolledBack = at.transactional ? 'the transaction was rolled back' : 'the failed statement ran on its own, outside a transaction';
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
  return new ApplyError(redact(`${at.what} failed: ${reason}`), redact(at.sql), redact(`${outcome}${invalidIndex}${remedy ? ` ${remedy}` : ''}`), {
    cause: error,
    applied: at.applied,
  });
}
