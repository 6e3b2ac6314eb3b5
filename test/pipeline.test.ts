import { compileEntities } from '../src/compile/compile';
import { dialectFor } from '../src/dialects/registry';
import type { Model, ModelDocument } from '../src/model';
import { managedPart } from '../src/model';
import { toJson } from '../src/model';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { DIALECTS, freshDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { synchronizeWithTypeorm, typeormPendingQueries } from './support/typeorm-oracle';

/**
 * The heart of the product on the example schema (`schema/`), for every dialect:
 * convergence (empty -> apply -> nothing left), round trip (introspect after apply == compile), and TypeORM agreement
 * both ways (its synchronize() plans as empty; after our apply its schema builder has nothing pending).
 */
describe.each(DIALECTS)('the example schema on %s', (dialectName) => {
  const dialect = dialectFor(dialectName);
  let entities: readonly Function[];
  let desired: Model;

  beforeAll(async () => {
    entities = await entityClasses('schema');
    desired = (await compileEntities(entities, dialectName)).model;
  });

  it('plans 8 tables (and 4 enum types on PostgreSQL) on an empty database, applies, and converges', async () => {
    const db = await freshDatabase(dialectName, 'pipeline');
    try {
      const session = await connect(db.url);
      const plan = await applyTowards(session, desired);
      expect(plan.summary.byKind['table.create']).toBe(8);
      expect(plan.summary.byKind['enum.create'] ?? 0).toBe(dialectName === 'postgres' ? 4 : 0);
      expect(plan.diagnostics).toEqual([]);

      const again = await planTowards(session, desired);
      expect(again.changes).toEqual([]);

      // What the database holds now is exactly the compiled model, once both are in canonical form.
      const introspected = await session.introspect();
      await session.close();
      expect(managedPart(dialect.normalize(introspected))).toEqual(dialect.normalize(desired));

      // And TypeORM, given the same entities, finds nothing to change.
      expect(await typeormPendingQueries(db.oracle, entities)).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it("plans no changes on a database built by TypeORM's own synchronize()", async () => {
    const db = await freshDatabase(dialectName, 'sync');
    try {
      await synchronizeWithTypeorm(db.oracle, entities);
      const session = await connect(db.url);
      try {
        const plan = await planTowards(session, desired);
        expect(plan.changes.map((c) => `${c.kind}: ${c.reason}`)).toEqual([]);
      } finally {
        await session.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('round-trips the model through JSON unchanged', () => {
    const document: ModelDocument = { format: 'schemaplan.model', version: 1, models: { [dialectName]: desired } };
    const parsed = JSON.parse(toJson(document)) as ModelDocument;
    expect(parsed.models[dialectName]).toEqual(desired);
    expect(toJson(parsed)).toBe(toJson(document));
  });
});
