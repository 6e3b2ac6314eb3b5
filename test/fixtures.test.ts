import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileEntities, type CompiledSchema } from '../src/compile/compile';
import { readRenamesFile } from '../src/hints/renames-file';
import { managedSchemas } from '../src/workflow/plan-database';
import { dialectFor } from '../src/dialects/registry';
import { modelDifference } from '../scripts/conformance/compare';
import { USER_SCHEMAS_SQL } from '../src/dialects/postgres/queries';
import { managedPart, NO_RENAMES, withoutSequences, type DialectName, type Model, type Renames } from '../src/model';
import { preparePlan } from '../src/plan/plan';
import { renderSql } from '../src/report/sql';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { REPO_ROOT } from './support/cli';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { rawQuery, tableRows } from './support/raw-query';
import { synchronizeWithTypeorm, typeormPendingQueries } from './support/typeorm-oracle';
import { TEST_TYPEORM_LINE } from './support/typeorm-line';

const FIXTURES = path.join(REPO_ROOT, 'fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const file = (name: string, ...parts: string[]) => path.join(FIXTURES, name, ...parts);

/**
 * Targets TypeORM 0.3 cannot build: it writes a default as malformed SQL, which schemaplan writes well-formed, as
 * TypeORM 1.x does (see `repairedDefault`). Its `synchronize()` fails with the database's error, and after
 * schemaplan's apply its schema builder wants to write that default its own way (the statements that fail).
 */
const TYPEORM_03_CANNOT: Record<string, { readonly synchronize: string; readonly pending: readonly string[] }> = {
  'postgres-arrays-json/postgres': {
    synchronize: 'syntax error at or near "s"',
    pending: [`ALTER TABLE "documents" ALTER COLUMN "meta" SET DEFAULT '{"version":1,"note":"it's"}'`],
  },
  'enum-shared-array-default/sqlite': {
    synchronize: 'default value of column [tags] is not constant',
    pending: [
      `CREATE TABLE "temporary_decks" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(100) NOT NULL, ` +
        `"level" varchar CHECK( "level" IN ('A1','B1','B2') ) NOT NULL DEFAULT ('A1'), ` +
        `"tags" varchar CHECK( "tags" IN ('A1','B1','B2') ) NOT NULL DEFAULT (A1))`,
      'INSERT INTO "temporary_decks"("id", "title", "level", "tags") SELECT "id", "title", "level", "tags" FROM "decks"',
      'DROP TABLE "decks"',
      'ALTER TABLE "temporary_decks" RENAME TO "decks"',
    ],
  },
};
const typeorm03Cannot = (name: string, dialect: DialectName) =>
  TEST_TYPEORM_LINE === '0.3' ? TYPEORM_03_CANNOT[`${name}/${dialect}`] : undefined;

/**
 * A case starts from entities (`from/`, every dialect) or from SQL (`from.<dialect>.sql`, that dialect only), and
 * goes to entities (`to/`) or to SQL (`to.<dialect>.sql`, that dialect only: a target read as a whole, which can state
 * what entities cannot, such as operator classes or comments on indexes).
 */
function dialectsOf(name: string): DialectName[] {
  const from = existsSync(file(name, 'from'))
    ? [...DIALECTS]
    : DIALECTS.filter((dialect) => existsSync(file(name, `from.${dialect}.sql`)));
  return sqlTarget(name) ? from.filter((dialect) => existsSync(file(name, `to.${dialect}.sql`))) : from;
}

/** Whether the case's target is SQL (`to.<dialect>.sql`) rather than entities. */
function sqlTarget(name: string): boolean {
  return !existsSync(file(name, 'to'));
}

/** The user's schemas of a PostgreSQL database (all of `main` on SQLite). */
async function userSchemas(db: TestDatabase): Promise<string[] | undefined> {
  if (db.oracle.dialect !== 'postgres') return undefined;
  return (await rawQuery<{ name: string }>(db, USER_SCHEMAS_SQL)).map((row) => row.name);
}

/**
 * The migrated database takes new rows as the target schema promises (generated ids continue after the max, a
 * restarted identity from its new start...): `after.sql` is run and the rows read as `after.<dialect>.json` says.
 */
async function checkAfterRows(name: string, dialectName: DialectName, db: TestDatabase): Promise<void> {
  const afterSql = file(name, 'after.sql');
  if (!existsSync(afterSql)) return;
  await rawQuery(db, readFileSync(afterSql, 'utf8'));
  const expected: Record<string, Record<string, unknown>[]> = JSON.parse(
    readFileSync(file(name, `after.${dialectName}.json`), 'utf8'),
  );
  for (const [table, rows] of Object.entries(expected)) {
    expect(await tableRows(db, table, Object.keys(rows[0]!))).toEqual(rows);
  }
}

/**
 * A fixture whose target is SQL: the target database is built from `to.<dialect>.sql` and read as a whole (as
 * `schema diff --to to.sql` reads it: an inventory), the plan is golden, applies, converges, keeps the rows, and the
 * migrated database then reads exactly as the target (what the model does not describe included).
 */
async function runSqlTarget(name: string, dialectName: DialectName): Promise<void> {
  const dialect = dialectFor(dialectName);
  const [db, target] = [
    await freshDatabase(dialectName, `fx-${name}`),
    await freshDatabase(dialectName, `fx-to-${name}`),
  ];
  try {
    await buildFrom(name, dialectName, db);
    await rawQuery(target, readFileSync(file(name, `to.${dialectName}.sql`), 'utf8'));
    const ownSeed = file(name, `seed.${dialectName}.sql`);
    const seed = existsSync(ownSeed) ? ownSeed : file(name, 'seed.sql');
    if (existsSync(seed)) await rawQuery(db, readFileSync(seed, 'utf8'));
    const schemas = [...new Set([...((await userSchemas(db)) ?? []), ...((await userSchemas(target)) ?? [])])].sort();
    const read = async (on: TestDatabase): Promise<Model> => {
      const session = await connect(on.url);
      try {
        return dialect.normalize(await session.introspect(schemas.length > 0 ? { schemas } : {}));
      } finally {
        await session.close();
      }
    };
    const to = await read(target);
    const from = await read(db);
    const common = commonColumns(from, to, NO_RENAMES);
    const before = await Promise.all(
      common.map(async (c) => tableRows(db, c.before.table, c.before.columns, c.before.schema)),
    );
    expect(before.flat().length).toBeGreaterThan(0);
    const session = await connect(db.url);
    try {
      const planFrom = async (current: Model) => {
        const input = { from: current, to, dialect, targetScope: 'inventory' as const };
        const { probes, create } = preparePlan(input);
        return create(probes.length > 0 ? await session.measure(probes) : []);
      };
      const plan = await planFrom(from);
      expect(plan.diagnostics).toEqual([]);
      expect(plan.decisions).toEqual([]);
      expect(plan.changes.length).toBeGreaterThan(0);
      const golden = file(name, `plan.${dialectName}.sql`);
      const sql = renderSql(plan);
      if (UPDATE) writeFileSync(golden, sql);
      expect(sql).toBe(readFileSync(golden, 'utf8'));
      await session.apply(plan.statements);
      const after = await read(db);
      expect((await planFrom(after)).changes).toEqual([]);
      // TypeORM's typeorm_metadata (where the plan records view expressions) aside, as the conformance runner compares.
      expect(modelDifference(after, to, dialect)).toBeUndefined();
    } finally {
      await session.close();
    }
    const rowsAfter = await Promise.all(
      common.map(async (c) => tableRows(db, c.after.table, c.after.columns, c.after.schema)),
    );
    expect(rowsAfter).toEqual(before);
    await checkAfterRows(name, dialectName, db);
  } finally {
    await db.drop();
    await target.drop();
  }
}

async function buildFrom(name: string, dialect: DialectName, db: TestDatabase): Promise<void> {
  if (existsSync(file(name, 'from'))) {
    const from = (await compileEntities(await entityClasses(`fixtures/${name}/from`), dialect)).model;
    const session = await connect(db.url);
    try {
      await applyTowards(session, from);
    } finally {
      await session.close();
    }
  } else {
    await rawQuery(db, readFileSync(file(name, `from.${dialect}.sql`), 'utf8'));
  }
}

/** The target entities with the fixture's `renames.json` (if any) and their `@RenamedFrom` declarations. */
async function compileTarget(
  name: string,
  dialect: DialectName,
  classes: readonly Function[],
): Promise<CompiledSchema> {
  const renamesFile = readRenamesFile(file(name, 'renames.json'), REPO_ROOT, false);
  return compileEntities(classes, dialect, { renamesFile });
}

interface Kept {
  /** The table and columns as they are named before the plan... */
  readonly before: { readonly table: string; readonly schema?: string; readonly columns: string[] };
  /** ...and after it (a declared rename changes the names, never the rows). */
  readonly after: { readonly table: string; readonly schema?: string; readonly columns: string[] };
}

/**
 * Tables and columns present on both sides, followed through declared renames: their rows must survive the plan
 * unchanged unless `rows.<dialect>.json` says how they convert.
 */
function commonColumns(from: Model, to: Model, renames: Renames): Kept[] {
  const same = (a: { schema?: string; name: string }, b: { schema?: string; name: string }) =>
    a.name === b.name && a.schema === b.schema;
  return from.tables.flatMap((t) => {
    const renamed = renames.tables.find((r) => r.rename && same(r.from, t))?.to ?? t;
    const target = to.tables.find((u) => same(u, renamed));
    if (!target) return [];
    // A generated column's values derive from the others (and change with its expression): those are compared.
    const pairs = t.columns.flatMap((c) => {
      if (c.computed) return [];
      const next = renames.columns.find((r) => r.rename && same(r.table, target) && r.from === c.name)?.to ?? c.name;
      return target.columns.some((u) => u.name === next && !u.computed) ? [[c.name, next] as const] : [];
    });
    if (pairs.length === 0) return [];
    return [
      {
        before: { table: t.name, schema: t.schema, columns: pairs.map((p) => p[0]) },
        after: { table: target.name, schema: target.schema, columns: pairs.map((p) => p[1]) },
      },
    ];
  });
}

describe.each(CASES)('fixture %s', (name) => {
  describe.each(dialectsOf(name))('on %s', (dialectName) => {
    if (sqlTarget(name)) {
      it('plans the golden SQL towards the SQL target, keeps every row, converges, and reads as the target', () =>
        runSqlTarget(name, dialectName));
      return;
    }
    it('plans the golden SQL, keeps every row it does not declare lost, converges, and TypeORM agrees', async () => {
      const toClasses = await entityClasses(`fixtures/${name}/to`);
      const compiled = await compileTarget(name, dialectName, toClasses);
      const to = compiled.model;
      const declared = { renames: compiled.renames, entityNames: compiled.entityNames };
      const dialect = dialectFor(dialectName);

      const db = await freshDatabase(dialectName, `fx-${name}`);
      try {
        await buildFrom(name, dialectName, db);
        const ownSeed = file(name, `seed.${dialectName}.sql`);
        const seed = existsSync(ownSeed) ? ownSeed : file(name, 'seed.sql');
        if (existsSync(seed)) await rawQuery(db, readFileSync(seed, 'utf8'));

        let session = await connect(db.url);
        // The schemas the target lives in are read, as `schema plan` does.
        const schemas = managedSchemas(to);
        const from = dialect.normalize(await session.introspect({ schemas }));
        await session.close();
        // Rows whose values the plan converts (a type change, a mapped enum value) are checked against a reviewed file.
        const convertedFile = file(name, `rows.${dialectName}.json`);
        const converted: Record<string, Record<string, unknown>[]> = existsSync(convertedFile)
          ? JSON.parse(readFileSync(convertedFile, 'utf8'))
          : {};
        const common = commonColumns(from, to, compiled.renames)
          .map(({ before, after }) => {
            const keep = after.columns.map((c) => !(converted[after.table]?.[0] && c in converted[after.table]![0]!));
            return {
              before: { ...before, columns: before.columns.filter((_, i) => keep[i]) },
              after: { ...after, columns: after.columns.filter((_, i) => keep[i]) },
            };
          })
          .filter((c) => c.before.columns.length > 0);
        // Rows as value lists in column order: a renamed column holds the values its old name held.
        const values = (columns: readonly string[]) => (rows: unknown[]) =>
          rows.map((row) => columns.map((c) => (row as Record<string, unknown>)[c]));
        const before = await Promise.all(
          common.map(async (c) =>
            values(c.before.columns)(await tableRows(db, c.before.table, c.before.columns, c.before.schema)),
          ),
        );
        expect(before.flat().length).toBeGreaterThan(0);

        session = await connect(db.url);
        const plan = await planTowards(session, to, declared);
        expect(plan.diagnostics).toEqual([]);
        expect(plan.decisions).toEqual([]);
        expect(plan.changes.length).toBeGreaterThan(0);
        const golden = file(name, `plan.${dialectName}.sql`);
        const sql = renderSql(plan);
        if (UPDATE) writeFileSync(golden, sql);
        expect(sql).toBe(readFileSync(golden, 'utf8'));

        await session.apply(plan.statements);
        // Planning again is empty: the declared renames are inert once applied (the decorators stay in the code).
        expect((await planTowards(session, to, declared)).changes).toEqual([]);
        // Standalone sequences are no part of entities: the plan leaves them alone, and they are left out here.
        expect(managedPart(dialect.normalize(withoutSequences(await session.introspect({ schemas }))))).toEqual(
          dialect.normalize(to),
        );
        await session.close();

        // Every row of every kept column is still there with its values.
        const after = await Promise.all(
          common.map(async (c) =>
            values(c.after.columns)(await tableRows(db, c.after.table, c.after.columns, c.after.schema)),
          ),
        );
        expect(after).toEqual(before);
        for (const [table, rows] of Object.entries(converted)) {
          expect(await tableRows(db, table, Object.keys(rows[0]!))).toEqual(rows);
        }

        await checkAfterRows(name, dialectName, db);

        expect(await typeormPendingQueries(db.oracle, toClasses)).toEqual(
          typeorm03Cannot(name, dialectName)?.pending ?? [],
        );
      } finally {
        await db.drop();
      }
    });

    it("plans nothing against the database TypeORM's synchronize() builds from the target entities", async () => {
      const toClasses = await entityClasses(`fixtures/${name}/to`);
      const compiled = await compileTarget(name, dialectName, toClasses);
      const to = compiled.model;
      const db = await freshDatabase(dialectName, `fx-sync-${name}`);
      try {
        // TypeORM does not create schemas, nor the extensions an @Exclusion needs (btree_gist): its users create them first.
        if (dialectName === 'postgres') {
          for (const schema of managedSchemas(to)) await rawQuery(db, `CREATE SCHEMA IF NOT EXISTS "${schema}"`);
          for (const extension of to.extensions) await rawQuery(db, `CREATE EXTENSION IF NOT EXISTS "${extension}"`);
        }
        const cannot = typeorm03Cannot(name, dialectName);
        if (cannot) {
          await expect(synchronizeWithTypeorm(db.oracle, toClasses)).rejects.toThrow(cannot.synchronize);
          return;
        }
        await synchronizeWithTypeorm(db.oracle, toClasses);
        const session = await connect(db.url);
        try {
          const plan = await planTowards(session, to, { renames: compiled.renames, entityNames: compiled.entityNames });
          expect(plan.diagnostics).toEqual([]);
          expect(plan.decisions).toEqual([]);
          expect(plan.changes).toEqual([]);
        } finally {
          await session.close();
        }
      } finally {
        await db.drop();
      }
    });
  });
});
