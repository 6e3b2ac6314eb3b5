import type { Change } from '../diff/changes';
import { blockedHazards, failingHazards, HAZARD_CODES } from '../plan/hazard-gate';
import { describeNotManaged } from '../plan/not-managed';
import { describePartlyManaged, NO_CHANGES_BUT_DIFFERS, partlyManagedDiffers } from '../plan/partly-managed';
import type { Diagnostic, Hazard, Plan } from '../plan/types';
import { failingSentence } from './apply-progress';
import type { Paint } from './colors';
import { renderDecisions } from './decisions';
import { groupChanges } from './group-changes';
import { terminate } from './sql';
import { factsOf } from '../diff/change-kinds';

export interface TextContext {
  readonly target?: string;
  readonly serverVersion?: string;
  /** The renames file the hints of open questions point at (default `schema/renames.json`). */
  readonly renamesFile?: string;
  /** What bounds apply's waits, shown under a plan that has statements (`plan` and `apply` against a database). */
  readonly timeouts?: Timeouts;
}

/** Apply's bounds on waiting, as set by `--lock-timeout` and `--statement-timeout` (see `ApplyOptions`). */
export interface Timeouts {
  /** Seconds each lock is waited for. */
  readonly lockTimeout: number;
  /** Attempts of a phase that gave up waiting for a lock, where apply retries (PostgreSQL). */
  readonly lockAttempts?: number;
  /** Seconds a statement may run; undefined or 0: no limit. */
  readonly statementTimeout?: number;
}

/** `Timeouts: lock 5s per wait, 3 attempts; statement none (--lock-timeout, --statement-timeout).` */
export function timeoutsLine(timeouts: Timeouts): string {
  const attempts = timeouts.lockAttempts !== undefined ? `, ${plural(timeouts.lockAttempts, 'attempt')}` : '';
  const statement = timeouts.statementTimeout ? `${timeouts.statementTimeout}s` : 'none';
  return `Timeouts: lock ${timeouts.lockTimeout}s per wait${attempts}; statement ${statement} (--lock-timeout, --statement-timeout).`;
}

/** Additions green `+`, removals red `-`, everything else an alteration, yellow `~`. */
function direction(change: Change, p: Paint): { sign: string; colour: (text: string) => string } {
  const sign = factsOf(change.kind).direction;
  return { sign, colour: sign === '-' ? p.red : sign === '+' ? p.green : p.yellow };
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], p: Paint): string[] {
  return diagnostics.map((d) => {
    const colour = d.severity === 'error' ? p.red : d.severity === 'warning' ? p.yellow : p.dim;
    const where = d.location ? ` (${d.location})` : '';
    const hint = d.hint ? `\n  hint: ${d.hint}` : '';
    return colour(`${d.severity}: ${d.message}${where}${hint}`);
  });
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `7 statements, 2 hazards (DATA_LOSS x2)`: the size of the plan at a glance. */
function sizeLine(plan: Plan): string {
  const hazards = plan.statements.flatMap((s) => s.hazards);
  const byCode = HAZARD_CODES.map((code) => [code, hazards.filter((h) => h.code === code).length] as const)
    .filter(([, n]) => n > 0)
    .map(([code, n]) => (n === 1 ? code : `${code} x${n}`));
  const parts = [plural(plan.statements.length, 'statement')];
  if (hazards.length > 0) parts.push(`${plural(hazards.length, 'hazard')} (${byCode.join(', ')})`);
  return parts.join(', ');
}

function hazardLine(hazard: Hazard, p: Paint): string {
  return `    ${p.magenta(`! ${hazard.code}`)} ${hazard.message}`;
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ');

/** `~ column.alter  column users.bio differs in type`; a SQLite rebuild lists the changes it carries beneath it. */
function changeLines(change: Change, p: Paint, indent: string): string[] {
  const { sign, colour } = direction(change, p);
  if (change.kind !== 'table.rebuild')
    return [`${indent}${colour(`${sign} ${change.kind}`)}  ${p.dim(oneLine(change.reason))}`];
  const reason = `SQLite cannot alter ${change.to.name} in place, so it is rebuilt with:`;
  return [
    `${indent}${colour(`${sign} ${change.kind}`)}  ${p.dim(reason)}`,
    ...change.changes.flatMap((c) => changeLines(c, p, `${indent}  `)),
  ];
}

/**
 * The human plan: a header naming the target, a one-line summary, then the changes in the order apply runs them,
 * consecutive changes to one table (or enum, view, schema) under its heading (see `groupChanges`), each with its SQL
 * numbered `[n]` in that order and its hazards inline; additions green, drops red, alterations yellow. Ends with what
 * apply will need (hazard flags, or the rows to fix first) and any open questions.
 */
export function renderText(plan: Plan, p: Paint, context: TextContext = {}): string {
  const lines: string[] = [];
  if (context.target) {
    const version = context.serverVersion ? ` ${context.serverVersion}` : '';
    lines.push(p.bold(`Plan for ${context.target}`) + p.dim(` (${plan.dialect}${version})`));
  }
  if (plan.changes.length > 0) lines.push(p.bold(plan.summary.text) + p.dim(`  (${sizeLine(plan)})`));
  // Errors mean the schemas differ in a way no change can express: never "in line".
  else if (plan.diagnostics.some((d) => d.severity === 'error'))
    lines.push(p.bold('No plan: the errors below must be resolved first.'));
  else if (plan.decisions.length > 0) lines.push(p.bold('No changes besides the open questions below.'));
  else if (partlyManagedDiffers(plan)) lines.push(p.yellow(NO_CHANGES_BUT_DIFFERS));
  else lines.push(p.green('No changes: the database is in line with the schema.'));
  lines.push(...renderDiagnostics(plan.diagnostics, p));
  if (plan.notManaged) lines.push(p.dim(`Not managed (left untouched): ${describeNotManaged(plan.notManaged)}`));
  if (plan.partlyManaged) {
    lines.push(p.dim('Partly managed (attributes schemaplan does not compare, left as they are):'));
    for (const entry of plan.partlyManaged)
      lines.push((entry.differs ? p.yellow : p.dim)(`  ${describePartlyManaged(entry)}`));
  }
  for (const group of groupChanges(plan)) {
    lines.push('', p.bold(group.title));
    for (const { change, statements } of group.changes) {
      const { colour } = direction(change, p);
      lines.push(...changeLines(change, p, '  '));
      for (const statement of statements) {
        lines.push(...statement.hazards.map((hazard) => hazardLine(hazard, p)));
        const [first = '', ...rest] = terminate(statement.sql).split('\n');
        const step = `[${statement.step}]`;
        lines.push(
          `    ${p.dim(step)} ${colour(first)}`,
          ...rest.map((line) => `    ${' '.repeat(step.length)} ${colour(line)}`),
        );
        if (!statement.transactional)
          lines.push(`    ${' '.repeat(step.length)} ${p.dim('(runs outside the transaction)')}`);
      }
    }
  }
  if (context.timeouts && plan.statements.length > 0) lines.push('', p.dim(timeoutsLine(context.timeouts)));
  const failing = failingHazards(plan);
  if (failing) lines.push('', p.magenta(failingSentence(failing)));
  const blocked = blockedHazards(plan, new Set());
  if (blocked) {
    lines.push(
      '',
      p.magenta(
        `Review the hazards above; apply refuses them unless allowed: ${blocked.flag} (or --allow-all-hazards).`,
      ),
    );
  }
  lines.push(...renderDecisions(plan.decisions, context.renamesFile ?? 'schema/renames.json', p));
  return `${lines.join('\n')}\n`;
}
