import type { Plan } from '../src/plan/types';
import { renderMarkdown } from '../src/report/markdown';
import { expectGolden as golden, fixturePlan } from './support/fixture-plan';

describe('markdown plan (PR comment)', () => {
  it('has the summary, a hazards table and the SQL per table in fenced blocks', async () => {
    const plan = await fixturePlan('drop-column-and-table');
    const markdown = renderMarkdown(plan, { target: 'postgres://app:***@db:5432/app', serverVersion: '15.4' });
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '### Schema plan for `postgres://app:***@db:5432/app` (postgres 15.4)',
      '',
      `**${plan.summary.text}**`,
    ]);
    expect(markdown).toContain('| hazard | change | detail |\n| --- | --- | --- |\n| `DATA_LOSS` |');
    expect(markdown).toMatch(/\*\*table public\.\w+\*\*\n\n```sql\n-- /);
    golden('drop-column-and-table.postgres.md', markdown);
  });

  it('folds long plans into <details>, and no SQL can close its fence early', async () => {
    const plan = await fixturePlan('add-column-index');
    const tricky: Plan = {
      ...plan,
      statements: plan.statements.map((s, i) => (i === 0 ? { ...s, sql: `${s.sql} /* \`\`\` */` } : s)),
    };
    const markdown = renderMarkdown(tricky, { foldAfter: 1 });
    expect(markdown).toContain(`<details><summary>SQL (${plan.statements.length} statements)</summary>`);
    expect(markdown.trimEnd().endsWith('</details>')).toBe(true);
    expect(markdown).toContain('````sql\n');
    expect(renderMarkdown({ ...plan, changes: [], statements: [] })).toContain(
      '**No changes**: the database is in line with the schema.',
    );
  });
});
