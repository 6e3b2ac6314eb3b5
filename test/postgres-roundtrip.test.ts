import type { Change, ColumnField } from '../src/diff/changes';
import { postgresDialect } from '../src/dialects/postgres';
import type { Column, Model, Table } from '../src/model';
import { managedPart } from '../src/model';
import type { Statement } from '../src/plan/types';
import { usePostgresTestDatabase } from './support/postgres';

/**
 * Model -> DDL -> real PostgreSQL -> catalog -> model must be the identity (after normalisation), for a model that
 * uses every feature the model has; then every alteration kind, on tables holding rows.
 */

const WEIRD = 'Weird "name"';
const WEIRD_ENUM = 'Weird "mood"';
const GREEK = 'Η μπροστινή πλευρά της κάρτας — it\'s "quoted"';

const col = (name: string, type: string, extra: Partial<Column> = {}): Column => ({
  name,
  type,
  nullable: false,
  ...extra,
});

const users: Table = {
  name: 'users',
  columns: [
    col('id', 'uuid', { default: 'uuid_generate_v4()' }),
    col('email', 'varchar', { length: 255, comment: 'Διεύθυνση email' }),
    col('displayName', 'text', { nullable: true }),
    col('isActive', 'bool', { default: 'false' }),
    col('settings', 'jsonb', { nullable: true, default: `'{"theme": "dark", "a": [1, 2]}'` }),
    col('createdAt', 'timestamptz', { default: 'CURRENT_TIMESTAMP' }),
    col('updatedAt', 'timestamp', { default: 'now()' }),
    col('preciseAt', 'timestamp', { precision: 3, nullable: true }),
    col('level', 'enum', { enum: { name: 'deck_level' }, default: `'A1'::deck_level` }),
    col('levels', 'enum', { enum: { name: 'deck_level' }, array: true, nullable: true, default: `'{A1,B1}'` }),
    col('mood', 'enum', { enum: { schema: 'public', name: WEIRD_ENUM }, nullable: true, default: `'it''s'` }),
    col('tags', 'text[]', { nullable: true }),
    col('score', 'decimal', { precision: 5, scale: 2, default: `'0'` }),
    col('rating', 'float4', { default: `'2.5'` }),
    col('big', 'int8', { nullable: true, default: '-1' }),
    col('birthday', 'date', { nullable: true, default: 'CURRENT_DATE' }),
    col('initial', 'char', { nullable: true }),
  ],
  primaryKey: { name: 'PK_users', columns: ['id'] },
  foreignKeys: [],
  uniques: [{ name: 'UQ_users_email', columns: ['email'] }],
  checks: [{ name: 'CHK_users_score', expression: 'score BETWEEN 0 AND 100 AND "rating" >= 1.3' }],
  indexes: [
    { name: 'IDX_users_created', columns: ['createdAt'], unique: false },
    { name: 'IDX_users_active_email', columns: ['email', 'isActive'], unique: true, where: '"isActive" = true' },
  ],
  comment: 'Οι χρήστες της εφαρμογής',
};

const decks: Table = {
  name: 'decks',
  columns: [
    col('id', 'serial'),
    col('ownerId', 'uuid', { nullable: true }),
    col('parentId', 'int4', { nullable: true }),
    col('title', 'varchar', { length: 200, default: `'Γεια σου, κόσμε'` }),
    col('language', 'character varying', { length: 8, default: `'en'::character varying` }),
    col('meta', 'json', { nullable: true, default: `'{"b":1}'` }),
    col('status', 'varchar', { length: 10, default: `'draft'` }),
  ],
  primaryKey: { name: 'PK_decks', columns: ['id'] },
  foreignKeys: [
    {
      name: 'FK_decks_owner',
      columns: ['ownerId'],
      referencedTable: 'users',
      referencedColumns: ['id'],
      onDelete: 'SET NULL',
      onUpdate: 'NO ACTION',
    },
    {
      name: 'FK_decks_parent',
      columns: ['parentId'],
      referencedTable: 'decks',
      referencedColumns: ['id'],
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
    },
  ],
  uniques: [],
  checks: [{ name: 'CHK_decks_status', expression: `status IN ('draft', 'published') AND title <> ''` }],
  indexes: [{ name: 'IDX_decks_language', columns: ['language'], unique: false, where: 'title IS NOT NULL' }],
};

const cards: Table = {
  name: 'cards',
  columns: [
    col('deckId', 'integer'),
    col('position', 'smallint'),
    col('front', 'text', { comment: GREEK }),
    col('seq', 'bigint', { generated: 'identity-always' }),
  ],
  primaryKey: { name: 'PK_cards', columns: ['deckId', 'position'] },
  foreignKeys: [
    {
      name: 'FK_cards_deck',
      columns: ['deckId'],
      referencedTable: 'decks',
      referencedColumns: ['id'],
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
    },
  ],
  uniques: [{ name: 'UQ_cards_deck_front', columns: ['deckId', 'front'] }],
  checks: [],
  indexes: [{ name: 'IDX_cards_seq', columns: ['seq', 'deckId'], unique: true, where: 'position > 0' }],
};

const reviews: Table = {
  name: 'reviews',
  columns: [
    col('id', 'bigserial'),
    col('cardDeckId', 'integer'),
    col('cardPosition', 'int2'),
    col('grade', 'integer', { default: '3' }),
  ],
  primaryKey: { columns: ['id'], name: 'reviews_pkey' },
  foreignKeys: [
    {
      name: 'FK_reviews_card',
      columns: ['cardDeckId', 'cardPosition'],
      referencedTable: 'cards',
      referencedColumns: ['deckId', 'position'],
      onDelete: 'RESTRICT',
      onUpdate: 'CASCADE',
    },
  ],
  uniques: [],
  checks: [{ name: 'CHK_reviews_grade', expression: 'grade >= 1 and grade <= 5' }],
  indexes: [],
};

/** Two tables referencing each other. */
const weird: Table = {
  name: WEIRD,
  columns: [
    col('id', 'integer', { generated: 'identity-by-default' }),
    col('Odd "col"', 'varchar', { length: 20, default: `'it''s'`, comment: 'a "quoted" comment' }),
    col('otherId', 'smallint', { nullable: true }),
  ],
  primaryKey: { name: 'PK weird', columns: ['id'] },
  foreignKeys: [
    {
      name: 'FK weird other',
      columns: ['otherId'],
      referencedTable: 'other',
      referencedColumns: ['id'],
      onDelete: 'SET DEFAULT',
      onUpdate: 'RESTRICT',
    },
  ],
  uniques: [],
  checks: [],
  indexes: [{ name: 'IDX "weird" odd', columns: ['Odd "col"'], unique: false }],
  comment: 'table with a "weird" name',
};

const other: Table = {
  name: 'other',
  columns: [col('id', 'smallserial'), col('weirdId', 'integer', { nullable: true })],
  primaryKey: { name: 'PK_other', columns: ['id'] },
  foreignKeys: [
    {
      name: 'FK_other_weird',
      columns: ['weirdId'],
      referencedTable: WEIRD,
      referencedColumns: ['id'],
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    },
  ],
  // Same columns as the primary key: PostgreSQL would silently drop it inside CREATE TABLE.
  uniques: [{ name: 'UQ_other_id', columns: ['id'] }],
  checks: [],
  indexes: [],
};

const MODEL: Model = {
  dialect: 'postgres',
  extensions: ['uuid-ossp'],
  enums: [
    { name: 'deck_level', values: ['A1', 'A2', 'B1', 'B2'] },
    { schema: 'public', name: WEIRD_ENUM, values: ["it's", 'χαρά', 'a"b'] },
  ],
  tables: [users, decks, cards, reviews, weird, other],
};

/** What creating a model from nothing consists of, in an order PostgreSQL accepts. */
function creationChanges(model: Model): Change[] {
  return [
    ...model.extensions.map((name): Change => ({ kind: 'extension.create', name, reason: 'test' })),
    ...model.enums.map((e): Change => ({ kind: 'enum.create', enum: e, reason: 'test' })),
    ...model.tables.map((table): Change => ({
      kind: 'table.create',
      table: { ...table, foreignKeys: [] },
      reason: 'test',
    })),
    ...model.tables.flatMap((table) =>
      table.foreignKeys.map((foreignKey): Change => ({ kind: 'foreignKey.add', table, foreignKey, reason: 'test' })),
    ),
  ];
}

const EMPTY: Model = { dialect: 'postgres', extensions: [], enums: [], tables: [] };
const normalize = (model: Model) => postgresDialect.normalize(model);

function render(changes: readonly Change[], from: Model, to: Model): Statement[] {
  const context = { from: normalize(from), to: normalize(to) };
  return changes.flatMap((change) => postgresDialect.render(change, context));
}

async function rows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  return (await pg.raw.query(sql)).rows as T[];
}

const pg = usePostgresTestDatabase('roundtrip');

describe('round trip', () => {
  test('a model using every feature introspects back equal to itself', async () => {
    const statements = render(creationChanges(MODEL), EMPTY, MODEL);
    expect(statements.every((s) => s.transactional && s.hazards.length === 0)).toBe(true);
    await pg.session.apply(statements);
    const introspected = await pg.session.introspect();
    expect(managedPart(introspected)).toEqual(normalize(MODEL));
    // Normalisation is idempotent and the introspected model is already canonical.
    expect(normalize(introspected)).toEqual(introspected);
  });

  test('the DDL follows TypeORM conventions', () => {
    const [create] = render([{ kind: 'table.create', table: decks, reason: 't' }], EMPTY, MODEL);
    expect(create!.sql).toContain('"id" SERIAL NOT NULL');
    expect(create!.sql).toContain(`"title" character varying(200) NOT NULL DEFAULT 'Γεια σου, κόσμε'`);
    expect(create!.sql).toContain('CONSTRAINT "PK_decks" PRIMARY KEY ("id")');
    const [createUsers] = render([{ kind: 'table.create', table: users, reason: 't' }], EMPTY, MODEL);
    expect(createUsers!.sql).toContain(`"level" "public"."deck_level" NOT NULL DEFAULT 'A1'`);
    expect(createUsers!.sql).toContain(`"levels" "public"."deck_level"[] DEFAULT '{A1,B1}'`);
    // Numbers are written quoted, as TypeORM writes them, so the catalog holds what TypeORM reads back.
    expect(createUsers!.sql).toContain(`"rating" real NOT NULL DEFAULT '2.5'`);
    const [createWeird] = render([{ kind: 'table.create', table: weird, reason: 't' }], EMPTY, MODEL);
    expect(createWeird!.sql).toContain('CREATE TABLE "public"."Weird ""name"""');
    expect(createWeird!.sql).toContain('"id" integer GENERATED BY DEFAULT AS IDENTITY NOT NULL');
  });

  test('the created database works: defaults, sequences, identities, FK actions', async () => {
    await pg.raw.query(`INSERT INTO users (email) VALUES ('a@example.com') `);
    const [user] = await rows<{ id: string; level: string; settings: unknown; rating: number; mood: string }>(
      'SELECT id, level, settings, rating, mood FROM users',
    );
    expect(user!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(user!.level).toBe('A1');
    expect(user!.mood).toBe("it's");
    expect(user!.settings).toEqual({ theme: 'dark', a: [1, 2] });
    await pg.raw.query(`INSERT INTO decks ("ownerId") VALUES ('${user!.id}'), ('${user!.id}')`);
    await pg.raw.query(`INSERT INTO cards ("deckId", position, front) VALUES (1, 1, 'q'), (2, 1, 'q')`);
    await expect(
      pg.raw.query(`INSERT INTO cards ("deckId", position, front, seq) VALUES (1, 2, 'r', 5)`),
    ).rejects.toThrow(/non-DEFAULT value into column "seq"/);
    await pg.raw.query('DELETE FROM users');
    expect(await rows('SELECT "ownerId" FROM decks ORDER BY id')).toEqual([{ ownerId: null }, { ownerId: null }]);
    await pg.raw.query('DELETE FROM decks WHERE id = 1');
    expect(await rows('SELECT "deckId" FROM cards')).toEqual([{ deckId: 2 }]);
  });
});

// ----------------------------------------------------------------------------------------------------------------

/** The model with one table replaced by `update(table)`. */
function withTable(model: Model, name: string, update: (table: Table) => Table | undefined): Model {
  const tables = model.tables.flatMap((t) => {
    if (t.name !== name) return [t];
    const updated = update(t);
    return updated ? [updated] : [];
  });
  return { ...model, tables };
}

function withColumn(table: Table, name: string, update: (column: Column) => Column | undefined): Table {
  return {
    ...table,
    columns: table.columns.flatMap((c) => (c.name === name ? [update(c)].filter((x): x is Column => !!x) : [c])),
  };
}

function table(model: Model, name: string): Table {
  const found = normalize(model).tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

function column(model: Model, tableName: string, name: string): Column {
  const found = table(model, tableName).columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${tableName}.${name}`);
  return found;
}

const ITEMS = { schema: 'public', name: 'items' };

describe('alterations on tables holding rows', () => {
  let current: Model;

  /** Applies `changes` (rendered against current -> next), then the database must introspect as `next`. */
  async function step(next: Model, changes: (from: Model, to: Model) => Change[]): Promise<Statement[]> {
    const from = normalize(current);
    const to = managedPart(normalize(next));
    const statements = render(changes(from, to), from, to);
    await pg.session.apply(statements);
    expect(managedPart(await pg.session.introspect())).toEqual(to);
    current = next;
    return statements;
  }

  const alter = (from: Model, to: Model, name: string, fields: ColumnField[]): Change => ({
    kind: 'column.alter',
    table: ITEMS,
    from: column(from, 'items', name),
    to: column(to, 'items', name),
    fields,
    reason: 'test',
  });

  beforeAll(async () => {
    current = await pg.session.introspect();
    const items: Table = {
      schema: 'public',
      name: 'items',
      columns: [
        col('id', 'integer', { generated: 'increment' }),
        col('code', 'varchar', { length: 10 }),
        col('qty', 'varchar', { length: 20 }),
        col('label', 'text', { nullable: true }),
        col('status', 'text'),
        col('note', 'text', { default: `'n/a'` }),
        col('price', 'numeric', { precision: 6, scale: 2, default: '1.5', nullable: true }),
        col('counter', 'integer'),
        col('seq2', 'integer'),
        col('kind', 'integer', { nullable: true }),
        col('tag', 'text', { nullable: true }),
      ],
      primaryKey: { name: 'PK_items', columns: ['id'] },
      foreignKeys: [],
      uniques: [],
      checks: [],
      indexes: [],
    };
    await step({ ...current, tables: [...current.tables, items] }, () => [
      { kind: 'table.create', table: items, reason: 'test' },
    ]);
    await pg.raw.query(`
      INSERT INTO items (code, qty, label, status, counter, seq2, kind, tag) VALUES
        ('a', '12', 'first', 'A1', 1, 10, 1, 'x'),
        ('b', '7', 'second', 'B1', 2, 20, NULL, 'y'),
        ('c', '-3', 'third', 'A2', 3, 30, 3, NULL)`);
  });

  const itemRows = () =>
    rows<Record<string, unknown>>('SELECT * FROM items ORDER BY code').then((r) =>
      r.map(({ code, qty, status, label }) => ({ code, qty, status, label })),
    );

  test('narrowing a varchar below a stored value fails and changes nothing (no silent truncation)', async () => {
    const narrowed = withTable(current, 'items', (t) =>
      withColumn(t, 'label', (c) => ({ ...c, type: 'varchar', length: 3 })),
    );
    const from = normalize(current);
    const to = managedPart(normalize(narrowed));
    const statements = render([alter(from, to, 'label', ['type'])], from, to);
    expect(statements[0]!.hazards.map((h) => h.code)).toContain('DATA_LOSS');
    await expect(pg.session.apply(statements)).rejects.toThrow(
      /^statement 1 of 1 failed: value too long for type character varying\(3\)$/,
    );
    expect(managedPart(await pg.session.introspect())).toEqual(managedPart(from));
    expect((await itemRows()).map((r) => r.label)).toEqual(['first', 'second', 'third']);
  });

  test('type changes convert values in place', async () => {
    const next = withTable(current, 'items', (t) => {
      let u = withColumn(t, 'qty', (c) => ({ ...c, type: 'integer', length: undefined }));
      u = withColumn(u, 'code', (c) => ({ ...c, length: 50 }));
      u = withColumn(u, 'status', (c) => ({ ...c, type: 'enum', enum: { schema: 'public', name: 'deck_level' } }));
      u = withColumn(u, 'price', (c) => ({ ...c, precision: 10, scale: 3 }));
      u = withColumn(u, 'label', (c) => ({ ...c, type: 'varchar', length: 6 }));
      return u;
    });
    const statements = await step(next, (from, to) => [
      alter(from, to, 'qty', ['type']),
      alter(from, to, 'code', ['type']),
      alter(from, to, 'status', ['type']),
      alter(from, to, 'price', ['type']),
      alter(from, to, 'label', ['type']),
    ]);
    expect(await itemRows()).toEqual([
      { code: 'a', qty: 12, status: 'A1', label: 'first' },
      { code: 'b', qty: 7, status: 'B1', label: 'second' },
      { code: 'c', qty: -3, status: 'A2', label: 'third' },
    ]);
    expect(statements.every((s) => !/DROP COLUMN|ADD COLUMN/.test(s.sql))).toBe(true);
    const hazardsOf = (needle: string) =>
      statements
        .filter((s) => s.sql.includes(needle) && s.sql.includes(' TYPE '))
        .flatMap((s) => s.hazards.map((h) => h.code));
    expect(hazardsOf('"qty"')).toEqual(['ACCESS_EXCLUSIVE_LOCK', 'TABLE_REWRITE', 'DATA_LOSS']);
    expect(hazardsOf('"code"')).toEqual(['ACCESS_EXCLUSIVE_LOCK']);
    expect(hazardsOf('"label"')).toEqual(expect.arrayContaining(['DATA_LOSS']));
    expect(hazardsOf('"price"')).toEqual(['ACCESS_EXCLUSIVE_LOCK', 'TABLE_REWRITE']);
  });

  test('nullability and defaults', async () => {
    const next = withTable(current, 'items', (t) => {
      let u = withColumn(t, 'label', (c) => ({ ...c, nullable: false }));
      u = withColumn(u, 'note', (c) => ({ ...c, nullable: true, default: `'none'` }));
      u = withColumn(u, 'price', (c) => ({ ...c, default: undefined }));
      u = withColumn(u, 'kind', (c) => ({ ...c, default: '7' }));
      u = withColumn(u, 'status', (c) => ({ ...c, default: `'B2'` }));
      return u;
    });
    const statements = await step(next, (from, to) => [
      alter(from, to, 'label', ['nullable']),
      alter(from, to, 'note', ['nullable', 'default']),
      alter(from, to, 'price', ['default']),
      alter(from, to, 'kind', ['default']),
      alter(from, to, 'status', ['default']),
    ]);
    const setNotNull = statements.find((s) => s.sql.endsWith('SET NOT NULL'))!;
    expect(setNotNull.hazards.map((h) => h.code)).toEqual(['NOT_NULL_VIOLATION']);
    await pg.raw.query(`INSERT INTO items (code, qty, label, counter, seq2) VALUES ('d', 1, 'x', 4, 40)`);
    expect(await rows(`SELECT note, price, kind, status FROM items WHERE code = 'd'`)).toEqual([
      { note: 'none', price: null, kind: 7, status: 'B2' },
    ]);
    expect((await itemRows()).length).toBe(4);
  });

  test('sequences and identities', async () => {
    // serial integer -> bigserial; integer -> identity; integer -> serial
    let next = withTable(current, 'items', (t) => {
      let u = withColumn(t, 'id', (c) => ({ ...c, type: 'bigint' }));
      u = withColumn(u, 'counter', (c) => ({ ...c, generated: 'identity-by-default' }));
      u = withColumn(u, 'seq2', (c) => ({ ...c, generated: 'increment' }));
      return u;
    });
    await step(next, (from, to) => [
      alter(from, to, 'id', ['type']),
      alter(from, to, 'counter', ['generated']),
      alter(from, to, 'seq2', ['generated']),
    ]);
    await pg.raw.query(`INSERT INTO items (code, qty, label) VALUES ('e', 5, 'y')`);
    const [inserted] = await rows<{ id: string; counter: number; seq2: number }>(
      `SELECT id, counter, seq2 FROM items WHERE code = 'e'`,
    );
    expect(inserted).toEqual({ id: '5', counter: 5, seq2: 41 });
    const [sequence] = await rows<{ type: string }>(
      `SELECT format_type(seqtypid, NULL) AS type FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence('items', 'id')::regclass`,
    );
    expect(sequence!.type).toBe('bigint');

    // identity by default -> always; serial -> identity; identity -> nothing
    next = withTable(current, 'items', (t) => {
      let u = withColumn(t, 'counter', (c) => ({ ...c, generated: 'identity-always' }));
      u = withColumn(u, 'seq2', (c) => ({ ...c, generated: 'identity-by-default' }));
      return u;
    });
    await step(next, (from, to) => [alter(from, to, 'counter', ['generated']), alter(from, to, 'seq2', ['generated'])]);
    await pg.raw.query(`INSERT INTO items (code, qty, label) VALUES ('f', 6, 'z')`);
    expect(await rows(`SELECT counter, seq2 FROM items WHERE code = 'f'`)).toEqual([{ counter: 6, seq2: 42 }]);
    // The serial's sequence is gone; the identity has its own (which PostgreSQL names the same way).
    expect(await rows(`SELECT relname FROM pg_class WHERE relkind = 'S' AND relname LIKE 'items_seq2%'`)).toEqual([
      { relname: 'items_seq2_seq' },
    ]);

    next = withTable(current, 'items', (t) => {
      let u = withColumn(t, 'counter', (c) => ({ ...c, generated: undefined }));
      u = withColumn(u, 'seq2', (c) => ({ ...c, generated: 'increment' }));
      return u;
    });
    await step(next, (from, to) => [alter(from, to, 'counter', ['generated']), alter(from, to, 'seq2', ['generated'])]);
    await pg.raw.query(`INSERT INTO items (code, qty, label, counter) VALUES ('g', 7, 'w', 100)`);
    expect(await rows(`SELECT counter, seq2 FROM items WHERE code = 'g'`)).toEqual([{ counter: 100, seq2: 43 }]);

    next = withTable(current, 'items', (t) =>
      withColumn(t, 'seq2', (c) => ({ ...c, generated: undefined, default: '0' })),
    );
    await step(next, (from, to) => [alter(from, to, 'seq2', ['generated', 'default'])]);
    expect(await rows(`SELECT relname FROM pg_class WHERE relkind = 'S' AND relname LIKE 'items_seq2%'`)).toEqual([]);
    expect((await itemRows()).length).toBe(7);
  });

  test('comments', async () => {
    const next = withTable(current, 'items', (t) => ({
      ...withColumn(t, 'code', (c) => ({ ...c, comment: 'Κωδικός' })),
      comment: 'Πράγματα',
    }));
    await step(next, (from, to) => [
      alter(from, to, 'code', ['comment']),
      { kind: 'table.comment', table: ITEMS, to: 'Πράγματα', reason: 'test' },
    ]);
    const cleared = withTable(current, 'items', (t) => ({
      ...withColumn(t, 'code', (c) => ({ ...c, comment: undefined })),
      comment: undefined,
    }));
    await step(cleared, (from, to) => [
      alter(from, to, 'code', ['comment']),
      { kind: 'table.comment', table: ITEMS, from: 'Πράγματα', reason: 'test' },
    ]);
  });

  test('columns added and dropped', async () => {
    const added: Column[] = [
      col('extraNullable', 'text', { nullable: true }),
      col('extraDefault', 'varchar', { length: 5, default: `'abc'`, comment: 'νέο' }),
      col('extraUuid', 'uuid', { default: 'uuid_generate_v4()' }),
      col('extraSerial', 'integer', { generated: 'increment' }),
      col('extraIdentity', 'bigint', { generated: 'identity-always' }),
      col('extraEnum', 'enum', { enum: { name: 'deck_level' }, array: true, nullable: true }),
    ];
    const next = withTable(current, 'items', (t) => {
      const withoutTag = withColumn(t, 'tag', () => undefined);
      return { ...withoutTag, columns: [...withoutTag.columns, ...added] };
    });
    const statements = await step(next, (from) => [
      { kind: 'column.drop', table: ITEMS, column: column(from, 'items', 'tag'), reason: 'test' },
      ...added.map((c): Change => ({
        kind: 'column.add',
        table: ITEMS,
        column: column(next, 'items', c.name),
        reason: 'test',
      })),
    ]);
    expect(statements.find((s) => s.sql.includes('DROP COLUMN'))!.hazards.map((h) => h.code)).toEqual(['DATA_LOSS']);
    expect(statements.find((s) => s.sql.includes('"extraUuid"'))!.hazards.map((h) => h.code)).toEqual([
      'TABLE_REWRITE',
      'ACCESS_EXCLUSIVE_LOCK',
    ]);
    expect(
      await rows(`SELECT count(DISTINCT "extraUuid")::int AS n, count(DISTINCT "extraSerial")::int AS s FROM items`),
    ).toEqual([{ n: 7, s: 7 }]);

    const notNull = col('mustHave', 'text');
    const [add] = render([{ kind: 'column.add', table: ITEMS, column: notNull, reason: 't' }], current, current);
    expect(add!.hazards.map((h) => h.code)).toEqual(['NOT_NULL_VIOLATION']);
  });

  test('constraints and indexes', async () => {
    await pg.raw.query(`CREATE TABLE plain (a integer NOT NULL, b integer NOT NULL)`);
    await pg.raw.query(`INSERT INTO plain VALUES (1, 1), (2, 1)`);
    current = await pg.session.introspect();
    const uq = { name: 'UQ_items_code', columns: ['code'] };
    const chk = { name: 'CHK_items_qty', expression: 'qty > -100' };
    const idx = { name: 'IDX_items_status', columns: ['status', 'code'], unique: false, where: `status <> 'B2'` };
    const fk = {
      name: 'FK_items_kind',
      columns: ['kind'],
      referencedTable: 'plain',
      referencedColumns: ['a'],
      onDelete: 'CASCADE' as const,
      onUpdate: 'NO ACTION' as const,
      referencedSchema: 'public',
    };
    let next = withTable(current, 'plain', (t) => ({ ...t, primaryKey: { name: 'PK_plain', columns: ['a'] } }));
    next = withTable(next, 'items', (t) => ({ ...t, uniques: [uq], checks: [chk], indexes: [idx] }));
    const statements = await step(next, () => [
      {
        kind: 'primaryKey.add',
        table: { schema: 'public', name: 'plain' },
        primaryKey: { name: 'PK_plain', columns: ['a'] },
        reason: 't',
      },
      { kind: 'unique.add', table: ITEMS, unique: uq, reason: 't' },
      { kind: 'check.add', table: ITEMS, check: chk, reason: 't' },
      { kind: 'index.create', table: ITEMS, index: idx, reason: 't' },
    ]);
    expect(statements.filter((s) => s.hazards.some((h) => h.code === 'INDEX_BUILD')).length).toBe(3);

    await pg.raw.query(`UPDATE items SET kind = NULL WHERE kind NOT IN (1, 2)`);
    next = withTable(current, 'items', (t) => ({ ...t, foreignKeys: [fk] }));
    await step(next, () => [{ kind: 'foreignKey.add', table: ITEMS, foreignKey: fk, reason: 't' }]);

    next = withTable(current, 'items', (t) => ({ ...t, uniques: [], checks: [], indexes: [], foreignKeys: [] }));
    next = withTable(next, 'plain', (t) => ({ ...t, primaryKey: undefined }));
    await step(next, () => [
      { kind: 'foreignKey.drop', table: ITEMS, foreignKey: fk, reason: 't' },
      {
        kind: 'primaryKey.drop',
        table: { schema: 'public', name: 'plain' },
        primaryKey: { name: 'PK_plain', columns: ['a'] },
        reason: 't',
      },
      { kind: 'unique.drop', table: ITEMS, unique: uq, reason: 't' },
      { kind: 'check.drop', table: ITEMS, check: chk, reason: 't' },
      { kind: 'index.drop', table: ITEMS, index: idx, reason: 't' },
    ]);
    expect((await itemRows()).length).toBe(7);
  });

  test('enum labels added before another and at the end', async () => {
    const next: Model = {
      ...current,
      enums: current.enums.map((e) =>
        e.name === 'deck_level' ? { ...e, values: ['A1', 'A2', 'A3', 'B1', 'B2', 'C1'] } : e,
      ),
    };
    await step(next, () => [
      {
        kind: 'enum.value.add',
        enum: { schema: 'public', name: 'deck_level' },
        value: 'A3',
        before: 'B1',
        reason: 't',
      },
      { kind: 'enum.value.add', enum: { schema: 'public', name: 'deck_level' }, value: 'C1', reason: 't' },
    ]);
    await pg.raw.query(`UPDATE items SET status = 'C1' WHERE code = 'a'`);
    expect(await rows(`SELECT code FROM items WHERE status > 'A2' ORDER BY status, code`)).toEqual([
      { code: 'b' },
      { code: 'd' },
      { code: 'e' },
      { code: 'f' },
      { code: 'g' },
      { code: 'a' },
    ]);
  });

  test('a new enum label used as a default in the same plan is added outside the transaction', async () => {
    const next = withTable(
      {
        ...current,
        enums: current.enums.map((e) => (e.name === 'deck_level' ? { ...e, values: [...e.values, 'C2'] } : e)),
      },
      'items',
      (t) => withColumn(t, 'status', (c) => ({ ...c, default: `'C2'` })),
    );
    const statements = await step(next, (from, to) => [
      { kind: 'enum.value.add', enum: { schema: 'public', name: 'deck_level' }, value: 'C2', reason: 't' },
      alter(from, to, 'status', ['default']),
    ]);
    expect(statements.map((s) => [s.sql.replace(/^.* ALTER COLUMN "status" /, ''), s.transactional])).toEqual([
      [`ALTER TYPE "public"."deck_level" ADD VALUE 'C2'`, false],
      [`SET DEFAULT 'C2'`, true], // replaces the old default: no DROP DEFAULT first
    ]);
  });

  test('tables and enums dropped', async () => {
    await pg.raw.query(`CREATE TYPE unused AS ENUM ('x')`);
    current = await pg.session.introspect();
    const plain = table(current, 'plain');
    const unused = current.enums.find((e) => e.name === 'unused')!;
    const next: Model = {
      ...current,
      enums: current.enums.filter((e) => e !== unused),
      tables: current.tables.filter((t) => t.name !== 'plain'),
    };
    const statements = await step(next, () => [
      { kind: 'table.drop', table: plain, reason: 't' },
      { kind: 'enum.drop', enum: unused, reason: 't' },
    ]);
    expect(statements.map((s) => s.hazards.map((h) => h.code))).toEqual([['DATA_LOSS'], ['DATA_LOSS']]);
  });

  test('table.rebuild is refused', () => {
    expect(() =>
      postgresDialect.render(
        { kind: 'table.rebuild', from: users, to: users, changes: [], reason: 't' },
        { from: EMPTY, to: EMPTY },
      ),
    ).toThrow(/SQLite/);
  });
});
