/** The convergence property, shared by the CI test (test/fuzz-convergence.test.ts) and `npm run fuzz`. */
import fc from 'fast-check';
import type { DialectName } from '../../src/model';
import type { CaseDatabases } from './case-database';
import { resolveCase } from './resolve';
import { runCase } from './run-case';
import { universeArbitrary } from './universe';

export function convergenceProperty(dialect: DialectName, databases: CaseDatabases) {
  return fc.asyncProperty(universeArbitrary, async (universe) => {
    await runCase(resolveCase(dialect, universe), databases);
  });
}
