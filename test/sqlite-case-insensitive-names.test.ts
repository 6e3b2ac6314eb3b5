/**
 * SQLite compares table, column, index and constraint names ASCII case-insensitively: `USERS` and `users` are one
 * table (and cannot be renamed into each other). A plan pairs them as the same object, changes only what differs
 * besides the case, and converges; PostgreSQL, where case matters, is unaffected.
 */
import { dialectFor } from '../src/dialects/registry';
import type { Model } from '../src/model';
import { createPlan } from '../src/plan/plan';
import { migrateSql, sqlOf } from './support/sqlite';

describe('names that differ only in case on SQLite', () => {
  test('a column added to USERS when the target spells it users: no second table', async () => {
    const { plan, again, migrated } = await migrateSql(
      'CREATE TABLE USERS (id integer PRIMARY KEY);',
      'CREATE TABLE users (id integer PRIMARY KEY, name text);',
    );
    expect(plan.decisions).toEqual([]);
    expect(sqlOf(plan)).toEqual(['ALTER TABLE "users" ADD COLUMN "name" text']);
    expect(sqlOf(again)).toEqual([]);
    expect(migrated.tables.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual([['USERS', ['id', 'name']]]);
  });

  test('tables, columns, indexes and references spelled in another case plan as empty', async () => {
    const { plan } = await migrateSql(
      `CREATE TABLE Products (Id integer PRIMARY KEY, Name text UNIQUE);
       CREATE TABLE Orders (id integer PRIMARY KEY, product_ID integer REFERENCES products (ID));
       CREATE INDEX Idx_Name ON PRODUCTS (NAME);`,
      `CREATE TABLE products (id integer PRIMARY KEY, name text UNIQUE);
       CREATE TABLE orders (id integer PRIMARY KEY, product_id integer REFERENCES PRODUCTS (id));
       CREATE INDEX idx_name ON products (name);`,
    );
    expect(plan.decisions).toEqual([]);
    expect(sqlOf(plan)).toEqual([]);
  });

  test('an index created on PRODUCTS when the table is Products, and a column dropped from Users as USERS', async () => {
    const index = await migrateSql(
      'CREATE TABLE Products (id integer PRIMARY KEY, name text);',
      'CREATE TABLE products (id integer PRIMARY KEY, name text); CREATE INDEX idx_name ON PRODUCTS (name);',
    );
    expect(sqlOf(index.plan)).toEqual(['CREATE INDEX "idx_name" ON "products" ("name")']);
    expect(sqlOf(index.again)).toEqual([]);
    const drop = await migrateSql(
      'CREATE TABLE Users (id integer PRIMARY KEY, old_col text);',
      'CREATE TABLE USERS (id integer PRIMARY KEY);',
    );
    expect(drop.plan.decisions).toEqual([]);
    expect(sqlOf(drop.plan).join('\n')).not.toMatch(/CREATE TABLE "USERS"/);
    expect(sqlOf(drop.again)).toEqual([]);
  });

  test('a table rebuilt for a type change keeps its rows and converges', async () => {
    const { plan, again, migrated, rows } = await migrateSql(
      `CREATE TABLE Users (id integer PRIMARY KEY, Age text); INSERT INTO Users VALUES (1, '42');`,
      'CREATE TABLE users (id integer PRIMARY KEY, age integer);',
      'SELECT * FROM users',
    );
    expect(plan.decisions).toEqual([]);
    expect(plan.changes.map((c) => c.kind)).toEqual(['table.rebuild']);
    expect(sqlOf(again)).toEqual([]);
    expect(migrated.tables.map((t) => t.name)).toEqual(['users']);
    expect(rows).toEqual([{ id: 1, age: 42 }]);
  });

  test('PostgreSQL, where case matters, still sees two tables', () => {
    const dialect = dialectFor('postgres');
    const table = (name: string) => ({
      schema: 'public',
      name,
      columns: [{ name: 'id', type: 'integer', nullable: false }],
      foreignKeys: [],
      uniques: [],
      checks: [],
      indexes: [],
    });
    const model = (name: string): Model => ({
      dialect: 'postgres',
      schemas: ['public'],
      extensions: [],
      enums: [],
      tables: [table(name)],
    });
    const plan = createPlan({ from: model('USERS'), to: model('users'), dialect });
    expect(plan.decisions.length + plan.changes.filter((c) => c.kind === 'table.create').length).toBeGreaterThan(0);
  });
});
