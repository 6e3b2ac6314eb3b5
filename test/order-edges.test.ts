import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { dependencyEdges, mustPrecede, type Indexed } from '../src/plan/order';
import { tableOf } from '../src/diff/change-facts';
import { compileEntities } from '../src/compile/compile';
import type { Change } from '../src/diff/changes';
import { dialectFor } from '../src/dialects/registry';
import { emptyModel, qualifiedKey } from '../src/model';
import { createPlan } from '../src/plan/plan';
import { entityClasses } from './support/entities';
import { viewEdges } from '../src/plan/view-order';
import { REPO_ROOT } from './support/cli';
import { fixturePlan } from './support/fixture-plan';

/** Every fixture that starts from entities, on both dialects. */
const cases = readdirSync(path.join(REPO_ROOT, 'fixtures'))
  .filter((name) => existsSync(path.join(REPO_ROOT, 'fixtures', name, 'from')))
  .flatMap((name) => (['postgres', 'sqlite'] as const).map((dialect) => [name, dialect] as const));

function edgesOfEveryPair(changes: readonly Change[]): [number, number][] {
  const indexed = changes.map((change, i): Indexed => {
    const table = tableOf(change);
    return { change, i, table: table ? qualifiedKey(table) : '' };
  });
  const edges: [number, number][] = [];
  for (const a of indexed) for (const b of indexed) if (a.i !== b.i && mustPrecede(a, b)) edges.push([a.i, b.i]);
  edges.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return [...edges, ...viewEdges(changes)];
}

/**
 * Ordering finds its edges through indexes (same table, referenced table, enum type, schema) rather than comparing
 * every pair of changes. Checked here against comparing every pair, on the changes of every fixture, backwards too.
 */
describe('dependency edges found through indexes equal those of comparing every pair', () => {
  it.each(cases)('%s (%s)', async (name, dialect) => {
    const plan = await fixturePlan(name, dialect);
    for (const changes of [plan.changes, [...plan.changes].reverse()]) {
      expect(dependencyEdges(changes)).toEqual(edgesOfEveryPair(changes));
    }
  });

  it.each(['postgres', 'sqlite'] as const)('the example schema created and dropped (%s)', async (dialect) => {
    const schema = (await compileEntities(await entityClasses('schema'), dialect)).model;
    for (const [from, to] of [
      [emptyModel(dialect), schema],
      [schema, emptyModel(dialect)],
    ] as const) {
      const { changes } = createPlan({ from, to, dialect: dialectFor(dialect) });
      expect(dependencyEdges(changes)).toEqual(edgesOfEveryPair(changes));
    }
  });

  it('finds edges at all (the comparison is not vacuous)', async () => {
    const plan = await fixturePlan('many-to-many', 'postgres');
    expect(dependencyEdges(plan.changes).length).toBeGreaterThan(0);
  });
});
