import { NO_RENAMES, type Model, type Renames, type TargetScope } from '../model';
import type { Decision, Diagnostic } from '../model';
import type { Change } from './changes';
import { diffEnumComments } from './diff-enum-comments';
import type { EnumStrategy } from './diff-enums';
import { applyDeclaredRenames, findLookAlikes, withholdLookAlikes, type EntityNames } from './diff-renames';
import { diffPartitioning } from './diff-partitioning';
import { diffExtensions, diffSchemas } from './diff-schemas';

import { diffSequences } from './diff-sequences';
import { diffTables } from './diff-tables';
import { diffViews } from './diff-views';

export interface DiffResult {
  /** Unordered (but deterministic); the plan orders them by dependency. */
  readonly changes: readonly Change[];
  /** Differences this version cannot turn into changes, as errors the user sees. */
  readonly diagnostics: readonly Diagnostic[];
  /** Questions the diff cannot answer alone (a drop and an add that may be one rename). */
  readonly decisions: readonly Decision[];
  /**
   * The current model with the declared renames applied: the state the changes other than renames start from, which
   * lowering and rendering see as the current schema.
   */
  readonly from: Model;
}

export interface DiffOptions {
  /** How the models' dialect diffs enums (`Dialect.enums`). */
  readonly enums: EnumStrategy;
  /** Declared renames (`@RenamedFrom`, `schema/renames.json`), in database names of the models' dialect. */
  readonly renames?: Renames;
  /** Entity class and property names, so a question's decorator hint names them. */
  readonly entityNames?: EntityNames;
  /** Whether schemas and extensions the target lacks are dropped (`inventory`) or left alone (`needs`, the default). */
  readonly targetScope?: TargetScope;
}

/**
 * Compares two normalised models of the same dialect. Pure: no SQL, no dialect knowledge; the dialect has already
 * made equal meanings equal data (`Dialect.normalize`).
 */
export function diffModels(from: Model, to: Model, options: DiffOptions): DiffResult {
  if (from.dialect !== to.dialect) {
    throw new Error(`cannot diff a ${from.dialect} model against a ${to.dialect} model`);
  }
  const renames = options.renames ?? NO_RENAMES;
  // Declared renames run first (tables and columns, then enum types and labels), so every later change, an enum
  // type swap converting columns included, names objects as they are once renamed. Undeclared look-alikes are
  // withheld as decisions.
  const declared = applyDeclaredRenames(from, to, renames);
  const enums = options.enums.diffTypes(declared.from, to, renames);
  const lookAlikes = findLookAlikes(enums.from, to, renames, options.entityNames);
  const tableChanges = withholdLookAlikes(
    diffTables(enums.from, to, { pairByDefinition: declared.touched }),
    lookAlikes,
  );
  const tables = options.enums.finishColumns(tableChanges, enums, to, renames);
  const scope = options.targetScope ?? 'needs';
  const extensions = diffExtensions(from, to, scope);
  const schemas = diffSchemas(from, to, scope, extensions);
  return {
    changes: [
      ...schemas.changes,
      ...extensions,
      ...enums.changes,
      ...declared.changes,
      ...diffSequences(enums.from, to),
      ...tables.changes,
      ...diffViews(from, to),
      ...diffEnumComments(enums.from, to, enums.changes),
    ],
    diagnostics: [...enums.diagnostics, ...schemas.diagnostics, ...diffPartitioning(enums.from, to)],
    decisions: [...enums.decisions, ...lookAlikes.decisions, ...tables.decisions],
    from: enums.from,
  };
}
