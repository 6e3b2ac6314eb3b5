/** What `schema apply` prints while it runs: progress per statement and phase, and why it stopped before running. */
import type { LockRetry } from '../dialects/dialect';
import type { BlockedHazards } from '../plan/hazard-gate';
import type { ApplyPhase } from '../plan/phases';
import type { Paint } from './colors';

/** Progress lines show at most this many characters of a statement. */
const HEADLINE_LENGTH = 100;

/** The first line of a statement, shortened to `max` characters with `...` when there is more. */
export function statementHeadline(sql: string, max = HEADLINE_LENGTH): string {
  const lines = sql.trim().split('\n');
  const first = lines[0]!.trim();
  if (first.length > max) return `${first.slice(0, max - 3).trimEnd()}...`;
  return lines.length > 1 ? `${first} ...` : first;
}

/** `[ 3/12] ALTER TABLE "users" ADD COLUMN ...` */
export function renderStatementProgress(sql: string, index: number, count: number, p: Paint): string {
  const position = `[${String(index + 1).padStart(String(count).length)}/${count}]`;
  return `${p.dim(position)} ${statementHeadline(sql)}\n`;
}

/** `phase 2/3: outside a transaction (commits on its own), 1 statement` */
export function renderPhaseProgress(phase: ApplyPhase, index: number, count: number, p: Paint): string {
  const how = phase.transactional ? 'in one transaction' : 'outside a transaction (commits on its own)';
  const n = phase.statements.length;
  return `${p.bold(`phase ${index + 1}/${count}: ${how}, ${n} statement${n === 1 ? '' : 's'}`)}\n`;
}

/** Apply's refusal (stderr) when the plan has hazards that were not allowed. */
export function renderBlockedHazards(blocked: BlockedHazards, p: Paint): string {
  return (
    `error: the plan has ${blocked.messages.length} hazard(s) that were not allowed; nothing was applied:\n` +
    blocked.messages.map((message) => `${p.magenta(`  ${message}`)}\n`).join('') +
    `hint: Review them in the plan above; to apply anyway, run again with ${blocked.flag} (or --allow-all-hazards).\n`
  );
}

/** The dry run's note (stdout) that apply would refuse these hazards. */
export function renderBlockedNote(blocked: BlockedHazards, p: Paint): string {
  return p.magenta(`Apply would stop at ${blocked.messages.length} hazard(s) not allowed (${blocked.codes.join(', ')}): allow them with ${blocked.flag}.\n`);
}

/**
 * A phase rolled back to be tried again (stderr): `statement 3 gave up waiting for a lock on table public.accounts
 * (AccessExclusiveLock) held by pid 42 (...); rolled back, trying again in 1s (attempt 2 of 3)`.
 */
export function renderLockRetry(retry: LockRetry, p: Paint): string {
  const seconds = Number((retry.delayMs / 1000).toFixed(1));
  return p.yellow(
    `statement ${retry.index + 1} gave up waiting for ${retry.waitedFor}; rolled back, trying again in ${seconds}s ` +
      `(attempt ${retry.attempt} of ${retry.attempts})\n`,
  );
}
