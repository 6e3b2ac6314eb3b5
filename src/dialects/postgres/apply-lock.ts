/**
 * The lock that keeps two `schema apply` runs on one PostgreSQL database from interleaving: a session-level advisory
 * lock, taken before the schema hash check and released when apply ends (or when its connection does). Advisory locks
 * belong to one database, so applies to different databases of a server do not wait for each other.
 */
import { ApplyLockedError } from '../../errors/errors';
import { duration } from './lock-waits';

/** Runs one query on the apply's own connection. */
export type LockQuery = <Row>(sql: string) => Promise<Row[]>;

const KEY = BigInt(`0x${Buffer.from('schemapl', 'ascii').toString('hex')}`);

/**
 * The advisory lock key: the ASCII bytes of "schemapl" read as a bigint, 8314604121892155500. pg_locks shows it as
 * locktype `advisory`, classid 1935894629 (the high 32 bits), objid 1835102316 (the low ones), objsubid 1.
 */
export const APPLY_LOCK_KEY = KEY.toString();
const CLASSID = (KEY >> 32n).toString();
const OBJID = (KEY & 0xffffffffn).toString();
const POLL_MS = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes the apply lock, trying again every 200 ms for up to `timeoutSeconds`; `ApplyLockedError` after that. `pause`
 * waits between tries (the session's pause ends early, rejecting, when apply is cancelled).
 */
export async function takeApplyLock(
  query: LockQuery,
  target: string,
  timeoutSeconds: number,
  pause: (ms: number) => Promise<void> = sleep,
): Promise<void> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const [row] = await query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${APPLY_LOCK_KEY}) AS locked`);
    if (row?.locked) return;
    const left = deadline - Date.now();
    if (left <= 0) throw await lockedError(query, target, timeoutSeconds);
    await pause(Math.min(POLL_MS, left));
  }
}

export async function releaseApplyLock(query: LockQuery): Promise<void> {
  await query(`SELECT pg_advisory_unlock(${APPLY_LOCK_KEY})`).catch(() => undefined);
}

interface Holder {
  pid: number;
  application_name: string | null;
  usename: string | null;
  seconds: number | null;
}

/** One line naming who holds the lock, as far as pg_stat_activity lets this user see. */
async function lockedError(query: LockQuery, target: string, timeoutSeconds: number): Promise<ApplyLockedError> {
  const holders = await query<Holder>(
    `SELECT a.pid, a.application_name, a.usename, extract(epoch FROM now() - a.backend_start)::float8 AS seconds
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
        AND l.classid::text = '${CLASSID}' AND l.objid::text = '${OBJID}'
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  ).catch((): Holder[] => []);
  const holder = holders[0];
  const facts = holder
    ? [
        `pid ${holder.pid}`,
        holder.application_name ? `application "${holder.application_name}"` : undefined,
        holder.usename ? `user ${holder.usename}` : undefined,
        holder.seconds !== null ? `connected ${duration(holder.seconds)} ago` : undefined,
      ]
    : [];
  if (timeoutSeconds > 0) facts.push(`waited ${duration(timeoutSeconds)}`);
  const details = facts.filter(Boolean).join(', ');
  const end = holder ? ` If it is stuck, end it with SELECT pg_terminate_backend(${holder.pid}).` : '';
  return new ApplyLockedError(
    `cannot take the apply lock on ${target}: another apply holds it${details ? ` (${details})` : ''}; nothing was applied`,
    `Run apply again when it is done, or wait longer with --lock-timeout SECONDS.${end}`,
  );
}
