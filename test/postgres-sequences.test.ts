/**
 * Standalone PostgreSQL sequences on real databases: read from the catalog (serial and identity sequences stay
 * implied by their columns), planned between two databases (create, alter, owner, drop), applied, converged; and left
 * alone by plans whose desired side comes from entities.
 */
import { replan } from '../src/workflow/plan-database';
import { compileEntities } from '../src/compile/compile';
import type { DatabaseSession } from '../src/dialects/dialect';
import { postgresDialect } from '../src/dialects/postgres';
import type { Model } from '../src/model';
import { createPlan } from '../src/plan/plan';
import type { Plan } from '../src/plan/types';
import { applyTowards, connect } from './support/apply-model';
import { freshDatabase, type TestDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { rawQuery } from './support/raw-query';

let current: TestDatabase;
let target: TestDatabase;
let sessions: DatabaseSession[] = [];

beforeEach(async () => {
  current = await freshDatabase('postgres', 'seq-from');
  target = await freshDatabase('postgres', 'seq-to');
});
afterEach(async () => {
  for (const session of sessions) await session.close();
  sessions = [];
  await current.drop();
  await target.drop();
});

async function open(db: TestDatabase): Promise<DatabaseSession> {
  const session = await connect(db.url);
  sessions.push(session);
  return session;
}

async function read(db: TestDatabase): Promise<Model> {
  const session = await open(db);
  return session.introspect({ schemas: await session.listSchemas() });
}

/** Plans `current` towards `target` (both full inventories, as `schema diff` between two databases does). */
async function planBetween(): Promise<Plan> {
  return createPlan({ from: await read(current), to: await read(target), dialect: postgresDialect });
}

async function applyAndConverge(): Promise<Plan> {
  const plan = await planBetween();
  await (await open(current)).apply(plan.statements);
  expect(await read(current)).toEqual(await read(target));
  expect((await planBetween()).changes).toEqual([]);
  return plan;
}

const kinds = (plan: Plan) =>
  plan.changes.map((c) =>
    `${c.kind} ${'sequence' in c ? c.sequence.name : 'to' in c && typeof c.to === 'object' && 'name' in c.to ? c.to.name : ''}`.trim(),
  );

test('reads standalone sequences with their non-default options and owner; serial and identity sequences stay implied', async () => {
  await rawQuery(
    current,
    `
    CREATE SCHEMA billing;
    CREATE SEQUENCE billing.invoice_no AS integer START WITH 1000 INCREMENT BY 10 MAXVALUE 900000 CACHE 5 CYCLE;
    CREATE TABLE billing.invoices (id serial PRIMARY KEY, no integer NOT NULL DEFAULT nextval('billing.invoice_no'));
    ALTER SEQUENCE billing.invoice_no OWNED BY billing.invoices.no;
    CREATE SEQUENCE shared;
    CREATE TABLE tickets (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code bigint DEFAULT nextval('shared'));
    CREATE SEQUENCE counter INCREMENT BY -1;
  `,
  );
  const model = await read(current);
  expect(model.sequences).toEqual([
    {
      schema: 'billing',
      name: 'invoice_no',
      type: 'integer',
      start: '1000',
      increment: '10',
      maxValue: '900000',
      cache: '5',
      cycle: true,
      ownedBy: { table: 'invoices', column: 'no' },
    },
    { schema: 'public', name: 'counter', type: 'bigint', increment: '-1' },
    { schema: 'public', name: 'shared', type: 'bigint' },
  ]);
  const invoices = model.tables.find((t) => t.name === 'invoices')!;
  // The serial keeps reading as a serial; the column drawing from a standalone sequence keeps its default.
  expect(invoices.columns).toEqual([
    expect.objectContaining({ name: 'id', generated: 'increment' }),
    expect.objectContaining({ name: 'no', default: `nextval('billing.invoice_no'::regclass)` }),
  ]);
  expect(invoices.columns[1]!.generated).toBeUndefined();
  const tickets = model.tables.find((t) => t.name === 'tickets')!;
  expect(tickets.columns[1]).toEqual(expect.objectContaining({ name: 'code', default: `nextval('shared'::regclass)` }));
});

test('creates sequences before the tables calling them and owns them after; a re-plan is empty', async () => {
  await rawQuery(current, `CREATE TABLE kept (id serial PRIMARY KEY);`);
  await rawQuery(
    target,
    `
    CREATE TABLE kept (id serial PRIMARY KEY);
    CREATE SEQUENCE orders_no AS integer START WITH 500;
    CREATE TABLE orders (id integer PRIMARY KEY, no integer NOT NULL DEFAULT nextval('orders_no'));
    ALTER SEQUENCE orders_no OWNED BY orders.no;
    CREATE SEQUENCE loose AS smallint INCREMENT BY 3;
  `,
  );
  const plan = await applyAndConverge();
  expect(kinds(plan)).toEqual([
    'sequence.create loose',
    'sequence.create orders_no',
    'table.create',
    'sequence.alter orders_no',
  ]);
  expect(plan.statements.map((s) => s.sql)).toEqual(
    expect.arrayContaining([
      'CREATE SEQUENCE "public"."orders_no" AS integer START WITH 500',
      'CREATE SEQUENCE "public"."loose" AS smallint INCREMENT BY 3',
      'ALTER SEQUENCE "public"."orders_no" OWNED BY "public"."orders"."no"',
    ]),
  );
  // The serial of the kept table was never touched.
  expect(plan.statements.some((s) => s.sql.includes('kept'))).toBe(false);
  expect((await rawQuery<{ no: number }>(current, `INSERT INTO orders (id) VALUES (1) RETURNING no`))[0]!.no).toBe(500);
});

test('alters type, options and owner in place, keeping the current value', async () => {
  const both = `
    CREATE TABLE a (id integer PRIMARY KEY, n bigint);
    CREATE TABLE b (id integer PRIMARY KEY, n bigint);
  `;
  await rawQuery(
    current,
    `${both}
    CREATE SEQUENCE s AS integer INCREMENT BY 2 MAXVALUE 1000;
    ALTER SEQUENCE s OWNED BY a.n;`,
  );
  await rawQuery(
    target,
    `${both}
    CREATE SEQUENCE s AS bigint INCREMENT BY 5 MINVALUE 0 START WITH 7 CYCLE;
    ALTER SEQUENCE s OWNED BY b.n;`,
  );
  await rawQuery(current, `SELECT nextval('s'); SELECT nextval('s');`); // 1, 3
  const plan = await applyAndConverge();
  expect(plan.statements.map((s) => s.sql)).toEqual([
    'ALTER SEQUENCE "public"."s" AS bigint INCREMENT BY 5 MINVALUE 0 MAXVALUE 9223372036854775807 START WITH 7 CYCLE OWNED BY "public"."b"."n"',
  ]);
  expect(plan.changes[0]).toMatchObject({
    kind: 'sequence.alter',
    fields: ['type', 'increment', 'minValue', 'maxValue', 'start', 'cycle', 'ownedBy'],
  });
  expect((await rawQuery<{ n: string }>(current, `SELECT nextval('s') AS n`))[0]!.n).toBe('8');
});

test('drops a sequence after the defaults calling it, and not at all when its owning table is dropped', async () => {
  await rawQuery(
    current,
    `
    CREATE SEQUENCE used;
    CREATE TABLE t (id integer PRIMARY KEY, n bigint DEFAULT nextval('used'));
    CREATE TABLE gone (id integer PRIMARY KEY, n bigint);
    CREATE SEQUENCE owned_by_gone OWNED BY gone.n;
    CREATE SEQUENCE unused;
  `,
  );
  await rawQuery(target, `CREATE TABLE t (id integer PRIMARY KEY, n bigint);`);
  const plan = await applyAndConverge();
  expect(kinds(plan)).toEqual(['column.alter n', 'table.drop', 'sequence.drop unused', 'sequence.drop used']);
  expect(
    plan.statements.filter((s) => s.sql.startsWith('DROP SEQUENCE')).map((s) => s.hazards.map((h) => h.code)),
  ).toEqual([['DATA_LOSS'], ['DATA_LOSS']]);
});

test('a column that stops being serial keeps drawing from the same, now standalone, sequence (and back)', async () => {
  await rawQuery(
    current,
    `CREATE TABLE t (id serial PRIMARY KEY); INSERT INTO t DEFAULT VALUES; INSERT INTO t DEFAULT VALUES;`,
  );
  await rawQuery(
    target,
    `CREATE SEQUENCE t_id_seq AS integer; CREATE TABLE t (id integer PRIMARY KEY DEFAULT nextval('t_id_seq'));`,
  );
  const plan = await applyAndConverge();
  expect(kinds(plan)).toEqual(['sequence.alter t_id_seq', 'column.alter id']);
  expect((await rawQuery<{ id: number }>(current, `INSERT INTO t DEFAULT VALUES RETURNING id`))[0]!.id).toBe(3);

  // And back: the standalone sequence becomes the serial's again.
  await rawQuery(target, `DROP TABLE t; DROP SEQUENCE IF EXISTS t_id_seq; CREATE TABLE t (id serial PRIMARY KEY);`);
  const back = await applyAndConverge();
  expect(kinds(back)).toEqual(['column.alter id', 'sequence.alter t_id_seq']);
  expect((await rawQuery<{ id: number }>(current, `INSERT INTO t DEFAULT VALUES RETURNING id`))[0]!.id).toBe(4);
});

test('a plan from entities leaves standalone sequences alone', async () => {
  const desired = (await compileEntities(await entityClasses('schema'), 'postgres')).model;
  const session = await open(current);
  await applyTowards(session, desired);
  await rawQuery(
    current,
    `
    CREATE SEQUENCE extra AS integer INCREMENT BY 7;
    CREATE SEQUENCE owned_extra;
    ALTER SEQUENCE owned_extra OWNED BY users.id;
  `,
  );
  expect((await read(current)).sequences?.map((s) => s.name)).toEqual(['extra', 'owned_extra']);
  expect((await replan(session, postgresDialect, desired)).changes).toEqual([]);
});
