/**
 * SQLite column collations (`COLLATE NOCASE`): read from the stored CREATE TABLE, compared, written, and kept by a
 * table rebuild made for another reason (which used to recreate the table without them); a change of collation
 * rebuilds the table with its rows. (TypeORM's `collation` column option: fixtures/sqlite-collations.)
 */
import { parseCreateTable } from '../src/dialects/sqlite';
import { migrateSql, modelOfSql, sqlOf } from './support/sqlite';

describe('SQLite column collations', () => {
  test('the parser reads a column collation, quoted or not, wherever it stands among the constraints', () => {
    const parsed = parseCreateTable(
      `CREATE TABLE t (id integer PRIMARY KEY AUTOINCREMENT COLLATE binary NOT NULL, a text COLLATE NOCASE, b varchar(5) NOT NULL COLLATE "rtrim" DEFAULT ('x'), c text)`,
    );
    expect(parsed.columns.map((c) => [c.name, c.collation])).toEqual([
      ['id', 'binary'],
      ['a', 'NOCASE'],
      ['b', 'rtrim'],
      ['c', undefined],
    ]);
  });

  test('introspection models collations in one spelling (upper case; BINARY, the default, is none)', async () => {
    const model = await modelOfSql(
      'CREATE TABLE t (id integer PRIMARY KEY, a text COLLATE nocase, b text COLLATE RTRIM, c text COLLATE BINARY);',
    );
    expect(model.tables[0]!.columns.map((c) => [c.name, c.collation])).toEqual([
      ['id', undefined],
      ['a', 'NOCASE'],
      ['b', 'RTRIM'],
      ['c', undefined],
    ]);
  });

  test('a rebuild for another change keeps the collations, and converges', async () => {
    const { plan, again, rows } = await migrateSql(
      `CREATE TABLE tags (id integer PRIMARY KEY, name text COLLATE NOCASE, n integer);
       INSERT INTO tags VALUES (1, 'Travel', NULL);`,
      'CREATE TABLE tags (id integer PRIMARY KEY, name text COLLATE NOCASE, n integer NOT NULL DEFAULT 0);',
      `SELECT id, n FROM tags WHERE name = 'TRAVEL'`,
    );
    expect(plan.changes.map((c) => c.kind)).toEqual(['table.rebuild']);
    expect(sqlOf(plan)[0]).toBe(
      'CREATE TABLE "temporary_tags" ("id" integer PRIMARY KEY NOT NULL, "name" text COLLATE NOCASE, "n" integer NOT NULL DEFAULT (0))',
    );
    expect(sqlOf(again)).toEqual([]);
    expect(rows).toEqual([{ id: 1, n: 0 }]);
  });

  test('a collation added, changed or removed rebuilds the table with its rows', async () => {
    const { plan, again, rows } = await migrateSql(
      `CREATE TABLE t (id integer PRIMARY KEY, a text, b text COLLATE NOCASE, c text COLLATE NOCASE);
       INSERT INTO t VALUES (1, 'A', 'b  ', 'C');`,
      'CREATE TABLE t (id integer PRIMARY KEY, a text COLLATE NOCASE, b text COLLATE RTRIM, c text);',
      `SELECT (a = 'a') AS a, (b = 'b') AS b, (c = 'c') AS c FROM t`,
    );
    expect(plan.changes.map((c) => [c.kind, c.reason])).toEqual([
      [
        'table.rebuild',
        'SQLite cannot alter t in place, so it is rebuilt: column t.a differs in collation; column t.b differs in collation; column t.c differs in collation',
      ],
    ]);
    expect(sqlOf(again)).toEqual([]);
    expect(rows).toEqual([{ a: 1, b: 1, c: 0 }]);
  });

  test('a new column with a collation is added in place', async () => {
    const { plan, again } = await migrateSql(
      'CREATE TABLE t (id integer PRIMARY KEY);',
      'CREATE TABLE t (id integer PRIMARY KEY, a text COLLATE NOCASE);',
    );
    expect(sqlOf(plan)).toEqual(['ALTER TABLE "t" ADD COLUMN "a" text COLLATE NOCASE']);
    expect(sqlOf(again)).toEqual([]);
  });
});
