import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileEntities } from '../src/compile/compile';
import { dialectFor } from '../src/dialects/registry';
import { renderSql } from '../src/report/sql';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { REPO_ROOT } from './support/cli';
import { DIALECTS, freshDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { rawQuery, tableRows } from './support/raw-query';
import { typeormPendingQueries } from './support/typeorm-oracle';

const FIXTURES = path.join(REPO_ROOT, 'fixtures');
const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe.each(CASES)('fixture %s', (name) => {
  describe.each(DIALECTS)('on %s', (dialectName) => {
    it('plans the golden SQL, keeps every row it does not declare lost, converges, and TypeORM agrees', async () => {
      const fromClasses = await entityClasses(`fixtures/${name}/from`);
      const toClasses = await entityClasses(`fixtures/${name}/to`);
      const from = (await compileEntities(fromClasses, dialectName)).model;
      const to = (await compileEntities(toClasses, dialectName)).model;
      const dialect = dialectFor(dialectName);

      const db = await freshDatabase(dialectName, `fx-${name}`);
      try {
        let session = await connect(db.url);
        await applyTowards(session, from);
        await session.close();
        const seed = path.join(FIXTURES, name, 'seed.sql');
        if (existsSync(seed)) await rawQuery(db, readFileSync(seed, 'utf8'));
        // The rows of every table and column that exists on both sides, before the plan runs. A generated column's
        // values derive from the others (and change with its expression): the columns they derive from are compared.
        const common = from.tables.flatMap((t) => {
          const target = to.tables.find((u) => u.name === t.name);
          const columns = t.columns
            .filter((c) => !c.computed && target?.columns.some((u) => u.name === c.name && !u.computed))
            .map((c) => c.name);
          return target ? [{ table: t.name, columns }] : [];
        });
        const before = await Promise.all(common.map((c) => tableRows(db, c.table, c.columns)));
        expect(before.flat().length).toBeGreaterThan(0);

        session = await connect(db.url);
        const plan = await planTowards(session, to);
        expect(plan.diagnostics).toEqual([]);
        expect(plan.changes.length).toBeGreaterThan(0);
        const golden = path.join(FIXTURES, name, `plan.${dialectName}.sql`);
        const sql = renderSql(plan);
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, sql);
        expect(sql).toBe(readFileSync(golden, 'utf8'));

        await session.apply(plan.statements);
        expect((await planTowards(session, to)).changes).toEqual([]);
        expect(dialect.normalize(await session.introspect())).toEqual(dialect.normalize(to));
        await session.close();

        // No plan here declares data loss on a kept column: every one of those rows is still there, unchanged.
        const after = await Promise.all(common.map((c) => tableRows(db, c.table, c.columns)));
        expect(after).toEqual(before);

        expect(await typeormPendingQueries(db.oracle, toClasses)).toEqual([]);
      } finally {
        await db.drop();
      }
    });
  });
});
