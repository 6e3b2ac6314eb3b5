import type { Column, Table } from '../model';
import { columnLikeness, nameSimilarity, nameWords, tableLikeness } from './rename-likeness';

const varchar = (name: string, length: number, extra: Partial<Column> = {}): Column => ({
  name,
  type: 'character varying',
  length,
  nullable: false,
  ...extra,
});
const col = (name: string, type: string, extra: Partial<Column> = {}): Column => ({
  name,
  type,
  nullable: false,
  ...extra,
});
const table = (name: string, columns: Column[]): Table => ({
  schema: 'public',
  name,
  columns,
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
});

describe('name words and similarity', () => {
  it('splits camelCase, PascalCase, snake_case, kebab-case, acronyms and digits', () => {
    expect(nameWords('legacyMenuState')).toEqual(['legacy', 'menu', 'state']);
    expect(nameWords('HTTPStatus_code2')).toEqual(['http', 'status', 'code', '2']);
    expect(nameWords('created-at')).toEqual(['created', 'at']);
    expect(nameWords('userID')).toEqual(['user', 'id']);
  });

  it('is 1 for the same words, high for shared words or alike spellings, low for unrelated names', () => {
    expect(nameSimilarity('userName', 'user_name')).toBe(1);
    expect(nameSimilarity('createdAt', 'created_at')).toBe(1);
    expect(nameSimilarity('colour', 'color')).toBeGreaterThanOrEqual(0.8);
    expect(nameSimilarity('email', 'emailAddress')).toBeCloseTo(2 / 3);
    expect(nameSimilarity('name', 'full_name')).toBeCloseTo(2 / 3);
    expect(nameSimilarity('desc', 'description')).toBe(1);
    expect(nameSimilarity('legacy_code', 'code')).toBeCloseTo(2 / 3);
    expect(nameSimilarity('legacyMenuState', 'timezone')).toBeLessThan(0.3);
    expect(nameSimilarity('title', 'heading')).toBeLessThan(0.3);
    expect(nameSimilarity('price', 'discount')).toBeLessThan(0.3);
  });
});

describe('column likeness: asked', () => {
  const asked: [string, Column, Column][] = [
    ['same definition, unrelated names (a synonym)', varchar('title', 200), varchar('heading', 200)],
    ['same definition, shared word', col('name', 'text'), col('full_name', 'text')],
    ['shared word, length widened', varchar('email', 100), varchar('emailAddress', 255)],
    [
      'case and separators only, everything else changed',
      varchar('userName', 50, { nullable: true }),
      varchar('user_name', 100, { default: "''" }),
    ],
    ['abbreviation expanded, nullability changed', col('desc', 'text', { nullable: true }), col('description', 'text')],
    ['prefix dropped, default added', col('isActive', 'boolean'), col('active', 'boolean', { default: 'true' })],
    ['spelling', varchar('colour', 20), varchar('color', 20)],
    [
      'same definition, nothing in common but the type',
      col('deletedAt', 'timestamp without time zone', { nullable: true }),
      col('archivedAt', 'timestamp without time zone', { nullable: true }),
    ],
    ['foreign key column renamed', col('userId', 'integer'), col('authorId', 'integer', { nullable: true })],
  ];
  it.each(asked)('%s', (_, dropped, added) => {
    expect(columnLikeness(dropped, added).plausible).toBe(true);
  });
});

describe('column likeness: not asked', () => {
  const notAsked: [string, Column, Column][] = [
    [
      "the issue's pair: unrelated names, another length and a default",
      varchar('legacyMenuState', 32, { nullable: true }),
      varchar('timezone', 64, { default: "'UTC'" }),
    ],
    ['unrelated names, nullability differs', col('name', 'text'), col('bio', 'text', { nullable: true })],
    [
      'unrelated names, a default added',
      col('price', 'numeric', { precision: 10, scale: 2 }),
      col('discount', 'numeric', { precision: 10, scale: 2, default: '0' }),
    ],
    [
      'unrelated names, another enum',
      col('status', 'enum', { enum: { schema: 'public', name: 'order_status' } }),
      col('plan', 'enum', { enum: { schema: 'public', name: 'billing_plan' } }),
    ],
    [
      'alike names, but three parts of the definition differ',
      varchar('notes', 50, { nullable: true }),
      varchar('note_text', 500, { default: "''", collation: 'C' }),
    ],
    ['another base type, even with the same name words', col('count', 'integer'), col('count_text', 'text')],
    ['array against scalar', col('tags', 'text', { array: true }), col('tag', 'text')],
  ];
  it.each(notAsked)('%s', (_, dropped, added) => {
    expect(columnLikeness(dropped, added).plausible).toBe(false);
  });

  it('scores the better partner higher: the same words beat the same definition alone', () => {
    const old = varchar('userName', 50);
    expect(columnLikeness(old, varchar('username', 100)).score).toBeGreaterThan(
      columnLikeness(old, varchar('note', 50)).score,
    );
    const name = col('name', 'text');
    expect(columnLikeness(name, col('full_name', 'text')).score).toBeGreaterThan(
      columnLikeness(name, col('nickname', 'text')).score,
    );
  });
});

describe('table likeness', () => {
  const id = col('id', 'integer', { generated: 'increment' });
  const posts = table('posts', [id, varchar('title', 200), col('body', 'text')]);

  it('asks about a table with the same columns whatever its name', () => {
    expect(
      tableLikeness(
        table('writers', [id, varchar('name', 100), varchar('email', 255)]),
        table('authors', [id, varchar('name', 100), varchar('email', 255)]),
      ).plausible,
    ).toBe(true);
    expect(tableLikeness(posts, table('articles', [...posts.columns, varchar('slug', 100)])).plausible).toBe(true);
  });

  it('asks about half-shared columns only when the names are alike', () => {
    const sessions = table('sessions', [id, varchar('token', 64), col('accountId', 'integer')]);
    const authSessions = table('auth_sessions', [
      id,
      varchar('token', 64),
      col('userId', 'integer'),
      col('expiresAt', 'timestamp with time zone'),
    ]);
    expect(tableLikeness(sessions, authSessions).plausible).toBe(true);
    const settings = table('legacy_settings', [id, varchar('key', 100), col('value', 'text')]);
    const flags = table('feature_flags', [id, varchar('key', 100), col('enabled', 'boolean')]);
    expect(tableLikeness(settings, flags).plausible).toBe(false);
  });

  it('weighs a shared column with another definition half', () => {
    const before = table('users', [id, varchar('name', 100), varchar('email', 100)]);
    const after = table('people', [
      col('id', 'integer'),
      varchar('name', 200, { nullable: true }),
      varchar('email', 200, { nullable: true }),
    ]);
    expect(tableLikeness(before, after)).toEqual(expect.objectContaining({ columns: 0.5, plausible: false }));
  });
});
