import path from 'node:path';
import { discoverCases } from '../scripts/conformance/cases';
import {
  compareWithPglite,
  describeComparison,
  PGLITE_SUITES,
  pgliteSample,
  postgresSqlFiles,
} from '../scripts/conformance/pglite-compare';
import { REPO_ROOT } from './support/cli';
import { adminUrl } from './support/postgres';

/**
 * The sandbox is PostgreSQL 19 (PGlite); users' servers are older. The same SQL evaluated in PGlite and in the test
 * server (PostgreSQL 15) must introspect to the same managed model (scripts/conformance/pglite-compare.ts). Here a
 * fixed sample of the vendored pg-schema-diff and migra SQL files: every 25th file, and every 5th file that creates a
 * view (where PostgreSQL 16+ prints definitions differently). Every file (about 840): `npm run conformance --
 * --pglite` (RELIABILITY.md, "PGlite is PostgreSQL 19").
 */
const ROOT = path.join(REPO_ROOT, 'conformance', 'suites');

test('PGlite (PostgreSQL 19) and PostgreSQL 15 introspect a sample of the conformance SQL files to the same model', async () => {
  const cases = discoverCases(ROOT).filter((c) => PGLITE_SUITES.includes(c.suite));
  const all = postgresSqlFiles(cases);
  const sample = pgliteSample(all);
  expect(all.length).toBeGreaterThan(800);
  const views = sample.filter((f) => /\bview\b/i.test(f.sql)).length;
  const result = await compareWithPglite(
    sample,
    adminUrl(),
    cases.flatMap((c) => c.roles),
  );
  process.stdout.write(describeComparison(result, sample.length));
  expect(result.differences).toEqual([]);
  // The sample stays representative: files of every kind, a good share of them with views, nearly all compared.
  expect(sample.length).toBeGreaterThan(45);
  expect(views).toBeGreaterThan(15);
  expect(result.compared).toBeGreaterThan(sample.length - 5);
}, 600_000);
