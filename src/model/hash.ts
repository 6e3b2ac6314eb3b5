import { createHash } from 'node:crypto';
import { normalizeModel } from './normalize';
import type { Model } from './types';

/**
 * JSON with object keys in code-unit order and `undefined` members left out, so equal data gives equal text. (Built
 * by concatenation, keys by `Object.keys(...).sort()`, which is code-unit order: about 6x faster than mapping entries
 * the first time it runs, which in a CLI process is the only time; `test/stable-json.test.ts` holds it to the same text.)
 */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      if (!(i in value)) continue; // a hole (never in a model): nothing, as join() writes it
      const item: unknown = value[i];
      out += item === undefined ? 'null' : stableJson(item);
    }
    return `${out}]`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let out = '{';
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      if (!first) out += ',';
      first = false;
      out += `${JSON.stringify(key)}:${stableJson(member)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value);
}

/**
 * The schema hash: `sha256:` and the hex SHA-256 of the canonical model (`normalizeModel`) as JSON with sorted keys.
 * Two reads of an unchanged database give the same hash; any change to what a plan is made from changes it.
 */
export function hashModel(model: Model): string {
  return `sha256:${createHash('sha256')
    .update(stableJson(normalizeModel(model)))
    .digest('hex')}`;
}
