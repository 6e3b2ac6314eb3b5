import { describePartlyManaged } from '../plan/partly-managed';
import { terminate } from '../plan/terminate';
import type { Plan } from '../plan/types';

export { terminate };

/**
 * The plan as a plain SQL script, each change introduced by a comment with its reason, inside the frame the dialect
 * asks for (`Plan.script`: SQLite's foreign keys off around a table rebuild).
 */
export function renderSql(plan: Plan): string {
  const lines: string[] = [];
  // Errors (a change refused...) and what the plan does not compare come first, as comments, so a reviewer of the
  // script sees them; then the frame's opening (SQLite: foreign keys off, BEGIN).
  const errors = plan.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) lines.push(`-- error ${d.code}: ${d.message.replace(/\s*\n\s*/g, ' ')}`);
  if (errors.length > 0) lines.push('');
  for (const entry of plan.partlyManaged ?? [])
    lines.push(`-- partly managed: ${describePartlyManaged(entry).replace(/\s*\n\s*/g, ' ')}`);
  if (plan.partlyManaged) lines.push('');
  if (plan.script) lines.push(...plan.script.before, '');
  plan.changes.forEach((change, index) => {
    const statements = plan.statements.filter((s) => s.change === index);
    if (statements.length === 0) return;
    lines.push(`-- ${change.kind}: ${change.reason.replace(/\s*\n\s*/g, ' ')}`);
    for (const statement of statements) {
      for (const hazard of statement.hazards) lines.push(`-- hazard ${hazard.code}: ${hazard.message}`);
      if (!statement.transactional) lines.push('-- runs outside the transaction (commits on its own)');
      lines.push(terminate(statement.sql));
    }
    lines.push('');
  });
  if (plan.script) lines.push(...plan.script.after, '');
  return lines.join('\n');
}
