/**
 * TypeORM as the oracle for views and generated columns, on every dialect, both ways: a database built by TypeORM's
 * own synchronize() plans as empty (its typeorm_metadata records are read back as the expressions TypeORM compares),
 * and a database built by our plan is one TypeORM's schema builder finds in sync.
 */
import { compileEntities } from '../src/compile/compile';
import { dialectFor } from '../src/dialects/registry';
import { qualifiedKey, type Model, managedPart } from '../src/model';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { DIALECTS, freshDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { rawQuery } from './support/raw-query';
import { synchronizeWithTypeorm, typeormPendingQueries } from './support/typeorm-oracle';

describe.each(DIALECTS)('views and generated columns on %s', (dialectName) => {
  const entities = async () => [
    ...(await entityClasses('test/entities/views/common')),
    ...(await entityClasses(`test/entities/views/${dialectName}`)),
  ];

  it('a database built by TypeORM synchronize() plans as empty', async () => {
    const classes = await entities();
    const compiled = await compileEntities(classes, dialectName);
    expect(compiled.diagnostics).toEqual([]);
    if (dialectName === 'postgres') {
      expect(compiled.model.views!.map((v) => [v.name, v.materialized ?? false])).toEqual([
        ['big_orders', false],
        ['order_stats', true],
        ['order_summary', false],
      ]);
      const stats = compiled.model.views!.find((v) => v.name === 'order_stats')!;
      expect(stats.indexes).toEqual([{ name: expect.stringMatching(/^IDX_/), columns: ['count'], unique: false }]);
    } else {
      const note = compiled.model.tables.find((t) => t.name === 'notes')!;
      expect(note.columns.at(-1)!.computed).toEqual({ expression: 'length("body")', stored: false });
    }
    const db = await freshDatabase(dialectName, 'tv-sync');
    try {
      await synchronizeWithTypeorm(db.oracle, classes);
      const session = await connect(db.url);
      try {
        const plan = await planTowards(session, compiled.model);
        expect(plan.changes).toEqual([]);
        const dialect = dialectFor(dialectName);
        const introspected = dialect.normalize(await session.introspect());
        expect(managedPart(introspected)).toEqual(dialect.normalize(compiled.model));
        // Dependencies come from the catalog (PostgreSQL) or the expression (SQLite), and agree with the compiled ones.
        const summary = introspected.views!.find((v) => v.name === 'order_summary')!;
        expect(summary.dependsOn.map(qualifiedKey)).toEqual(
          dialectName === 'postgres' ? ['public.big_orders', 'public.orders'] : ['big_orders', 'orders'],
        );
      } finally {
        await session.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('a database built by our plan is in sync for TypeORM, and computes the generated columns', async () => {
    const classes = await entities();
    const { model } = await compileEntities(classes, dialectName);
    const db = await freshDatabase(dialectName, 'tv-ours');
    try {
      const session = await connect(db.url);
      try {
        const plan = await applyTowards(session, model);
        // Views come after the tables they read, and a view after the view it reads.
        const order = plan.changes.map((c) =>
          c.kind === 'view.create' ? c.view.name : c.kind === 'table.create' ? c.table.name : c.kind,
        );
        expect(order[0]).toBe('typeormMetadata.create');
        expect(order.indexOf('order_summary')).toBeGreaterThan(order.indexOf('big_orders'));
        expect(order.indexOf('big_orders')).toBeGreaterThan(order.indexOf('orders'));
        expect((await planTowards(session, model)).changes).toEqual([]);
      } finally {
        await session.close();
      }
      expect(await typeormPendingQueries(db.oracle, classes)).toEqual([]);
      await rawQuery(db, `INSERT INTO "orders" ("price", "quantity", "code") VALUES (60, 2, 'ab')`);
      const rows = await rawQuery<{ total: number; codeUpper: string; big: number | string }>(
        db,
        `SELECT "total", "codeUpper", "big" FROM "orders" JOIN "order_summary" ON "order_summary"."code" = "orders"."code"`,
      );
      expect(rows.map((r) => ({ ...r, big: Number(r.big) }))).toEqual([{ total: 120, codeUpper: 'AB', big: 1 }]);
    } finally {
      await db.drop();
    }
  });

  it('turns a generated column into an ordinary one keeping its values, and back, recomputing them', async () => {
    const { model: generated } = await compileEntities(await entities(), dialectName);
    const plain: Model = {
      ...generated,
      tables: generated.tables.map((t) => ({
        ...t,
        columns: t.columns.map((c) => (c.name === 'total' ? { ...c, computed: undefined } : c)),
      })),
    };
    const db = await freshDatabase(dialectName, 'tv-plain');
    try {
      const session = await connect(db.url);
      try {
        await applyTowards(session, generated);
        await rawQuery(db, `INSERT INTO "orders" ("price", "quantity", "code") VALUES (5, 3, 'x')`);
        const toPlain = await applyTowards(session, plain);
        expect(toPlain.statements.flatMap((s) => s.hazards)).toEqual(
          dialectName === 'sqlite' ? [expect.objectContaining({ code: 'SQLITE_REBUILD' })] : [],
        );
        expect((await planTowards(session, plain)).changes).toEqual([]);
        expect(await rawQuery(db, `SELECT "total" FROM "orders"`)).toEqual([{ total: 15 }]);
        await rawQuery(db, `UPDATE "orders" SET "total" = 1`);

        const back = await applyTowards(session, generated);
        if (dialectName === 'postgres') {
          expect(back.statements.flatMap((s) => s.hazards.map((h) => h.code))).toContain('DATA_LOSS');
        }
        expect((await planTowards(session, generated)).changes).toEqual([]);
        expect(await rawQuery(db, `SELECT "total" FROM "orders"`)).toEqual([{ total: 15 }]);
      } finally {
        await session.close();
      }
      expect(await typeormPendingQueries(db.oracle, await entities())).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
