/**
 * What a waiting statement waits for, in words: the lock it asked for (on which table) and the sessions that hold it
 * up, read from `pg_locks`, `pg_blocking_pids()` and `pg_stat_activity` on a second connection while the statement
 * waits (once the lock timeout has fired, the wait and so the evidence are gone).
 */

/** One session that holds up the waiting statement. */
export interface Blocker {
  readonly pid: number;
  readonly application: string | null;
  readonly user: string | null;
  /** `pg_stat_activity.state`: `active`, `idle in transaction`, ... (null where the user may not see it). */
  readonly state: string | null;
  /** Seconds in that state. */
  readonly seconds: number | null;
}

/** The lock a statement waits for and who holds it up. */
export interface LockWait {
  /** `public.accounts`, or undefined for a wait on a transaction (`CREATE INDEX CONCURRENTLY` waits for old ones). */
  readonly relation?: string;
  /** `AccessExclusiveLock`, `ShareLock`, ... */
  readonly mode: string;
  readonly locktype: string;
  readonly blockers: readonly Blocker[];
}

/** The waits of backend `$1`, one row per (lock, blocker). */
export const LOCK_WAITS_SQL = `
SELECT w.locktype, w.mode,
       CASE WHEN w.relation IS NOT NULL THEN (SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = w.relation) END AS relation,
       b.pid, b.application_name, b.usename, b.state,
       extract(epoch FROM now() - coalesce(b.state_change, b.backend_start))::float8 AS seconds
  FROM pg_locks w
  CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS held_by(pid)
  LEFT JOIN pg_stat_activity b ON b.pid = held_by.pid
 WHERE w.pid = $1 AND NOT w.granted
 ORDER BY w.relation NULLS LAST, b.state_change NULLS LAST`;

export interface LockWaitRow {
  locktype: string;
  mode: string;
  relation: string | null;
  pid: number;
  application_name: string | null;
  usename: string | null;
  state: string | null;
  seconds: number | null;
}

/** The rows of `LOCK_WAITS_SQL` as one wait (the first lock waited for), or undefined when it waits for nothing. */
export function lockWaitFrom(rows: readonly LockWaitRow[]): LockWait | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const same = rows.filter(
    (r) => r.relation === first.relation && r.mode === first.mode && r.locktype === first.locktype,
  );
  const seen = new Set<number>();
  const blockers = same
    .filter((r) => !seen.has(r.pid) && seen.add(r.pid))
    .map((r) => ({ pid: r.pid, application: r.application_name, user: r.usename, state: r.state, seconds: r.seconds }));
  return { relation: first.relation ?? undefined, mode: first.mode, locktype: first.locktype, blockers };
}

/** `12s`, `4min`, `3h`: how long, for one-line messages. */
export function duration(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)}s`;
  if (seconds < 2 * 3600) return `${Math.round(seconds / 60)}min`;
  return `${Math.round(seconds / 3600)}h`;
}

/** `pid 4242 (application "psql", user app, idle in transaction for 42s)`. */
export function describeBlocker(blocker: Blocker): string {
  const facts = [
    blocker.application ? `application "${blocker.application}"` : undefined,
    blocker.user ? `user ${blocker.user}` : undefined,
    blocker.state
      ? `${blocker.state}${blocker.seconds !== null ? ` for ${duration(blocker.seconds)}` : ''}`
      : undefined,
  ].filter(Boolean);
  return `pid ${blocker.pid}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
}

/**
 * `a lock on table public.accounts (AccessExclusiveLock) held by pid 4242 (application "psql", ...)`, or, for a
 * concurrent index build waiting for older transactions, `the transaction of pid 4242 (...) to end`.
 */
export function describeWait(wait: LockWait | undefined): string {
  if (!wait) return 'a lock';
  const [first, ...others] = wait.blockers;
  const more = others.length > 0 ? ` and ${others.length} other session${others.length > 1 ? 's' : ''}` : '';
  if (wait.relation === undefined && (wait.locktype === 'virtualxid' || wait.locktype === 'transactionid')) {
    return first ? `the transaction of ${describeBlocker(first)}${more} to end` : 'older transactions to end';
  }
  const what =
    wait.relation !== undefined
      ? `a lock on table ${wait.relation} (${wait.mode})`
      : `a ${wait.locktype} lock (${wait.mode})`;
  return first ? `${what} held by ${describeBlocker(first)}${more}` : what;
}
