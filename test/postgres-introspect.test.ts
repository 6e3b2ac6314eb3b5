import { introspectPostgres, postgresDialect } from '../src/dialects/postgres';
import { parseDatabaseUrl } from '../src/connect/url';
import { NOT_MANAGED_SQL } from '../src/dialects/postgres/queries';
import { usePostgresTestDatabase } from './support/postgres';

const pg = usePostgresTestDatabase('introspect');

async function countQueries(): Promise<number> {
  const before = pg.session.queryCount;
  await pg.session.introspect();
  return pg.session.queryCount - before;
}

function createTables(from: number, to: number): string {
  const statements: string[] = [];
  for (let i = from; i < to; i++) {
    statements.push(
      `CREATE TABLE t${i} (id serial PRIMARY KEY, name varchar(20) UNIQUE, parent integer REFERENCES t${i}(id), ` +
        `CHECK (id > 0)); CREATE INDEX t${i}_name ON t${i} (lower(name)); COMMENT ON TABLE t${i} IS 'table ${i}'; ` +
        `CREATE VIEW v${i} AS SELECT id FROM t${i}`,
    );
  }
  return statements.join(';\n');
}

test('the number of catalog queries does not depend on the number of tables', async () => {
  await pg.raw.query(createTables(0, 3));
  const small = await countQueries();
  await pg.raw.query(createTables(3, 60));
  const large = await countQueries();
  expect(large).toBe(small);
  expect(small).toBeLessThanOrEqual(9); // eight for the model, one for what it does not describe
  const model = await pg.session.introspect();
  expect(model.tables).toHaveLength(60);
  expect(model.views).toHaveLength(60);
  await pg.raw.query(`DROP TABLE ${Array.from({ length: 60 }, (_, i) => `t${i}`).join(', ')} CASCADE`);
});

test('the session runs with JIT compilation off: catalog queries over many tables would spend longer compiling than running', async () => {
  const check = `DO $$ BEGIN IF current_setting('jit') <> 'off' THEN RAISE EXCEPTION 'jit is %', current_setting('jit'); END IF; END $$`;
  await expect(pg.session.runScript(check)).resolves.toBeUndefined();
  // The check itself can fail: a connection of its own (TypeORM's, psql's) has the server's default.
  await pg.raw.query(`SET jit = on`);
  await expect(pg.raw.query(check)).rejects.toThrow('jit is on');
  await pg.raw.query(`RESET jit`);
});

test('reads schemas, unmanaged tables, expression indexes, and foreign keys across schemas', async () => {
  await pg.raw.query(`
    CREATE SCHEMA app;
    CREATE TYPE app.color AS ENUM ('red', 'green');
    CREATE TYPE public.size AS ENUM ('s', 'm', 'l');
    CREATE TABLE app.paints (id integer PRIMARY KEY, color app.color NOT NULL DEFAULT 'red');
    CREATE TABLE public.walls (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      paint integer REFERENCES app.paints (id) ON DELETE RESTRICT ON UPDATE CASCADE,
      color app.color,
      size size[] DEFAULT '{s}',
      email text,
      CONSTRAINT positive CHECK (id > 0) NOT VALID
    );
    CREATE UNIQUE INDEX walls_email ON walls (lower(email), paint) INCLUDE (size) WHERE email IS NOT NULL;
    CREATE TABLE migrations (id serial PRIMARY KEY);
    CREATE TABLE typeorm_metadata (type varchar NOT NULL);
  `);
  const publicOnly = await pg.session.introspect();
  expect(publicOnly.tables.map((t) => t.name)).toEqual(['walls']);
  expect(publicOnly.enums).toEqual([{ schema: 'public', name: 'size', values: ['s', 'm', 'l'] }]);
  const walls = publicOnly.tables[0]!;
  expect(walls.columns).toEqual([
    { name: 'id', type: 'bigint', nullable: false, generated: 'identity-always' },
    { name: 'paint', type: 'integer', nullable: true },
    { name: 'color', type: 'enum', enum: { schema: 'app', name: 'color' }, nullable: true },
    {
      name: 'size',
      type: 'enum',
      enum: { schema: 'public', name: 'size' },
      array: true,
      nullable: true,
      default: `'{s}'`,
    },
    { name: 'email', type: 'text', nullable: true },
  ]);
  expect(walls.foreignKeys).toEqual([
    {
      name: 'walls_paint_fkey',
      columns: ['paint'],
      referencedSchema: 'app',
      referencedTable: 'paints',
      referencedColumns: ['id'],
      onDelete: 'RESTRICT',
      onUpdate: 'CASCADE',
    },
  ]);
  expect(walls.checks).toEqual([{ name: 'positive', expression: '"id" > 0' }]);
  expect(walls.indexes).toEqual([
    {
      name: 'walls_email',
      columns: ['paint'],
      keys: [{ expression: 'lower(email)' }, { column: 'paint' }],
      include: ['size'],
      unique: true,
      where: '"email" IS NOT NULL',
    },
  ]);

  const both = await pg.session.introspect({ schemas: ['app', 'public'] });
  expect(both.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['app.paints', 'public.walls']);
  expect(both.enums.map((e) => `${e.schema}.${e.name}`)).toEqual(['app.color', 'public.size']);
  expect(both.tables[0]!.columns[1]).toEqual({
    name: 'color',
    type: 'enum',
    enum: { schema: 'app', name: 'color' },
    nullable: false,
    default: `'red'`,
  });
});

test('reads on a second connection beside its own give the model one connection reads; inside a transaction only its own reads', async () => {
  const alone = await introspectPostgres(
    async <Row>(sql: string, params: readonly unknown[]) => (await pg.raw.query(sql, [...params])).rows as Row[],
    ['app', 'public'],
  );
  const before = pg.session.queryCount;
  expect(await pg.session.introspect({ schemas: ['app', 'public'] })).toEqual(alone);
  expect(pg.session.queryCount - before).toBe(9);
  const names = async () =>
    (
      await pg.raw.query<{ name: string }>(
        `SELECT application_name AS name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'schemaplan%' ORDER BY 1`,
      )
    ).rows.map((row) => row.name);
  expect(await names()).toEqual(['schemaplan', 'schemaplan (read)']);
  // The second connection's last query is the last of its lane's (the not-managed listing).
  const lastBeside = await pg.raw.query<{ query: string }>(
    `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'schemaplan (read)'`,
  );
  const shown = lastBeside.rows[0]!.query; // cut at track_activity_query_size
  expect(shown.length).toBeGreaterThan(200);
  expect(NOT_MANAGED_SQL.startsWith(shown)).toBe(true);
  // In a transaction, a table created in it is read (the second connection would not see it).
  await pg.session.runScript('BEGIN; CREATE TABLE in_transaction (id integer PRIMARY KEY)');
  try {
    const inside = await pg.session.introspect({ schemas: ['app', 'public'] });
    expect(inside.tables.map((t) => t.name)).toContain('in_transaction');
    expect(inside.tables.find((t) => t.name === 'in_transaction')!.primaryKey).toEqual({
      name: 'in_transaction_pkey',
      columns: ['id'],
    });
  } finally {
    await pg.session.runScript('ROLLBACK');
  }
});

test('work given as `meanwhile` runs once, while the catalog queries run, and what it throws does not fail the read', async () => {
  const expected = await pg.session.introspect();
  const before = pg.session.queryCount;
  const sent: number[] = [];
  expect(await pg.session.introspect({ meanwhile: () => sent.push(pg.session.queryCount - before) })).toEqual(expected);
  // Called once, after the tables query and the first query of each lane were sent, before the rest.
  expect(sent).toEqual([3]);
  await expect(
    pg.session.introspect({
      meanwhile: () => {
        throw new Error('not the failure of the read');
      },
    }),
  ).resolves.toEqual(expected);
});

test('a role that may open one connection only: the session reads on its own, with the same result', async () => {
  const role = `one_connection_${process.pid}`;
  await pg.raw.query(
    `DROP ROLE IF EXISTS ${role}; CREATE ROLE ${role} LOGIN CONNECTION LIMIT 1; GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`,
  );
  const url = new URL(pg.db.url);
  url.username = role;
  url.password = '';
  const session = await postgresDialect.connect(parseDatabaseUrl(url.toString()));
  try {
    const expected = await pg.session.introspect();
    const before = session.queryCount;
    expect(await session.introspect()).toEqual(expected);
    expect(session.queryCount - before).toBe(9);
    const connections = await pg.raw.query(`SELECT application_name FROM pg_stat_activity WHERE usename = $1`, [role]);
    expect(connections.rows).toEqual([{ application_name: 'schemaplan' }]); // the second one was refused
  } finally {
    await session.close();
    await pg.raw.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
  }
});

test('an expression index survives a render and re-introspection', async () => {
  const before = await pg.session.introspect();
  const walls = before.tables.find((t) => t.name === 'walls')!;
  const index = walls.indexes[0]!;
  await pg.session.apply([
    ...postgresDialect.render({ kind: 'index.drop', table: walls, index, reason: 't' }, { from: before, to: before }),
    ...postgresDialect.render({ kind: 'index.create', table: walls, index, reason: 't' }, { from: before, to: before }),
  ]);
  // INCLUDE columns are part of the model: the recreated index has them again.
  expect(await pg.session.introspect()).toEqual(before);
  expect((await pg.raw.query(`SELECT pg_get_indexdef('walls_email'::regclass) AS def`)).rows[0].def).toContain(
    'INCLUDE (size)',
  );
});

test('reads views and generated columns, their expressions as TypeORM recorded them, and what views read', async () => {
  await pg.raw.query(`
    DROP TABLE typeorm_metadata;
    CREATE SCHEMA shop;
    CREATE TABLE shop.items (id integer PRIMARY KEY, price integer NOT NULL,
      total integer GENERATED ALWAYS AS (price * 2) STORED, tax integer GENERATED ALWAYS AS (price / 10) STORED);
    CREATE VIEW shop.cheap AS SELECT id FROM shop.items WHERE price < 10;
    CREATE MATERIALIZED VIEW shop.cheap_count AS SELECT count(*) AS n FROM shop.cheap, public.walls;
  `);
  const countQueries = async () => {
    const before = pg.session.queryCount;
    const model = await pg.session.introspect({ schemas: ['public', 'shop'] });
    return { model, queries: pg.session.queryCount - before };
  };
  const catalog = await countQueries();
  expect(catalog.model.views).toEqual([
    {
      schema: 'shop',
      name: 'cheap',
      expression: expect.stringContaining('FROM shop.items'),
      dependsOn: [{ schema: 'shop', name: 'items' }],
    },
    {
      schema: 'shop',
      name: 'cheap_count',
      expression: expect.stringContaining('count(*)'),
      materialized: true,
      dependsOn: [
        { schema: 'public', name: 'walls' },
        { schema: 'shop', name: 'cheap' },
      ],
    },
  ]);
  const items = catalog.model.tables.find((t) => t.name === 'items')!;
  expect(items.columns[2]).toEqual({
    name: 'total',
    type: 'integer',
    nullable: true,
    computed: { expression: '(price * 2)', stored: true },
  });

  // TypeORM's records win over the catalog's text: they are what TypeORM compares entities with.
  await pg.raw.query(`
    CREATE TABLE typeorm_metadata ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar,
      "name" varchar, "value" text);
    INSERT INTO typeorm_metadata VALUES
      ('VIEW', NULL, 'shop', NULL, 'cheap', '  SELECT "id" FROM "shop"."items" WHERE "price" < 10 '),
      ('GENERATED_COLUMN', current_database(), 'shop', 'items', 'total', '"price" * 2'),
      ('GENERATED_COLUMN', 'another_database', 'shop', 'items', 'tax', '"price" / 10');
  `);
  const recorded = await countQueries();
  expect(recorded.queries).toBe(catalog.queries);
  expect(recorded.model.views![0]!.expression).toBe('SELECT "id" FROM "shop"."items" WHERE "price" < 10');
  expect(recorded.model.views![1]).toEqual(catalog.model.views![1]);
  const recordedItems = recorded.model.tables.find((t) => t.name === 'items')!;
  expect(recordedItems.columns[2]!.computed).toEqual({ expression: '"price" * 2', stored: true });
  // A record of another database is not this column's (TypeORM filters on the database too).
  expect(recordedItems.columns[3]!.computed).toEqual({ expression: '(price / 10)', stored: true });
  await pg.raw.query('DROP SCHEMA shop CASCADE');
});
