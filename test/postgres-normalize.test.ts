import { postgresDialect } from '../src/dialects/postgres';
import { canonicalizeExpression } from '../src/dialects/postgres/expression';
import { normalizeColumn, normalizeDefault } from '../src/dialects/postgres/normalize';
import { quoteIdentifier, quoteLiteral, quoteQualified } from '../src/dialects/postgres/quote';
import { parseTypeName, renderColumnType } from '../src/dialects/postgres/types';
import type { Column } from '../src/model';

describe('quoting', () => {
  test('identifiers are always quoted, quotes doubled', () => {
    expect(quoteIdentifier('users')).toBe('"users"');
    expect(quoteIdentifier('Weird "name"')).toBe('"Weird ""name"""');
    expect(quoteQualified({ schema: 'my schema', name: 't' })).toBe('"my schema"."t"');
  });

  test('literals double quotes and keep backslashes (standard_conforming_strings)', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral('a\\b')).toBe("'a\\b'");
    expect(quoteLiteral('Γεια')).toBe("'Γεια'");
  });

  test('NUL bytes are refused', () => {
    expect(() => quoteIdentifier('a\u0000b')).toThrow(/NUL/);
    expect(() => quoteLiteral('a\u0000b')).toThrow(/NUL/);
  });
});

describe('types', () => {
  test.each([
    ['int4', 'integer'],
    ['int', 'integer'],
    ['INTEGER', 'integer'],
    ['int8', 'bigint'],
    ['int2', 'smallint'],
    ['varchar', 'character varying'],
    ['bpchar', 'character'],
    ['timestamptz', 'timestamp with time zone'],
    ['timestamp', 'timestamp without time zone'],
    ['timetz', 'time with time zone'],
    ['decimal', 'numeric'],
    ['bool', 'boolean'],
    ['float8', 'double precision'],
    ['float', 'double precision'],
    ['float4', 'real'],
    ['varbit', 'bit varying'],
    ['simple-enum', 'enum'],
    ['uuid', 'uuid'],
  ])('%s is %s', (written, canonical) => {
    expect(parseTypeName(written).type).toBe(canonical);
  });

  test('arrays, serials and modifiers in the name', () => {
    expect(parseTypeName('_int4')).toMatchObject({ type: 'integer', array: true });
    expect(parseTypeName('text[]')).toMatchObject({ type: 'text', array: true });
    expect(parseTypeName('bigserial')).toMatchObject({ type: 'bigint', serial: true });
    expect(parseTypeName('varchar(20)')).toMatchObject({ type: 'character varying', modifiers: [20] });
    expect(parseTypeName('timestamp(3) with time zone')).toMatchObject({
      type: 'timestamp with time zone',
      modifiers: [3],
    });
  });

  test('full types as DDL spells them', () => {
    expect(renderColumnType({ type: 'character varying', length: 20 })).toBe('character varying(20)');
    expect(renderColumnType({ type: 'numeric', precision: 5, scale: 2 })).toBe('numeric(5,2)');
    expect(renderColumnType({ type: 'timestamp with time zone', precision: 3 })).toBe('timestamp(3) with time zone');
    expect(renderColumnType({ type: 'enum', enum: { schema: 'public', name: 'a"b' }, array: true })).toBe(
      '"public"."a""b"[]',
    );
  });
});

const column = (extra: Partial<Column>): Column => ({ name: 'c', type: 'text', nullable: true, ...extra });

describe('columns', () => {
  test('modifiers that are meaningless or the default are dropped', () => {
    expect(normalizeColumn(column({ type: 'integer', length: 11 }), false)).toMatchObject({ length: undefined });
    // `timestamp(6)` behaves as `timestamp` but is not stored as it (atttypmod 6, not -1): the precision stays.
    for (const type of ['timestamp', 'timestamptz', 'time', 'timetz', 'interval']) {
      expect(normalizeColumn(column({ type, precision: 6 }), false)).toMatchObject({ precision: 6 });
      expect(normalizeColumn(column({ type: `${type}(6)` }), false)).toMatchObject({ precision: 6 });
      expect(normalizeColumn(column({ type }), false)).toMatchObject({ precision: undefined });
    }
    expect(normalizeColumn(column({ type: 'timestamp', precision: 3 }), false)).toMatchObject({ precision: 3 });
    expect(normalizeColumn(column({ type: 'char', length: 1 }), false)).toMatchObject({
      type: 'character',
      length: undefined,
    });
    expect(normalizeColumn(column({ type: 'decimal', precision: 5 }), false)).toMatchObject({ precision: 5, scale: 0 });
    expect(normalizeColumn(column({ type: 'numeric', scale: 2 }), false)).toMatchObject({
      precision: undefined,
      scale: undefined,
    });
    expect(normalizeColumn(column({ type: 'varchar(30)' }), false)).toMatchObject({
      type: 'character varying',
      length: 30,
    });
  });

  test('a serial default is a generated column; primary keys and generated columns are NOT NULL', () => {
    expect(normalizeColumn(column({ type: 'int4', default: `nextval('"Odd"""_id_seq'::regclass)` }), false)).toEqual(
      expect.objectContaining({ type: 'integer', generated: 'increment', default: undefined, nullable: false }),
    );
    expect(normalizeColumn(column({ type: 'serial' }), false)).toMatchObject({
      type: 'integer',
      generated: 'increment',
    });
    expect(normalizeColumn(column({ nullable: true }), true)).toMatchObject({ nullable: false });
  });

  test('the enum reference gets its schema; enumValues is a SQLite notion', () => {
    const normalized = normalizeColumn(column({ type: 'enum', enum: { name: 'level' }, enumValues: ['a'] }), false);
    expect(normalized.enum).toEqual({ schema: 'public', name: 'level' });
    expect(normalized.enumValues).toBeUndefined();
  });
});

describe('defaults: TypeORM spelling and catalog spelling meet', () => {
  test.each([
    // [TypeORM's Table.create, what the catalog stores, column type]
    [`'en'`, `'en'::character varying`, 'character varying'],
    [`'20'`, '20', 'integer'],
    [`'-1'`, `'-1'::integer`, 'integer'],
    [`'2.5'`, `'2.5'::real`, 'real'],
    [`'0'`, `'0'::numeric`, 'numeric'],
    [`'5'`, `'5'::bigint`, 'bigint'],
    [`'A1'`, `'A1'::deck_level`, 'enum'],
    ['now()', 'now()', 'timestamp without time zone'],
    ['now()', 'CURRENT_TIMESTAMP', 'timestamp with time zone'],
    [`('now'::text)::date`, 'CURRENT_DATE', 'date'],
    [`('now'::text)::timestamp(3) with time zone`, 'CURRENT_TIMESTAMP(3)', 'timestamp with time zone'],
    [`('now'::text)::timestamp without time zone`, 'LOCALTIMESTAMP', 'timestamp without time zone'],
    ['false', 'false', 'boolean'],
    [`'true'`, 'true', 'boolean'],
    [`'{"theme":"dark","a":1}'`, `'{"a": 1, "theme": "dark"}'::jsonb`, 'jsonb'],
    [`'{"b":1}'`, `'{"b": 1}'::json`, 'json'],
    [`'Γεια σου, κόσμε'`, `'Γεια σου, κόσμε'::character varying`, 'character varying'],
    ['uuid_generate_v4()', 'uuid_generate_v4()', 'uuid'],
  ])('%s == %s (%s)', (typeorm, catalog, type) => {
    expect(normalizeDefault(typeorm, type, false)).toBe(normalizeDefault(catalog, type, false));
  });

  test('array defaults and NULL', () => {
    expect(normalizeDefault(`'{A1,B1}'::deck_level[]`, 'enum', true)).toBe(`'{A1,B1}'`);
    expect(normalizeDefault(`'{1,2}'`, 'integer', true)).toBe(`'{1,2}'`);
  });

  test('DEFAULT NULL is a default where PostgreSQL keeps one (pg_attrdef, atthasdef), else none', () => {
    const nullOn = (extra: Partial<Column>, value = 'NULL') =>
      normalizeColumn(column({ ...extra, default: value }), false);
    // Kept: a length or precision to apply (character and bit have length 1), a domain to check.
    expect(nullOn({ type: 'character varying', length: 16 }).default).toBe('NULL');
    expect(nullOn({ type: 'character varying', length: 16 }, 'NULL::character varying').default).toBe('NULL');
    expect(nullOn({ type: 'numeric', precision: 10, scale: 2 }, 'NULL::numeric').default).toBe('NULL');
    expect(nullOn({ type: 'timestamp', precision: 3 }).default).toBe('NULL');
    expect(nullOn({ type: 'char' }, 'NULL::bpchar').default).toBe('NULL');
    expect(nullOn({ type: 'bit' }, 'NULL::"bit"').default).toBe('NULL');
    expect(nullOn({ type: 'character varying', length: 16, array: true }, 'NULL::character varying[]').default).toBe(
      'NULL',
    );
    expect(
      nullOn({ type: 'd1', domain: { schema: 'public', name: 'd1', base: { type: 'integer' } } }, 'NULL::integer')
        .default,
    ).toBe('NULL');
    // Not kept: a typed constant NULL is stored as no default at all.
    for (const type of ['integer', 'text', 'character varying', 'numeric', 'timestamp', 'uuid']) {
      expect(nullOn({ type }).default).toBeUndefined();
    }
    expect(nullOn({ type: 'interval', precision: 6 }).default).toBeUndefined();
    expect(nullOn({ type: 'integer', array: true }).default).toBeUndefined();
    // Cast through another type, PostgreSQL keeps the cast (a relabelling), and so does the model.
    expect(nullOn({ type: 'character varying' }, 'NULL::text').default).toBe('NULL::text');
  });

  test('a quoted number stays a string on a text column', () => {
    expect(normalizeDefault(`'20'::text`, 'text', false)).toBe(`'20'`);
  });
});

describe('expressions', () => {
  test.each([
    ['"easeFactor" >= 1.3', `("easeFactor" >= (1.3)::double precision)`],
    [
      `status IN ('a', 'b')`,
      `((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))`,
    ],
    [`status NOT IN ('a')`, `((status)::text <> ALL ((ARRAY['a'::character varying])::text[]))`],
    [`name LIKE 'a%' AND n BETWEEN 1 AND 2`, `(((name)::text ~~ 'a%'::text) AND ((n >= 1) AND (n <= 2)))`],
    [`a > 0 and (b > 0 or c > 0)`, `((a > 0) AND ((b > (0)::double precision) OR (c > (0)::numeric)))`],
    [`x != 'y' AND x IS NOT NULL AND NOT a = 1`, `((((x)::text <> 'y'::text) AND (x IS NOT NULL) AND (NOT (a = 1))))`],
    [`qty > -100`, `(qty > '-100'::integer)`],
    [`"isPublic" = true`, `("isPublic" = true)`],
    [`length(name) > 0`, `(length((name)::text) > 0)`],
    // One list of strings, spelled with casts that keep the values: PostgreSQL prints each back its own way.
    [
      `status::text = ANY (ARRAY['a'::character varying::text, 'b'::character varying::text])`,
      `((status)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text]))`,
    ],
    [
      `((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))`,
      `((status)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text]))`,
    ],
    [
      `status IN ('a', 'b')`,
      `((status)::text = ANY ((ARRAY[(('a'::character varying)::text)::character varying, (('b'::character varying)::text)::character varying])::text[]))`,
    ],
    ['current_schema()', 'CURRENT_SCHEMA'],
    ['current_user', 'CURRENT_USER'],
  ])('%s == %s', (written, stored) => {
    expect(canonicalizeExpression(written)).toBe(canonicalizeExpression(stored));
  });

  test('meaningful differences stay different', () => {
    expect(canonicalizeExpression('a > 1')).not.toBe(canonicalizeExpression('a >= 1'));
    expect(canonicalizeExpression('(a + b) * c')).not.toBe(canonicalizeExpression('a + b * c'));
    expect(canonicalizeExpression(`"Name" = 'x'`)).not.toBe(canonicalizeExpression(`name = 'x'`));
    expect(canonicalizeExpression(`('now'::text)::date`)).not.toBe(canonicalizeExpression(`'now'::date`));
    // A cast that cuts the string (or drops its trailing spaces) is not one that keeps it.
    expect(canonicalizeExpression(`x = 'abc'::character varying(2)::text`)).not.toBe(
      canonicalizeExpression(`x = 'abc'`),
    );
    expect(canonicalizeExpression(`x = 'a '::character(2)::text`)).not.toBe(canonicalizeExpression(`x = 'a '`));
  });

  test('output is canonical (idempotent) and falls back to the text for what it does not parse', () => {
    const samples = [
      'a - (b - c)',
      `CASE WHEN a > 1 THEN 'x'::text ELSE 'y'::text END`,
      'x = ANY (SELECT 1)',
      `E'a\\nb'`,
    ];
    for (const sample of samples) {
      expect(canonicalizeExpression(canonicalizeExpression(sample))).toBe(canonicalizeExpression(sample));
    }
    expect(canonicalizeExpression('  (x  =  ANY (SELECT 1))  ')).toBe('x = ANY (SELECT 1)');
  });
});

test('normalize fills the schema and is idempotent', () => {
  const model = postgresDialect.normalize({
    dialect: 'postgres',
    extensions: ['uuid-ossp', 'plpgsql'],
    enums: [{ name: 'e', values: ['a'] }],
    tables: [
      {
        name: 't',
        columns: [column({ name: 'id', type: 'int4', default: `'1'` })],
        primaryKey: { name: 'pk', columns: ['id'] },
        foreignKeys: [
          {
            name: 'fk',
            columns: ['id'],
            referencedTable: 't',
            referencedColumns: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          },
        ],
        uniques: [],
        checks: [{ name: 'c', expression: 'id > 0' }],
        indexes: [{ name: 'i', columns: ['id'], unique: false, where: '' }],
        comment: '',
      },
    ],
  });
  expect(model).toEqual({
    dialect: 'postgres',
    schemas: ['public'],
    extensions: ['uuid-ossp'],
    enums: [{ schema: 'public', name: 'e', values: ['a'] }],
    tables: [
      {
        schema: 'public',
        name: 't',
        columns: [{ name: 'id', type: 'integer', nullable: false, default: '1' }],
        primaryKey: { name: 'pk', columns: ['id'] },
        foreignKeys: [
          {
            name: 'fk',
            columns: ['id'],
            referencedSchema: 'public',
            referencedTable: 't',
            referencedColumns: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          },
        ],
        uniques: [],
        checks: [{ name: 'c', expression: '"id" > 0' }],
        indexes: [{ name: 'i', columns: ['id'], unique: false }],
      },
    ],
  });
  expect(postgresDialect.normalize(model)).toEqual(model);
});
