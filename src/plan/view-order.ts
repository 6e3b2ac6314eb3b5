import { tablesTouchedBy } from '../diff/change-facts';
import type { Change } from '../diff/changes';
import { writesMetadata } from '../diff/typeorm-metadata-facts';
import { qualifiedKey } from '../model';

/**
 * Ordering edges `[before, after]` for views and TypeORM's metadata table:
 * - a view is created after every change to the tables it reads (except their drop; an enum swap converting their
 *   columns counts) and after the views it reads
 *   are created;
 * - a view is dropped before anything changes on the tables it reads, and before the views it reads are dropped;
 * - a view's name is freed (drop) before it is created again, a table's (drop) before a view takes it, and a view's
 *   (drop) before a table takes it;
 * - `typeorm_metadata` exists before any change writes a record into it.
 */
export function viewEdges(changes: readonly Change[]): [number, number][] {
  const edges: [number, number][] = [];
  const reads = (change: Change): string[] =>
    change.kind === 'view.create' || change.kind === 'view.drop' ? change.view.dependsOn.map(qualifiedKey) : [];
  changes.forEach((x, i) => {
    // Only views and the metadata table order anything here: the inner loop runs for those few changes alone.
    if (x.kind !== 'view.create' && x.kind !== 'view.drop' && x.kind !== 'typeormMetadata.create') return;
    changes.forEach((y, j) => {
      if (i === j) return;
      if (x.kind === 'typeormMetadata.create' && writesMetadata(y)) edges.push([i, j]);
      const tables = tablesTouchedBy(y).map(qualifiedKey);
      if (x.kind === 'view.create') {
        const deps = reads(x);
        if (y.kind !== 'table.drop' && tables.some((t) => deps.includes(t))) edges.push([j, i]);
        if (y.kind === 'view.create' && deps.includes(qualifiedKey(y.view))) edges.push([j, i]);
        if (y.kind === 'view.drop' && qualifiedKey(y.view) === qualifiedKey(x.view)) edges.push([j, i]);
        if (y.kind === 'table.drop' && qualifiedKey(y.table) === qualifiedKey(x.view)) edges.push([j, i]);
      }
      if (x.kind === 'view.drop') {
        const deps = reads(x);
        if (tables.some((t) => deps.includes(t))) edges.push([i, j]);
        if (y.kind === 'view.drop' && deps.includes(qualifiedKey(y.view))) edges.push([i, j]);
        if (y.kind === 'table.create' && qualifiedKey(y.table) === qualifiedKey(x.view)) edges.push([i, j]);
      }
    });
  });
  return edges;
}
