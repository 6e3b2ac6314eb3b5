import 'reflect-metadata';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { compileEntities } from '../src/compile/compile';
import { dialectFor } from '../src/dialects/registry';
import { parseRenames } from '../src/hints/renames-file';
import { NO_RENAMES, type DialectName, type Renames } from '../src/model';
import { createPlan, planProbes } from '../src/plan/plan';
import { withAnswers } from '../src/workflow/rename-answers';
import { RenamedFrom } from '../src';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { DIALECTS, freshDatabase } from './support/databases';
import { rawQuery } from './support/raw-query';

/**
 * Enum label removal against live rows: refused with the count unless a mapping is declared; look-alike renames are
 * questions (decisions), never guesses.
 */

enum Before {
  A0 = 'A0',
  A1 = 'A1',
  B1 = 'B1',
}
enum After {
  A1 = 'A1',
  B1 = 'B1',
}
enum Renamed {
  A9 = 'A9',
  A1 = 'A1',
  B1 = 'B1',
}

@Entity('decks')
class DeckBefore {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 50 }) title: string;
  @Column({ type: 'simple-enum', enum: Before, enumName: 'deck_level' }) level: Before;
}

@Entity('decks')
class DeckAfter {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 50 }) title: string;
  @Column({ type: 'simple-enum', enum: After, enumName: 'deck_level' }) level: After;
}

/** 'A0' in first position becomes 'A9': a rename or a drop and an add? */
@Entity('decks')
class DeckRenamed {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 50 }) title: string;
  @Column({ type: 'simple-enum', enum: Renamed, enumName: 'deck_level' }) level: Renamed;
}

/** A second column on the enum, dropped by the target while the enum loses a label. */
@Entity('decks')
class DeckTwoColumns {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 50 }) title: string;
  @Column({ type: 'simple-enum', enum: Before, enumName: 'deck_level' }) level: Before;
  @Column({ type: 'simple-enum', enum: Before, enumName: 'deck_level', default: Before.A0 }) previous: Before;
}

/** The same labels under another type name (PostgreSQL). */
@Entity('decks')
class DeckRetyped {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 50 }) title: string;
  @Column({ type: 'simple-enum', enum: Before, enumName: 'level' }) level: Before;
}

/** The table and its enum column renamed (declared) while the enum loses 'A0'. */
@Entity('card_decks')
@RenamedFrom('decks')
class CardDeckAfter {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 50 }) title: string;
  @RenamedFrom('level')
  @Column({ type: 'simple-enum', enum: After, enumName: 'deck_level' })
  tier: After;
}

const compile = async (entity: Function, dialect: DialectName) => (await compileEntities([entity], dialect)).model;

describe.each(DIALECTS)('enum changes on %s', (dialectName) => {
  const enumLabel = dialectName === 'postgres' ? 'enum public.deck_level' : 'the enum of decks.level';
  const entryEnum = dialectName === 'postgres' ? 'public.deck_level' : 'decks.level';

  it('refuses to remove a label rows still hold, with the count, measured by one query; a declared mapping converts them', async () => {
    const db = await freshDatabase(dialectName, 'enum-refuse');
    const session = await connect(db.url);
    try {
      await applyTowards(session, await compile(DeckBefore, dialectName));
      await rawQuery(
        db,
        `INSERT INTO "decks" ("title", "level") VALUES ('a', 'A0'), ('b', 'A0'), ('c', 'A0'), ('d', 'B1')`,
      );
      const to = await compile(DeckAfter, dialectName);

      const current = await session.introspect();
      const probes = planProbes({ from: current, to, dialect: dialectFor(dialectName) });
      // PostgreSQL swaps the type: one more catalog query looks for its uses in schemas the plan does not read.
      const swap =
        dialectName === 'postgres'
          ? [{ kind: 'enumUses', enum: { schema: 'public', name: 'deck_level' }, schemas: ['public'] }]
          : [];
      expect(probes).toEqual([
        {
          kind: 'enumValueRows',
          table: expect.objectContaining({ name: 'decks' }),
          column: 'level',
          array: false,
          values: ['A0'],
        },
        ...swap,
      ]);
      const queries = session.queryCount;
      expect(await session.measure(probes)).toEqual([
        { probe: probes[0], counts: { A0: 3 } },
        ...swap.map((probe) => ({ probe, counts: {} })),
      ]);
      expect(session.queryCount - queries).toBe(1 + swap.length);

      const refused = await planTowards(session, to);
      expect(refused.diagnostics).toEqual([
        {
          severity: 'error',
          code: 'ENUM_VALUE_IN_USE',
          message: `${enumLabel}: 3 rows of decks.level hold 'A0', which the target removes; declare where they go (one of 'A1', 'B1')`,
          location: 'column decks.level',
          hint:
            `Add @RenamedFrom({ values: { "A0": "A1" } }) to the property of decks.level, or a schema/renames.json "enumValues" entry ` +
            `{"enum":"${entryEnum}","from":"A0","to":"A1"}; or update those rows first.`,
        },
      ]);

      // The hint's renames.json entry answers it.
      const file = parseRenames({ enumValues: [{ enum: entryEnum, from: 'A0', to: 'B1' }] }, 'schema/renames.json');
      const { renames } = await compileEntities([DeckAfter], dialectName, { renamesFile: file });
      const mapped = await planTowards(session, to, { renames });
      expect(mapped.diagnostics).toEqual([]);
      expect(mapped.statements.flatMap((s) => s.hazards).filter((h) => h.code === 'ENUM_VALUE_REMOVED')).toEqual([
        {
          code: 'ENUM_VALUE_REMOVED',
          message:
            "label 'A0' is removed: 3 rows of decks.level holding 'A0' become 'B1' (declared by schema/renames.json)",
        },
      ]);
      await session.apply(mapped.statements);
      expect(await rawQuery(db, 'SELECT "title", "level" FROM "decks" ORDER BY "id"')).toEqual(
        ['a', 'b', 'c', 'd'].map((title) => ({ title, level: 'B1' })),
      );
      expect((await planTowards(session, to, { renames })).changes).toEqual([]);
    } finally {
      await session.close();
      await db.drop();
    }
  });

  it('counts the rows of a table and column the same plan renames first, under their current names', async () => {
    const db = await freshDatabase(dialectName, 'enum-renamed');
    const session = await connect(db.url);
    try {
      await applyTowards(session, await compile(DeckBefore, dialectName));
      await rawQuery(db, `INSERT INTO "decks" ("title", "level") VALUES ('a', 'A0'), ('b', 'A1')`);
      const { model: to, renames } = await compileEntities([CardDeckAfter], dialectName);
      const plan = await planTowards(session, to, { renames });
      expect(plan.diagnostics.map((d) => [d.code, d.message])).toEqual([
        ['ENUM_VALUE_IN_USE', expect.stringContaining("1 row of card_decks.tier holds 'A0'")],
      ]);

      // With a mapping declared, the renamed table's rows are converted under their new names and nothing is lost.
      const enumName = dialectName === 'postgres' ? 'public.deck_level' : 'card_decks.tier';
      const file = parseRenames({ enumValues: [{ enum: enumName, from: 'A0', to: 'A1' }] }, 'schema/renames.json');
      const mapped = (await compileEntities([CardDeckAfter], dialectName, { renamesFile: file })).renames;
      const applied = await planTowards(session, to, { renames: mapped });
      expect(applied.diagnostics).toEqual([]);
      await session.apply(applied.statements);
      expect(await rawQuery(db, 'SELECT "title", "tier" FROM "card_decks" ORDER BY "id"')).toEqual([
        { title: 'a', tier: 'A1' },
        { title: 'b', tier: 'A1' },
      ]);
      expect((await planTowards(session, to, { renames: mapped })).changes).toEqual([]);
    } finally {
      await session.close();
      await db.drop();
    }
  });

  it('plans the removal when no row holds the label, and without a database says it could not count', async () => {
    const db = await freshDatabase(dialectName, 'enum-unused');
    const session = await connect(db.url);
    try {
      const from = await compile(DeckBefore, dialectName);
      const to = await compile(DeckAfter, dialectName);
      await applyTowards(session, from);
      await rawQuery(db, `INSERT INTO "decks" ("title", "level") VALUES ('a', 'A1')`);
      const plan = await planTowards(session, to);
      expect(plan.diagnostics).toEqual([]);
      expect(plan.statements.flatMap((s) => s.hazards).filter((h) => h.code === 'ENUM_VALUE_REMOVED')).toEqual([]);
      await session.apply(plan.statements);
      expect((await planTowards(session, to)).changes).toEqual([]);

      const offline = createPlan({ from, to, dialect: dialectFor(dialectName) });
      expect(offline.diagnostics).toEqual([]);
      expect(offline.statements.flatMap((s) => s.hazards).filter((h) => h.code === 'ENUM_VALUE_REMOVED')).toEqual([
        {
          code: 'ENUM_VALUE_REMOVED',
          message:
            "label 'A0' is removed: this fails if a row of decks.level holds it (not counted: planned without a database)",
        },
      ]);
    } finally {
      await session.close();
      await db.drop();
    }
  });

  it('drops a column that stops using the enum before the enum loses a label, keeping the other rows', async () => {
    const db = await freshDatabase(dialectName, 'enum-drop-column');
    const session = await connect(db.url);
    try {
      await applyTowards(session, await compile(DeckTwoColumns, dialectName));
      await rawQuery(
        db,
        `INSERT INTO "decks" ("title", "level", "previous") VALUES ('a', 'B1', 'A0'), ('b', 'A1', 'A0')`,
      );
      const to = await compile(DeckAfter, dialectName);
      const plan = await planTowards(session, to);
      expect(plan.diagnostics).toEqual([]);
      if (dialectName === 'postgres') {
        expect(plan.changes.map((c) => c.kind)).toEqual(['column.drop', 'enum.recreate']);
      }
      await session.apply(plan.statements);
      expect(await rawQuery(db, 'SELECT "title", "level" FROM "decks" ORDER BY "id"')).toEqual([
        { title: 'a', level: 'B1' },
        { title: 'b', level: 'A1' },
      ]);
      expect((await planTowards(session, to)).changes).toEqual([]);
    } finally {
      await session.close();
      await db.drop();
    }
  });

  it('asks whether a label replaced at the same position is a rename, and a declared answer settles it', async () => {
    const from = await compile(DeckBefore, dialectName);
    const to = await compile(DeckRenamed, dialectName);
    const dialect = dialectFor(dialectName);
    const plan = createPlan({ from, to, dialect });
    expect(plan.decisions).toEqual([
      {
        code: 'RENAME_OR_DROP',
        object: 'enumValue',
        from: `${entryEnum} 'A0'`,
        to: `${entryEnum} 'A9'`,
        question: `Is label 'A9' of ${enumLabel} renamed from 'A0'?`,
        entry: { section: 'enumValues', value: { enum: entryEnum, from: 'A0', to: 'A9' } },
        decorator: '@RenamedFrom({ values: { "A0": "A9" } }) on the property of decks.level',
      },
    ]);

    const answer = (rename: boolean) =>
      parseRenames({ enumValues: [{ enum: entryEnum, from: 'A0', to: 'A9', rename }] }, 'schema/renames.json');
    const yes = (await compileEntities([DeckRenamed], dialectName, { renamesFile: answer(true) })).renames;
    const renamed = createPlan({ from, to, dialect, renames: yes });
    expect(renamed.decisions).toEqual([]);
    expect(renamed.statements.map((s) => s.sql).join('\n')).toContain(
      dialectName === 'postgres'
        ? `ALTER TYPE "public"."deck_level" RENAME VALUE 'A0' TO 'A9'`
        : `CASE "level" WHEN 'A0' THEN 'A9' ELSE "level" END`,
    );
    const no = (await compileEntities([DeckRenamed], dialectName, { renamesFile: answer(false) })).renames;
    expect(createPlan({ from, to, dialect, renames: no }).decisions).toEqual([]);

    // The same answers given at the terminal settle the question the same way.
    const answered = (rename: boolean) => withAnswers(NO_RENAMES, [{ decision: plan.decisions[0]!, rename }], to);
    expect(answered(true).enumValues.map((e) => e.columns)).toEqual(yes.enumValues.map((e) => e.columns));
    const byTerminal = createPlan({ from, to, dialect, renames: answered(true) });
    expect(byTerminal.decisions).toEqual([]);
    expect(byTerminal.statements.map((s) => s.sql)).toEqual(renamed.statements.map((s) => s.sql));
    expect(createPlan({ from, to, dialect, renames: answered(false) }).decisions).toEqual([]);
  });

  if (dialectName === 'postgres') {
    it('asks whether a dropped and an added enum type with the same labels are one type renamed', async () => {
      const from = await compile(DeckRetyped, 'postgres');
      const to = await compile(DeckBefore, 'postgres');
      const dialect = dialectFor('postgres');
      expect(createPlan({ from, to, dialect }).decisions).toEqual([
        {
          code: 'RENAME_OR_DROP',
          object: 'enum',
          from: 'public.level',
          to: 'public.deck_level',
          question: 'Is enum public.deck_level renamed from public.level?',
          entry: { section: 'enums', value: { from: 'public.level', to: 'public.deck_level' } },
          decorator: "@RenamedFrom({ enum: 'level' }) on the property of decks.level",
        },
      ]);
      const renames: Renames = {
        ...NO_RENAMES,
        enums: [
          {
            from: { schema: 'public', name: 'level' },
            to: { schema: 'public', name: 'deck_level' },
            rename: true,
            source: 'test',
          },
        ],
      };
      const plan = createPlan({ from, to, dialect, renames });
      expect(plan.decisions).toEqual([]);
      expect(plan.statements.map((s) => s.sql)).toEqual([`ALTER TYPE "public"."level" RENAME TO "deck_level"`]);
      const question = createPlan({ from, to, dialect }).decisions[0]!;
      const answered = createPlan({
        from,
        to,
        dialect,
        renames: withAnswers(NO_RENAMES, [{ decision: question, rename: true }], to),
      });
      expect(answered.statements.map((s) => s.sql)).toEqual([`ALTER TYPE "public"."level" RENAME TO "deck_level"`]);
    });
  }
});
