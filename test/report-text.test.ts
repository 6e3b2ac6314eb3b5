import { paint } from '../src/report/colors';
import { groupChanges, groupTitle } from '../src/report/group-changes';
import { renderMarkdown } from '../src/report/markdown';
import { renderText } from '../src/report/text';
import { expectGolden, fixturePlan } from './support/fixture-plan';

const context = { target: 'postgres://app:***@db:5432/app', serverVersion: '15.4' };
const ESC = '\u001b[';
// eslint-disable-next-line no-control-regex -- ANSI colour escapes
const strip = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('text plan', () => {
  it.each(['postgres', 'sqlite'] as const)(
    'groups changes by table, numbers statements in execution order (%s)',
    async (dialect) => {
      const plan = await fixturePlan('drop-column-and-table', dialect);
      const text = renderText(plan, paint(false), {
        ...context,
        serverVersion: dialect === 'postgres' ? '15.4' : '3.45.1',
      });
      expect(text).not.toContain(ESC);
      const lines = text.split('\n');
      expect(lines[0]).toMatch(/^Plan for postgres:\/\/app:\*\*\*@db:5432\/app \((postgres 15\.4|sqlite 3\.45\.1)\)$/);
      expect(lines[1]).toMatch(
        new RegExp(
          `^${plan.summary.text.replace(/[+~]/g, '\\$&')}  \\(${plan.statements.length} statements, \\d+ hazards \\(DATA_LOSS x2`,
        ),
      );
      // Every statement appears once, numbered in the order apply runs it.
      const steps = lines.filter((l) => /^\s+\[\d+\] /.test(l)).map((l) => Number(/\[(\d+)\]/.exec(l)![1]));
      expect(steps.sort((a, b) => a - b)).toEqual(plan.statements.map((_, i) => i + 1));
      expect(text).toMatch(/Review the hazards above; apply refuses them unless allowed: --allow-hazards DATA_LOSS/);
      expectGolden(`drop-column-and-table.${dialect}.txt`, text);
    },
  );

  it('colours additions green, drops red, alterations yellow, hazards magenta; the same text without colour', async () => {
    const plan = await fixturePlan('add-column-index', 'postgres');
    const drops = await fixturePlan('drop-column-and-table', 'postgres');
    const coloured = renderText(plan, paint(true), context);
    expect(strip(coloured)).toBe(renderText(plan, paint(false), context));
    const green = `${ESC}32m`;
    const red = `${ESC}31m`;
    const yellow = `${ESC}33m`;
    expect(coloured).toContain(`${green}+ column.add`);
    expect(coloured).toContain(`${green}+ index.create`);
    const dropText = renderText(drops, paint(true), context);
    expect(dropText).toContain(`${red}- column.drop`);
    expect(dropText).toContain(`${ESC}35m! DATA_LOSS`);
    expect(dropText).toMatch(new RegExp(`${red.replace('[', '\\[')}DROP TABLE`));
    const rebuild = renderText(await fixturePlan('nullability-default', 'sqlite'), paint(true), context);
    expect(rebuild).toContain(`${yellow}~ table.rebuild`);
    expectGolden('add-column-index.postgres.ansi.txt', coloured);
  });

  it.each([
    ['primary-key-change', 'postgres'],
    ['view-create-replace-drop', 'sqlite'],
    ['enum-reorder', 'postgres'],
    ['drop-tables-in-a-cycle', 'postgres'],
  ] as const)(
    'reads in the order apply runs it: [n] counts up, a table interleaved with others heads a group each time (%s, %s)',
    async (fixture, dialect) => {
      const plan = await fixturePlan(fixture, dialect);
      const lines = renderText(plan, paint(false), context).split('\n');
      const steps = lines.filter((l) => /^\s+\[\d+\] /.test(l)).map((l) => Number(/\[(\d+)\]/.exec(l)![1]));
      expect(steps).toEqual(plan.statements.map((_, i) => i + 1));
      // These plans come back to an object after acting on others (a foreign key dropped first and added last...).
      const headings = lines.filter((l, i) => lines[i - 1] === '' && /^(table|view|enum) /.test(l));
      expect(new Set(headings).size).toBeLessThan(headings.length);
      // Changes still come one after the other, each under the heading of its object.
      for (const group of groupChanges(plan))
        expect(group.changes.every(({ change }) => groupTitle(change) === group.title)).toBe(true);
    },
  );

  it('says that apply refuses a plan the counted rows make fail, and which hazards a flag can still allow', async () => {
    const drops = await fixturePlan('drop-column-and-table', 'postgres');
    // As a plan measured against rows would have it: the first statement cannot succeed on them.
    const failing = {
      code: 'NOT_NULL_VIOLATION' as const,
      message: 'sets public.authors.name NOT NULL: 1 row is NULL, apply will fail',
      fails: true as const,
    };
    const plan = {
      ...drops,
      statements: drops.statements.map((st, i) => (i === 0 ? { ...st, hazards: [failing] } : st)),
    };
    const text = renderText(plan, paint(false));
    expect(text).toContain(
      '\nApply refuses this plan: the rows as counted make 1 statement fail (NOT_NULL_VIOLATION, "apply will fail" above); ' +
        'fix those rows, or the entities, first. No flag allows it.\n\n' +
        'Review the hazards above; apply refuses them unless allowed: --allow-hazards DATA_LOSS (or --allow-all-hazards).\n',
    );
    expect(renderMarkdown(plan)).toContain(
      '\n**Apply refuses this plan: the rows as counted make 1 statement fail (NOT_NULL_VIOLATION',
    );
    expect(renderText(drops, paint(false))).not.toContain('Apply refuses this plan');
  });

  it('says so when there is nothing to do', () => {
    const empty = {
      dialect: 'sqlite' as const,
      changes: [],
      statements: [],
      diagnostics: [],
      decisions: [],
      summary: { changes: 0, statements: 0, byKind: {}, hazards: 0, text: 'no changes' },
    };
    expect(renderText(empty, paint(false))).toBe('No changes: the database is in line with the schema.\n');
  });
});
