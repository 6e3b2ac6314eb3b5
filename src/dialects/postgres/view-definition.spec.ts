import { canonicalViewDefinition } from './view-definition';

describe('canonicalViewDefinition (PostgreSQL 15 and 16+ spell a view the same)', () => {
  it.each([
    ['SELECT basetable.name\n   FROM basetable;', 'SELECT name\n   FROM basetable;'],
    [
      "SELECT foobar.id,\n    foobar.foo\n   FROM foobar\n  WHERE ((foobar.buzz)::text = 'pending'::text);",
      "SELECT id,\n    foo\n   FROM foobar\n  WHERE ((buzz)::text = 'pending'::text);",
    ],
    [
      'SELECT "New_table".id\n   FROM "New_table"\n  WHERE ("New_table".version > 0);',
      'SELECT id\n   FROM "New_table"\n  WHERE (version > 0);',
    ],
    ["SELECT fff.x\n   FROM fff('abc123'::text) fff(x);", "SELECT x\n   FROM fff('abc123'::text) fff(x);"],
    [
      'SELECT bar.foo,\n    avg(bar.bar) AS avg_bar\n   FROM bar\n  GROUP BY bar.foo;',
      'SELECT foo,\n    avg(bar) AS avg_bar\n   FROM bar\n  GROUP BY foo;',
    ],
    [
      'SELECT t.a\n   FROM t\n  WHERE (t.a IS DISTINCT FROM 1);',
      'SELECT a\n   FROM t\n  WHERE (a IS DISTINCT FROM 1);',
    ],
  ])('strips the prefixes of a query with one relation: %j', (pg15, pg16) => {
    expect(canonicalViewDefinition(pg15)).toBe(pg16);
    expect(canonicalViewDefinition(pg16)).toBe(pg16);
  });

  it.each([
    ['a join', 'SELECT a.x,\n    b.y\n   FROM (a\n     JOIN b ON ((a.id = b.id)));'],
    ['a comma list', 'SELECT a.x,\n    b.y\n   FROM a,\n    b;'],
    ['a set operation', 'SELECT t.a\n   FROM t\nUNION\n SELECT u.a\n   FROM u;'],
    ['a literal that looks like a prefix', "SELECT 't.a'::text AS x\n   FROM u;"],
  ])('leaves %s alone', (_what, definition) => {
    expect(canonicalViewDefinition(definition)).toBe(definition);
  });

  it('keeps the prefixes inside a subquery, which every version prints', () => {
    const pg15 =
      'SELECT t.a\n   FROM t\n  WHERE (t.a IN ( SELECT u.a\n           FROM u\n          WHERE (u.b = t.b)));';
    expect(canonicalViewDefinition(pg15)).toBe(
      'SELECT a\n   FROM t\n  WHERE (a IN ( SELECT u.a\n           FROM u\n          WHERE (u.b = t.b)));',
    );
  });
});
