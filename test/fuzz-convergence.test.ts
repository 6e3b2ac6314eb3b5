/**
 * Convergence fuzzing in CI: a fixed seed and a small count per dialect (long runs: `npm run fuzz`), and every shrunk
 * failing case found so far replayed from test/fuzz/regressions/. See scripts/fuzz/ and RELIABILITY.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { DialectName } from '../src/model';
import { CaseDatabases } from '../scripts/fuzz/case-database';
import { convergenceProperty } from '../scripts/fuzz/property';
import type { FuzzCase } from '../scripts/fuzz/resolve';
import { runCase } from '../scripts/fuzz/run-case';
import { DIALECTS } from './support/databases';
import { adminUrl } from './support/postgres';

const SEED = 20260707;
const RUNS = 25;
const REGRESSIONS = path.join(__dirname, 'fuzz', 'regressions');

let databases: CaseDatabases;
beforeAll(() => {
  databases = new CaseDatabases(adminUrl());
});
afterAll(async () => {
  await databases.close();
});

describe.each(DIALECTS)('convergence fuzzing on %s', (dialect: DialectName) => {
  it(`${RUNS} random schema pairs with rows converge and keep every row not declared lost (seed ${SEED})`, async () => {
    let ran = 0;
    let compared = 0;
    const property = convergenceProperty(dialect, databases, (result) => {
      ran++;
      compared += result.compared;
    });
    await fc.assert(property, { numRuns: RUNS, seed: SEED });
    // The cases really ran on databases, with rows to compare (a generator that made nothing would pass vacuously).
    expect(ran).toBe(RUNS);
    expect(compared).toBeGreaterThan(RUNS);
  }, 120_000);
});

const regressions = readdirSync(REGRESSIONS)
  .filter((file) => file.endsWith('.json'))
  .sort();

describe.each(regressions)('fuzz regression %s', (file) => {
  it('converges and keeps its rows', async () => {
    const fuzzCase = JSON.parse(readFileSync(path.join(REGRESSIONS, file), 'utf8')) as FuzzCase;
    const result = await runCase(fuzzCase, databases);
    expect(result.statements).toBeGreaterThan(0);
  });
});
