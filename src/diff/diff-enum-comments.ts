import { qualifiedKey, type Model } from '../model';
import type { Change } from './changes';

/**
 * Comments of the PostgreSQL enum types that exist once the enum changes run: set in place when they differ. A new
 * type gets its comment with `enum.create`; a type swapped (`enum.recreate`) is a new type, which has none yet. `from`
 * is the current model with the declared renames applied, so a renamed type keeps its comment.
 */
export function diffEnumComments(from: Model, to: Model, enumChanges: readonly Change[]): Change[] {
  const created = new Set(enumChanges.flatMap((c) => (c.kind === 'enum.create' ? [qualifiedKey(c.enum)] : [])));
  const swapped = new Set(enumChanges.flatMap((c) => (c.kind === 'enum.recreate' ? [qualifiedKey(c.to)] : [])));
  const current = new Map(from.enums.map((e) => [qualifiedKey(e), e]));
  return to.enums.flatMap((type): Change[] => {
    const key = qualifiedKey(type);
    if (created.has(key) || !current.has(key)) return [];
    const before = swapped.has(key) ? undefined : current.get(key)!.comment;
    if (before === type.comment) return [];
    return [
      {
        kind: 'comment.set',
        target: { kind: 'type', object: { schema: type.schema, name: type.name } },
        from: before,
        to: type.comment,
        reason: `comment of enum type ${key} differs`,
      },
    ];
  });
}
