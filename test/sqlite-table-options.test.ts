/**
 * SQLite's table options STRICT and WITHOUT ROWID: read from the database, written in CREATE TABLE, and a change of
 * either rebuilds the table with its rows (SQLite cannot ALTER them).
 */
import { parseCreateTable } from '../src/dialects/sqlite';
import { migrateSql, modelOfSql, sqlOf } from './support/sqlite';

const OPTIONS =
  "SELECT name, strict, wr FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name";

describe('SQLite STRICT and WITHOUT ROWID tables', () => {
  test('the parser reads both options, in either order', () => {
    expect(parseCreateTable('CREATE TABLE t (id integer PRIMARY KEY) STRICT, WITHOUT ROWID')).toMatchObject({
      strict: true,
      withoutRowid: true,
    });
    expect(parseCreateTable('CREATE TABLE t (id integer PRIMARY KEY) without rowid , strict')).toMatchObject({
      strict: true,
      withoutRowid: true,
    });
    expect(parseCreateTable('CREATE TABLE t (id integer PRIMARY KEY, "strict" text)')).toMatchObject({
      strict: false,
      withoutRowid: false,
    });
  });

  test('introspection models them; plain tables carry neither', async () => {
    const model = await modelOfSql(
      `CREATE TABLE a (id integer PRIMARY KEY, data ANY) STRICT;
       CREATE TABLE b (name text PRIMARY KEY) WITHOUT ROWID;
       CREATE TABLE c (id integer PRIMARY KEY);`,
    );
    expect(model.tables.map((t) => [t.name, t.strict, t.withoutRowid])).toEqual([
      ['a', true, undefined],
      ['b', undefined, true],
      ['c', undefined, undefined],
    ]);
  });

  test('a new table is created with its options and converges', async () => {
    const { plan, again, rows } = await migrateSql(
      '',
      'CREATE TABLE kv (id integer PRIMARY KEY, data ANY) STRICT, WITHOUT ROWID;',
      OPTIONS,
    );
    expect(sqlOf(plan)).toEqual([
      'CREATE TABLE "kv" ("id" integer PRIMARY KEY NOT NULL, "data" any) STRICT, WITHOUT ROWID',
    ]);
    expect(sqlOf(again)).toEqual([]);
    expect(rows).toEqual([{ name: 'kv', strict: 1, wr: 1 }]);
  });

  test('a plain table becoming STRICT and WITHOUT ROWID is rebuilt with its rows, and says STRICT may refuse rows', async () => {
    const { plan, again, rows } = await migrateSql(
      `CREATE TABLE items (id integer PRIMARY KEY, name text); INSERT INTO items VALUES (1, 'lamp');`,
      'CREATE TABLE items (id integer PRIMARY KEY, name text) STRICT, WITHOUT ROWID;',
      `SELECT i.*, l.strict, l.wr FROM items i, pragma_table_list('items') l`,
    );
    expect(plan.changes.map((c) => [c.kind, c.reason])).toEqual([
      [
        'table.rebuild',
        'SQLite cannot alter items in place, so it is rebuilt: table items becomes STRICT and becomes WITHOUT ROWID',
      ],
    ]);
    expect(plan.statements[0]!.hazards.map((h) => h.message).join()).toMatch(/new table is STRICT/);
    expect(sqlOf(again)).toEqual([]);
    expect(rows).toEqual([{ id: 1, name: 'lamp', strict: 1, wr: 1 }]);
  });

  test('an option change together with a column change is one rebuild', async () => {
    const { plan, again, rows } = await migrateSql(
      `CREATE TABLE config (id integer PRIMARY KEY) STRICT; INSERT INTO config VALUES (7);`,
      'CREATE TABLE config (id integer PRIMARY KEY, payload text);',
      `SELECT c.*, l.strict FROM config c, pragma_table_list('config') l`,
    );
    expect(plan.changes.map((c) => c.kind)).toEqual(['table.rebuild']);
    expect(plan.changes[0]!.reason).toMatch(/config is no longer STRICT/);
    expect(sqlOf(again)).toEqual([]);
    expect(rows).toEqual([{ id: 7, payload: null, strict: 0 }]);
  });

  test('a column added to a STRICT table keeps it STRICT, without a rebuild', async () => {
    const { plan, again, rows } = await migrateSql(
      'CREATE TABLE config (id integer PRIMARY KEY) STRICT;',
      'CREATE TABLE config (id integer PRIMARY KEY, payload ANY) STRICT;',
      OPTIONS,
    );
    expect(sqlOf(plan)).toEqual(['ALTER TABLE "config" ADD COLUMN "payload" any']);
    expect(sqlOf(again)).toEqual([]);
    expect(rows).toEqual([{ name: 'config', strict: 1, wr: 0 }]);
  });
});
