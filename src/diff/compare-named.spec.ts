import fc from 'fast-check';
import { deepEqual } from './compare-named';

/** Structural equality as it was first written (keys listed and filtered, then compared): the reference. */
function reference(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => reference(item, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => reference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

describe('deepEqual', () => {
  it('agrees with the reference on any pair of JSON-like values, equal or nearly equal', () => {
    const value = fc.jsonValue().map((v) => v as unknown);
    const withUndefined = fc.dictionary(fc.string(), fc.oneof(value, fc.constant(undefined)));
    fc.assert(
      fc.property(fc.oneof(value, withUndefined), fc.oneof(value, withUndefined), (a, b) => {
        expect(deepEqual(a, b)).toBe(reference(a, b));
        expect(deepEqual(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('ignores key order and undefined members, not anything else', () => {
    expect(deepEqual({ a: 1, b: [1, { c: undefined }] }, { b: [1, {}], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(deepEqual({ a: {} }, { a: [] })).toBe(false);
    expect(deepEqual({}, { toString: undefined })).toBe(true);
  });
});
