/**
 * Entities with `synchronize: false` map tables someone else owns. TypeORM's schema builder leaves them alone; so
 * does a plan: their tables are neither created, altered nor dropped, whatever shape they have in the database.
 */
import path from 'node:path';
import { planAgainstDatabase } from '../src/workflow/plan-database';
import { DEFAULT_MIGRATIONS_DIR } from '../src/config/settings';
import { DEFAULT_MIGRATION_TEMPLATE } from '../src/report/migration-files';
import { REPO_ROOT } from './support/cli';
import { DIALECTS, freshDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { rawQuery } from './support/raw-query';
import { typeormPendingQueries } from './support/typeorm-oracle';

const ENTITIES = 'test/entities/unmanaged';

describe.each(DIALECTS)('entities with synchronize: false, on %s', (dialect) => {
  it('are left as they are: not created when missing, not altered or dropped when present', async () => {
    const db = await freshDatabase(dialect, 'unmanaged');
    const sources = {
      url: db.url,
      entities: [path.join(ENTITIES, '*.ts')],
      cwd: REPO_ROOT,
      migrations: { dir: DEFAULT_MIGRATIONS_DIR, template: DEFAULT_MIGRATION_TEMPLATE },
    };
    const planKinds = async () => {
      const planned = await planAgainstDatabase(sources);
      try {
        return {
          planned,
          kinds: planned.plan.changes.map((c) => `${c.kind} ${'table' in c && c.table ? c.table.name : ''}`.trim()),
        };
      } finally {
        await planned.session.close();
      }
    };
    try {
      // Missing: only the managed table is created.
      const missing = await planKinds();
      expect(missing.kinds.some((k) => k.includes('legacy_reports'))).toBe(false);
      expect(missing.kinds).toContain('table.create accounts');
      expect(missing.planned.plan.diagnostics).toContainEqual(
        expect.objectContaining({
          code: 'NOT_SYNCHRONIZED',
          severity: 'info',
          message: expect.stringContaining('legacy_reports is not managed'),
        }),
      );

      // Present with another shape (an extra column, text instead of the enum): still left alone, and the managed
      // table's foreign key to it is planned as usual.
      await rawQuery(db, `CREATE TABLE "legacy_reports" ("id" integer PRIMARY KEY, "kind" text, "note" text)`);
      const present = await planKinds();
      expect(present.kinds.some((k) => k.includes('legacy_reports'))).toBe(false);
      const planned = await planAgainstDatabase(sources);
      try {
        await planned.session.apply(planned.plan.statements);
      } finally {
        await planned.session.close();
      }
      expect((await planKinds()).kinds).toEqual([]);
      const columns = await rawQuery(
        db,
        dialect === 'postgres'
          ? `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'legacy_reports' ORDER BY ordinal_position`
          : `SELECT name FROM pragma_table_info('legacy_reports')`,
      );
      expect(columns.map((c) => (c as { name: string }).name)).toEqual(['id', 'kind', 'note']);
      // TypeORM agrees: nothing pending for the same entities.
      expect(await typeormPendingQueries(db.oracle, await entityClasses(ENTITIES))).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
