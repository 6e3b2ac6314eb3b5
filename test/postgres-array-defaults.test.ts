/**
 * Array defaults of PostgreSQL array columns (`@Column({ array: true, default: [...] })`), built element by element:
 * TypeORM joins the elements unescaped (`'{a,it's,x,y}'`: a quote breaks the DDL, `x,y` becomes two elements).
 * Each element is written as PostgreSQL's array_out writes it, so the literal is well-formed, means the declared
 * array, reads back as written, and equals TypeORM's text wherever TypeORM's is right. TypeORM's own limitation is
 * pinned, as in test/hostile-names.test.ts: its schema builder proposes its broken literal again for the defaults it
 * cannot write, and nothing for the others.
 */
import fc from 'fast-check';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { compileEntities } from '../src/compile/compile';
import { arrayElements, arrayLiteral } from '../src/dialects/postgres/array-literal';
import { quoteLiteral } from '../src/dialects/postgres/quote';
import { applyTowards, planTowards } from './support/apply-model';
import { usePostgresTestDatabase } from './support/postgres';
import { typeormPendingQueries } from './support/typeorm-oracle';

const HOSTILE = ['a', "it's", 'x,y', 'quote"d', 'back\\slash', '', 'NULL', 'sp ace', '{brace}', 'Καλημέρα'];

enum Mood {
  Calm = 'calm',
  Comma = 'x,y',
  Quote = "it's",
}

@Entity('tagged')
class Tagged {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'text', array: true, default: HOSTILE }) hostile!: string[];
  @Column({ type: 'enum', enum: Mood, enumName: 'array_mood', array: true, default: [Mood.Comma, Mood.Quote] })
  moods!: Mood[];
  @Column({ type: 'varchar', array: true, default: ['a', 'b'] }) plain!: string[];
  @Column({ type: 'int', array: true, default: [] }) empty!: number[];
  @Column({ type: 'int', array: true, default: [1, 2] }) numbers!: number[];
  /** A simple-array is text: TypeORM writes (and compares) the JSON of the array, quotes escaped; kept as is. */
  @Column({ type: 'simple-array', default: ['a', "it's"] }) simple!: string[];
}

describe('PostgreSQL array literals', () => {
  test('written as array_out writes them, and read back element by element', () => {
    expect(arrayLiteral(HOSTILE)).toBe(
      '{a,it\'s,"x,y","quote\\"d","back\\\\slash","","NULL","sp ace","{brace}",Καλημέρα}',
    );
    expect(arrayLiteral(['a', 'b'])).toBe('{a,b}');
    expect(arrayLiteral([1, null, true])).toBe('{1,NULL,true}');
    fc.assert(
      fc.property(
        fc.array(
          fc.option(
            fc.string().filter((s) => !s.includes('\u0000')),
            { nil: null },
          ),
        ),
        (values) => {
          expect(arrayElements(arrayLiteral(values))).toEqual(values);
        },
      ),
    );
  });

  describe('on a real database', () => {
    const pg = usePostgresTestDatabase('array_defaults');

    test('PostgreSQL reads every literal as its elements and prints it back the same', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.option(
              fc.string().filter((s) => !s.includes('\u0000')),
              { nil: null },
            ),
            { maxLength: 6 },
          ),
          async (values) => {
            const literal = arrayLiteral(values);
            const { rows } = await pg.raw.query(
              `SELECT ${quoteLiteral(literal)}::text[] AS value, (${quoteLiteral(literal)}::text[])::text AS printed`,
            );
            expect(rows[0]).toEqual({ value: values, printed: literal });
          },
        ),
        { numRuns: 200 },
      );
    });

    test('array defaults compile to well-formed literals, apply, take the declared values and plan again as empty', async () => {
      const compiled = await compileEntities([Tagged], 'postgres');
      const defaults = Object.fromEntries(compiled.model.tables[0]!.columns.map((c) => [c.name, c.default]));
      expect(defaults).toEqual({
        id: undefined,
        hostile: quoteLiteral(arrayLiteral(HOSTILE)),
        moods: `'{"x,y",it''s}'`,
        plain: `'{a,b}'`,
        empty: `'{}'`,
        numbers: `'{1,2}'`,
        simple: `'["a","it''s"]'`,
      });

      await applyTowards(pg.session, compiled.model);
      expect((await planTowards(pg.session, compiled.model)).statements).toEqual([]);
      await pg.raw.query('INSERT INTO "tagged" DEFAULT VALUES');
      const { rows } = await pg.raw.query(
        'SELECT "hostile", "moods"::text[] AS "moods", "plain", "empty", "numbers", "simple" FROM "tagged"',
      );
      expect(rows).toEqual([
        {
          hostile: HOSTILE,
          moods: [Mood.Comma, Mood.Quote],
          plain: ['a', 'b'],
          empty: [],
          numbers: [1, 2],
          simple: '["a","it\'s"]',
        },
      ]);

      // TypeORM cannot write (nor compare) the two defaults its unescaped join breaks; everything else agrees.
      const pending = await typeormPendingQueries({ dialect: 'postgres', url: pg.db.url }, [Tagged]);
      expect(pending).toEqual([
        `ALTER TABLE "tagged" ALTER COLUMN "hostile" SET DEFAULT '{${HOSTILE.join(',')}}'`,
        `ALTER TABLE "tagged" ALTER COLUMN "moods" SET DEFAULT '{x,y,it's}'`,
      ]);
    });
  });
});
