import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileEntities } from '../../src/compile/compile';
import { dialectFor } from '../../src/dialects/registry';
import type { DialectName } from '../../src/model';
import { createPlan } from '../../src/plan/plan';
import type { Plan } from '../../src/plan/types';
import { REPO_ROOT } from './cli';
import { entityClasses } from './entities';

/** The plan from a fixture's `from/` entities to its `to/` entities, model against model (no database). */
export async function fixturePlan(name: string, dialect: DialectName = 'postgres'): Promise<Plan> {
  const from = (await compileEntities(await entityClasses(`fixtures/${name}/from`), dialect)).model;
  const to = (await compileEntities(await entityClasses(`fixtures/${name}/to`), dialect)).model;
  return createPlan({ from, to, dialect: dialectFor(dialect) });
}

/** Compares `actual` with `test/golden/<name>`; `UPDATE_GOLDEN=1` rewrites the file instead. */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(REPO_ROOT, 'test', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
