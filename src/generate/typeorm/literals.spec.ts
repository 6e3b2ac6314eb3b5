import { jsonCode, lineComment, objectLiteral, tsKey, tsString, tsTemplate } from './literals';

const evaluate = (code: string): unknown => new Function(`return (${code});`)();

const TRICKY = [
  '',
  'plain',
  "it's",
  'say "hi"',
  `say "hi", it's me`,
  'back\\slash',
  'line\nbreak\r\nand\ttab',
  'σημείωση, κόσμε',
  'emoji 😀 and \u2028 separators \u2029',
  'nul \u0000 and bell \u0007 and del \u007f',
  'lone \ud800 surrogate and \udc00',
  '`${template}` text',
  'both \' and " and `',
];

describe('tsString', () => {
  it.each(TRICKY)('reads back as the same string: %j', (value) => {
    expect(evaluate(tsString(value))).toBe(value);
    expect(evaluate(tsString(value, false))).toBe(value);
    expect(tsString(value, false)).toMatch(/^['"]/);
  });

  it('prefers single quotes, then double quotes, then a template literal, to spare escapes', () => {
    expect(tsString('en')).toBe("'en'");
    expect(tsString("datetime('now')")).toBe(`"datetime('now')"`);
    expect(tsString(`'say "hi"'`)).toBe('`\'say "hi"\'`');
    expect(tsString(`'say "hi"'`, false)).toBe(`'\\'say "hi"\\''`);
  });
});

describe('tsTemplate', () => {
  it.each(TRICKY)('reads back as the same string: %j', (value) => {
    expect(evaluate(tsTemplate(value))).toBe(value);
  });
});

describe('object literals', () => {
  it('quotes keys that are not identifiers and leaves out undefined entries', () => {
    expect(
      objectLiteral([
        ['name', "'x'"],
        ['skip', undefined],
        ['weird key', '1'],
      ]),
    ).toBe("{ name: 'x', 'weird key': 1 }");
    expect(tsKey('ok_$1')).toBe('ok_$1');
    expect(tsKey('1st')).toBe("'1st'");
  });

  it('writes JSON values as literals that evaluate to equal values, except objects with a __proto__ key', () => {
    const value = { version: 1, note: "it's", 'two words': [true, null, 1.5, { nested: 'σ' }], '': {} };
    expect(jsonCode(value)).toBe(
      `{ version: 1, note: "it's", 'two words': [true, null, 1.5, { nested: 'σ' }], '': {} }`,
    );
    expect(evaluate(jsonCode(value)!)).toEqual(value);
    expect(jsonCode(JSON.parse('{"a": {"__proto__": 1}}'))).toBeUndefined();
  });
});

describe('lineComment', () => {
  it('keeps a comment on one line whatever the text holds', () => {
    expect(lineComment('a\nb\r\nc */ d', '  ')).toBe('  // a b c */ d');
  });
});
