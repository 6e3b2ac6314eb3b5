import type { Column, Model, Renames, Table } from '../model';
import { NO_RENAMES, normalizeModel } from '../model';
import { postgresEnums } from '../dialects/postgres/enum-diff';
import { diffModels as diffWith, type DiffOptions } from './diff';

const diffModels = (from: Model, to: Model, options: Omit<DiffOptions, 'enums'> = {}) =>
  diffWith(from, to, { enums: postgresEnums, ...options });

const col = (name: string, extra: Partial<Column> = {}): Column => ({
  name,
  type: 'integer',
  nullable: false,
  ...extra,
});
const table = (name: string, extra: Partial<Table> = {}): Table => ({
  schema: 'public',
  name,
  columns: [col('id')],
  primaryKey: { name: `PK_${name}`, columns: ['id'] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
  ...extra,
});
const model = (tables: Table[]): Model => normalizeModel({ dialect: 'postgres', extensions: [], enums: [], tables });
const at = (name: string) => ({ schema: 'public', name });
const renames = (extra: Partial<Renames>): Renames => ({ ...NO_RENAMES, ...extra });
const source = 'schema/renames.json';

const writers = table('writers', {
  columns: [col('id'), col('name', { type: 'text' }), col('email', { type: 'text' })],
  uniques: [{ name: 'UQ_writers_email', columns: ['email'] }],
  indexes: [{ name: 'IDX_writers_name', columns: ['name'], unique: false }],
});
const authors = table('authors', {
  columns: writers.columns,
  uniques: [{ name: 'UQ_authors_email', columns: ['email'] }],
  indexes: [{ name: 'IDX_authors_name', columns: ['name'], unique: false }],
});
const fk = (name: string, referencedTable: string) => ({
  name,
  columns: ['writerId'],
  referencedSchema: 'public',
  referencedTable,
  referencedColumns: ['id'],
  onDelete: 'CASCADE' as const,
  onUpdate: 'NO ACTION' as const,
});
const books = (referenced: string) =>
  table('books', { columns: [col('id'), col('writerId')], foreignKeys: [fk('FK_books_writer', referenced)] });

describe('declared renames', () => {
  const declared = renames({ tables: [{ from: at('writers'), to: at('authors'), rename: true, source }] });

  it('renames a table, follows it with the foreign keys that reference it, and renames keys by definition', () => {
    const result = diffModels(model([writers, books('writers')]), model([authors, books('authors')]), {
      renames: declared,
    });
    expect(result.decisions).toEqual([]);
    expect(result.changes).toEqual([
      expect.objectContaining({
        kind: 'table.rename',
        from: at('writers'),
        to: at('authors'),
        reason: expect.stringContaining(source),
      }),
      expect.objectContaining({
        kind: 'constraint.rename',
        constraint: 'primaryKey',
        from: 'PK_writers',
        to: 'PK_authors',
      }),
      expect.objectContaining({
        kind: 'constraint.rename',
        constraint: 'unique',
        from: 'UQ_writers_email',
        to: 'UQ_authors_email',
      }),
      expect.objectContaining({ kind: 'index.rename', from: writers.indexes[0], to: authors.indexes[0] }),
    ]);
  });

  it('is inert once applied, and when the new name is already taken', () => {
    expect(diffModels(model([authors]), model([authors]), { renames: declared }).changes).toEqual([]);
    const both = diffModels(model([writers, authors]), model([authors]), { renames: declared }).changes;
    expect(both.map((c) => c.kind)).toEqual(['table.drop']);
  });

  it('renames a column, then alters it like any other column', () => {
    const from = model([table('people', { columns: [col('id'), col('age')] })]);
    const to = model([table('people', { columns: [col('id'), col('years', { type: 'bigint' })] })]);
    const columns = [
      { table: at('people'), from: 'age', to: 'years', rename: true, source: '@RenamedFrom on Person.years' },
    ];
    const result = diffModels(from, to, { renames: renames({ columns }) });
    expect(result.changes).toEqual([
      expect.objectContaining({
        kind: 'column.rename',
        from: 'age',
        to: 'years',
        reason: expect.stringContaining('@RenamedFrom on Person.years'),
      }),
      expect.objectContaining({
        kind: 'column.alter',
        fields: ['type'],
        from: expect.objectContaining({ name: 'years', type: 'integer' }),
      }),
    ]);
    expect(result.decisions).toEqual([]);
  });
});

describe('look-alikes without a declaration', () => {
  it('asks whether a table that looks like a dropped one is that table renamed, and withholds both', () => {
    const result = diffModels(model([writers, books('writers'), table('old')]), model([authors, books('authors')]), {
      entityNames: { tables: { 'public.authors': 'Author' }, columns: {} },
    });
    expect(result.decisions).toEqual([
      {
        code: 'RENAME_OR_DROP',
        object: 'table',
        from: 'public.writers',
        to: 'public.authors',
        question: 'Is table public.authors renamed from public.writers?',
        entry: { section: 'tables', value: { from: 'public.writers', to: 'public.authors' } },
        decorator: "@RenamedFrom('writers') on class Author",
      },
    ]);
    // `old` (one column) is not like `authors` (three): its drop is planned; nothing touches writers/authors/books' FK.
    expect(result.changes.map((c) => c.kind)).toEqual(['table.drop']);
  });

  it('asks about a dropped and an added column of compatible types, preferring an identical definition', () => {
    const from = model([
      table('users', { columns: [col('id'), col('name', { type: 'text' }), col('flag', { type: 'boolean' })] }),
    ]);
    const to = model([
      table('users', {
        columns: [
          col('id'),
          col('bio', { type: 'text', nullable: true }),
          col('full_name', { type: 'text' }),
          col('n'),
        ],
        indexes: [{ name: 'IDX_full_name', columns: ['full_name'], unique: false }],
      }),
    ]);
    const result = diffModels(from, to, {
      entityNames: { tables: {}, columns: { 'public.users.full_name': 'User.fullName' } },
    });
    expect(result.decisions).toEqual([
      expect.objectContaining({
        object: 'column',
        from: 'public.users.name',
        to: 'public.users.full_name',
        question: 'Is column public.users.full_name renamed from public.users.name?',
        entry: { section: 'columns', value: { table: 'public.users', from: 'name', to: 'full_name' } },
        decorator: "@RenamedFrom('name') on User.fullName",
      }),
    ]);
    // bio is added, flag dropped (boolean is like nothing added), n added; name/full_name and its index withheld.
    expect(result.changes.map((c) => [c.kind, 'column' in c ? c.column.name : ''])).toEqual([
      ['column.add', 'bio'],
      ['column.add', 'n'],
      ['column.drop', 'flag'],
    ]);
  });

  it('does not ask about an unrelated dropped and added column of the same base type (issue 13)', () => {
    const varchar = (name: string, length: number, extra: Partial<Column> = {}) =>
      col(name, { type: 'character varying', length, ...extra });
    const from = model([table('users', { columns: [col('id'), varchar('legacyMenuState', 32, { nullable: true })] })]);
    const to = model([
      table('users', { columns: [col('id'), varchar('timezone', 64, { default: "'UTC'::character varying" })] }),
    ]);
    const result = diffModels(from, to);
    expect(result.decisions).toEqual([]);
    expect(result.changes.map((c) => [c.kind, 'column' in c ? c.column.name : ''])).toEqual([
      ['column.add', 'timezone'],
      ['column.drop', 'legacyMenuState'],
    ]);
  });

  it('pairs each dropped column with its most alike added column, best pairs first', () => {
    const from = model([
      table('users', { columns: [col('id'), col('name', { type: 'text' }), col('mail', { type: 'text' })] }),
    ]);
    const to = model([
      table('users', {
        columns: [
          col('id'),
          col('nickname', { type: 'text' }),
          col('email', { type: 'text' }),
          col('full_name', { type: 'text' }),
        ],
      }),
    ]);
    expect(diffModels(from, to).decisions.map((d) => [d.from, d.to])).toEqual([
      ['public.users.mail', 'public.users.email'],
      ['public.users.name', 'public.users.full_name'],
    ]);
  });

  it('plans a pair declared "rename": false as a drop and an add, without a question', () => {
    const declined = renames({
      tables: [{ from: at('writers'), to: at('authors'), rename: false, source }],
    });
    const result = diffModels(model([writers]), model([authors]), { renames: declined });
    expect(result.decisions).toEqual([]);
    expect(result.changes.map((c) => c.kind)).toEqual(['table.create', 'table.drop']);
  });
});
