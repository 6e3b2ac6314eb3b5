/**
 * What views need around the other changes of a plan, once a dialect has lowered them:
 * - a view that reads a relation the plan breaks (a SQLite table rebuild, a PostgreSQL column type change, a view
 *   that is dropped or replaced...) is dropped before and created again after, with its dependants in turn;
 * - TypeORM's `typeorm_metadata` table is created (if missing) when any change writes a record into it.
 */
import type { Change } from '../diff/changes';
import { writesMetadata } from '../diff/typeorm-metadata-facts';
import { qualifiedKey, type View } from '../model';
import type { RenderContext } from './dialect';

/** The keys of the relations (tables) a change breaks for the views that read them. */
export type BreaksViews = (change: Change) => readonly string[];

export function withViewUpkeep(changes: readonly Change[], context: RenderContext, breaks: BreaksViews): Change[] {
  const out = [...changes];
  const broken = new Map<string, string>();
  const dropped = new Set<string>();
  const created = new Set<string>();
  for (const change of changes) {
    for (const key of breaks(change)) if (!broken.has(key)) broken.set(key, `${key}, which changes`);
    if (change.kind === 'view.drop') {
      dropped.add(qualifiedKey(change.view));
      broken.set(qualifiedKey(change.view), `${qualifiedKey(change.view)}, which is dropped`);
    }
    if (change.kind === 'view.create') created.add(qualifiedKey(change.view));
  }
  const targets = new Map((context.to.views ?? []).map((view): [string, View] => [qualifiedKey(view), view]));
  for (let grew = true; grew;) {
    grew = false;
    for (const view of context.from.views ?? []) {
      const key = qualifiedKey(view);
      if (dropped.has(key)) continue;
      const cause = view.dependsOn.map((d) => broken.get(qualifiedKey(d))).find((c) => c !== undefined);
      if (cause === undefined) continue;
      const reason = `view ${key} reads ${cause}: it is dropped first and created again after`;
      out.push({ kind: 'view.drop', view, reason });
      dropped.add(key);
      broken.set(key, `${key}, which is dropped`);
      const target = targets.get(key);
      if (target && !created.has(key)) {
        out.push({ kind: 'view.create', view: target, reason });
        created.add(key);
      }
      grew = true;
    }
  }
  // A view dropped and created again gets its target indexes with it: index changes of its own would act on the
  // view that is dropped (or build an index the new view already has).
  const recreated = (change: Change): boolean =>
    (change.kind === 'index.create' || change.kind === 'index.drop') &&
    dropped.has(qualifiedKey(change.table)) &&
    (context.from.views ?? []).some((view) => qualifiedKey(view) === qualifiedKey(change.table));
  const kept = out.filter((change) => !recreated(change));
  out.length = 0;
  out.push(...kept);
  if (out.some(writesMetadata)) {
    out.unshift({
      kind: 'typeormMetadata.create',
      reason: 'TypeORM records view and generated column expressions in typeorm_metadata, created if it is missing',
    });
  }
  return out;
}
