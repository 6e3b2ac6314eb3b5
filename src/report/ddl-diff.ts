import type { Dialect } from '../dialects/dialect';
import type { Model } from '../model';
import { modelDdl } from '../plan/ddl';
import type { Paint } from './colors';
import { renderUnifiedDiff } from './unified-diff';

/**
 * The end state for a reviewer: a unified diff of the full schema DDL, current vs desired, each side rendered from its
 * normalised model the same way, so only what differs shows. Empty when the schemas are equal.
 */
export function renderDdlDiff(
  current: Model,
  desired: Model,
  dialect: Dialect,
  p: Paint,
  names: { before: string; after: string } = { before: 'database', after: 'entities' },
): string {
  const before = modelDdl(dialect.normalize(current), dialect);
  const after = modelDdl(dialect.normalize(desired), dialect);
  return renderUnifiedDiff(before, after, { before: `${names.before} (current)`, after: `${names.after} (desired)` }, p);
}
