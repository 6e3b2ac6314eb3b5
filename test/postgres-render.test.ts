import type { Change, ColumnField } from '../src/diff/changes';
import { postgresDialect } from '../src/dialects/postgres';
import type { Column, Model, Table } from '../src/model';

const T = { schema: 'public', name: 'users' };
const table: Table = {
  schema: 'public',
  name: 'users',
  columns: [{ name: 'id', type: 'integer', nullable: false }],
  primaryKey: { name: 'PK_users', columns: ['id'] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
};
const existing: Model = {
  dialect: 'postgres',
  extensions: [],
  enums: [{ schema: 'public', name: 'level', values: ['a', 'b'] }],
  tables: [table],
};
const empty: Model = { dialect: 'postgres', extensions: [], enums: [], tables: [] };

function render(change: Change, from: Model = existing) {
  return postgresDialect.render(change, { from, to: existing });
}
const sqlOf = (change: Change, from?: Model) => render(change, from).map((s) => s.sql);
const hazardsOf = (change: Change, from?: Model) => render(change, from).map((s) => s.hazards.map((h) => h.code));
const col = (extra: Partial<Column>): Column => ({ name: 'c', type: 'text', nullable: true, ...extra });
const reason = 'r';

test('extensions and enums', () => {
  expect(sqlOf({ kind: 'extension.create', name: 'uuid-ossp', reason })).toEqual([
    'CREATE EXTENSION IF NOT EXISTS "uuid-ossp"',
  ]);
  expect(
    sqlOf({ kind: 'enum.create', enum: { schema: 'public', name: 'level', values: ["it's", 'b'] }, reason }),
  ).toEqual([`CREATE TYPE "public"."level" AS ENUM ('it''s', 'b')`]);
  expect(
    sqlOf({ kind: 'enum.value.add', enum: { schema: 'public', name: 'level' }, value: 'a2', before: 'b', reason }),
  ).toEqual([`ALTER TYPE "public"."level" ADD VALUE 'a2' BEFORE 'b'`]);
  expect(sqlOf({ kind: 'enum.value.add', enum: { name: 'level' }, value: 'c', reason })).toEqual([
    `ALTER TYPE "public"."level" ADD VALUE 'c'`,
  ]);
  expect(hazardsOf({ kind: 'enum.drop', enum: existing.enums[0]!, reason })).toEqual([['DATA_LOSS']]);
  // Transactional unless the desired schema uses the new label (PostgreSQL refuses that before COMMIT).
  const add: Change = { kind: 'enum.value.add', enum: { schema: 'public', name: 'level' }, value: 'c', reason };
  expect(render(add).map((s) => s.transactional)).toEqual([true]);
  const using = (column: Partial<Column>): Model => ({
    ...existing,
    tables: [{ ...table, columns: [...table.columns, col({ type: 'enum', enum: { name: 'level' }, ...column })] }],
  });
  for (const model of [using({ default: `'c'` }), using({ array: true, default: `'{a,c}'` })]) {
    expect(postgresDialect.render(add, { from: existing, to: model }).map((s) => s.transactional)).toEqual([false]);
  }
});

test('tables: create (with indexes and comments, without foreign keys), drop, comment', () => {
  const created: Table = {
    ...table,
    name: 'posts',
    columns: [
      { name: 'id', type: 'bigint', nullable: false, generated: 'increment' },
      { name: 'n', type: 'integer', nullable: false, generated: 'identity-always' },
      { name: 'title', type: 'varchar', length: 20, nullable: false, default: `'x'`, comment: 'Τίτλος' },
      { name: 'userId', type: 'integer', nullable: true },
    ],
    primaryKey: { name: 'PK_posts', columns: ['id'] },
    foreignKeys: [
      {
        name: 'FK',
        columns: ['userId'],
        referencedTable: 'users',
        referencedColumns: ['id'],
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
      },
    ],
    uniques: [{ name: 'UQ', columns: ['title', 'n'] }],
    checks: [{ name: 'CHK', expression: 'n > 0' }],
    indexes: [{ name: 'IDX', columns: ['title'], unique: true, where: 'n > 1' }],
    comment: 'Posts',
  };
  expect(sqlOf({ kind: 'table.create', table: created, reason }, empty)).toEqual([
    'CREATE TABLE "public"."posts" ("id" BIGSERIAL NOT NULL, "n" integer GENERATED ALWAYS AS IDENTITY NOT NULL, ' +
      `"title" character varying(20) NOT NULL DEFAULT 'x', "userId" integer, CONSTRAINT "UQ" UNIQUE ("title", "n"), ` +
      'CONSTRAINT "CHK" CHECK ("n" > 0), CONSTRAINT "PK_posts" PRIMARY KEY ("id"))',
    'CREATE UNIQUE INDEX "IDX" ON "public"."posts" ("title") WHERE "n" > 1',
    `COMMENT ON TABLE "public"."posts" IS 'Posts'`,
    `COMMENT ON COLUMN "public"."posts"."title" IS 'Τίτλος'`,
  ]);
  expect(hazardsOf({ kind: 'table.create', table: created, reason }, empty).flat()).toEqual([]);
  expect(sqlOf({ kind: 'table.drop', table, reason })).toEqual(['DROP TABLE "public"."users"']);
  expect(hazardsOf({ kind: 'table.drop', table, reason })).toEqual([['DATA_LOSS']]);
  expect(sqlOf({ kind: 'table.comment', table: T, from: 'a', reason })).toEqual([
    'COMMENT ON TABLE "public"."users" IS NULL',
  ]);
});

test('a UNIQUE on the primary key columns is added after CREATE TABLE, which would drop it', () => {
  const created: Table = {
    ...table,
    uniques: [
      { name: 'UQ_id', columns: ['id'] },
      { name: 'UQ_id2', columns: ['id'] },
    ],
  };
  expect(sqlOf({ kind: 'table.create', table: created, reason }, empty)).toEqual([
    'CREATE TABLE "public"."users" ("id" integer NOT NULL, CONSTRAINT "PK_users" PRIMARY KEY ("id"))',
    'ALTER TABLE "public"."users" ADD CONSTRAINT "UQ_id" UNIQUE ("id")',
    'ALTER TABLE "public"."users" ADD CONSTRAINT "UQ_id2" UNIQUE ("id")',
  ]);
});

test('constraints and indexes', () => {
  expect(
    sqlOf({
      kind: 'foreignKey.add',
      table: T,
      foreignKey: {
        name: 'FK_a',
        columns: ['a', 'b'],
        referencedSchema: 'other',
        referencedTable: 'p',
        referencedColumns: ['x', 'y'],
        onDelete: 'SET NULL',
        onUpdate: 'CASCADE',
      },
      reason,
    }),
  ).toEqual([
    'ALTER TABLE "public"."users" ADD CONSTRAINT "FK_a" FOREIGN KEY ("a", "b") REFERENCES "other"."p" ("x", "y") ON DELETE SET NULL ON UPDATE CASCADE',
  ]);
  expect(() =>
    render({
      kind: 'foreignKey.add',
      table: T,
      foreignKey: {
        name: 'x',
        columns: ['a'],
        referencedTable: 'p',
        referencedColumns: ['x'],
        onDelete: 'DROP TABLE x; --' as never,
        onUpdate: 'NO ACTION',
      },
      reason,
    }),
  ).toThrow(/referential action/);
  expect(sqlOf({ kind: 'primaryKey.drop', table: T, primaryKey: { columns: ['id'] }, reason })).toEqual([
    'ALTER TABLE "public"."users" DROP CONSTRAINT "users_pkey"',
  ]);
  expect(sqlOf({ kind: 'primaryKey.add', table: T, primaryKey: { columns: ['id'] }, reason })).toEqual([
    'ALTER TABLE "public"."users" ADD PRIMARY KEY ("id")',
  ]);
  const nullableId: Model = {
    ...existing,
    tables: [{ ...table, columns: [col({ name: 'id', type: 'integer' })], primaryKey: undefined }],
  };
  expect(hazardsOf({ kind: 'primaryKey.add', table: T, primaryKey: { columns: ['id'] }, reason }, nullableId)).toEqual([
    ['ACCESS_EXCLUSIVE_LOCK', 'UNIQUE_VIOLATION', 'INDEX_BUILD', 'NOT_NULL_VIOLATION'],
  ]);
  // Same columns as the current key (another order): the lock, but no duplicate can exist.
  const twoColumns: Model = {
    ...existing,
    tables: [{ ...table, primaryKey: { name: 'PK_users', columns: ['id', 'c'] } }],
  };
  expect(
    hazardsOf(
      { kind: 'primaryKey.add', table: T, primaryKey: { name: 'PK_users', columns: ['c', 'id'] }, reason },
      twoColumns,
    ),
  ).toEqual([['ACCESS_EXCLUSIVE_LOCK', 'INDEX_BUILD']]);
  // A table the plan creates: nothing to lock or count.
  expect(hazardsOf({ kind: 'primaryKey.add', table: T, primaryKey: { columns: ['id'] }, reason }, empty)).toEqual([[]]);
  expect(
    sqlOf({ kind: 'index.drop', table: T, index: { name: 'IDX', columns: ['id'], unique: false }, reason }),
  ).toEqual(['DROP INDEX "public"."IDX"']);
  const index: Change = {
    kind: 'index.create',
    table: T,
    index: { name: 'IDX', columns: ['id'], unique: false },
    reason,
  };
  expect(hazardsOf(index)).toEqual([['INDEX_BUILD']]);
  expect(hazardsOf(index, empty)).toEqual([[]]);
  expect(hazardsOf({ kind: 'unique.add', table: T, unique: { name: 'UQ', columns: ['id'] }, reason })).toEqual([
    ['INDEX_BUILD'],
  ]);
});

test('columns: add and drop', () => {
  expect(hazardsOf({ kind: 'column.add', table: T, column: col({ nullable: false }), reason })).toEqual([
    ['NOT_NULL_VIOLATION'],
  ]);
  expect(hazardsOf({ kind: 'column.add', table: T, column: col({ nullable: false, default: `''` }), reason })).toEqual([
    [],
  ]);
  expect(
    sqlOf({
      kind: 'column.add',
      table: T,
      column: col({ type: 'enum', enum: { name: 'level' }, default: `'a'`, comment: 'x' }),
      reason,
    }),
  ).toEqual([
    `ALTER TABLE "public"."users" ADD COLUMN "c" "public"."level" DEFAULT 'a'`,
    `COMMENT ON COLUMN "public"."users"."c" IS 'x'`,
  ]);
  expect(hazardsOf({ kind: 'column.drop', table: T, column: col({}), reason })).toEqual([['DATA_LOSS']]);
});

describe('column.alter', () => {
  const alter = (from: Partial<Column>, to: Partial<Column>, fields: ColumnField[]) =>
    render({ kind: 'column.alter', table: T, from: col(from), to: col(to), fields, reason });

  test('a type change converts in place', () => {
    const statements = alter({ type: 'varchar', length: 20, default: `'1'` }, { type: 'integer', default: '1' }, [
      'type',
      'default',
    ]);
    expect(statements.map((s) => s.sql)).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "c" DROP DEFAULT',
      'ALTER TABLE "public"."users" ALTER COLUMN "c" TYPE integer USING "c"::integer',
      `ALTER TABLE "public"."users" ALTER COLUMN "c" SET DEFAULT '1'`,
    ]);
    expect(statements[1]!.hazards.map((h) => h.code)).toEqual(['ACCESS_EXCLUSIVE_LOCK', 'TABLE_REWRITE', 'DATA_LOSS']);
  });

  test('to and from enums go through text; widening is not data loss', () => {
    expect(alter({ type: 'text' }, { type: 'enum', enum: { name: 'level' } }, ['type'])[0]!.sql).toBe(
      'ALTER TABLE "public"."users" ALTER COLUMN "c" TYPE "public"."level" USING "c"::text::"public"."level"',
    );
    const widening = alter({ type: 'enum', enum: { name: 'level' } }, { type: 'text' }, ['type'])[0]!;
    expect(widening.sql).toBe('ALTER TABLE "public"."users" ALTER COLUMN "c" TYPE text USING "c"::text');
    expect(widening.hazards.map((h) => h.code)).toEqual(['ACCESS_EXCLUSIVE_LOCK', 'TABLE_REWRITE']);
    expect(alter({ type: 'int4' }, { type: 'int8' }, ['type'])[0]!.hazards.map((h) => h.code)).toEqual([
      'ACCESS_EXCLUSIVE_LOCK',
      'TABLE_REWRITE',
    ]);
    expect(
      alter({ type: 'varchar', length: 10 }, { type: 'varchar', length: 5 }, ['type'])[0]!.hazards.map((h) => h.code),
    ).toEqual(['ACCESS_EXCLUSIVE_LOCK', 'TABLE_REWRITE', 'DATA_LOSS']);
  });

  test('nullability, defaults, comments', () => {
    expect(
      alter({ nullable: true }, { nullable: false }, ['nullable']).map((s) => [s.sql, s.hazards.map((h) => h.code)]),
    ).toEqual([['ALTER TABLE "public"."users" ALTER COLUMN "c" SET NOT NULL', ['NOT_NULL_VIOLATION']]]);
    expect(
      alter({ nullable: false, default: `'a'` }, { nullable: true }, ['nullable', 'default']).map((s) => s.sql),
    ).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "c" DROP DEFAULT',
      'ALTER TABLE "public"."users" ALTER COLUMN "c" DROP NOT NULL',
    ]);
    expect(alter({ comment: 'a' }, {}, ['comment']).map((s) => s.sql)).toEqual([
      'COMMENT ON COLUMN "public"."users"."c" IS NULL',
    ]);
  });

  test('identity and serial changes', () => {
    expect(
      alter({ type: 'integer', nullable: false }, { type: 'integer', generated: 'identity-always' }, ['generated']).map(
        (s) => s.sql,
      ),
    ).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "c" ADD GENERATED ALWAYS AS IDENTITY',
      `SELECT setval(pg_get_serial_sequence('"public"."users"', 'c'), COALESCE(MAX("c"), 0) + 1, false) FROM "public"."users"`,
    ]);
    expect(
      alter({ type: 'integer', generated: 'identity-always' }, { type: 'integer', generated: 'identity-by-default' }, [
        'generated',
      ]).map((s) => s.sql),
    ).toEqual(['ALTER TABLE "public"."users" ALTER COLUMN "c" SET GENERATED BY DEFAULT']);
    expect(
      alter({ type: 'integer', generated: 'increment' }, { type: 'integer', nullable: false }, ['generated']).map(
        (s) => s.sql,
      ),
    ).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "c" DROP DEFAULT',
      `DO 'DECLARE s text := pg_get_serial_sequence(''"public"."users"'', ''c''); BEGIN IF s IS NOT NULL THEN EXECUTE ''DROP SEQUENCE '' || s; END IF; END'`,
    ]);
  });
});
