import { canonicalKeyOrder, keyOrderSql, withIndexKeys } from './index-keys';
import { normalizeModel } from './normalize';
import type { Index, Model } from './types';

const base = { name: 'i', columns: [], unique: false };

describe('index key order', () => {
  it('keeps only what is not the default for the direction', () => {
    expect(canonicalKeyOrder({})).toEqual({});
    expect(canonicalKeyOrder({ nulls: 'last' })).toEqual({});
    expect(canonicalKeyOrder({ nulls: 'first' })).toEqual({ nulls: 'first' });
    expect(canonicalKeyOrder({ desc: true })).toEqual({ desc: true });
    expect(canonicalKeyOrder({ desc: true, nulls: 'first' })).toEqual({ desc: true });
    expect(canonicalKeyOrder({ desc: true, nulls: 'last' })).toEqual({ desc: true, nulls: 'last' });
  });

  it('renders the order as the SQL after a key', () => {
    expect(keyOrderSql({})).toBe('');
    expect(keyOrderSql({ nulls: 'last' })).toBe('');
    expect(keyOrderSql({ nulls: 'first' })).toBe('NULLS FIRST');
    expect(keyOrderSql({ desc: true, nulls: 'first' })).toBe('DESC');
    expect(keyOrderSql({ desc: true, nulls: 'last' })).toBe('DESC NULLS LAST');
  });

  it('keeps `keys` only when a key is an expression or has an order', () => {
    expect(
      withIndexKeys(base, [
        { column: 'a', nulls: 'last' },
        { column: 'b', desc: true, nulls: 'first' },
      ]),
    ).toEqual({
      ...base,
      columns: ['a', 'b'],
      keys: [{ column: 'a' }, { column: 'b', desc: true }],
    });
    const plain = withIndexKeys(base, [{ column: 'a' }, { column: 'b', nulls: 'last' }]);
    expect(plain).toEqual({ ...base, columns: ['a', 'b'], keys: undefined });
    expect(withIndexKeys(base, [{ expression: 'lower(a)', desc: true, nulls: 'last' }])).toEqual({
      ...base,
      columns: [],
      keys: [{ expression: 'lower(a)', desc: true, nulls: 'last' }],
    });
  });

  it('normalises an index written with default orders to the shape of one written without', () => {
    const model = (index: Index): Model => ({
      dialect: 'postgres',
      extensions: [],
      enums: [],
      tables: [{ name: 't', columns: [], foreignKeys: [], uniques: [], checks: [], indexes: [index] }],
    });
    const spelled = normalizeModel(model({ ...base, columns: ['a'], keys: [{ column: 'a', nulls: 'last' }] }));
    const plain = normalizeModel(model({ ...base, columns: ['a'] }));
    expect(JSON.stringify(spelled)).toBe(JSON.stringify(plain));
    const ordered = normalizeModel(
      model({ ...base, columns: ['a'], keys: [{ column: 'a', nulls: 'first', desc: true }] }),
    );
    expect(ordered.tables[0]!.indexes[0]).toEqual({ ...base, columns: ['a'], keys: [{ column: 'a', desc: true }] });
  });
});
