import type { Change } from '../diff/changes';
import type { Diagnostic, Plan } from '../plan/types';
import type { Paint } from './colors';
import { renderDecisions } from './decisions';
import { terminate } from './sql';

export interface TextContext {
  readonly target?: string;
  readonly serverVersion?: string;
  /** The renames file the hints of open questions point at (default `schema/renames.json`). */
  readonly renamesFile?: string;
}

/** Additions green `+`, removals red `-`, everything else an alteration, yellow `~`. */
function direction(change: Change, p: Paint): { sign: string; colour: (text: string) => string } {
  if (change.kind.endsWith('.drop')) return { sign: '-', colour: p.red };
  if (change.kind.endsWith('.add') || change.kind.endsWith('.create')) return { sign: '+', colour: p.green };
  return { sign: '~', colour: p.yellow };
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], p: Paint): string[] {
  return diagnostics.map((d) => {
    const colour = d.severity === 'error' ? p.red : d.severity === 'warning' ? p.yellow : p.dim;
    const where = d.location ? ` (${d.location})` : '';
    const hint = d.hint ? `\n  hint: ${d.hint}` : '';
    return colour(`${d.severity}: ${d.message}${where}${hint}`);
  });
}

/** The human plan: header, one-line summary, then each change with its SQL and hazards. */
export function renderText(plan: Plan, p: Paint, context: TextContext = {}): string {
  const lines: string[] = [];
  if (context.target) {
    const version = context.serverVersion ? ` ${context.serverVersion}` : '';
    lines.push(p.bold(`Plan for ${context.target}`) + p.dim(` (${plan.dialect}${version})`));
  }
  if (plan.changes.length > 0) lines.push(p.bold(plan.summary.text));
  else if (plan.decisions.length > 0) lines.push(p.bold('No changes besides the open questions below.'));
  else lines.push(p.green('No changes: the database is in line with the schema.'));
  lines.push(...renderDiagnostics(plan.diagnostics, p));
  plan.changes.forEach((change, index) => {
    const { sign, colour } = direction(change, p);
    lines.push('', colour(`${sign} ${change.kind}`) + p.dim(`  ${change.reason}`));
    for (const statement of plan.statements.filter((s) => s.change === index)) {
      for (const hazard of statement.hazards) lines.push(p.magenta(`  ! ${hazard.code}: ${hazard.message}`));
      const note = statement.transactional ? '' : p.dim('  (runs outside the transaction)');
      lines.push(...terminate(statement.sql).split('\n').map((line) => `    ${line}`), ...(note ? [note] : []));
    }
  });
  if (plan.summary.hazards > 0) {
    lines.push('', p.magenta(`${plan.summary.hazards} hazard(s): review them before applying.`));
  }
  lines.push(...renderDecisions(plan.decisions, context.renamesFile ?? 'schema/renames.json', p));
  return `${lines.join('\n')}\n`;
}
