/**
 * Every alteration SQLite can only make by rebuilding the table, on a parent table that holds rows and is referenced
 * by a child table (ON DELETE CASCADE) that holds rows: the rebuild drops the parent, so with foreign keys enforced it
 * would silently delete every child row. The session connects with foreign_keys = ON (as applications do), so these
 * tests fail if apply does not turn enforcement off before its transaction.
 */
import type { Column, Model, Table } from '../src/model';
import type { HazardCode } from '../src/plan/types';
import { sqliteDialect } from '../src/dialects/sqlite';
import { createSchema, model, openSession, planSqlite, rawSqlite, tempSqlite, type TempSqlite } from './support/sqlite';

const col = (name: string, type: string, extra: Partial<Column> = {}): Column => ({
  name,
  type,
  nullable: true,
  ...extra,
});

const groups: Table = {
  name: 'groups',
  columns: [col('id', 'integer', { nullable: false }), col('label', 'varchar')],
  primaryKey: { columns: ['id'] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
};

const parent: Table = {
  name: 'parents',
  columns: [
    col('id', 'integer', { nullable: false, generated: 'increment' }),
    col('code', 'varchar', { length: 10, nullable: false }),
    col('name', 'varchar', { length: 100, nullable: false }),
    col('note', 'text'),
    col('qty', 'integer'),
    col('status', 'varchar', { enumValues: ['active', 'archived'], nullable: false, default: "'active'" }),
    col('groupId', 'integer'),
  ],
  primaryKey: { columns: ['id'] },
  foreignKeys: [
    {
      name: 'FK_parents_group',
      columns: ['groupId'],
      referencedTable: 'groups',
      referencedColumns: ['id'],
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
    },
  ],
  uniques: [{ name: 'UQ_parents_code', columns: ['code'] }],
  checks: [{ name: 'CHK_parents_name', expression: `"name" <> ''` }],
  indexes: [{ name: 'IDX_parents_name', columns: ['name'], unique: false }],
};

function child(references: string): Table {
  return {
    name: 'children',
    columns: [
      col('id', 'integer', { nullable: false, generated: 'increment' }),
      col('parentRef', references === 'code' ? 'varchar' : 'integer', { nullable: false }),
      col('value', 'text', { nullable: false }),
    ],
    primaryKey: { columns: ['id'] },
    foreignKeys: [
      {
        name: 'FK_children_parent',
        columns: ['parentRef'],
        referencedTable: 'parents',
        referencedColumns: [references],
        onDelete: 'CASCADE',
        onUpdate: 'CASCADE',
      },
    ],
    uniques: [],
    checks: [],
    indexes: [],
  };
}

const withColumn = (table: Table, name: string, change: Partial<Column>): Table => ({
  ...table,
  columns: table.columns.map((c) => (c.name === name ? { ...c, ...change } : c)),
});

interface Case {
  readonly title: string;
  readonly alter: (table: Table) => Table;
  /** The parent column the child references (a key the alteration keeps). */
  readonly references?: 'id' | 'code';
  readonly hazards?: readonly HazardCode[];
  /** Expected parent values after the change, by id (default: unchanged). */
  readonly expectRows?: (rows: ParentRow[]) => ParentRow[];
}

interface ParentRow {
  id: number;
  code: string;
  name: string;
  note: string | null;
  qty: number | null;
  status: string;
  groupId: number | null;
  [extra: string]: unknown;
}

const CASES: readonly Case[] = [
  {
    title: 'column type change (varchar(100) -> text), with a new index',
    alter: (t) => ({
      ...withColumn(t, 'name', { type: 'text', length: undefined }),
      indexes: [...t.indexes, { name: 'IDX_parents_code_name', columns: ['code', 'name'], unique: true }],
    }),
  },
  {
    title: 'nullable -> NOT NULL with a default (NULLs become the default)',
    alter: (t) => withColumn(t, 'note', { nullable: false, default: "'none'" }),
    expectRows: (rows) => rows.map((r) => ({ ...r, note: r.note ?? 'none' })),
  },
  {
    title: 'nullable -> NOT NULL without a default (no NULLs present)',
    alter: (t) => withColumn(t, 'code', { nullable: true }), // set up below: reversed by the case
  },
  {
    title: 'column drop',
    alter: (t) => ({ ...t, columns: t.columns.filter((c) => c.name !== 'qty') }),
    hazards: ['SQLITE_REBUILD', 'DATA_LOSS'],
    expectRows: (rows) => rows.map(({ qty: _qty, ...r }) => r as ParentRow),
  },
  {
    title: 'column add with a non-constant default',
    alter: (t) => ({
      ...t,
      columns: [...t.columns, col('createdAt', 'datetime', { nullable: false, default: "datetime('now')" })],
    }),
    expectRows: (rows) =>
      rows.map((r) => ({ ...r, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) })),
  },
  {
    title: 'default change',
    alter: (t) => withColumn(t, 'qty', { default: '7' }),
  },
  {
    title: 'enum values change',
    alter: (t) => withColumn(t, 'status', { enumValues: ['draft', 'active', 'archived'] }),
  },
  {
    title: 'enum column becomes a plain varchar',
    alter: (t) => withColumn(t, 'status', { enumValues: undefined, length: 20 }),
  },
  {
    title: 'check constraint added',
    alter: (t) => ({
      ...t,
      checks: [...t.checks, { name: 'CHK_parents_qty', expression: '"qty" IS NULL OR "qty" >= 0' }],
    }),
  },
  {
    title: 'check constraint dropped',
    alter: (t) => ({ ...t, checks: [] }),
  },
  {
    title: 'check constraint changed under the same name',
    alter: (t) => ({ ...t, checks: [{ name: 'CHK_parents_name', expression: `length("name") > 0` }] }),
  },
  {
    title: 'unique constraint added',
    alter: (t) => ({ ...t, uniques: [...t.uniques, { name: 'UQ_parents_name_group', columns: ['name', 'groupId'] }] }),
  },
  {
    title: 'unique constraint dropped',
    alter: (t) => ({ ...t, uniques: [] }),
  },
  {
    title: 'foreign key added (self-reference on a new column)',
    alter: (t) => ({
      ...t,
      columns: [...t.columns, col('parentId', 'integer')],
      foreignKeys: [
        ...t.foreignKeys,
        {
          name: 'FK_parents_parent',
          columns: ['parentId'],
          referencedTable: 'parents',
          referencedColumns: ['id'],
          onDelete: 'SET NULL',
          onUpdate: 'NO ACTION',
        },
      ],
    }),
    expectRows: (rows) => rows.map((r) => ({ ...r, parentId: null })),
  },
  {
    title: 'foreign key dropped',
    alter: (t) => ({ ...t, foreignKeys: [] }),
  },
  {
    title: 'foreign key action changed',
    alter: (t) => ({ ...t, foreignKeys: t.foreignKeys.map((fk) => ({ ...fk, onDelete: 'SET NULL' as const })) }),
  },
  {
    title: 'primary key changed (child references the unique code)',
    references: 'code',
    alter: (t) => ({
      ...withColumn(t, 'id', { generated: undefined }),
      primaryKey: { columns: ['id', 'code'] },
    }),
  },
  {
    title: 'AUTOINCREMENT removed',
    alter: (t) => withColumn(t, 'id', { generated: undefined }),
  },
  {
    title: 'several changes at once, with index changes subsumed',
    alter: (t) => ({
      ...withColumn(withColumn(t, 'name', { length: 50 }), 'note', { type: 'varchar', length: 500 }),
      checks: [],
      indexes: [{ name: 'IDX_parents_status', columns: ['status'], unique: false, where: `"status" = 'active'` }],
    }),
  },
];

const PARENT_ROWS = `
  INSERT INTO groups (id, label) VALUES (1, 'g1'), (2, 'g2');
  INSERT INTO parents (id, code, name, note, qty, status, groupId) VALUES
    (1, 'A', 'Alpha', 'first', 10, 'active', 1),
    (2, 'B', 'Βήτα', NULL, NULL, 'archived', 2),
    (3, 'C', 'Gamma', 'it''s', 0, 'active', NULL),
    (4, 'D', 'Delta', NULL, 5, 'active', 1);
  DELETE FROM parents WHERE id = 4;`;

function childRows(references: 'id' | 'code'): string {
  const ref = (id: number, code: string) => (references === 'code' ? `'${code}'` : String(id));
  return `INSERT INTO children (parentRef, value) VALUES
    (${ref(1, 'A')}, 'c1'), (${ref(1, 'A')}, 'c2'), (${ref(2, 'B')}, 'c3'), (${ref(3, 'C')}, 'c4');`;
}

describe('SQLite table rebuild keeps every row of the table and of its children', () => {
  let db: TempSqlite;
  beforeEach(() => {
    db = tempSqlite('rebuild');
  });
  afterEach(() => db.remove());

  it.each(CASES.map((c) => [c.title, c] as const))('%s', async (_title, testCase) => {
    const references = testCase.references ?? 'id';
    // "nullable -> NOT NULL without a default" starts from a nullable column.
    const notNullCase = testCase.title.startsWith('nullable -> NOT NULL without');
    const base = notNullCase ? withColumn(parent, 'code', { nullable: true }) : parent;
    const target = notNullCase ? parent : testCase.alter(parent);
    const before: Model = model(groups, base, child(references));
    const after: Model = model(groups, target, child(references));

    await createSchema(db.file, before);
    await rawSqlite(db.file, PARENT_ROWS + childRows(references));
    const parentsBefore = await rawSqlite<ParentRow>(db.file, 'SELECT * FROM parents ORDER BY id');
    const childrenBefore = await rawSqlite(db.file, 'SELECT * FROM children ORDER BY id');
    expect(childrenBefore).toHaveLength(4);

    const plan = planSqlite(before, after);
    const rebuilds = plan.changes.filter((c) => c.kind === 'table.rebuild');
    expect(rebuilds).toHaveLength(1);
    expect(plan.changes.filter((c) => c.kind !== 'table.rebuild')).toEqual([]); // index changes subsumed
    const hazards = new Set(plan.statements.flatMap((s) => s.hazards.map((h) => h.code)));
    for (const code of testCase.hazards ?? ['SQLITE_REBUILD']) expect(hazards).toContain(code);
    if (notNullCase) expect(hazards).toContain('NOT_NULL_VIOLATION');
    if (!testCase.title.startsWith('column drop')) expect(hazards).not.toContain('DATA_LOSS');

    const session = await openSession(db.file);
    try {
      expect((await session.query('PRAGMA foreign_keys'))[0]).toEqual({ foreign_keys: 1 });
      await session.apply(plan.statements);
      expect((await session.query('PRAGMA foreign_keys'))[0]).toEqual({ foreign_keys: 1 }); // restored
      expect(await session.introspect()).toEqual(sqliteDialect.normalize(after));
    } finally {
      await session.close();
    }

    const expectedParents = testCase.expectRows ? testCase.expectRows(parentsBefore) : parentsBefore;
    expect(await rawSqlite(db.file, 'SELECT * FROM parents ORDER BY id')).toEqual(expectedParents);
    expect(await rawSqlite(db.file, 'SELECT * FROM children ORDER BY id')).toEqual(childrenBefore);
    expect(await rawSqlite(db.file, 'SELECT * FROM groups ORDER BY id')).toHaveLength(2);
    expect(await rawSqlite(db.file, 'PRAGMA foreign_key_check')).toEqual([]);
    expect(await rawSqlite(db.file, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it("recreates the rebuilt table's triggers, keeps other tables' triggers that name it working, and keeps the cascade children", async () => {
    const before = model(groups, parent, child('id'));
    const after = model(groups, withColumn(parent, 'name', { type: 'text', length: undefined }), child('id'));
    await createSchema(db.file, before);
    await rawSqlite(db.file, PARENT_ROWS + childRows('id'));
    // Triggers are the user's, created by hand: one on the rebuilt table, one on its (ON DELETE CASCADE) child
    // that names it in its body.
    const triggers = `
      CREATE TRIGGER "parents_touch" AFTER UPDATE OF "name" ON "parents"
      BEGIN UPDATE "children" SET "value" = "value" || '*' WHERE "parentRef" = NEW."id"; END;
      CREATE TRIGGER children_count AFTER INSERT ON children
      BEGIN UPDATE parents SET qty = coalesce(qty, 0) + 1 WHERE id = NEW.parentRef; END;`;
    await rawSqlite(db.file, triggers);
    const triggerSql = `SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`;
    const triggersBefore = await rawSqlite(db.file, triggerSql);
    expect(triggersBefore).toHaveLength(2);
    const childrenBefore = await rawSqlite(db.file, 'SELECT * FROM children ORDER BY id');

    const session = await openSession(db.file);
    try {
      const current = await session.introspect();
      expect(current.tables.find((t) => t.name === 'parents')?.triggers?.map((t) => t.name)).toEqual(['parents_touch']);
      const plan = planSqlite(current, after);
      expect(plan.changes.map((c) => c.kind)).toEqual(['table.rebuild']);
      const sql = plan.statements.map((s) => s.sql);
      expect(sql.slice(-5)).toEqual([
        'PRAGMA legacy_alter_table = ON',
        'ALTER TABLE "temporary_parents" RENAME TO "parents"',
        'PRAGMA legacy_alter_table = OFF',
        'CREATE INDEX "IDX_parents_name" ON "parents" ("name")',
        triggersBefore.find((t) => t.name === 'parents_touch')!.sql,
      ]);
      await session.apply(plan.statements);
      expect(planSqlite(await session.introspect(), after).changes).toEqual([]);
    } finally {
      await session.close();
    }

    expect(await rawSqlite(db.file, triggerSql)).toEqual(triggersBefore);
    expect(await rawSqlite(db.file, 'SELECT * FROM children ORDER BY id')).toEqual(childrenBefore);
    expect(await rawSqlite(db.file, 'PRAGMA legacy_alter_table')).toEqual([{ legacy_alter_table: 0 }]);
    // Both triggers still fire, on the new table.
    await rawSqlite(db.file, `UPDATE parents SET name = 'Alpha 2' WHERE id = 1`);
    expect(await rawSqlite(db.file, 'SELECT value FROM children WHERE parentRef = 1 ORDER BY id')).toEqual([
      { value: 'c1*' },
      { value: 'c2*' },
    ]);
    await rawSqlite(db.file, `INSERT INTO children (parentRef, value) VALUES (3, 'c5')`);
    expect(await rawSqlite(db.file, 'SELECT qty FROM parents WHERE id = 3')).toEqual([{ qty: 1 }]);
  });

  it('renames in the default mode when no other trigger names the rebuilt table', () => {
    const before = model(groups, parent, child('id'));
    const after = model(groups, withColumn(parent, 'name', { type: 'text', length: undefined }), child('id'));
    expect(planSqlite(before, after).statements.some((s) => s.sql.includes('legacy_alter_table'))).toBe(false);
  });

  it('keeps the AUTOINCREMENT high-water mark: ids of deleted rows are never reused', async () => {
    const before = model(groups, parent, child('id'));
    const after = model(groups, withColumn(parent, 'name', { type: 'text', length: undefined }), child('id'));
    await createSchema(db.file, before);
    await rawSqlite(db.file, PARENT_ROWS + childRows('id')); // row 4 was deleted
    const session = await openSession(db.file);
    await session.apply(planSqlite(before, after).statements);
    await session.close();
    await rawSqlite(db.file, `INSERT INTO parents (code, name) VALUES ('E', 'Epsilon')`);
    expect(await rawSqlite(db.file, `SELECT id FROM parents WHERE code = 'E'`)).toEqual([{ id: 5 }]);
  });

  it('adds a nullable column or one with a constant default in place, without a rebuild', async () => {
    const before = model(groups, parent, child('id'));
    const after = model(
      groups,
      {
        ...parent,
        columns: [
          ...parent.columns,
          col('rank', 'integer', { nullable: false, default: '-1' }),
          col('memo', 'varchar', { length: 40 }),
        ],
        indexes: [...parent.indexes, { name: 'IDX_parents_rank', columns: ['rank'], unique: false }],
      },
      child('id'),
    );
    await createSchema(db.file, before);
    await rawSqlite(db.file, PARENT_ROWS + childRows('id'));
    const plan = planSqlite(before, after);
    expect(plan.statements.map((s) => s.sql)).toEqual([
      'ALTER TABLE "parents" ADD COLUMN "rank" integer NOT NULL DEFAULT (-1)',
      'ALTER TABLE "parents" ADD COLUMN "memo" varchar(40)',
      'CREATE INDEX "IDX_parents_rank" ON "parents" ("rank")',
    ]);
    const session = await openSession(db.file);
    await session.apply(plan.statements);
    expect(await session.introspect()).toEqual(sqliteDialect.normalize(after));
    await session.close();
    expect(await rawSqlite(db.file, 'SELECT id, rank, memo FROM parents ORDER BY id')).toEqual([
      { id: 1, rank: -1, memo: null },
      { id: 2, rank: -1, memo: null },
      { id: 3, rank: -1, memo: null },
    ]);
  });

  it('drops a parent table without cascading into child rows; the foreign key check refuses the orphans', async () => {
    const before = model(groups, parent, child('id'));
    await createSchema(db.file, before);
    await rawSqlite(db.file, PARENT_ROWS + childRows('id'));
    const session = await openSession(db.file);
    try {
      // Dropping only the parent would orphan the children: refused, nothing changes.
      await expect(session.apply(planSqlite(before, model(groups, child('id'))).statements)).rejects.toThrow(
        /foreign key check failed: 4 row\(s\) of table "children"/,
      );
      expect(await rawSqlite(db.file, 'SELECT COUNT(*) AS n FROM parents')).toEqual([{ n: 3 }]);

      // Dropping the parent together with the child's foreign key keeps every child row.
      const childWithoutFk = { ...child('id'), foreignKeys: [] };
      const plan = planSqlite(before, model(groups, childWithoutFk));
      expect(plan.changes.map((c) => c.kind).sort()).toEqual(['table.drop', 'table.rebuild']);
      expect(plan.statements.find((s) => s.sql === 'DROP TABLE "parents"')?.hazards.map((h) => h.code)).toEqual([
        'DATA_LOSS',
      ]);
      await session.apply(plan.statements);
    } finally {
      await session.close();
    }
    expect(await rawSqlite(db.file, 'SELECT COUNT(*) AS n FROM children')).toEqual([{ n: 4 }]);
  });
});
