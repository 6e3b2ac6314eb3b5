import type { Column, DialectName } from '../../model';
import { defaultCode } from './column-default';

const column = (type: string, sql: string, extra: Partial<Column> = {}): Column => ({
  name: 'c',
  type,
  nullable: true,
  default: sql,
  ...extra,
});
const code = (dialect: DialectName, c: Column, enumMember?: (label: string) => string | undefined) =>
  defaultCode(c, { dialect, enumMember });

describe('defaultCode on postgres', () => {
  it.each([
    ['integer', '5', '5'],
    ['integer', '-5', '-5'],
    ['real', '2.5', '2.5'],
    ['numeric', '-1.5', '-1.5'],
    ['bigint', '9007199254740993', "'9007199254740993'"],
    ['boolean', 'true', 'true'],
    ['character varying', "'en'", "'en'"],
    ['character varying', "'it''s'", `() => "'it''s'"`],
    ['text', `'say "hi", it''s me'`, "() => `'say \"hi\", it''s me'`"],
    ['date', "'2020-01-01'", "'2020-01-01'"],
    ['timestamp without time zone', 'now()', "() => 'now()'"],
    ['date', "('now'::text)::date", `() => "('now'::text)::date"`],
    ['integer', '1 + 1', "() => '(1 + 1)'"],
    ['text', "'a' || 'b'", `() => "('a' || 'b')"`],
    ['text', "lower('X'::text)", `() => "lower('X'::text)"`],
    ['boolean', '1 IS NOT NULL', "() => '(1 IS NOT NULL)'"],
    ['timestamp without time zone', "now() AT TIME ZONE 'utc'", `() => "(now() AT TIME ZONE 'utc')"`],
    ['text', `'a' COLLATE "C"`, '() => `(\'a\' COLLATE "C")`'],
    ['jsonb', `'{"a":1,"b":[true,null]}'`, '{ a: 1, b: [true, null] }'],
    ['jsonb', `'"x"'`, '() => `\'"x"\'`'],
    ['json', `'{"__proto__":1}'`, '() => `\'{"__proto__":1}\'`'],
  ])('%s default %s -> %s', (type, sql, expected) => {
    expect(code('postgres', column(type, sql))).toBe(expected);
  });

  it.each([
    ['text', "'{}'", '[]'],
    ['text', "'{a,b}'", "['a', 'b']"],
    ['integer', "'{1,2}'", '[1, 2]'],
    ['text', `'{"a b"}'`, '() => `\'{"a b"}\'`'],
    ['text', "'{NULL}'", `() => "'{NULL}'"`],
  ])('array of %s default %s -> %s', (type, sql, expected) => {
    expect(code('postgres', column(type, sql, { array: true }))).toBe(expected);
  });

  it('names the TypeScript enum member of an enum label', () => {
    const member = (label: string) => (label === 'A1' ? 'DeckLevel.A1' : undefined);
    expect(code('postgres', column('enum', "'A1'"), member)).toBe('DeckLevel.A1');
    expect(code('postgres', column('enum', "'{A1}'", { array: true }), member)).toBe('[DeckLevel.A1]');
    expect(code('postgres', column('enum', "'B2'"), member)).toBe("'B2'");
  });
});

describe('defaultCode on sqlite', () => {
  it.each([
    ['boolean', '1', 'true'],
    ['boolean', '0', 'false'],
    ['integer', '0', '0'],
    ['real', '-0.5', '-0.5'],
    ['bigint', '9007199254740993', "() => '9007199254740993'"],
    ['varchar', "'en'", "'en'"],
    ['varchar', "'it''s'", `() => "'it''s'"`],
    ['datetime', "datetime('now')", `() => "datetime('now')"`],
    ['integer', '1 + 1', "() => '1 + 1'"],
    ['json', `'{"a":1}'`, '() => `\'{"a":1}\'`'],
  ])('%s default %s -> %s', (type, sql, expected) => {
    expect(code('sqlite', column(type, sql))).toBe(expected);
  });

  it('has no default when the column has none', () => {
    expect(defaultCode({ name: 'c', type: 'integer', nullable: true }, { dialect: 'sqlite' })).toBeUndefined();
  });
});
