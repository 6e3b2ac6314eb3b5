import { postgresDialect } from '../src/dialects/postgres';
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
        `CHECK (id > 0)); CREATE INDEX t${i}_name ON t${i} (lower(name)); COMMENT ON TABLE t${i} IS 'table ${i}'`,
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
  expect(small).toBeLessThanOrEqual(6);
  expect((await pg.session.introspect()).tables).toHaveLength(60);
  await pg.raw.query(`DROP TABLE ${Array.from({ length: 60 }, (_, i) => `t${i}`).join(', ')}`);
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
    { name: 'size', type: 'enum', enum: { schema: 'public', name: 'size' }, array: true, nullable: true, default: `'{s}'` },
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

test('an expression index survives a render and re-introspection', async () => {
  const before = await pg.session.introspect();
  const walls = before.tables.find((t) => t.name === 'walls')!;
  const index = walls.indexes[0]!;
  await pg.session.apply([
    ...postgresDialect.render({ kind: 'index.drop', table: walls, index, reason: 't' }, { from: before, to: before }),
    ...postgresDialect.render({ kind: 'index.create', table: walls, index, reason: 't' }, { from: before, to: before }),
  ]);
  // INCLUDE columns are not part of the model, so the recreated index has none; everything the model says is equal.
  expect(await pg.session.introspect()).toEqual(before);
});
