import { dialectFor } from '../src/dialects/registry';
import type { DialectName, Index, Model } from '../src/model';
import { emptyModel, withIndexKeys } from '../src/model';
import { createPlan } from '../src/plan/plan';
import { connect } from './support/apply-model';
import { DIALECTS, freshDatabase } from './support/databases';
import { rawQuery } from './support/raw-query';

/** Indexes whose keys sort DESC and (PostgreSQL) NULLS FIRST/LAST, on columns and on expressions. */
const SOURCE: Record<DialectName, string> = {
  postgres: `
    CREATE TABLE "events" ("id" serial PRIMARY KEY, "at" timestamptz, "kind" varchar(20), "score" integer);
    CREATE INDEX "events_at_desc" ON "events" ("at" DESC);
    CREATE INDEX "events_mixed" ON "events" ("kind", "at" DESC NULLS LAST, "score" NULLS FIRST);
    CREATE INDEX "events_expr" ON "events" (lower("kind") DESC NULLS LAST);
    CREATE INDEX "events_spelled_default" ON "events" ("kind" ASC NULLS LAST, "score" DESC NULLS FIRST);
    INSERT INTO "events" ("at", "kind", "score") VALUES (now(), 'a', 1), (NULL, NULL, NULL);`,
  sqlite: `
    CREATE TABLE "events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime, "kind" varchar(20), "score" integer);
    CREATE INDEX "events_at_desc" ON "events" ("at" DESC);
    CREATE INDEX "events_mixed" ON "events" ("kind", "at" DESC, "score" ASC);
    CREATE INDEX "events_expr" ON "events" (lower("kind") DESC);
    CREATE INDEX "events_spelled_default" ON "events" ("kind" ASC, "score" DESC);
    INSERT INTO "events" ("at", "kind", "score") VALUES ('2024-01-01', 'a', 1), (NULL, NULL, NULL);`,
};

const EXPECTED: Record<DialectName, Record<string, Pick<Index, 'columns' | 'keys'>>> = {
  postgres: {
    events_at_desc: { columns: ['at'], keys: [{ column: 'at', desc: true }] },
    events_mixed: {
      columns: ['kind', 'at', 'score'],
      keys: [{ column: 'kind' }, { column: 'at', desc: true, nulls: 'last' }, { column: 'score', nulls: 'first' }],
    },
    events_expr: { columns: [], keys: [{ expression: 'lower(kind::text)', desc: true, nulls: 'last' }] },
    events_spelled_default: { columns: ['kind', 'score'], keys: [{ column: 'kind' }, { column: 'score', desc: true }] },
  },
  sqlite: {
    events_at_desc: { columns: ['at'], keys: [{ column: 'at', desc: true }] },
    events_mixed: {
      columns: ['kind', 'at', 'score'],
      keys: [{ column: 'kind' }, { column: 'at', desc: true }, { column: 'score' }],
    },
    events_expr: { columns: [], keys: [{ expression: 'lower("kind")', desc: true }] },
    events_spelled_default: { columns: ['kind', 'score'], keys: [{ column: 'kind' }, { column: 'score', desc: true }] },
  },
};

async function introspectSql(dialect: DialectName, label: string, sql: string): Promise<Model> {
  const db = await freshDatabase(dialect, label);
  try {
    await rawQuery(db, sql);
    const session = await connect(db.url);
    try {
      return await session.introspect();
    } finally {
      await session.close();
    }
  } finally {
    await db.drop();
  }
}

const indexesOf = (model: Model): Record<string, Pick<Index, 'columns' | 'keys'>> =>
  Object.fromEntries(
    model.tables[0]!.indexes.map((index) => [index.name, { columns: index.columns, keys: index.keys }]),
  );

/** The model with every index key in the default order (what TypeORM entities can declare). */
function withoutOrder(model: Model): Model {
  return {
    ...model,
    tables: model.tables.map((table) => ({
      ...table,
      indexes: table.indexes.map((index) =>
        withIndexKeys(
          index,
          (index.keys ?? []).map((key) => ('column' in key ? { column: key.column } : { expression: key.expression })),
        ),
      ),
    })),
  };
}

describe.each(DIALECTS)('index key order on %s', (dialectName) => {
  const dialect = dialectFor(dialectName);

  it('is introspected with only the non-default orders', async () => {
    const model = await introspectSql(dialectName, 'ixo-read', SOURCE[dialectName]);
    expect(indexesOf(model)).toEqual(EXPECTED[dialectName]);
  });

  it('is created as read: applied to an empty database, it introspects equal and re-plans empty', async () => {
    const model = await introspectSql(dialectName, 'ixo-src', SOURCE[dialectName]);
    const db = await freshDatabase(dialectName, 'ixo-dst');
    const session = await connect(db.url);
    try {
      const plan = createPlan({ from: await session.introspect(), to: model, dialect });
      await session.apply(plan.statements);
      const after = await session.introspect();
      expect(after).toEqual(model);
      expect(createPlan({ from: after, to: model, dialect }).changes).toEqual([]);
    } finally {
      await session.close();
      await db.drop();
    }
  });

  it('a change of order re-creates the index; after apply the plan is empty', async () => {
    const db = await freshDatabase(dialectName, 'ixo-change');
    await rawQuery(db, SOURCE[dialectName]);
    const session = await connect(db.url);
    try {
      const current = await session.introspect();
      const target = withoutOrder(current);
      expect(target.tables[0]!.indexes.every((index) => index.keys === undefined || index.name === 'events_expr')).toBe(
        true,
      );
      const plan = createPlan({ from: current, to: target, dialect });
      const indexChanges = plan.changes
        .flatMap((change) => (change.kind === 'table.rebuild' ? change.changes : [change]))
        .filter((change) => change.kind === 'index.drop' || change.kind === 'index.create')
        .map((change) => `${change.kind} ${'index' in change ? change.index.name : ''}`)
        .sort();
      const ordered = ['events_at_desc', 'events_expr', 'events_mixed', 'events_spelled_default'];
      expect(indexChanges).toEqual(ordered.flatMap((name) => [`index.create ${name}`, `index.drop ${name}`]).sort());
      await session.apply(plan.statements);
      const after = await session.introspect();
      expect(indexesOf(after)).toEqual(indexesOf(target));
      expect(createPlan({ from: after, to: target, dialect }).changes).toEqual([]);
      expect(await rawQuery(db, 'SELECT count(*) AS n FROM "events"')).toEqual([
        { n: dialectName === 'postgres' ? '2' : 2 },
      ]);
    } finally {
      await session.close();
      await db.drop();
    }
  });
});

describe('index key order rendering', () => {
  it('PostgreSQL renders DESC and a non-default NULLS after a column or an expression', () => {
    const model = emptyModel('postgres');
    const index: Index = {
      name: 'i',
      columns: ['a'],
      keys: [
        { column: 'a', desc: true },
        { expression: 'lower(b)', nulls: 'first' },
        { column: 'c', desc: true, nulls: 'last' },
      ],
      unique: false,
    };
    const change = { kind: 'index.create' as const, table: { schema: 'public', name: 't' }, index, reason: 'test' };
    expect(dialectFor('postgres').render(change, { from: model, to: model })[0]!.sql).toBe(
      'CREATE INDEX "i" ON "public"."t" ("a" DESC, (lower(b)) NULLS FIRST, "c" DESC NULLS LAST)',
    );
  });
});
