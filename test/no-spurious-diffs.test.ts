import 'reflect-metadata';
import { compileEntities } from '../src/compile/compile';
import { dialectFor } from '../src/dialects/registry';
import type { DialectName, Model } from '../src/model';
import { emptyModel } from '../src/model';
import { createPlan } from '../src/plan/plan';
import { renderJson } from '../src/report/json';
import { renderSql } from '../src/report/sql';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases';
import { rawQuery } from './support/raw-query';
import { synchronizeWithTypeorm, typeormPendingQueries } from './support/typeorm-oracle';
import { Account } from './entities/no-spurious-diffs/account';
import { Profile } from './entities/no-spurious-diffs/profile';
import { PgThing } from './entities/no-spurious-diffs/postgres-only';

/**
 * A database in line with the entities plans as empty, whoever built it and however its SQL was spelled: equal
 * meanings are equal data. Both dialects, real databases.
 */
const ENTITIES: Record<DialectName, Function[]> = {
  postgres: [Account, Profile, PgThing],
  sqlite: [Account, Profile],
};

async function compiled(dialect: DialectName): Promise<Model> {
  const result = await compileEntities(ENTITIES[dialect], dialect);
  expect(result.diagnostics).toEqual([]);
  return result.model;
}

async function withDatabase<T>(
  dialect: DialectName,
  prefix: string,
  use: (db: TestDatabase) => Promise<T>,
): Promise<T> {
  const db = await freshDatabase(dialect, prefix);
  try {
    return await use(db);
  } finally {
    await db.drop();
  }
}

async function introspect(db: TestDatabase): Promise<Model> {
  const session = await connect(db.url);
  try {
    return await session.introspect();
  } finally {
    await session.close();
  }
}

describe.each(DIALECTS)('no spurious diffs on %s', (dialect) => {
  it("plans nothing against what TypeORM's synchronize() builds, twice with identical output", async () => {
    const desired = await compiled(dialect);
    await withDatabase(dialect, 'nsd-sync', async (db) => {
      await synchronizeWithTypeorm(db.oracle, ENTITIES[dialect]);
      const session = await connect(db.url);
      try {
        const plan = await planTowards(session, desired);
        expect(plan.changes.map((c) => `${c.kind}: ${c.reason}`)).toEqual([]);
        expect(plan.diagnostics).toEqual([]);
      } finally {
        await session.close();
      }
    });
  });

  it('what we apply, TypeORM finds in sync; planning twice gives byte-identical output', async () => {
    const desired = await compiled(dialect);
    await withDatabase(dialect, 'nsd-ours', async (db) => {
      const session = await connect(db.url);
      try {
        const first = await planTowards(session, desired);
        const second = await planTowards(session, desired);
        expect(first.changes.length).toBeGreaterThan(0);
        expect(renderSql(second)).toBe(renderSql(first));
        expect(renderJson(second, {})).toBe(renderJson(first, {}));
        await applyTowards(session, desired);
        expect((await planTowards(session, desired)).changes).toEqual([]);
      } finally {
        await session.close();
      }
      expect(await typeormPendingQueries(db.oracle, ENTITIES[dialect])).toEqual([]);
    });
  });

  it('the same schema spelled differently by hand introspects equal and plans empty either way', async () => {
    const [a, b] = HAND_WRITTEN[dialect];
    const models = await Promise.all(
      [a, b].map((sql, i) =>
        withDatabase(dialect, `nsd-hand${i}`, async (db) => {
          await rawQuery(db, sql);
          const first = await introspect(db);
          expect(await introspect(db)).toEqual(first);
          return first;
        }),
      ),
    );
    const [modelA, modelB] = models as [Model, Model];
    const dialectImpl = dialectFor(dialect);
    expect(dialectImpl.normalize(modelA)).toEqual(dialectImpl.normalize(modelB));
    expect(createPlan({ from: modelA, to: modelB, dialect: dialectImpl }).changes).toEqual([]);
    expect(createPlan({ from: modelB, to: modelA, dialect: dialectImpl }).changes).toEqual([]);
    expect(createPlan({ from: emptyModel(dialect), to: modelA, dialect: dialectImpl }).changes.length).toBeGreaterThan(
      0,
    );
  });
});

/** Two spellings of one schema per dialect: keywords, synonyms, casts, CURRENT_TIMESTAMP vs now(), serial by hand. */
const HAND_WRITTEN: Record<DialectName, [string, string]> = {
  postgres: [
    `CREATE TABLE "items" ("id" SERIAL PRIMARY KEY, "n" INT NOT NULL DEFAULT 0, "name" VARCHAR(20) NOT NULL DEFAULT 'x',
       "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP, "flag" BOOLEAN DEFAULT FALSE,
       "price" DECIMAL(10,2) DEFAULT 1.50, "tags" TEXT[] DEFAULT '{}', "doc" JSONB DEFAULT '{"b": 1, "a": 2}',
       "big" INT8, "f" FLOAT8, "r" REAL, "s" VARCHAR(8) COLLATE "C", CHECK ("n" >= 0));
     CREATE INDEX "items_name" ON "items" USING btree ("name") WHERE "n" > 0;`,
    `CREATE SEQUENCE items_id_seq;
     CREATE TABLE items (id int4 NOT NULL DEFAULT nextval('items_id_seq'::regclass), n integer NOT NULL DEFAULT '0'::integer,
       name character varying(20) NOT NULL DEFAULT 'x'::character varying, at timestamptz NOT NULL DEFAULT now(),
       flag bool DEFAULT false, price numeric(10,2) DEFAULT 1.5, tags text[] DEFAULT '{}'::text[],
       doc jsonb DEFAULT '{"a":2,"b":1}'::jsonb, big bigint, f double precision, r float4, s character varying(8) COLLATE "C",
       CONSTRAINT items_pkey PRIMARY KEY (id), CONSTRAINT items_n_check CHECK (n >= 0));
     ALTER SEQUENCE items_id_seq OWNED BY items.id;
     create index items_name on items (name) where (n > 0);`,
  ],
  sqlite: [
    `CREATE TABLE "items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "n" INT NOT NULL DEFAULT 0,
       "name" VARCHAR(20) NOT NULL DEFAULT 'x', "at" DATETIME NOT NULL DEFAULT (datetime('now')),
       "flag" BOOLEAN DEFAULT FALSE, "price" DECIMAL(10,2) DEFAULT 1.50,
       CHECK ("n" >= 0));
     CREATE INDEX "items_name" ON "items" ("name") WHERE "n" > 0;`,
    `create table items (id integer primary key autoincrement not null, n integer not null default (0),
       name varchar(20) not null default ('x'), at datetime not null default (datetime('now')),
       flag boolean default (0), price decimal(10,2) default (1.5),
       check ("n" >= 0));
     create index items_name on items (name) where ("n" > 0);`,
  ],
};

describe('column collation (PostgreSQL)', () => {
  const withCollation = (model: Model, column: string, collation: string | undefined): Model => ({
    ...model,
    tables: model.tables.map((table) =>
      table.name !== 'pg_things'
        ? table
        : { ...table, columns: table.columns.map((c) => (c.name === column ? { ...c, collation } : c)) },
    ),
  });

  it('is a real difference when it changes, applied in place with the rows kept', async () => {
    const desired = await compiled('postgres');
    await withDatabase('postgres', 'nsd-collation', async (db) => {
      const session = await connect(db.url);
      try {
        await applyTowards(session, desired);
        await rawQuery(db, `INSERT INTO "pg_things" ("sortKey", "defaultCollation") VALUES ('b', 'x'), ('a', 'y')`);
        let current = desired;
        for (const [column, collation] of [
          ['sortKey', undefined],
          ['sortKey', 'POSIX'],
          ['defaultCollation', 'C'],
        ] as const) {
          const next = withCollation(current, column, collation);
          const plan = await planTowards(session, next);
          expect(plan.changes).toEqual([expect.objectContaining({ kind: 'column.alter', fields: ['collation'] })]);
          await session.apply(plan.statements);
          expect((await planTowards(session, next)).changes).toEqual([]);
          current = next;
        }
        expect(await rawQuery(db, `SELECT "sortKey" FROM "pg_things" ORDER BY "sortKey"`)).toEqual([
          { sortKey: 'a' },
          { sortKey: 'b' },
        ]);
      } finally {
        await session.close();
      }
    });
  });
});
