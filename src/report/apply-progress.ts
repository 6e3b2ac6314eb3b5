/** What `schema apply` prints while it runs: progress per statement and phase, and why it stopped before running. */
import type { LockRetry } from '../dialects/dialect';
import type { BlockedHazards, FailingHazards } from '../plan/hazard-gate';
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

/** `12 ms`, `1.4 s`, `2 min 5 s`: how long something took, for progress lines. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * `[ 3/12] ALTER TABLE "users" ADD COLUMN ...`, written as the statement starts, without an end of line: the line ends
 * with its time when the statement has run (`renderStatementDone`), or when apply stops in it (`renderStatementStopped`).
 */
export function renderStatementStart(sql: string, index: number, count: number, p: Paint): string {
  const position = `[${String(index + 1).padStart(String(count).length)}/${count}]`;
  return `${p.dim(position)} ${statementHeadline(sql)}`;
}

/** ` (12 ms)`: the end of a statement's progress line. */
export function renderStatementDone(ms: number, p: Paint): string {
  return ` ${p.dim(`(${formatDuration(ms)})`)}\n`;
}

/** ` (stopped after 5.0 s)`: the end of the line of a statement apply stopped in (it failed, gave up waiting, was cancelled). */
export function renderStatementStopped(ms: number, p: Paint): string {
  return ` ${p.dim(`(stopped after ${formatDuration(ms)})`)}\n`;
}

/** `Applied 3 statements in 0.4 s; verified: the database is in line with the schema.` */
export function renderApplied(count: number, ms: number, p: Paint): string {
  return p.green(
    `Applied ${count} statement${count === 1 ? '' : 's'} in ${formatDuration(ms)}; verified: the database is in line with the schema.\n`,
  );
}

/** `phase 2/3: outside a transaction (commits on its own), 1 statement` */
export function renderPhaseProgress(phase: ApplyPhase, index: number, count: number, p: Paint): string {
  const how = phase.transactional ? 'in one transaction' : 'outside a transaction (commits on its own)';
  const n = phase.statements.length;
  return `${p.bold(`phase ${index + 1}/${count}: ${how}, ${n} statement${n === 1 ? '' : 's'}`)}\n`;
}

/**
 * Why apply refuses a plan the rows make fail, as the plan states it (text and markdown): the same words as apply's
 * refusal, so that a plan never says "apply will fail" and then something that reads as "allow it and apply".
 */
export function failingSentence(failing: FailingHazards): string {
  const n = failing.statements;
  return (
    `Apply refuses this plan: the rows as counted make ${n} statement${n === 1 ? '' : 's'} fail (${failing.codes.join(', ')}, ` +
    `"apply will fail" above); fix those rows, or the entities, first. No flag allows it.`
  );
}

/** Apply's refusal (stderr), before asking or running anything, when the rows as counted make statements fail. */
export function renderFailingHazards(failing: FailingHazards, p: Paint): string {
  const n = failing.statements;
  return (
    `error: the plan would fail on the rows as they are (${n} statement${n === 1 ? '' : 's'}); nothing was applied:\n` +
    failing.messages.map((message) => `${p.magenta(`  ${message}`)}\n`).join('') +
    'hint: Fix those rows first (or change the entities), then apply again. --allow-hazards cannot allow a statement the rows make fail.\n'
  );
}

/** The dry run's note (stdout) that apply would refuse the plan because of the rows. */
export function renderFailingNote(failing: FailingHazards, p: Paint): string {
  const n = failing.statements;
  return p.magenta(
    `Apply would refuse this plan: the rows as counted make ${n} statement${n === 1 ? '' : 's'} fail (${failing.codes.join(', ')}).\n`,
  );
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
  return p.magenta(
    `Apply would stop at ${blocked.messages.length} hazard(s) not allowed (${blocked.codes.join(', ')}): allow them with ${blocked.flag}.\n`,
  );
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
