import type { Model } from '../model';
import { memoizeByModel, memoizeByString } from './memo';

describe('memoizeByString', () => {
  it('computes each string once and gives the same answer again, undefined included', () => {
    const seen: string[] = [];
    const length = memoizeByString((text) => {
      seen.push(text);
      return text === '' ? undefined : text.length;
    });
    expect([length('ab'), length('ab'), length(''), length(''), length('abc')]).toEqual([
      2,
      2,
      undefined,
      undefined,
      3,
    ]);
    expect(seen).toEqual(['ab', '', 'abc']);
  });

  it('keeps at most `limit` answers, then starts again', () => {
    const seen: string[] = [];
    const upper = memoizeByString((text) => {
      seen.push(text);
      return text.toUpperCase();
    }, 2);
    ['a', 'b', 'a', 'c', 'a'].forEach((text) => upper(text));
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
  });

  it('remembers no failure: a string that threw is computed again', () => {
    let calls = 0;
    const failing = memoizeByString(() => {
      calls++;
      throw new Error('no');
    });
    expect(() => failing('x')).toThrow('no');
    expect(() => failing('x')).toThrow('no');
    expect(calls).toBe(2);
  });
});

describe('memoizeByModel', () => {
  const model = (name: string): Model => ({
    dialect: 'sqlite',
    extensions: [],
    enums: [],
    tables: [{ name, columns: [], foreignKeys: [], uniques: [], checks: [], indexes: [] }],
  });

  it('normalises each model object once, and returns a model it made as it is', () => {
    const seen: Model[] = [];
    const normalize = memoizeByModel((m) => {
      seen.push(m);
      return { ...m, tables: m.tables.map((t) => ({ ...t, name: t.name.toLowerCase() })) };
    });
    const input = model('Users');
    const first = normalize(input);
    expect(first.tables[0]!.name).toBe('users');
    expect(normalize(input)).toBe(first);
    expect(normalize(first)).toBe(first);
    const other = model('Users');
    expect(normalize(other)).not.toBe(first);
    expect(normalize(other)).toEqual(first);
    expect(seen).toEqual([input, other]);
  });
});
