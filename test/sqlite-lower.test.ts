import type { Change } from '../src/diff/changes';
import type { Column, Model, Table } from '../src/model';
import { sqliteDialect } from '../src/dialects/sqlite';
import { isConstantDefault } from '../src/dialects/sqlite/alter-support';

const col = (name: string, type: string, extra: Partial<Column> = {}): Column => ({
  name,
  type,
  nullable: true,
  ...extra,
});
const table = (name: string, columns: Column[], extra: Partial<Table> = {}): Table => ({
  name,
  columns,
  primaryKey: { columns: [columns[0]!.name] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
  ...extra,
});
const modelOf = (...tables: Table[]): Model =>
  sqliteDialect.normalize({ dialect: 'sqlite', extensions: [], enums: [], tables });

const users = table(
  'users',
  [col('id', 'integer', { nullable: false, generated: 'increment' }), col('name', 'varchar')],
  {
    indexes: [{ name: 'IDX_users_name', columns: ['name'], unique: false }],
  },
);
const fk = {
  name: 'FK_posts_user',
  columns: ['userId'],
  referencedTable: 'users',
  referencedColumns: ['id'],
  onDelete: 'CASCADE' as const,
  onUpdate: 'NO ACTION' as const,
};

describe('SQLite lower', () => {
  it('folds the foreign keys of a new table into its CREATE TABLE', () => {
    const posts = table('posts', [col('id', 'integer', { nullable: false }), col('userId', 'integer')]);
    const to = modelOf(users, { ...posts, foreignKeys: [fk] });
    const changes: Change[] = [
      { kind: 'table.create', table: posts, reason: 'new' },
      { kind: 'foreignKey.add', table: { name: 'posts' }, foreignKey: fk, reason: 'fk of new table' },
    ];
    const lowered = sqliteDialect.lower(changes, { from: modelOf(users), to });
    expect(lowered).toEqual([{ kind: 'table.create', table: { ...posts, foreignKeys: [fk] }, reason: 'new' }]);
    expect(sqliteDialect.render(lowered[0]!, { from: modelOf(users), to })[0]!.sql).toContain(
      'CONSTRAINT "FK_posts_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  });

  it('makes ONE rebuild per table from all its changes, with the full tables of both sides', () => {
    const from = modelOf(users);
    const target = table(
      'users',
      [col('id', 'integer', { nullable: false, generated: 'increment' }), col('name', 'text'), col('age', 'integer')],
      {
        indexes: [{ name: 'IDX_users_age', columns: ['age'], unique: false }],
      },
    );
    const to = modelOf(target);
    const changes: Change[] = [
      {
        kind: 'column.alter',
        table: { name: 'users' },
        from: users.columns[1]!,
        to: target.columns[1]!,
        fields: ['type'],
        reason: 'type',
      },
      { kind: 'column.add', table: { name: 'users' }, column: target.columns[2]!, reason: 'add' },
      { kind: 'index.drop', table: { name: 'users' }, index: users.indexes[0]!, reason: 'drop index' },
      { kind: 'index.create', table: { name: 'users' }, index: target.indexes[0]!, reason: 'new index' },
    ];
    const lowered = sqliteDialect.lower(changes, { from, to });
    expect(lowered).toHaveLength(1);
    expect(lowered[0]).toMatchObject({ kind: 'table.rebuild', from: from.tables[0], to: to.tables[0], changes });
    expect(lowered[0]!.reason).toMatch(
      /^SQLite cannot alter users in place, so it is rebuilt: type; add; drop index; new index$/,
    );
    const sql = sqliteDialect.render(lowered[0]!, { from, to }).map((s) => s.sql);
    expect(sql).toEqual([
      'CREATE TABLE "temporary_users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" text, "age" integer)',
      `INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'temporary_users', "seq" FROM "sqlite_sequence" WHERE "name" = 'users'`,
      'INSERT INTO "temporary_users"("id", "name") SELECT "id", "name" FROM "users"',
      'DROP TABLE "users"',
      'ALTER TABLE "temporary_users" RENAME TO "users"',
      'CREATE INDEX "IDX_users_age" ON "users" ("age")',
    ]);
  });

  it('keeps in-place changes in place and drops comment-only changes', () => {
    const from = modelOf(users);
    const changes: Change[] = [
      {
        kind: 'column.add',
        table: { name: 'users' },
        column: col('nick', 'varchar', { nullable: false, default: "'x'" }),
        reason: 'add',
      },
      { kind: 'index.drop', table: { name: 'users' }, index: users.indexes[0]!, reason: 'drop' },
      { kind: 'table.comment', table: { name: 'users' }, to: 'hello', reason: 'comment' },
      {
        kind: 'column.alter',
        table: { name: 'users' },
        from: users.columns[1]!,
        to: { ...users.columns[1]!, comment: 'c' },
        fields: ['comment'],
        reason: 'comment',
      },
    ];
    const lowered = sqliteDialect.lower(changes, { from, to: from });
    expect(lowered.map((c) => c.kind)).toEqual(['column.add', 'index.drop']);
    expect(lowered.flatMap((c) => sqliteDialect.render(c, { from, to: from })).map((s) => s.sql)).toEqual([
      `ALTER TABLE "users" ADD COLUMN "nick" varchar NOT NULL DEFAULT ('x')`,
      'DROP INDEX "IDX_users_name"',
    ]);
  });

  it('rebuilds for a column SQLite cannot ADD', () => {
    const from = modelOf(users);
    for (const column of [
      col('a', 'datetime', { default: "datetime('now')" }),
      col('b', 'integer', { nullable: false }),
      col('c', 'integer', { default: 'CURRENT_TIMESTAMP' }),
    ]) {
      const to = modelOf({ ...users, columns: [...users.columns, column] });
      const lowered = sqliteDialect.lower([{ kind: 'column.add', table: { name: 'users' }, column, reason: 'add' }], {
        from,
        to,
      });
      expect(lowered.map((c) => c.kind)).toEqual(['table.rebuild']);
    }
  });

  it('subsumes the changes of a dropped table into its drop', () => {
    const from = modelOf(users);
    const lowered = sqliteDialect.lower(
      [
        { kind: 'index.drop', table: { name: 'users' }, index: users.indexes[0]!, reason: 'drop' },
        { kind: 'table.drop', table: from.tables[0]!, reason: 'gone' },
      ],
      { from, to: modelOf() },
    );
    expect(lowered.map((c) => c.kind)).toEqual(['table.drop']);
  });

  it('refuses changes that cannot exist on SQLite', () => {
    const context = { from: modelOf(), to: modelOf() };
    expect(() =>
      sqliteDialect.lower([{ kind: 'enum.create', enum: { name: 'e', values: ['a'] }, reason: 'x' }], context),
    ).toThrow(/internal error: enum.create cannot occur on SQLite/);
    expect(() => sqliteDialect.lower([{ kind: 'extension.create', name: 'uuid-ossp', reason: 'x' }], context)).toThrow(
      /internal error/,
    );
    expect(() =>
      sqliteDialect.render(
        { kind: 'column.drop', table: { name: 'users' }, column: users.columns[1]!, reason: 'x' },
        context,
      ),
    ).toThrow(/must be lowered into a table rebuild first/);
  });

  it('knows which defaults ALTER TABLE ADD COLUMN accepts', () => {
    for (const value of ["'en'", '(0)', '-1', '((2.5))', 'NULL', 'TRUE', "X'00'"])
      expect(isConstantDefault(value)).toBe(true);
    for (const value of ["datetime('now')", 'CURRENT_TIMESTAMP', '1 + 2', "(lower('A'))"])
      expect(isConstantDefault(value)).toBe(false);
  });
});

describe('SQLite normalize', () => {
  it('makes equal meanings equal data', () => {
    const a = modelOf(
      table(
        't',
        [
          col('id', 'INTEGER', { nullable: true }),
          col('u', 'uuid', { nullable: false, comment: 'x' }),
          col('n', 'int', { length: 11 }),
          col('s', 'VARCHAR(255)'),
          col('d', 'decimal', { precision: 5, scale: 2, default: '((0))' }),
          col('b', 'boolean', { default: 'false' }),
          col('e', 'simple-enum', { enumValues: ['a'], length: 20, default: 'NULL' }),
          col('dt', 'datetime', { length: 6, default: "(datetime('now'))" }),
        ],
        {
          comment: 'table comment',
          primaryKey: { name: 'PK_t', columns: ['id'] },
          checks: [{ name: 'c', expression: ' ("id" > 0) ' }],
        },
      ),
    );
    const b = modelOf(
      table(
        't',
        [
          col('id', 'integer', { nullable: false }),
          col('u', 'varchar', { nullable: false }),
          col('n', 'integer'),
          col('s', 'varchar', { length: 255 }),
          col('d', 'decimal', { precision: 5, scale: 2, default: '0' }),
          col('b', 'boolean', { default: '0' }),
          col('e', 'varchar', { enumValues: ['a'] }),
          col('dt', 'datetime', { default: "datetime('now')" }),
        ],
        { checks: [{ name: 'c', expression: '"id" > 0' }] },
      ),
    );
    expect(a).toEqual(b);
    expect(sqliteDialect.normalize(a)).toEqual(a);
  });

  it('keeps differences SQLite observes', () => {
    // `int PRIMARY KEY` is not the rowid; `integer PRIMARY KEY` is.
    const intPk = modelOf(table('t', [col('id', 'int', { nullable: false })]));
    const integerPk = modelOf(table('t', [col('id', 'integer', { nullable: false })]));
    expect(intPk).not.toEqual(integerPk);
    // Enum value order is meaningful to users.
    expect(modelOf(table('t', [col('id', 'integer'), col('e', 'varchar', { enumValues: ['a', 'b'] })]))).not.toEqual(
      modelOf(table('t', [col('id', 'integer'), col('e', 'varchar', { enumValues: ['b', 'a'] })])),
    );
  });
});
