import { compileEntities } from '../src/compile/compile';
import { dialectFor } from '../src/dialects/registry';
import type { DialectName, Model } from '../src/model';
import { modelDdl } from '../src/plan/ddl';
import { createPlan } from '../src/plan/plan';
import { paint } from '../src/report/colors';
import { columnOrderNote, renderDdlDiff } from '../src/report/ddl-diff';
import { entityClasses } from './support/entities';

/** The models of a fixture's `from/` and `to/` entities. */
async function fixtureModels(name: string, dialect: DialectName): Promise<{ from: Model; to: Model }> {
  const from = (await compileEntities(await entityClasses(`fixtures/${name}/from`), dialect)).model;
  const to = (await compileEntities(await entityClasses(`fixtures/${name}/to`), dialect)).model;
  return { from, to };
}

/** The lines a unified diff adds or removes (not its `---`/`+++` header). */
const changed = (diff: string): string[] =>
  diff.split('\n').filter((line) => /^[+-]/.test(line) && !/^(\+\+\+|---) /.test(line));

/** `model` with the columns of `table` in reverse order. */
const reversed = (model: Model, table: string): Model => ({
  ...model,
  tables: model.tables.map((t) => (t.name === table ? { ...t, columns: [...t.columns].reverse() } : t)),
});

describe.each(['postgres', 'sqlite'] as const)('the DDL diff of plan --diff (%s)', (dialect) => {
  const users = dialect === 'postgres' ? '"public"."users"' : '"users"';

  it('shows CREATE TABLE with one column or constraint per line: a column added is a line added', async () => {
    const { from, to } = await fixtureModels('add-column-index', dialect);
    const { text, reordered } = renderDdlDiff(from, to, dialectFor(dialect), paint(false));
    expect(reordered).toEqual([]);
    // The index is a statement of its own (with the blank line between statements); a comma that moves to the line
    // before is no change.
    expect(changed(text).filter((line) => line !== '+')).toEqual([
      expect.stringMatching(/^\+ {2}"nickname" (character varying|varchar)\(50\),$/),
      expect.stringMatching(/^\+ {2}"score" integer NOT NULL DEFAULT/),
      expect.stringMatching(
        new RegExp(`^\\+CREATE INDEX "IDX_users_nickname" ON ${users.replace(/\./g, '\\.')} \\("nickname"\\);$`),
      ),
    ]);
    expect(changed(text).filter((line) => line === '+')).toHaveLength(1);
    expect(text).toContain(` CREATE TABLE ${users} (\n   "id"`);
    expect(text).toMatch(/\n \);\n/);
  });

  it('keeps the statements that are run (and generated/) on one line, as TypeORM writes them', async () => {
    const { to } = await fixtureModels('add-column-index', dialect);
    const create = (oneColumnPerLine?: boolean) =>
      createPlan({ from: { ...to, tables: [] }, to, dialect: dialectFor(dialect), oneColumnPerLine }).statements[0]!
        .sql;
    expect(create()).not.toContain('\n');
    expect(create(true).split('\n').length).toBeGreaterThan(3);
    expect(
      create(true)
        .replace(/\(\n {2}/, '(')
        .replace(/,\n {2}/g, ', ')
        .replace(/\n\)/, ')'),
    ).toBe(create());
    expect(
      modelDdl(to, dialectFor(dialect))
        .split('\n')
        .filter((line) => line.startsWith('CREATE TABLE')),
    ).toEqual([expect.stringMatching(/\);$/)]);
  });

  it('compares columns in the desired order: a difference of column order alone, which no plan changes, is none', async () => {
    const { to } = await fixtureModels('add-column-index', dialect);
    const current = reversed(to, 'users');
    expect(createPlan({ from: current, to, dialect: dialectFor(dialect) }).changes).toEqual([]);
    const { text, reordered } = renderDdlDiff(current, to, dialectFor(dialect), paint(false));
    expect(text).toBe('');
    expect(reordered).toEqual([dialect === 'postgres' ? 'public.users' : 'users']);
    expect(columnOrderNote(reordered)).toBe(
      `Column order of table ${reordered[0]} differs between database (current) and entities (desired); apply never ` +
        'reorders columns, so the diff compares them in the desired order.',
    );
    expect(columnOrderNote([])).toBe('');
  });

  it('lines up the shared columns and still shows the columns one side lacks, in their place', async () => {
    const { from, to } = await fixtureModels('add-column-index', dialect);
    const { text, reordered } = renderDdlDiff(reversed(from, 'users'), to, dialectFor(dialect), paint(false));
    expect(reordered).toEqual([dialect === 'postgres' ? 'public.users' : 'users']);
    expect(changed(text).filter((line) => line !== '+')).toHaveLength(3);
    expect(changed(text).every((line) => line.startsWith('+'))).toBe(true);
  });
});
