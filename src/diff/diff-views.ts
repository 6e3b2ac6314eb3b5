import type { Model, QualifiedName, View } from '../model';
import { qualifiedKey } from '../model';
import type { Change } from './changes';
import { deepEqual, definitionOf, pairByKey } from './compare-named';

/**
 * Views are compared by name, then by what TypeORM compares: the expression (and, on PostgreSQL, whether it is
 * materialized, and its options). A changed view is dropped and created again (with its indexes and comment);
 * `dependsOn` only orders changes. The indexes of a materialized view that stays are compared by name, like a
 * table's; its comment is set in place.
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
    const sameOptions = deepEqual(a.options ?? [], b.options ?? []);
    if (a.expression === b.expression && Boolean(a.materialized) === Boolean(b.materialized) && sameOptions) {
      changes.push(...diffViewIndexes(a, b));
      if (a.comment !== b.comment) {
        const kind = b.materialized ? 'materialized view' : 'view';
        changes.push({
          kind: 'comment.set',
          target: { kind, object: { schema: b.schema, name: b.name } },
          from: a.comment,
          to: b.comment,
          reason: `comment of ${kind} ${qualifiedKey(b)} differs`,
        });
      }
      continue;
    }
    const what =
      a.expression !== b.expression
        ? 'has a different expression'
        : Boolean(a.materialized) !== Boolean(b.materialized)
          ? b.materialized
            ? 'becomes materialized'
            : 'is no longer materialized'
          : `has other options (${(b.options ?? []).join(', ') || 'none'})`;
    const reason = `view ${qualifiedKey(b)} ${what}: it is dropped and created again`;
    changes.push({ kind: 'view.drop', view: a, reason }, { kind: 'view.create', view: b, reason });
  }
  return changes;
}

function diffViewIndexes(from: View, to: View): Change[] {
  const table: QualifiedName = { schema: to.schema, name: to.name };
  const name = qualifiedKey(to);
  const changes: Change[] = [];
  const delta = pairByKey(from.indexes ?? [], to.indexes ?? [], (index) => index.name);
  for (const index of delta.dropped) {
    changes.push({
      kind: 'index.drop',
      table,
      index,
      reason: `index ${index.name} on materialized view ${name} is not in the target schema`,
    });
  }
  for (const index of delta.added) {
    changes.push({
      kind: 'index.create',
      table,
      index,
      reason: `index ${index.name} on materialized view ${name} is missing`,
    });
  }
  for (const pair of delta.kept) {
    if (deepEqual(definitionOf(pair.from), definitionOf(pair.to))) {
      if (pair.from.comment !== pair.to.comment) {
        changes.push({
          kind: 'comment.set',
          target: { kind: 'index', table, name: pair.to.name },
          from: pair.from.comment,
          to: pair.to.comment,
          reason: `comment of index ${pair.to.name} on materialized view ${name} differs`,
        });
      }
      continue;
    }
    const reason = `index ${pair.to.name} on materialized view ${name} has a different definition`;
    changes.push(
      { kind: 'index.drop', table, index: pair.from, reason },
      { kind: 'index.create', table, index: pair.to, reason },
    );
  }
  return changes;
}
