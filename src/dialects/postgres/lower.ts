/**
 * PostgreSQL can ALTER everything the change union describes; what it refuses is changing what a view reads: a
 * column's type (or dropping it, or a table) while a view depends on it. Those views are recreated around the change.
 */
import { tableOf } from '../../diff/change-facts';
import type { Change } from '../../diff/changes';
import { qualifiedKey } from '../../model';
import type { RenderContext } from '../dialect';
import { withViewUpkeep } from '../view-upkeep';
import { DEFAULT_SCHEMA } from './normalize';

function breaksViews(change: Change): string | undefined {
  const table = tableOf(change);
  if (!table) return undefined;
  const breaking =
    change.kind === 'table.drop' ||
    change.kind === 'column.drop' ||
    (change.kind === 'column.alter' && (change.fields.includes('type') || change.fields.includes('computed')));
  return breaking ? qualifiedKey({ schema: table.schema ?? DEFAULT_SCHEMA, name: table.name }) : undefined;
}

export function lowerPostgres(changes: readonly Change[], context: RenderContext): Change[] {
  return withViewUpkeep(changes, context, breaksViews);
}
