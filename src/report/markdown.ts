import type { Plan } from '../plan/types';
import { describeNotManaged } from '../plan/not-managed';
import { describePartlyManaged, NO_CHANGES_BUT_DIFFERS, partlyManagedDiffers } from '../plan/partly-managed';
import { groupChanges } from './group-changes';
import { terminate } from './sql';
import { failingHazards } from '../plan/hazard-gate';
import { failingSentence } from './apply-progress';
import { renamesEntry } from './decisions';

export interface MarkdownContext {
  /** Redacted target, e.g. `postgres://app:***@db/app`. */
  readonly target?: string;
  readonly serverVersion?: string;
  /** Plans with more statements than this fold their SQL into a `<details>` block. */
  readonly foldAfter?: number;
  /** The renames file open questions are answered in (default `schema/renames.json`). */
  readonly renamesFile?: string;
}

/** Text inside a Markdown table cell: pipes escaped, one line. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** A fence longer than any backtick run in the content, so SQL holding backticks cannot end the block early. */
export function fenced(language: string, content: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${content}\n${fence}`;
}

/**
 * The plan as a PR comment: title and summary line, decisions and errors first, a hazards table, then the SQL per
 * table in fenced blocks (folded into `<details>` for long plans).
 */
export function renderMarkdown(plan: Plan, context: MarkdownContext = {}): string {
  const out: string[] = [];
  const where = context.target ? ` for \`${context.target.replace(/`/g, '')}\`` : '';
  const version = context.serverVersion ? ` (${plan.dialect} ${context.serverVersion})` : ` (${plan.dialect})`;
  out.push(`### Schema plan${where}${version}`, '');
  const errors = plan.diagnostics.some((d) => d.severity === 'error');
  out.push(
    plan.changes.length > 0
      ? `**${plan.summary.text}**`
      : errors
        ? '**No plan**: the errors below must be resolved first.'
        : partlyManagedDiffers(plan)
          ? `**${NO_CHANGES_BUT_DIFFERS}**`
          : '**No changes**: the database is in line with the schema.',
  );
  if (plan.notManaged) out.push('', `Not managed (left untouched): ${describeNotManaged(plan.notManaged)}`);
  if (plan.partlyManaged) {
    out.push('', 'Partly managed (attributes schemaplan does not compare, left as they are):', '');
    for (const entry of plan.partlyManaged)
      out.push(`- ${entry.differs ? '**differs** ' : ''}${describePartlyManaged(entry).replace(/\|/g, '\\|')}`);
  }

  if (plan.decisions.length > 0) {
    out.push('', '#### Decisions needed', '');
    const file = context.renamesFile ?? 'schema/renames.json';
    for (const d of plan.decisions) {
      const where = `to \`${d.entry.section}\` in \`${file}\``;
      out.push(
        `- ${d.question} Yes: add \`${renamesEntry(d, true)}\` ${where}` +
          (d.decorator ? ` (or \`${d.decorator}\`)` : '') +
          `; no: add \`${renamesEntry(d, false)}\` ${where}.`,
      );
    }
  }
  const problems = plan.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length > 0) {
    out.push('', '#### Diagnostics', '');
    for (const d of problems) out.push(`- **${d.severity}** ${d.message}${d.hint ? ` _(${d.hint})_` : ''}`);
  }

  const hazards = plan.statements.flatMap((s) =>
    s.hazards.map((h) => ({ hazard: h, change: plan.changes[s.change]! })),
  );
  if (hazards.length > 0) {
    out.push('', '#### Hazards', '', '| hazard | change | detail |', '| --- | --- | --- |');
    for (const { hazard, change } of hazards) {
      out.push(`| \`${hazard.code}\` | ${cell(change.kind)} | ${cell(hazard.message)} |`);
    }
  }
  // Under the table that says "apply will fail": apply refuses such a plan whatever is allowed.
  const failing = failingHazards(plan);
  if (failing) out.push('', `**${failingSentence(failing)}**`);

  if (plan.statements.length > 0) {
    const sql: string[] = [];
    for (const group of groupChanges(plan)) {
      const lines = group.changes.flatMap(({ change, statements }) => [
        `-- ${change.kind}: ${change.reason.replace(/\s*\n\s*/g, ' ')}`,
        ...statements.map((s) => `${terminate(s.sql)}${s.transactional ? '' : ' -- runs outside the transaction'}`),
      ]);
      sql.push('', `**${group.title}**`, '', fenced('sql', lines.join('\n')));
    }
    const fold = plan.statements.length > (context.foldAfter ?? 20);
    if (fold)
      out.push('', `<details><summary>SQL (${plan.statements.length} statements)</summary>`, ...sql, '', '</details>');
    else out.push('', '#### SQL', ...sql);
  }
  return `${out.join('\n')}\n`;
}
