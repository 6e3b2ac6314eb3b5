import fc from 'fast-check';
import { stableJson } from '../src/model/hash';
import { compareStrings } from '../src/model/normalize';

/** The schema hash's JSON as it was first written (entries mapped, sorted with compareStrings): the reference. */
function reference(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : reference(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareStrings(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('stableJson', () => {
  it('gives the same text as the reference for any JSON-like value (so schema hashes in plan files stay valid)', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withObjectString: true,
          withNullPrototype: true,
          withSparseArray: true,
          key: fc.string({ unit: 'binary' }),
        }),
        (value) => {
          expect(stableJson(value)).toBe(reference(value));
        },
      ),
      { numRuns: 2000 },
    );
    expect(stableJson({ b: 1, a: [undefined, { d: undefined, é: 'x', Z: null }] })).toBe(
      '{"a":[null,{"Z":null,"é":"x"}],"b":1}',
    );
  });
});
