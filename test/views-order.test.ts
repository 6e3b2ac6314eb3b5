import type { Change } from '../src/diff/changes';
import { postgresDialect } from '../src/dialects/postgres';
import { sqliteDialect } from '../src/dialects/sqlite';
import type { Column, Model, Table, View } from '../src/model';
import { orderChanges } from '../src/plan/order';
import { createPlan } from '../src/plan/plan';

const column = (name: string, type = 'integer'): Column => ({ name, type, nullable: false });
const table = (name: string, columns: Column[] = [column('id')]): Table => ({
  schema: 'public',
  name,
  columns,
  primaryKey: { name: `PK_${name}`, columns: ['id'] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
});
const view = (name: string, ...reads: string[]): View => ({
  schema: 'public',
  name,
  expression: `SELECT * FROM ${reads.join(', ')}`,
  dependsOn: reads.map((r) => ({ schema: 'public', name: r })),
});
const label = (c: Change): string => {
  if (c.kind === 'view.create' || c.kind === 'view.drop') return `${c.kind} ${c.view.name}`;
  if (c.kind === 'table.rebuild') return `${c.kind} ${c.to.name}`;
  return 'table' in c && c.table ? `${c.kind} ${c.table.name}` : c.kind;
};

describe('ordering views', () => {
  it('creates a view after the tables and views it reads, whatever their names and the input order', () => {
    const changes: Change[] = [
      { kind: 'view.create', view: view('a_report', 'b_totals', 'z_orders'), reason: '' },
      { kind: 'view.create', view: view('b_totals', 'z_orders'), reason: '' },
      { kind: 'column.drop', table: { schema: 'public', name: 'z_orders' }, column: column('old'), reason: '' },
      { kind: 'table.create', table: table('z_orders'), reason: '' },
    ];
    expect(orderChanges(changes).map(label)).toEqual([
      'table.create z_orders',
      'column.drop z_orders',
      'view.create b_totals',
      'view.create a_report',
    ]);
  });

  it('frees a name before it is taken: a table dropped before a view of its name is created, and the reverse', () => {
    const taken: Change[] = [
      { kind: 'view.create', view: view('data', 't_data'), reason: '' },
      { kind: 'table.drop', table: table('data'), reason: '' },
      { kind: 'table.create', table: table('t_data'), reason: '' },
    ];
    expect(orderChanges(taken).map(label)).toEqual(['table.create t_data', 'table.drop data', 'view.create data']);
    const freed: Change[] = [
      { kind: 'table.create', table: table('data'), reason: '' },
      { kind: 'view.drop', view: view('data', 't_data'), reason: '' },
    ];
    expect(orderChanges(freed).map(label)).toEqual(['view.drop data', 'table.create data']);
  });

  it('drops a view before what it reads, dependants first, and after the metadata table exists', () => {
    const changes: Change[] = [
      { kind: 'table.drop', table: table('orders'), reason: '' },
      { kind: 'view.drop', view: view('a_totals', 'orders'), reason: '' },
      { kind: 'view.drop', view: view('z_report', 'a_totals'), reason: '' },
      { kind: 'typeormMetadata.create', reason: '' },
    ];
    expect(orderChanges(changes).map(label)).toEqual([
      'typeormMetadata.create',
      'view.drop z_report',
      'view.drop a_totals',
      'table.drop orders',
    ]);
  });
});

describe('views around changes that break them', () => {
  const model = (orders: Table, views: View[]): Model => ({
    dialect: 'postgres',
    extensions: [],
    enums: [],
    tables: [orders],
    views,
  });

  it('PostgreSQL: a column type change recreates the views reading the table, and the views reading those', () => {
    const views = [view('a_report', 'b_totals'), view('b_totals', 'orders'), view('c_other', 'customers')];
    const from = postgresDialect.normalize(model(table('orders', [column('id'), column('amount')]), views));
    const to = postgresDialect.normalize(model(table('orders', [column('id'), column('amount', 'bigint')]), views));
    const plan = orderChanges(
      postgresDialect.lower(
        [
          {
            kind: 'column.alter',
            table: { schema: 'public', name: 'orders' },
            from: column('amount'),
            to: column('amount', 'bigint'),
            fields: ['type'],
            reason: '',
          },
        ],
        { from, to },
      ),
    );
    expect(plan.map(label)).toEqual([
      'typeormMetadata.create',
      'view.drop a_report',
      'view.drop b_totals',
      'column.alter orders',
      'view.create b_totals',
      'view.create a_report',
    ]);
    expect(plan[1]!.reason).toBe(
      'view public.a_report reads public.b_totals, which is dropped: it is dropped first and created again after',
    );
  });

  it('PostgreSQL: a materialized view recreated around a change gets its target indexes back, with no index change of its own', () => {
    const stats = (indexes: View['indexes']): View => ({ ...view('stats', 'orders'), materialized: true, indexes });
    const byAmount = { name: 'IDX_stats_id', columns: ['id'], unique: false };
    const from = postgresDialect.normalize(
      model(table('orders', [column('id'), column('amount')]), [stats(undefined)]),
    );
    // Only the index differs: it is built on the view that stays.
    const indexed = postgresDialect.normalize(
      model(table('orders', [column('id'), column('amount')]), [stats([byAmount])]),
    );
    expect(createPlan({ from, to: indexed, dialect: postgresDialect }).statements.map((s) => s.sql)).toEqual([
      'CREATE INDEX "IDX_stats_id" ON "public"."stats" ("id")',
    ]);
    // The table it reads changes type as well: the view is dropped and created again, with the index.
    const to = postgresDialect.normalize(
      model(table('orders', [column('id'), column('amount', 'bigint')]), [stats([byAmount])]),
    );
    const plan = createPlan({ from, to, dialect: postgresDialect });
    expect(plan.changes.map(label)).toEqual([
      'typeormMetadata.create',
      'view.drop stats',
      'column.alter orders',
      'view.create stats',
    ]);
    expect(plan.statements.map((s) => s.sql)).toContain('CREATE INDEX "IDX_stats_id" ON "public"."stats" ("id")');
  });

  it('SQLite: a table rebuild recreates the views reading the table (renaming the new table fails otherwise)', () => {
    const sqliteModel = (orders: Table): Model =>
      sqliteDialect.normalize({
        dialect: 'sqlite',
        extensions: [],
        enums: [],
        tables: [orders],
        views: [view('totals', 'orders')],
      });
    const from = sqliteModel(table('orders', [column('id'), column('amount')]));
    const to = sqliteModel(table('orders', [column('id'), column('amount', 'bigint')]));
    const changes: Change[] = [
      {
        kind: 'column.alter',
        table: { name: 'orders' },
        from: column('amount'),
        to: column('amount', 'bigint'),
        fields: ['type'],
        reason: '',
      },
    ];
    expect(orderChanges(sqliteDialect.lower(changes, { from, to })).map(label)).toEqual([
      'typeormMetadata.create',
      'view.drop totals',
      'table.rebuild orders',
      'view.create totals',
    ]);
  });
});
