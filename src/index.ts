/**
 * The package's public API: `import { plan, apply, RenamedFrom } from 'schemaplan'`.
 *
 * - `RenamedFrom`, the decorator entity files use;
 * - `plan`, `apply`, `diff`, `inspect`: the CLI's commands as functions (src/workflow), which print nothing, never
 *   exit or prompt, and reject with a `SchemaplanError` whose `code` says what went wrong;
 * - the error classes, and the types of the options, the plan document and the model.
 *
 * The functions load their modules on first call, so entity files importing `RenamedFrom` load only the decorator.
 */
import type { Model } from './model';
import type { ApplyOptions, ApplyResult, DiffOptions, InspectOptions, PlanOptions } from './workflow/api-types';
import type { PlanDocument } from './workflow/plan-document';

export { RenamedFrom, type RenamedFromOptions } from './hints/renamed-from';

/** The plan that brings the database in line with the entities, as `schema plan --format json` prints it. */
export function plan(options?: PlanOptions): Promise<PlanDocument> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: importing the package (e.g. for @RenamedFrom) loads no workflow
  return (require('./workflow/api-plan') as typeof import('./workflow/api-plan')).plan(options);
}

/** Plans, refuses what `schema apply --yes` refuses, applies under the apply lock, and verifies. */
export function apply(options?: ApplyOptions): Promise<ApplyResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: importing the package (e.g. for @RenamedFrom) loads no workflow
  return (require('./workflow/api-apply') as typeof import('./workflow/api-apply')).apply(options);
}

/** The plan that turns one schema source into another, as `schema diff --format json` prints it. */
export function diff(options: DiffOptions): Promise<PlanDocument> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: importing the package (e.g. for @RenamedFrom) loads no workflow
  return (require('./workflow/api-diff') as typeof import('./workflow/api-diff')).diff(options);
}

/** The model of the database, or of the entities. */
export function inspect(options?: InspectOptions): Promise<Model> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: importing the package (e.g. for @RenamedFrom) loads no workflow
  return (require('./workflow/api-inspect') as typeof import('./workflow/api-inspect')).inspect(options);
}

export {
  SchemaplanError,
  EntityLoadError,
  CompileError,
  UrlError,
  ConnectionError,
  ApplyError,
  ApplyLockedError,
  GaveUpError,
  CancelledError,
  PlanFileError,
  StalePlanError,
  ConvergenceError,
  UsageError,
  SourceError,
  ConfigError,
  DependencyError,
} from './errors/errors';
export { PlanErrorsError, OpenDecisionsError, HazardsNotAllowedError, FailingHazardsError } from './workflow/errors';

export type {
  SourceOptions,
  PlanOptions,
  ApplyOptions,
  DiffOptions,
  DiffSource,
  InspectOptions,
  RenameAnswer,
  ApplyResult,
  AppliedStatement,
  ProgressEvent,
} from './workflow/api-types';
export type { PlanDocument } from './workflow/plan-document';
export type {
  Plan,
  PlannedStatement,
  Statement,
  Hazard,
  HazardCode,
  Diagnostic,
  Decision,
  PlanSummary,
  PartlyManaged,
} from './plan/types';
export type { Change } from './diff/changes';
export type { BlockedHazards, FailingHazards } from './plan/hazard-gate';
export type * from './model/types';
