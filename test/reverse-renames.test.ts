import { compileEntities } from '../src/compile/compile';
import { dialectFor } from '../src/dialects/registry';
import { readRenamesFile } from '../src/hints/renames-file';
import { reverseRenames, type DialectName } from '../src/model';
import { createPlan } from '../src/plan/plan';
import { REPO_ROOT } from './support/cli';
import { entityClasses } from './support/entities';

/** Up with the declared renames, down with them reversed: a migration's `down` renames back instead of dropping. */
async function upAndDown(fixture: string, dialect: DialectName) {
  const renamesFile = readRenamesFile(`fixtures/${fixture}/renames.json`, REPO_ROOT, false);
  const from = (await compileEntities(await entityClasses(`fixtures/${fixture}/from`), dialect)).model;
  const compiled = await compileEntities(await entityClasses(`fixtures/${fixture}/to`), dialect, { renamesFile });
  const up = createPlan({ from, to: compiled.model, dialect: dialectFor(dialect), renames: compiled.renames });
  const down = createPlan({
    from: compiled.model,
    to: from,
    dialect: dialectFor(dialect),
    renames: reverseRenames(compiled.renames, from),
  });
  expect(up.decisions).toEqual([]);
  expect(down.decisions).toEqual([]);
  expect(down.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const kinds = (plan: typeof up) =>
    plan.changes.flatMap((c) =>
      c.kind === 'table.rebuild' ? [c.kind, ...c.changes.map((inner) => inner.kind)] : [c.kind],
    );
  return { up: kinds(up), down: kinds(down), downPlan: down };
}

describe.each(['postgres', 'sqlite'] as const)('reversed renames (%s)', (dialect) => {
  it.each([
    ['rename-table', 'table.rename'],
    ['rename-column', 'column.rename'],
  ])('%s: down renames back', async (fixture, kind) => {
    const { up, down } = await upAndDown(fixture, dialect);
    expect(up).toContain(kind);
    expect(down).toContain(kind);
    expect(down).not.toContain('table.drop');
    expect(down).not.toContain('column.drop');
  });

  it('a renamed enum label is renamed back', async () => {
    const { down, downPlan } = await upAndDown('enum-value-rename', dialect);
    if (dialect === 'postgres') expect(down).toEqual(['enum.value.rename']);
    else expect(downPlan.statements.map((s) => s.sql).join('\n')).toMatch(/CASE .*'novice'.* THEN 'beginner'/s);
  });

  it('a label mapping has no way back: down adds the label again and maps nothing', async () => {
    const { down, downPlan } = await upAndDown('enum-value-remove-mapped', dialect);
    expect(down).not.toContain('enum.value.rename');
    expect(downPlan.statements.map((s) => s.sql).join('\n')).not.toMatch(/CASE/);
  });
});

it('postgres: a renamed enum type is renamed back', async () => {
  const { down } = await upAndDown('enum-rename-type', 'postgres');
  expect(down).toContain('enum.rename');
  expect(down).not.toContain('enum.drop');
});
