import type { Model } from '../model';
import { qualifiedKey } from '../model';
import type { Change } from './changes';
import { pairByKey } from './compare-named';

/**
 * Views are compared by name, then by what TypeORM compares: the expression (and, on PostgreSQL, whether it is
 * materialized). A changed view is dropped and created again; `dependsOn` only orders changes.
 */
export function diffViews(from: Model, to: Model): Change[] {
  const changes: Change[] = [];
  const delta = pairByKey(from.views ?? [], to.views ?? [], qualifiedKey);
  for (const view of delta.added) {
    changes.push({ kind: 'view.create', view, reason: `view ${qualifiedKey(view)} is missing` });
  }
  for (const view of delta.dropped) {
    changes.push({ kind: 'view.drop', view, reason: `view ${qualifiedKey(view)} is not in the target schema` });
  }
  for (const { from: a, to: b } of delta.kept) {
    if (a.expression === b.expression && Boolean(a.materialized) === Boolean(b.materialized)) continue;
    const what = a.expression === b.expression ? (b.materialized ? 'becomes materialized' : 'is no longer materialized') : 'has a different expression';
    const reason = `view ${qualifiedKey(b)} ${what}: it is dropped and created again`;
    changes.push({ kind: 'view.drop', view: a, reason }, { kind: 'view.create', view: b, reason });
  }
  return changes;
}
