/**
 * PostgreSQL exclusion constraints: read from the catalog (`pg_get_constraintdef`, in the set-based constraint query),
 * compared, created with their table or added (after the extension their operator classes need), dropped, and
 * re-created when their definition changes; adding one to a table with rows is a hazard (its index is built over
 * every row, and conflicting rows make apply fail). (TypeORM's `@Exclusion`: fixtures/postgres-exclusions.)
 */
import { parseExclusion } from '../src/dialects/postgres/exclusion';
import { postgresDialect } from '../src/dialects/postgres';
import type { Exclusion, Model, Table } from '../src/model';
import { applyTowards, planTowards } from './support/apply-model';
import { usePostgresTestDatabase } from './support/postgres';

const bookings = (exclusions: readonly Exclusion[]): Table => ({
  name: 'bookings',
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'room', type: 'integer', nullable: false },
    { name: 'during', type: 'tsrange', nullable: false },
    { name: 'name', type: 'text', nullable: true },
    { name: 'cancelled', type: 'boolean', nullable: false, default: 'false' },
    { name: 'Weird "Col"', type: 'integer', nullable: true },
    { name: 'area', type: 'circle', nullable: true },
  ],
  primaryKey: { name: 'PK_bookings', columns: ['id'] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
  exclusions,
});

const model = (exclusions: readonly Exclusion[], extensions = ['btree_gist']): Model => ({
  dialect: 'postgres',
  extensions,
  enums: [],
  tables: [bookings(exclusions)],
});

const ROOM: Exclusion = {
  name: 'EXC_room',
  method: 'gist',
  elements: [
    { column: 'room', operator: '=' },
    { column: 'during', operator: '&&' },
  ],
  where: 'NOT cancelled',
};

/** Every part of the syntax: an expression element, opclass and order, INCLUDE and WITH, a predicate, deferral. */
const EVERYTHING: readonly Exclusion[] = [
  ROOM,
  { ...ROOM, name: 'EXC_deferred', where: undefined, deferrable: 'INITIALLY DEFERRED' },
  { name: 'EXC_lower_name', method: 'btree', elements: [{ expression: 'lower(name)', operator: '=' }] },
  {
    name: 'EXC "weird"',
    method: 'gist',
    elements: [
      { column: 'Weird "Col"', operator: '=' },
      { expression: 'tsrange(lower(during), upper(during))', operator: '&&' },
    ],
  },
  {
    name: 'EXC_area',
    method: 'gist',
    elements: [{ column: 'area', operator: '&&' }],
    options: "INCLUDE (id) WITH (fillfactor='70')",
  },
  {
    name: 'EXC_pattern',
    method: 'btree',
    elements: [{ column: 'name', opclass: 'text_pattern_ops', desc: true, nulls: 'last', operator: '=' }],
  },
  {
    name: 'EXC_immediate',
    method: 'gist',
    elements: [{ column: 'room', operator: 'OPERATOR(pg_catalog.=)' }],
    deferrable: 'INITIALLY IMMEDIATE',
  },
];

describe('exclusion constraints', () => {
  test('the catalog text and TypeORM expressions read into the same model', () => {
    const catalog = parseExclusion(
      'EXCLUDE USING gist (room WITH =, during WITH &&) WHERE ((NOT cancelled)) DEFERRABLE INITIALLY DEFERRED',
    );
    const typeorm = parseExclusion(
      'USING gist ("room" WITH =, "during" WITH &&) WHERE (NOT "cancelled") DEFERRABLE INITIALLY DEFERRED',
    );
    const normalized = (e: Omit<Exclusion, 'name'>) =>
      postgresDialect.normalize(model([{ name: 'x', ...e }])).tables[0]!.exclusions;
    expect(normalized(catalog)).toEqual(normalized(typeorm));
    expect(normalized(catalog)).toEqual([
      {
        name: 'x',
        method: 'gist',
        elements: [
          { column: 'room', operator: '=' },
          { column: 'during', operator: '&&' },
        ],
        where: 'NOT "cancelled"',
        deferrable: 'INITIALLY DEFERRED',
      },
    ]);
    expect(parseExclusion('(id WITH =)')).toEqual({ method: 'btree', elements: [{ column: 'id', operator: '=' }] });
    expect(() => parseExclusion('USING gist (room, during WITH &&)')).toThrow('element "room" has no WITH operator');
  });

  describe('on a real database', () => {
    const pg = usePostgresTestDatabase('exclusions');

    test('created with the table (after btree_gist), read back equal, and planned again as empty', async () => {
      const target = model(EVERYTHING);
      const plan = await applyTowards(pg.session, target);
      expect(plan.changes.map((c) => c.kind)).toEqual(['extension.create', 'table.create']);
      expect(plan.statements[1]!.sql).toContain(
        `CONSTRAINT "EXC_room" EXCLUDE USING "gist" ("room" WITH =, "during" WITH &&) WHERE (NOT "cancelled")`,
      );
      const current = await pg.session.introspect();
      expect(postgresDialect.normalize(current).tables[0]!.exclusions).toEqual(
        postgresDialect.normalize(target).tables[0]!.exclusions,
      );
      // Managed, so not listed as left untouched (only the installed extension is, which the plan matches to the model).
      expect((current.notManaged ?? []).filter((entry) => entry.kind !== 'extension')).toEqual([]);
      expect((await planTowards(pg.session, target)).statements).toEqual([]);
      // Enforced: a second booking of room 1 overlapping the first is refused.
      await pg.raw.query(
        `INSERT INTO "bookings" ("id", "room", "during") VALUES (1, 1, '[2026-01-01 10:00, 2026-01-01 12:00)')`,
      );
      await expect(
        pg.raw.query(
          `INSERT INTO "bookings" ("id", "room", "during") VALUES (2, 1, '[2026-01-01 11:00, 2026-01-01 13:00)')`,
        ),
      ).rejects.toThrow(/conflicting key value violates exclusion constraint "EXC_room"/);
    });

    test('changed, dropped and added on a table with rows: drop + add, the build a hazard, conflicting rows refused', async () => {
      await pg.raw.query(
        `INSERT INTO "bookings" ("id", "room", "during", "name") VALUES (3, 2, '[2026-01-01 10:00, 2026-01-01 12:00)', 'a')`,
      );
      const changed: Exclusion = { ...ROOM, where: undefined };
      const target = model([changed, EVERYTHING[2]!]);
      const plan = await planTowards(pg.session, target);
      expect(plan.changes.map((c) => [c.kind, c.reason])).toEqual(
        expect.arrayContaining([
          ['exclusion.drop', 'exclusion constraint EXC_room on public.bookings has a different definition'],
          ['exclusion.add', 'exclusion constraint EXC_room on public.bookings has a different definition'],
          ['exclusion.drop', 'exclusion constraint EXC_area on public.bookings is not in the target schema'],
        ]),
      );
      const add = plan.statements.find((s) => s.sql.includes('ADD CONSTRAINT "EXC_room"'))!;
      expect(add.hazards).toEqual([
        {
          code: 'INDEX_BUILD',
          message:
            'exclusion constraint EXC_room builds its index over 2 rows of public.bookings, blocking writes meanwhile; apply fails if two rows conflict',
        },
      ]);
      // The drops come before the add of the same name.
      const kinds = plan.changes.map((c) => `${c.kind} ${'exclusion' in c ? c.exclusion.name : ''}`);
      expect(kinds.indexOf('exclusion.drop EXC_room')).toBeLessThan(kinds.indexOf('exclusion.add EXC_room'));
      await pg.session.apply(plan.statements);
      expect((await planTowards(pg.session, target)).statements).toEqual([]);

      // A cancelled booking overlapping another now conflicts (the predicate is gone): adding it back is refused by the rows.
      await pg.raw.query('ALTER TABLE "bookings" DROP CONSTRAINT "EXC_room"');
      await pg.raw.query(
        `INSERT INTO "bookings" ("id", "room", "during", "cancelled") VALUES (4, 2, '[2026-01-01 11:00, 2026-01-01 13:00)', true)`,
      );
      await expect(applyTowards(pg.session, target)).rejects.toThrow(
        /could not create exclusion constraint "EXC_room"/,
      );
      expect((await planTowards(pg.session, model([{ ...ROOM }, EVERYTHING[2]!]))).changes.map((c) => c.kind)).toEqual([
        'exclusion.add',
      ]);
    });
  });
});
