/**
 * A SQLite plan that rebuilds a parent table, run as a script by the `sqlite3` command-line shell with foreign keys
 * enforced (`sqlite3 -cmd 'PRAGMA foreign_keys=ON' db < script.sql`, as a team runs a reviewed `--format sql` output
 * or `.sql` migration file): the rebuild drops the parent, which with enforcement on deletes every child row through
 * `ON DELETE CASCADE`. The script's frame (`Plan.script`) turns enforcement off before its transaction, so every child
 * row is kept; the bare statements, run the same way, lose them (the control that shows the test can fail).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Column, Model, Table } from '../src/model';
import { migrationFiles } from '../src/report/migration-files';
import { renderSql, terminate } from '../src/report/sql';
import { createPlan } from '../src/plan/plan';
import { sqliteDialect } from '../src/dialects/sqlite';
import { planTowards } from './support/apply-model';
import { createSchema, model, openSession, rawSqlite, tempSqlite, type TempSqlite } from './support/sqlite';

const col = (name: string, type: string, extra: Partial<Column> = {}): Column => ({
  name,
  type,
  nullable: true,
  ...extra,
});

const parents: Table = {
  name: 'parents',
  columns: [col('id', 'integer', { nullable: false, generated: 'increment' }), col('name', 'varchar', { length: 100 })],
  primaryKey: { columns: ['id'] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
};

const children: Table = {
  name: 'children',
  columns: [
    col('id', 'integer', { nullable: false, generated: 'increment' }),
    col('parentId', 'integer', { nullable: false }),
  ],
  primaryKey: { columns: ['id'] },
  foreignKeys: [
    {
      name: 'FK_children_parent',
      columns: ['parentId'],
      referencedTable: 'parents',
      referencedColumns: ['id'],
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
    },
  ],
  uniques: [],
  checks: [],
  indexes: [],
};

/** The parent's `name` becomes NOT NULL with a default: SQLite can only rebuild the table for that. */
const target: Model = model(
  {
    ...parents,
    columns: [parents.columns[0]!, col('name', 'varchar', { length: 100, nullable: false, default: "'none'" })],
  },
  children,
);

/** Runs `script` with the sqlite3 shell, foreign keys enforced from the start; fails the test on any error. */
function runWithShell(file: string, script: string): void {
  const result = spawnSync('sqlite3', ['-bail', '-cmd', 'PRAGMA foreign_keys=ON', file], {
    input: script,
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
}

const childCount = async (file: string): Promise<number> =>
  Number((await rawSqlite<{ n: number }>(file, 'SELECT count(*) AS n FROM "children"'))[0]!.n);

describe('SQLite rebuild scripts keep child rows', () => {
  let db: TempSqlite;
  let script: { sql: string; migrationUp: string; bare: string };

  beforeAll(async () => {
    expect(spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status).toBe(0);
    db = tempSqlite('script-fks');
    await createSchema(db.file, model(parents, children));
    await rawSqlite(
      db.file,
      `INSERT INTO "parents" ("id", "name") VALUES (1, 'a'), (2, NULL);
       INSERT INTO "children" ("parentId") VALUES (1), (1), (2);`,
    );
    const session = await openSession(db.file);
    try {
      const plan = await planTowards(session, target);
      expect(plan.changes.map((c) => c.kind)).toEqual(['table.rebuild']);
      const down = createPlan({ from: target, to: model(parents, children), dialect: sqliteDialect });
      const sql = migrationFiles({ description: 'name not null', createdAt: new Date(0), up: plan, down }).sql;
      script = {
        sql: renderSql(plan),
        migrationUp: sql.slice(sql.indexOf('-- up:'), sql.indexOf('-- down:')),
        bare: plan.statements.map((s) => terminate(s.sql)).join('\n'),
      };
    } finally {
      await session.close();
    }
  });
  afterAll(() => db?.remove());

  test.each([
    ['plan --format sql', 'sql'],
    ['the up section of a .sql migration file', 'migrationUp'],
  ] as const)(
    '%s: foreign keys off before BEGIN, checked before COMMIT, every child row kept',
    async (_title, which) => {
      const text = script[which];
      expect(text).toMatch(/^(?:.*\n)*?PRAGMA foreign_keys = OFF;\nBEGIN;\n/);
      expect(text).toMatch(/\nPRAGMA foreign_key_check;\nCOMMIT;\nPRAGMA foreign_keys = ON;\n/);
      const file = path.join(db.dir, `${which}.sqlite`);
      copyFileSync(db.file, file);
      runWithShell(file, text);
      expect(await childCount(file)).toBe(3);
      expect(await rawSqlite(file, 'SELECT "id", "name" FROM "parents" ORDER BY "id"')).toEqual([
        { id: 1, name: 'a' },
        { id: 2, name: 'none' },
      ]);
      expect(await rawSqlite(file, 'PRAGMA foreign_key_check')).toEqual([]);
      const session = await openSession(file);
      try {
        expect((await planTowards(session, target)).statements).toEqual([]);
      } finally {
        await session.close();
      }
    },
  );

  test('control: the bare statements, run the same way, cascade-delete the child rows', async () => {
    const file = path.join(db.dir, 'bare.sqlite');
    copyFileSync(db.file, file);
    runWithShell(file, script.bare);
    expect(await childCount(file)).toBe(0);
  });
});
