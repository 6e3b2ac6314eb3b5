/**
 * A NOT NULL column without a default, added to a table that holds rows: the plan says why it will fail, and apply
 * fails with one ApplyError line naming the statement, changing nothing.
 */
import { compileEntities } from '../src/compile/compile';
import { dialectFor } from '../src/dialects/registry';
import { ApplyError } from '../src/errors/errors';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { DIALECTS, freshDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { rawQuery } from './support/raw-query';

describe.each(DIALECTS)('a NOT NULL column without a default on a table with rows, on %s', (dialectName) => {
  it('is a NOT_NULL_VIOLATION hazard in the plan; apply fails with one line and rolls back', async () => {
    const from = (await compileEntities(await entityClasses('test/entities/not-null-column/from'), dialectName)).model;
    const to = (await compileEntities(await entityClasses('test/entities/not-null-column/to'), dialectName)).model;
    const db = await freshDatabase(dialectName, 'not-null-column');
    try {
      const session = await connect(db.url);
      try {
        await applyTowards(session, from);
        await rawQuery(
          db,
          `INSERT INTO "accounts" ("name") VALUES ('ada'); INSERT INTO "accounts" ("name") VALUES ('grace');`,
        );
        const before = dialectFor(dialectName).normalize(await session.introspect());

        const plan = await planTowards(session, to);
        const hazards = plan.statements.flatMap((s) => s.hazards.filter((h) => h.code === 'NOT_NULL_VIOLATION'));
        const accounts = dialectName === 'postgres' ? 'public.accounts' : 'accounts';
        expect(hazards).toEqual([
          {
            code: 'NOT_NULL_VIOLATION',
            message: `adds NOT NULL column region without a default to ${accounts}: ${accounts} has 2 rows, apply will fail`,
            fails: true,
          },
        ]);

        const error: unknown = await session.apply(plan.statements).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ApplyError);
        const applyError = error as ApplyError;
        expect(applyError.message).not.toContain('\n');
        expect(applyError.message).toMatch(
          /NOT NULL constraint failed: temporary_accounts\.region|column "region" of relation "accounts" contains null values/,
        );
        expect(plan.statements.map((s) => s.sql)).toContain(applyError.statement);

        expect(dialectFor(dialectName).normalize(await session.introspect())).toEqual(before);
        expect(await rawQuery(db, 'SELECT "id", "name" FROM "accounts" ORDER BY "id"')).toEqual([
          { id: 1, name: 'ada' },
          { id: 2, name: 'grace' },
        ]);
      } finally {
        await session.close();
      }
    } finally {
      await db.drop();
    }
  });
});

describe('a nullable column becoming NOT NULL with a volatile default, on postgres', () => {
  it('fills each NULL with its own value of the default (as the SQLite rebuild does), then sets NOT NULL', async () => {
    const db = await freshDatabase('postgres', 'not-null-fill');
    try {
      await rawQuery(
        db,
        `CREATE TABLE "keys" ("id" serial PRIMARY KEY, "token" uuid);
        INSERT INTO "keys" ("token") VALUES (NULL), (NULL), ('11111111-2222-4333-8444-555555555555');`,
      );
      const session = await connect(db.url);
      try {
        const current = await session.introspect();
        const to = {
          ...current,
          tables: current.tables.map((t) => ({
            ...t,
            columns: t.columns.map((c) =>
              c.name === 'token' ? { ...c, nullable: false, default: 'gen_random_uuid()' } : c,
            ),
          })),
        };
        const plan = await planTowards(session, to);
        expect(plan.statements.map((s) => s.sql)).toEqual([
          'ALTER TABLE "public"."keys" ALTER COLUMN "token" SET DEFAULT gen_random_uuid()',
          'UPDATE "public"."keys" SET "token" = DEFAULT WHERE "token" IS NULL',
          'ALTER TABLE "public"."keys" ALTER COLUMN "token" SET NOT NULL',
        ]);
        await session.apply(plan.statements);
        expect((await planTowards(session, to)).changes).toEqual([]);
      } finally {
        await session.close();
      }
      const tokens = (await rawQuery<{ token: string }>(db, 'SELECT "token" FROM "keys" ORDER BY "id"')).map(
        (r) => r.token,
      );
      expect(tokens[2]).toBe('11111111-2222-4333-8444-555555555555');
      expect(new Set(tokens).size).toBe(3);
      expect(tokens.every((t) => /^[0-9a-f-]{36}$/.test(t))).toBe(true);
    } finally {
      await db.drop();
    }
  });
});
