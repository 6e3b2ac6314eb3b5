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

/** Structural equality of plain JSON-like data (models are normalised, so key order does not matter). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
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
