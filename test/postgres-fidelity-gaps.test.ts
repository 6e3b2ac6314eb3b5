/**
 * Issue 15, the last fidelity gaps, each on the real server: what one database states and another does not is never
 * "No changes", and two spellings of the same thing are never a change.
 * - a comment on an exclusion constraint is read, compared and set (it was silently ignored);
 * - a foreign key whose deferrability changes is altered in place (`ALTER CONSTRAINT`), not dropped and added again;
 * - boolean storage parameters spelled `off`/`false` (and numbers `070`/`70`) are the same value: no index rebuild,
 *   no "differs" for a table's parameters;
 * - an operator class or collation written schema-qualified (`pg_catalog.text_pattern_ops`, `public.gin_trgm_ops`) is
 *   the same as unqualified;
 * - an enum type only a domain uses counts as used: no plan drops it (the DROP TYPE would fail), or swaps it;
 * - a default cast across the time zone (`'0001-01-01'::timestamp` on a `timestamptz` column, psqldef's
 *   CreateTableWithDefault) keeps its cast: without it the value is read in the zone of the session that plans;
 * - a `.sql` source evaluated in a dev database: the throwaway role's grant on `public` is not listed as a privilege.
 */
import { postgresDialect } from '../src/dialects/postgres';
import { declarableByEntities, type Model } from '../src/model';
import { createPlan } from '../src/plan/plan';
import { loadIntoDevDatabase } from '../src/dialects/postgres/dev-database';
import { connect } from './support/apply-model';
import { freshDatabase, type TestDatabase } from './support/databases';
import { rawQuery } from './support/raw-query';

let dbs: TestDatabase[] = [];
afterEach(async () => {
  for (const db of dbs) await db.drop();
  dbs = [];
});

async function database(sql: string): Promise<TestDatabase> {
  const db = await freshDatabase('postgres', 'fidelity_gaps');
  dbs.push(db);
  await rawQuery(db, sql);
  return db;
}

async function read(db: TestDatabase): Promise<Model> {
  const session = await connect(db.url);
  try {
    return await session.introspect({ schemas: await session.listSchemas() });
  } finally {
    await session.close();
  }
}

/** The plan from a database loaded with `from` to one loaded with `to` (read as a whole), and the first database. */
async function planBetween(from: string, to: string) {
  const db = await database(from);
  const [current, target] = [await read(db), await read(await database(to))];
  const plan = createPlan({ from: current, to: target, dialect: postgresDialect, targetScope: 'inventory' });
  return { db, plan, target, sql: plan.statements.map((s) => s.sql) };
}

/** Applies the plan to its database, which must then read as the target and plan empty again. */
async function applyAndConverge({ db, plan, target }: Awaited<ReturnType<typeof planBetween>>): Promise<void> {
  const session = await connect(db.url);
  try {
    await session.apply(plan.statements);
  } finally {
    await session.close();
  }
  const again = createPlan({ from: await read(db), to: target, dialect: postgresDialect, targetScope: 'inventory' });
  expect(again.statements).toEqual([]);
}

const BOOKINGS = `CREATE EXTENSION btree_gist;
  CREATE TABLE bookings (id int PRIMARY KEY, room int, CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =))`;

test('a comment on an exclusion constraint is read, set, changed and removed', async () => {
  const commented = `${BOOKINGS}; COMMENT ON CONSTRAINT no_overlap ON bookings IS 'one booking per room'`;
  const set = await planBetween(BOOKINGS, commented);
  expect(set.target.tables[0]!.exclusions).toEqual([
    expect.objectContaining({ name: 'no_overlap', comment: 'one booking per room' }),
  ]);
  expect(set.sql).toEqual([`COMMENT ON CONSTRAINT "no_overlap" ON "public"."bookings" IS 'one booking per room'`]);
  await applyAndConverge(set);

  const removed = await planBetween(commented, BOOKINGS);
  expect(removed.sql).toEqual([`COMMENT ON CONSTRAINT "no_overlap" ON "public"."bookings" IS NULL`]);
  await applyAndConverge(removed);

  // Created with its table, and added to a table that exists: the comment comes with it.
  const created = await planBetween('CREATE EXTENSION btree_gist', commented);
  expect(created.sql.at(-1)).toBe(
    `COMMENT ON CONSTRAINT "no_overlap" ON "public"."bookings" IS 'one booking per room'`,
  );
  await applyAndConverge(created);
  const added = await planBetween(
    'CREATE EXTENSION btree_gist; CREATE TABLE bookings (id int PRIMARY KEY, room int)',
    commented,
  );
  expect(added.sql).toEqual([
    'ALTER TABLE "public"."bookings" ADD CONSTRAINT "no_overlap" EXCLUDE USING "gist" ("room" WITH =)',
    `COMMENT ON CONSTRAINT "no_overlap" ON "public"."bookings" IS 'one booking per room'`,
  ]);
  await applyAndConverge(added);
}, 120_000);

test('a foreign key that only changes its deferrability is altered in place', async () => {
  const schema = (deferrable: string, action = 'CASCADE') => `CREATE TABLE p (id int PRIMARY KEY);
    CREATE TABLE c (id int PRIMARY KEY, p int CONSTRAINT c_p REFERENCES p ON DELETE ${action} ${deferrable});
    INSERT INTO p VALUES (1); INSERT INTO c VALUES (1, 1);`;
  const steps: [string, string, string][] = [
    ['', 'DEFERRABLE INITIALLY DEFERRED', 'DEFERRABLE INITIALLY DEFERRED'],
    ['DEFERRABLE INITIALLY DEFERRED', 'DEFERRABLE', 'DEFERRABLE INITIALLY IMMEDIATE'],
    ['DEFERRABLE', '', 'NOT DEFERRABLE'],
  ];
  for (const [from, to, spelled] of steps) {
    const step = await planBetween(schema(from), schema(to));
    expect(step.plan.changes.map((c) => c.kind)).toEqual(['foreignKey.alter']);
    expect(step.sql).toEqual([`ALTER TABLE "public"."c" ALTER CONSTRAINT "c_p" ${spelled}`]);
    await applyAndConverge(step);
  }
  // Deferrability and anything else: dropped and added again, as before.
  const both = await planBetween(schema(''), schema('DEFERRABLE', 'SET NULL'));
  expect(both.plan.changes.map((c) => c.kind)).toEqual(['foreignKey.drop', 'foreignKey.add']);
  await applyAndConverge(both);
}, 120_000);

test('boolean and numeric storage parameters compare by value, not spelling', async () => {
  const schema = (on: string, off: string, fill: string) => `
    CREATE TABLE t (id int PRIMARY KEY, n int, tags int[]) WITH (autovacuum_enabled=${off}, fillfactor=${fill});
    CREATE INDEX t_n ON t (n) WITH (deduplicate_items=${off}, fillfactor=${fill});
    CREATE INDEX t_tags ON t USING gin (tags) WITH (fastupdate=${on});
    CREATE VIEW v WITH (security_barrier=${on}) AS SELECT id FROM t;`;
  const same = await planBetween(schema('on', 'off', '70'), schema('true', 'false', '070'));
  expect(same.sql).toEqual([]);
  expect(same.plan.partlyManaged?.filter((p) => p.differs)).toEqual([]);
  expect(same.target.tables[0]!.indexes.map((i) => i.options)).toEqual([
    ['deduplicate_items=false', 'fillfactor=70'],
    ['fastupdate=true'],
  ]);
  expect(same.target.tables[0]!.unmodelled).toEqual([
    { attribute: 'storage parameters', value: 'autovacuum_enabled=false, fillfactor=70' },
  ]);
  // A different value is still a change.
  const other = await planBetween(schema('on', 'off', '70'), schema('on', 'on', '70'));
  expect(other.sql).toEqual([
    'DROP INDEX "public"."t_n"',
    'CREATE INDEX "t_n" ON "public"."t" ("n") WITH (deduplicate_items=true, fillfactor=70)',
  ]);
  expect(other.plan.partlyManaged?.filter((p) => p.differs)).toEqual([
    expect.objectContaining({
      object: 'table public.t',
      value: 'autovacuum_enabled=false, fillfactor=70',
      target: 'autovacuum_enabled=true, fillfactor=70',
    }),
  ]);
  await applyAndConverge(other);
}, 120_000);

test('an operator class or collation written schema-qualified is the one written without', async () => {
  const schema = (catalog: string, extension: string) => `CREATE EXTENSION pg_trgm;
    CREATE TABLE t (id int PRIMARY KEY, name text);
    CREATE INDEX t_pattern ON t (name ${catalog}text_pattern_ops, name COLLATE ${catalog}"C");
    CREATE INDEX t_trgm ON t USING gin (name ${extension}gin_trgm_ops)`;
  const same = await planBetween(schema('', ''), schema('pg_catalog.', 'public.'));
  expect(same.sql).toEqual([]);
  expect(same.target.tables[0]!.indexes.map((i) => i.keys)).toEqual([
    [
      { column: 'name', opclass: 'text_pattern_ops' },
      { column: 'name', collation: 'C' },
    ],
    [{ column: 'name', opclass: 'gin_trgm_ops' }],
  ]);
  const other = await planBetween(schema('', ''), schema('', '').replace('name text_pattern_ops', 'name'));
  expect(other.sql[0]).toBe('DROP INDEX "public"."t_pattern"');
}, 120_000);

test('an enum type used only by a domain is kept, and listed with the domain', async () => {
  const domain = `CREATE TYPE mood AS ENUM ('happy', 'sad'); CREATE DOMAIN feeling AS mood; CREATE DOMAIN feelings AS mood[]`;
  const kept = await planBetween(
    `${domain}; CREATE TABLE t (id int PRIMARY KEY)`,
    'CREATE TABLE t (id int PRIMARY KEY)',
  );
  expect(kept.sql).toEqual([]);
  expect(kept.plan.diagnostics).toContainEqual(
    expect.objectContaining({ code: 'ENUM_KEPT', location: 'enum public.mood' }),
  );
  expect(kept.plan.partlyManaged).toContainEqual(
    expect.objectContaining({
      object: 'type public.mood',
      attribute: 'domains',
      value: 'public.feeling, public.feelings',
    }),
  );
  // From entities too: the model as entities declare it has no enum type, and the type stays.
  const entities = await planBetween(
    `${domain}; CREATE TABLE t (id int PRIMARY KEY)`,
    'CREATE TABLE t (id int PRIMARY KEY)',
  );
  const fromEntities = createPlan({
    from: declarableByEntities(await read(entities.db)),
    to: entities.target,
    dialect: postgresDialect,
  });
  expect(fromEntities.statements).toEqual([]);
  // Losing a label would swap the type: refused while a domain uses it (the swap cannot drop the old type).
  const swap = await planBetween(
    domain,
    `CREATE TYPE mood AS ENUM ('happy'); CREATE DOMAIN feeling AS mood; CREATE DOMAIN feelings AS mood[]`,
  );
  expect(swap.plan.diagnostics).toContainEqual(
    expect.objectContaining({ code: 'PARTLY_MANAGED_RECREATE', location: 'type public.mood' }),
  );
  expect(swap.sql).toEqual([]);
  // An enum no domain uses is still dropped.
  const dropped = await planBetween(
    `CREATE TYPE mood AS ENUM ('happy'); CREATE TABLE t (id int PRIMARY KEY)`,
    'CREATE TABLE t (id int PRIMARY KEY)',
  );
  expect(dropped.sql).toEqual(['DROP TYPE "public"."mood"']);
}, 120_000);

test('a default cast to the date/time type on the other side of the time zone keeps its cast', async () => {
  const schema = `CREATE TABLE t (id int PRIMARY KEY,
    joined timestamptz NOT NULL DEFAULT '0001-01-01 00:00:00'::timestamp without time zone,
    at_noon timetz DEFAULT '12:00'::time,
    local timestamp DEFAULT '2020-01-01 00:00:00+05'::timestamptz,
    plain timestamptz DEFAULT '2020-01-01 00:00:00+00'::timestamptz)`;
  const created = await planBetween('', schema);
  expect(created.target.tables[0]!.columns.map((c) => c.default)).toEqual([
    undefined,
    "'0001-01-01 00:00:00'::timestamp without time zone",
    "'12:00:00'::time without time zone",
    "'2019-12-31 19:00:00+00'::timestamp with time zone", // folded by PostgreSQL, in the session's zone (UTC)
    "'2020-01-01 00:00:00+00'",
  ]);
  await applyAndConverge(created);
}, 120_000);

test('a .sql source evaluated in a dev database lists no privilege of the throwaway role it runs as', async () => {
  const dev = await freshDatabase('postgres', 'fidelity_dev');
  dbs.push(dev);
  const model = await loadIntoDevDatabase('CREATE TABLE t (id int PRIMARY KEY)', 'schema.sql', dev.url);
  expect(model.tables.map((t) => t.name)).toEqual(['t']);
  expect(model.notManaged ?? []).toEqual([]);
  // A grant the source makes is still listed.
  const granted = await loadIntoDevDatabase(
    'CREATE TABLE t (id int PRIMARY KEY); GRANT SELECT ON t TO PUBLIC',
    'schema.sql',
    dev.url,
  );
  expect(granted.notManaged).toEqual([{ schema: 'public', kind: 'privilege', names: ['t'] }]);
}, 120_000);
