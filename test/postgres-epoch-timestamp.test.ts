import { postgresDialect } from '../src/dialects/postgres';
import type { Model, Table } from '../src/model';
import { createPlan } from '../src/plan/plan';
import { usePostgresTestDatabase } from './support/postgres';

/**
 * PostgreSQL has no integer -> timestamp cast: the plan reads the values as Unix epoch milliseconds (UTC), says so in
 * a hazard, and converts a foreign key's columns on both sides by dropping and re-adding the foreign key around them.
 */

const pg = usePostgresTestDatabase('epoch');

const retype = (table: Table, types: Record<string, string>): Table => ({
  ...table,
  columns: table.columns.map((c) => (types[c.name] ? { ...c, type: types[c.name]! } : c)),
});

test('bigint columns become timestamps holding the epoch milliseconds they held, foreign keys included', async () => {
  await pg.raw.query(`
    CREATE TABLE parents (id bigint PRIMARY KEY, at bigint, "atTz" bigint);
    CREATE TABLE children (id int PRIMARY KEY, "parentAt" bigint REFERENCES parents (id));
    INSERT INTO parents VALUES (1700000000123, 1700000000123, 0), (86400000, NULL, 1500);
    INSERT INTO children VALUES (1, 1700000000123), (2, NULL);
  `);
  const from: Model = await pg.session.introspect();
  const to: Model = postgresDialect.normalize({
    ...from,
    tables: from.tables.map((t) =>
      t.name === 'parents'
        ? retype(t, {
            id: 'timestamp without time zone',
            at: 'timestamp without time zone',
            atTz: 'timestamp with time zone',
          })
        : retype(t, { parentAt: 'timestamp without time zone' }),
    ),
  });
  const plan = createPlan({ from, to, dialect: postgresDialect });
  const sql = plan.statements.map((s) => s.sql);
  expect(sql).toContain(
    `ALTER TABLE "public"."parents" ALTER COLUMN "at" TYPE timestamp without time zone USING to_timestamp("at" / 1000.0) AT TIME ZONE 'UTC'`,
  );
  expect(sql).toContain(
    `ALTER TABLE "public"."parents" ALTER COLUMN "atTz" TYPE timestamp with time zone USING to_timestamp("atTz" / 1000.0)`,
  );
  expect(plan.changes.map((c) => c.kind)).toEqual([
    'foreignKey.drop',
    'column.alter',
    'column.alter',
    'column.alter',
    'column.alter',
    'foreignKey.add',
  ]);
  const atHazards = plan.statements.find((s) => s.sql.includes('"at" TYPE'))!.hazards;
  expect(atHazards).toContainEqual({
    code: 'DATA_LOSS',
    message: expect.stringContaining('read as Unix epoch milliseconds (UTC)'),
  });

  await pg.session.apply(plan.statements);
  const { rows } = await pg.raw.query(`
    SELECT to_char(id, 'YYYY-MM-DD HH24:MI:SS.MS') AS id, to_char(at, 'YYYY-MM-DD HH24:MI:SS.MS') AS at,
      extract(epoch FROM "atTz")::text AS "atTz"
    FROM parents ORDER BY 1`);
  expect(rows).toEqual([
    { id: '1970-01-02 00:00:00.000', at: null, atTz: '1.500000' },
    { id: '2023-11-14 22:13:20.123', at: '2023-11-14 22:13:20.123', atTz: '0.000000' },
  ]);
  const children = await pg.raw.query(
    `SELECT id, to_char("parentAt", 'YYYY-MM-DD HH24:MI:SS.MS') AS p FROM children ORDER BY id`,
  );
  expect(children.rows).toEqual([
    { id: 1, p: '2023-11-14 22:13:20.123' },
    { id: 2, p: null },
  ]);
  // The foreign key holds on the converted values, and nothing is left to do.
  expect(createPlan({ from: await pg.session.introspect(), to, dialect: postgresDialect }).changes).toEqual([]);
});
