import type { GeneratedFileStatus } from '../generate/check-generated';
import type { Paint } from './colors';
import { renderUnifiedDiff } from './unified-diff';

/** `schema check` for people: one line per stale file, what changed in the model, and the DDL as a unified diff. */
export function renderCheckText(statuses: readonly GeneratedFileStatus[], entities: string, p: Paint): string {
  const stale = statuses.filter((s) => s.status !== 'fresh');
  if (stale.length === 0) return `${p.green(`generated/ is up to date with ${entities}`)}\n`;
  const lines: string[] = [];
  for (const status of stale) {
    if (status.status === 'missing') {
      lines.push(p.red(`${status.file} is missing`));
      continue;
    }
    lines.push(p.yellow(`${status.file} is stale`));
    if (status.problem) lines.push(`  ${status.problem}`);
    for (const change of status.modelChanges ?? []) lines.push(`  ${change.dialect}: ${change.summary}`);
    if (status.file.endsWith('.sql')) {
      lines.push(
        renderUnifiedDiff(
          status.committed ?? '',
          status.expected,
          { before: `${status.file} (committed)`, after: `${status.file} (from the entities)` },
          p,
        ),
      );
    }
  }
  lines.push('', p.bold(`generated/ is stale: run \`schema generate\` and commit the result.`));
  return `${lines.join('\n')}\n`;
}
