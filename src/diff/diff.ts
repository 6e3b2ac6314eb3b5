import { NO_RENAMES, type Model, type Renames } from '../model';
import type { Decision, Diagnostic } from '../plan/types';
import type { Change } from './changes';
import { diffEnums, diffExtensions, finishEnumColumns } from './diff-enums';
import { diffSchemas } from './diff-schemas';
import { diffTables } from './diff-tables';
import { diffViews } from './diff-views';

export interface DiffResult {
  /** Unordered (but deterministic); the plan orders them by dependency. */
  readonly changes: readonly Change[];
  /** Differences this version cannot turn into changes, as errors the user sees. */
  readonly diagnostics: readonly Diagnostic[];
  /** Questions the diff cannot answer alone (a drop and an add that may be one rename). */
  readonly decisions: readonly Decision[];
}

/**
 * Compares two normalised models of the same dialect. Pure: no SQL, no dialect knowledge; the dialect has already
 * made equal meanings equal data (`Dialect.normalize`).
 */
export function diffModels(from: Model, to: Model, renames: Renames = NO_RENAMES): DiffResult {
  if (from.dialect !== to.dialect) {
    throw new Error(`cannot diff a ${from.dialect} model against a ${to.dialect} model`);
  }
  // Declared enum renames run first; the tables are compared as they read after them.
  const enums = diffEnums(from, to, renames);
  const tables = finishEnumColumns(diffTables(enums.from, to), enums, to, renames);
  return {
    changes: [
      ...diffSchemas(from, to),
      ...diffExtensions(from, to),
      ...enums.changes,
      ...tables.changes,
      ...diffViews(from, to),
    ],
    diagnostics: enums.diagnostics,
    decisions: [...enums.decisions, ...tables.decisions],
  };
}
