import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { compileEntities } from '../src/compile/compile';
import type { Table } from '../src/model';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { DIALECTS, freshDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { synchronizeWithTypeorm, typeormPendingQueries } from './support/typeorm-oracle';
import { TEST_TYPEORM_LINE } from './support/typeorm-line';

/**
 * Where TypeORM 0.3 and 1.x build different schemas from the same entities, schemaplan plans what the app's own line
 * builds (this file runs in both Jest projects). The many-to-many case is the one an app on 0.3 met when schemaplan
 * compiled with a TypeORM 1.x of its own: after `schema apply`, the app's TypeORM still wanted two foreign-key
 * statements.
 */
const ON_03 = TEST_TYPEORM_LINE === '0.3';
const table = (tables: readonly Table[], name: string) => tables.find((t) => t.name === name)!;

describe.each(DIALECTS)(`TypeORM ${TEST_TYPEORM_LINE} line differences on %s`, (dialect) => {
  it("follows the line's junction key actions and composite relation column order; TypeORM agrees both ways", async () => {
    const entities = await entityClasses('test/entities/typeorm-lines');
    const { model } = await compileEntities(entities, dialect);

    const junction = table(model.tables, 'post_tags').foreignKeys.map((fk) => [
      fk.columns.join(),
      fk.onDelete,
      fk.onUpdate,
    ]);
    expect(junction.sort()).toEqual([
      ['postsId', 'CASCADE', 'CASCADE'],
      ON_03 ? ['tagsId', 'NO ACTION', 'NO ACTION'] : ['tagsId', 'CASCADE', 'CASCADE'],
    ]);
    const [invoiceKey] = table(model.tables, 'invoices').foreignKeys;
    expect([invoiceKey!.columns, invoiceKey!.referencedColumns]).toEqual(
      ON_03
        ? [
            ['account_id', 'tenant_id'],
            ['id', 'tenant_id'],
          ]
        : [
            ['tenant_id', 'account_id'],
            ['tenant_id', 'id'],
          ],
    );

    // A database TypeORM built plans as empty; after schemaplan's apply, TypeORM has nothing left to do.
    const synchronized = await freshDatabase(dialect, 'lines-sync');
    const applied = await freshDatabase(dialect, 'lines-apply');
    try {
      await synchronizeWithTypeorm(synchronized.oracle, entities);
      let session = await connect(synchronized.url);
      expect((await planTowards(session, model)).changes).toEqual([]);
      await session.close();

      session = await connect(applied.url);
      await applyTowards(session, model);
      await session.close();
      expect(await typeormPendingQueries(applied.oracle, entities)).toEqual([]);
    } finally {
      await synchronized.drop();
      await applied.drop();
    }
  });
});

test("@Exclusion's options object (TypeORM 1.x's { deferrable }) compiles on 1.x and is one clear error on 0.3", async () => {
  const entities = await entityClasses('test/entities/exclusion-options');
  const compiled = compileEntities(entities, 'postgres');
  if (ON_03) {
    await expect(compiled).rejects.toThrow(
      "@Exclusion of entity Desk: its expression is not text (an options object such as { deferrable } is TypeORM 1.x's; the app's TypeORM does not take one)",
    );
    return;
  }
  const { model } = await compiled;
  expect(table(model.tables, 'desks').exclusions).toEqual([
    expect.objectContaining({
      method: 'gist',
      elements: [{ column: 'dates', operator: '&&' }],
      deferrable: 'INITIALLY DEFERRED',
    }),
  ]);
});

@Entity('settings')
class Setting {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'jsonb', default: { greeting: "it's" } })
  options: object;
}

@Entity('decks')
class Deck {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'simple-enum', enum: ['a', 'b'], array: true, default: ['a'] })
  levels: string[];
}

enum Medal {
  Gold = 'gold',
  Silver = 'silver',
}

@Entity('badges')
class Badge {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'enum', enum: Medal, enumName: 'medal', default: () => "'silver'" })
  medal: Medal;
}

describe('defaults TypeORM 0.3 writes as malformed SQL', () => {
  it.each([
    ['postgres', Setting, `'{"greeting":"it''s"}'`],
    ['postgres', Badge, `'silver'`],
    ['sqlite', Deck, `'a'`],
  ] as const)(
    'on %s (%p): written well-formed, as TypeORM 1.x writes them, with a warning on 0.3',
    async (dialect, entity, expected) => {
      const { model, diagnostics } = await compileEntities([entity], dialect);
      const column = model.tables[0]!.columns.find((c) => c.name !== 'id')!;
      expect(column.default).toBe(expected);
      expect(diagnostics.map((d) => d.code)).toEqual(ON_03 ? ['TYPEORM_DEFAULT_REPAIRED'] : []);
      const db = await freshDatabase(dialect, 'lines-default');
      try {
        const session = await connect(db.url);
        await applyTowards(session, model);
        expect((await planTowards(session, model)).changes).toEqual([]);
        await session.close();
      } finally {
        await db.drop();
      }
    },
  );
});

@Entity('reminders')
class Reminder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'timestamptz', default: () => "CURRENT_TIMESTAMP + interval '1 day'" })
  dueAt: Date;
}

describe('a PostgreSQL default that mentions CURRENT_TIMESTAMP in an expression', () => {
  it("is what the app's line writes: 0.3 keeps only the function (now()), with a warning; 1.x the expression", async () => {
    const { model, diagnostics } = await compileEntities([Reminder], 'postgres');
    const { default: sql } = model.tables[0]!.columns.find((c) => c.name === 'dueAt')!;
    if (ON_03) expect(sql).toBe('now()');
    else expect(sql).toMatch(/interval/i);
    expect(diagnostics.map((d) => d.code)).toEqual(ON_03 ? ['TYPEORM_DEFAULT_REWRITTEN'] : []);
    const db = await freshDatabase('postgres', 'lines-rewritten');
    try {
      const session = await connect(db.url);
      await applyTowards(session, model);
      expect((await planTowards(session, model)).changes).toEqual([]);
      await session.close();
      // TypeORM 0.3 compares its own text with the database's: they agree. (1.x compares the expression as written
      // with PostgreSQL's spelling of it, which differ: a TypeORM limit, not the line's difference.)
      if (ON_03) expect(await typeormPendingQueries(db.oracle, [Reminder])).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
