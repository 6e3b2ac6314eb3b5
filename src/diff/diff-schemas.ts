import type { Model } from '../model';
import type { Change } from './changes';

/**
 * Schemas the target needs that the current model does not know to exist are created; schemas are never dropped
 * (like extensions, they may hold objects the plan does not manage). Models without `schemas` (SQLite) have none.
 */
export function diffSchemas(from: Model, to: Model): Change[] {
  if (!from.schemas || !to.schemas) return [];
  const existing = new Set(from.schemas);
  return to.schemas
    .filter((name) => !existing.has(name))
    .map((name): Change => ({ kind: 'schema.create', name, reason: `schema ${name} does not exist` }));
}
