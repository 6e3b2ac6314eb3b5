import { excludeFromModel, exclusionMatcher } from './exclude';
import type { Column, Model, Table } from './types';

const column = (name: string, extra: Partial<Column> = {}): Column => ({
  name,
  type: 'integer',
  nullable: false,
  ...extra,
});
const table = (schema: string, name: string, columns: Column[] = [column('id')]): Table => ({
  schema,
  name,
  columns,
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
});

const model: Model = {
  dialect: 'postgres',
  extensions: [],
  enums: [
    { schema: 'public', name: 'legacy_state', values: ['a'] },
    { schema: 'public', name: 'shared_state', values: ['b'] },
    { schema: 'public', name: 'unused_state', values: ['c'] },
  ],
  tables: [
    table('public', 'users', [
      column('id'),
      column('state', { type: 'enum', enum: { schema: 'public', name: 'shared_state' } }),
    ]),
    table('public', 'legacy_orders', [
      column('id'),
      column('state', { type: 'enum', enum: { schema: 'public', name: 'legacy_state' } }),
      column('other', { type: 'enum', enum: { schema: 'public', name: 'shared_state' } }),
    ]),
    table('public', 'legacy_items'),
    table('audit', 'events'),
    table('audit', 'users'),
  ],
  views: [{ schema: 'public', name: 'legacy_report', expression: 'SELECT 1', dependsOn: [] }],
};

const names = (m: Model) => m.tables.map((t) => `${t.schema}.${t.name}`);

describe('exclusionMatcher', () => {
  it.each([
    ['users', { schema: 'public', name: 'users' }, true],
    ['users', { schema: 'audit', name: 'users' }, true],
    ['users', { schema: 'public', name: 'Users' }, false],
    ['legacy_*', { schema: 'public', name: 'legacy_orders' }, true],
    ['legacy_*', { schema: 'public', name: 'orders_legacy' }, false],
    ['legacy_?', { schema: 'public', name: 'legacy_1' }, true],
    ['legacy_?', { schema: 'public', name: 'legacy_10' }, false],
    ['audit.*', { schema: 'audit', name: 'events' }, true],
    ['audit.*', { schema: 'public', name: 'events' }, false],
    ['public.users', { schema: 'audit', name: 'users' }, false],
    ['a+b(c)', { name: 'a+b(c)' }, true],
    ['a+b(c)', { name: 'aab(c)' }, false],
    ['my.table', { name: 'my.table' }, true], // SQLite: no schema, the dot is part of the name
  ])('%j matches %j: %s', (pattern, name, expected) => {
    expect(exclusionMatcher([pattern])(name)).toBe(expected);
  });
});

describe('excludeFromModel', () => {
  it('returns the model itself when nothing is excluded', () => {
    expect(excludeFromModel(model, [])).toBe(model);
    expect(excludeFromModel(model, ['nothing_*'])).toBe(model);
  });

  it('removes matching tables and views, and the enum types only they use', () => {
    const result = excludeFromModel(model, ['legacy_*']);
    expect(names(result)).toEqual(['public.users', 'audit.events', 'audit.users']);
    expect(result.views).toEqual([]);
    // legacy_state was used only by an excluded table; shared_state is still used by users; unused_state by nobody
    // excluded, so it stays for the diff to manage as before.
    expect(result.enums.map((e) => e.name)).toEqual(['shared_state', 'unused_state']);
  });

  it('matches qualified patterns against the schema', () => {
    expect(names(excludeFromModel(model, ['audit.*']))).toEqual([
      'public.users',
      'public.legacy_orders',
      'public.legacy_items',
    ]);
    expect(names(excludeFromModel(model, ['audit.users', 'legacy_items']))).toEqual([
      'public.users',
      'public.legacy_orders',
      'audit.events',
    ]);
  });
});
