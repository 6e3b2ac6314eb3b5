import { compileEntities } from '../src/compile/compile';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { DIALECTS, freshDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { typeormPendingQueries } from './support/typeorm-oracle';
import { TEST_TYPEORM_LINE } from './support/typeorm-line';

describe.each(DIALECTS)('compile on %s', (dialect) => {
  it('compiles single-table inheritance into one table with every child column, which TypeORM agrees with', async () => {
    const entities = await entityClasses('test/entities/single-table-inheritance');
    const { model } = await compileEntities(entities, dialect);
    expect(model.tables.map((t) => t.name)).toEqual(['contents']);
    expect(model.tables[0]!.columns.map((c) => c.name).sort()).toEqual(['body', 'id', 'seconds', 'title', 'type']);

    const db = await freshDatabase(dialect, 'sti');
    try {
      const session = await connect(db.url);
      await applyTowards(session, model);
      expect((await planTowards(session, model)).changes).toEqual([]);
      await session.close();
      expect(await typeormPendingQueries(db.oracle, entities)).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});

describe('compile on postgres', () => {
  it('requires uuid-ossp for a default that calls uuid_generate_v4() itself, so the plan applies on a fresh database', async () => {
    const { model } = await compileEntities(await entityClasses('test/entities/uuid-default'), 'postgres');
    expect(model.extensions).toEqual(['uuid-ossp']);
    const db = await freshDatabase('postgres', 'uuid-default');
    try {
      const session = await connect(db.url);
      const plan = await applyTowards(session, model);
      expect(plan.statements[0]!.sql).toBe('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
      expect((await planTowards(session, model)).changes).toEqual([]);
      await session.close();
    } finally {
      await db.drop();
    }
  });
});

describe('compile on postgres: index methods', () => {
  it("compiles an index's `type` (gin, hash, brin) and `spatial` (gist) to its method; TypeORM agrees once applied", async () => {
    const entities = await entityClasses('test/entities/index-types');
    const { model } = await compileEntities(entities, 'postgres');
    // TypeORM 0.3 has no `type` option (1.0 added it): it builds B-trees, and so does a plan for an app on 0.3.
    const on03 = TEST_TYPEORM_LINE === '0.3';
    expect(Object.fromEntries(model.tables[0]!.indexes.map((i) => [i.name, i.method]))).toEqual({
      IDX_documents_area: 'gist',
      IDX_documents_code: on03 ? undefined : 'hash',
      IDX_documents_created: on03 ? undefined : 'brin',
      IDX_documents_tags: on03 ? undefined : 'gin',
      IDX_documents_title: undefined,
    });
    const db = await freshDatabase('postgres', 'index-types');
    try {
      const session = await connect(db.url);
      await applyTowards(session, model);
      expect((await planTowards(session, model)).changes).toEqual([]);
      await session.close();
      expect(await typeormPendingQueries(db.oracle, entities)).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});

describe('compile on sqlite', () => {
  it('an identity column is the plain column TypeORM declares on SQLite: after apply, nothing is left to plan', async () => {
    const { model } = await compileEntities(await entityClasses('fixtures/postgres-identity/to'), 'sqlite');
    const db = await freshDatabase('sqlite', 'identity');
    try {
      const session = await connect(db.url);
      await applyTowards(session, model);
      expect((await planTowards(session, model)).changes).toEqual([]);
      await session.close();
    } finally {
      await db.drop();
    }
  });
});
