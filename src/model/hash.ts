import { createHash } from 'node:crypto';
import { compareStrings, normalizeModel } from './normalize';
import type { Model } from './types';

/** JSON with object keys in code-unit order and `undefined` members left out, so equal data gives equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : stableJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareStrings(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The schema hash: `sha256:` and the hex SHA-256 of the canonical model (`normalizeModel`) as JSON with sorted keys.
 * Two reads of an unchanged database give the same hash; any change to what a plan is made from changes it.
 */
export function hashModel(model: Model): string {
  return `sha256:${createHash('sha256').update(stableJson(normalizeModel(model))).digest('hex')}`;
}
