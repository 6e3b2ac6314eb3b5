import { compareStrings } from '../model';

export interface NamedDelta<T> {
  readonly added: readonly T[];
  readonly dropped: readonly T[];
  readonly kept: readonly { readonly from: T; readonly to: T }[];
}

/** Pairs two collections by key; output order follows the keys, so it is deterministic. */
export function pairByKey<T>(from: readonly T[], to: readonly T[], key: (item: T) => string): NamedDelta<T> {
  const fromByKey = new Map(from.map((item) => [key(item), item]));
  const toByKey = new Map(to.map((item) => [key(item), item]));
  const keys = [...new Set([...fromByKey.keys(), ...toByKey.keys()])].sort(compareStrings);
  const added: T[] = [];
  const dropped: T[] = [];
  const kept: { from: T; to: T }[] = [];
  for (const k of keys) {
    const a = fromByKey.get(k);
    const b = toByKey.get(k);
    if (a !== undefined && b !== undefined) kept.push({ from: a, to: b });
    else if (b !== undefined) added.push(b);
    else if (a !== undefined) dropped.push(a);
  }
  return { added, dropped, kept };
}

/**
 * Structural equality of plain JSON-like data (models are normalised, so key order does not matter; a member whose
 * value is `undefined` is no member). Walks without copying: the diff compares every column of both models.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const x = a as readonly unknown[];
    const y = b as readonly unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!deepEqual(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let members = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key) || x[key] === undefined) continue;
    members++;
    if (!deepEqual(x[key], y[key])) return false;
  }
  for (const key in y) if (Object.hasOwn(y, key) && y[key] !== undefined) members--;
  return members === 0;
}

/**
 * What is compared of an object to decide whether it must be re-created: everything but its comment (set in place by
 * a `comment.set` change) and what the model does not describe (`unmodelled`: never compared, see
 * `UnmodelledAttribute`).
 */
export function definitionOf<T extends object>(item: T): Omit<T, 'comment' | 'unmodelled'> {
  const {
    comment: _comment,
    unmodelled: _unmodelled,
    ...definition
  } = item as T & { comment?: unknown; unmodelled?: unknown };
  return definition;
}
