/**
 * A corpus of column defaults that are hard to print (operators `DEFAULT` does not take without parentheses, typed
 * empty arrays, casts, literals PostgreSQL respells): each is applied on a real PostgreSQL by CREATE TABLE, by
 * ADD COLUMN and by SET DEFAULT, reads back with the default it was given, and plans again as empty.
 */
import type { Column, Model, Table } from '../src/model';
import { applyTowards, planTowards } from './support/apply-model';
import { usePostgresTestDatabase } from './support/postgres';

/** [column type, default as an entity or a SQL file writes it] */
const CORPUS: readonly (readonly [string, string])[] = [
  ['boolean', '(1 IS NOT NULL)'],
  ['boolean', '1 IS NOT NULL'],
  ['timestamp', "(now() AT TIME ZONE 'utc')"],
  ['timestamp', "now() AT TIME ZONE 'utc'"],
  ['timestamp', "CURRENT_TIMESTAMP AT TIME ZONE 'UTC'"],
  ['timestamptz', "('2020-01-01 10:00:00'::timestamp AT TIME ZONE 'Europe/Athens')"],
  ['text', `('a' COLLATE "C")`],
  ['text', `'x' COLLATE "C" || 'y'`],
  ['boolean', '(1 = 1)'],
  ['boolean', '1 < 2'],
  ['boolean', '(2 BETWEEN 1 AND 3)'],
  ['boolean', `('abc' LIKE 'a%')`],
  ['boolean', '(true IS DISTINCT FROM false)'],
  ['boolean', 'NOT (1 = 2)'],
  ['boolean', 'true AND false OR true'],
  ['boolean', '1 IN (1, 2)'],
  ['boolean', '3 NOT IN (1, 2)'],
  ['boolean', '1 = ANY (ARRAY[1, 2])'],
  ['boolean', 'current_user IS NOT NULL'],
  ['integer', '(1 + 2) * 3'],
  ['integer', '-1'],
  ['integer', '-(2 + 3)'],
  ['integer', "length('abc')"],
  ['integer', '7 % 3 * 2'],
  ['integer', "COALESCE(length('ab'), 1)"],
  ['integer', 'CASE WHEN 1 > 0 THEN 1 ELSE 2 END'],
  ['integer', '(ARRAY[4, 5])[2]'],
  ['text', "'x' || 'y'"],
  ['text', `CASE WHEN 1 > 0 THEN 'a' ELSE 'b' END`],
  ['text', "lower('ABC')"],
  ['text', "'it''s'"],
  ['text', "E'tab\\there'"],
  ['text', "E'it\\'s \\x41\\u00e9'"],
  ['text', 'current_user'],
  ['character varying(10)', "'x'::character varying"],
  ['numeric(10,2)', '1.50'],
  ['numeric(10,2)', "'-1.5'"],
  ['date', 'CURRENT_DATE'],
  ['timestamp(3)', 'CURRENT_TIMESTAMP(3)'],
  ['interval', "'1 day'::interval"],
  ['jsonb', `'{"b": 1, "a": [1, 2]}'`],
  ['integer[]', 'ARRAY[]::int[]'],
  ['integer[]', "'{}'::int[]"],
  ['integer[]', "'{}'"],
  ['integer[]', 'ARRAY[1, 2]'],
  ['integer[]', "'{1,2}'"],
  ['text[]', "ARRAY['a', 'b']"],
  ['text[]', 'ARRAY[]::text[]'],
  ['character varying(3)[]', 'ARRAY[]::varchar[]'],
];

const columns = (withDefaults: boolean): Column[] =>
  CORPUS.map(([type, expression], i) => ({
    name: `c${i}`,
    type,
    nullable: true,
    ...(withDefaults ? { default: expression } : {}),
  }));

const table = (name: string, rest: readonly Column[]): Table => ({
  name,
  columns: [{ name: 'id', type: 'integer', nullable: false }, ...rest],
  primaryKey: { name: `PK_${name}`, columns: ['id'] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
});

const model = (tables: Table[]): Model => ({ dialect: 'postgres', extensions: [], enums: [], tables });

describe('tricky defaults on PostgreSQL', () => {
  const pg = usePostgresTestDatabase('tricky_defaults');

  test('each default is created, added and set, reads back as given, and plans again as empty', async () => {
    // `added` gains its columns by ADD COLUMN, `altered` its defaults by SET DEFAULT, `created` is created whole.
    await applyTowards(pg.session, model([table('added', []), table('altered', columns(false))]));
    const target = model([
      table('added', columns(true)),
      table('altered', columns(true)),
      table('created', columns(true)),
    ]);
    const plan = await applyTowards(pg.session, target);
    expect(plan.changes.map((c) => c.kind).sort()).toEqual(
      [...CORPUS.map(() => 'column.add'), ...CORPUS.map(() => 'column.alter'), 'table.create'].sort(),
    );

    const again = await planTowards(pg.session, target);
    expect(again.statements.map((s) => s.sql)).toEqual([]);

    // Every column holds a default (no NULL read back as "no default"), and a row takes it.
    const { rows } = await pg.raw.query<{ table_name: string; n: string }>(
      `SELECT table_name, count(column_default)::text AS n FROM information_schema.columns
        WHERE table_schema = 'public' GROUP BY table_name ORDER BY table_name`,
    );
    expect(rows).toEqual(
      ['added', 'altered', 'created'].map((table_name) => ({ table_name, n: String(CORPUS.length) })),
    );
    await pg.raw.query('INSERT INTO "created" ("id") VALUES (1)');
    const column = (type: string, expression: string) =>
      `c${CORPUS.findIndex(([t, e]) => t === type && e === expression)}`;
    const picked = {
      isNotNull: column('boolean', '(1 IS NOT NULL)'),
      emptyArray: column('integer[]', 'ARRAY[]::int[]'),
      array: column('integer[]', 'ARRAY[1, 2]'),
      escaped: column('text', "E'it\\'s \\x41\\u00e9'"),
      collated: column('text', `'x' COLLATE "C" || 'y'`),
    };
    const list = Object.entries(picked).map(([as, name]) => `"${name}" AS "${as}"`);
    const inserted = await pg.raw.query<Record<string, unknown>>(`SELECT ${list.join(', ')} FROM "created"`);
    expect(inserted.rows).toEqual([
      { isNotNull: true, emptyArray: [], array: [1, 2], escaped: "it's Aé", collated: 'xy' },
    ]);
  });
});
