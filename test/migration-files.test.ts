import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileEntities } from '../src/compile/compile';
import { migrationClasses } from './support/migration-classes';
import { dialectFor } from '../src/dialects/registry';
import { emptyModel, type Model } from '../src/model';
import { createPlan } from '../src/plan/plan';
import { migrationFiles } from '../src/report/migration-files';
import { connect, planTowards } from './support/apply-model';
import { DIALECTS, freshDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { tempDir } from './support/temp';
import { runTypeormMigrations, typeormPendingQueries } from './support/typeorm-oracle';

/** The migration files for `from -> to`, written to `dir`, loaded back as classes the way an app would load them. */
async function writeMigration(
  dir: string,
  description: string,
  createdAt: Date,
  from: Model,
  to: Model,
): Promise<Function> {
  const dialect = dialectFor(to.dialect);
  const up = createPlan({ from, to, dialect });
  const down = createPlan({ from: to, to: from, dialect });
  expect([...up.diagnostics, ...down.diagnostics].filter((d) => d.severity === 'error')).toEqual([]);
  const files = migrationFiles({ description, createdAt, up, down });
  writeFileSync(path.join(dir, `${files.baseName}.ts`), files.typescript);
  writeFileSync(path.join(dir, `${files.baseName}.sql`), files.sql);
  const classes = migrationClasses([`${files.baseName}.ts`], dir);
  expect(classes.map((c) => c.name)).toEqual([files.name]);
  return classes[0]!;
}

async function planFrom(url: string, desired: Model) {
  const session = await connect(url);
  try {
    const plan = await planTowards(session, desired);
    expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return plan;
  } finally {
    await session.close();
  }
}

describe.each(DIALECTS)('generated migrations run by TypeORM on %s', (dialectName) => {
  it('up builds the schema the plan describes (plans empty, TypeORM agrees), down returns to the previous state', async () => {
    const fromClasses = await entityClasses('fixtures/enum-add-value/from');
    const toClasses = await entityClasses('fixtures/enum-add-value/to');
    const from = (await compileEntities(fromClasses, dialectName)).model;
    const to = (await compileEntities(toClasses, dialectName)).model;

    const dir = tempDir(`migrations-${dialectName}`);
    const db = await freshDatabase(dialectName, 'migrations');
    try {
      const migrations = [
        await writeMigration(
          dir.dir,
          'create decks and cards',
          new Date(Date.UTC(2026, 0, 1)),
          emptyModel(dialectName),
          from,
        ),
        await writeMigration(dir.dir, 'add deck levels', new Date(Date.UTC(2026, 0, 2)), from, to),
      ];
      await runTypeormMigrations(db.oracle, migrations, 'run');
      expect((await planFrom(db.url, to)).changes).toEqual([]);
      expect(await typeormPendingQueries(db.oracle, toClasses)).toEqual([]);

      await runTypeormMigrations(db.oracle, migrations, 'undo');
      expect((await planFrom(db.url, from)).changes).toEqual([]);
      expect(await typeormPendingQueries(db.oracle, fromClasses)).toEqual([]);
      await runTypeormMigrations(db.oracle, migrations, 'undo');
      expect((await planFrom(db.url, emptyModel(dialectName))).changes).toEqual([]);
    } finally {
      await db.drop();
      dir.remove();
    }
  });

  it('a migration of the whole example schema runs, agrees with TypeORM, and reverts to an empty database', async () => {
    const classes = await entityClasses('schema');
    const schema = (await compileEntities(classes, dialectName)).model;
    const dir = tempDir(`migrations-schema-${dialectName}`);
    const db = await freshDatabase(dialectName, 'migrations-schema');
    try {
      const migrations = [
        await writeMigration(
          dir.dir,
          'initial schema',
          new Date(Date.UTC(2026, 0, 1)),
          emptyModel(dialectName),
          schema,
        ),
      ];
      await runTypeormMigrations(db.oracle, migrations, 'run');
      expect((await planFrom(db.url, schema)).changes).toEqual([]);
      expect(await typeormPendingQueries(db.oracle, classes)).toEqual([]);
      await runTypeormMigrations(db.oracle, migrations, 'undo');
      expect((await planFrom(db.url, emptyModel(dialectName))).changes).toEqual([]);
    } finally {
      await db.drop();
      dir.remove();
    }
  });
});
