/** The convergence property, shared by the CI test (test/fuzz-convergence.test.ts) and `npm run fuzz`. */
import fc from 'fast-check';
import type { DialectName } from '../../src/model';
import type { CaseDatabases } from './case-database';
import { resolveCase } from './resolve';
import { runCase, type CaseResult } from './run-case';
import { universeArbitrary } from './universe';

/** `onResult` sees every case that passed (coverage statistics). */
export function convergenceProperty(
  dialect: DialectName,
  databases: CaseDatabases,
  onResult?: (result: CaseResult) => void,
) {
  return fc.asyncProperty(universeArbitrary, async (universe) => {
    onResult?.(await runCase(resolveCase(dialect, universe), databases));
  });
}
