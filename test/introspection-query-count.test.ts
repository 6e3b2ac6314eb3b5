import { compileEntities } from '../src/compile/compile';
import { managedSchemas } from '../src/workflow/plan-database';
import { generateEntities } from '../scripts/bench/generate-entities';
import { applyTowards, connect } from './support/apply-model';
import { DIALECTS, freshDatabase } from './support/databases';
import { loadWrittenEntities, writeEntityFiles, type WrittenEntities } from './support/entity-files';

/**
 * The benchmark's generated schemas (enums, a foreign key per table, indexes, checks), created from their entities
 * and introspected on real databases: the number of catalog queries introspection sends is the same for 5 tables and
 * for 60 (at most 15 on PostgreSQL), and what it reads is the whole schema (re-planning it is empty).
 */
const SIZES = [5, 60] as const;
const POSTGRES_QUERY_LIMIT = 15;

describe.each(DIALECTS)('introspection query count on %s', (dialect) => {
  const written: WrittenEntities[] = [];
  afterAll(() => written.forEach((w) => w.remove()));

  it(`sends as many catalog queries for ${SIZES[1]} generated tables as for ${SIZES[0]}`, async () => {
    const counts: number[] = [];
    for (const size of SIZES) {
      const files = writeEntityFiles(generateEntities(size, dialect).files, `query-count-${dialect}-${size}`);
      written.push(files);
      const desired = (await compileEntities(await loadWrittenEntities(files), dialect)).model;
      expect(desired.tables).toHaveLength(size);
      const db = await freshDatabase(dialect, `query-count-${size}`);
      const session = await connect(db.url);
      try {
        await applyTowards(session, desired);
        const before = session.queryCount;
        const current = await session.introspect({ schemas: managedSchemas(desired) });
        counts.push(session.queryCount - before);
        expect(current.tables).toHaveLength(size);
        expect(current.tables.reduce((n, t) => n + t.foreignKeys.length, 0)).toBe(size);
        expect(current.tables.reduce((n, t) => n + t.indexes.length, 0)).toBeGreaterThanOrEqual(size);
        if (dialect === 'postgres') expect(current.enums.length).toBeGreaterThan(0);
      } finally {
        await session.close();
        await db.drop();
      }
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeGreaterThan(0);
    if (dialect === 'postgres') expect(counts[0]).toBeLessThanOrEqual(POSTGRES_QUERY_LIMIT);
  });
});
