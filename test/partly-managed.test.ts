import { postgresDialect } from '../src/dialects/postgres';
import { managedPart, type Model, type Table } from '../src/model';
import { createPlan } from '../src/plan/plan';
import type { Plan } from '../src/plan/types';
import { paint } from '../src/report/colors';
import { renderJson } from '../src/report/json';
import { renderMarkdown } from '../src/report/markdown';
import { renderSql } from '../src/report/sql';
import { renderText } from '../src/report/text';
import { connect } from './support/apply-model';
import { freshDatabase, type TestDatabase } from './support/databases';
import { validatePlanDocument } from './support/plan-schema';
import { rawQuery } from './support/raw-query';

/**
 * Tables, columns and indexes with attributes the model does not describe (storage parameters, UNLOGGED, replica
 * identity, inheritance, column storage, compression, statistics, options, interval fields, CLUSTER, operator class
 * options): they are
 * read, listed by every plan in every format, compared against a target read as a whole, kept by the changes a plan
 * makes, and no plan re-creates an object that has them.
 */
const SOURCE = `
  CREATE EXTENSION pg_trgm;
  CREATE TABLE parent (id int PRIMARY KEY, note text);
  CREATE TABLE child (extra int) INHERITS (parent);
  CREATE UNLOGGED TABLE logs (id int PRIMARY KEY, body text, n int, tag text, span interval day to second(3))
    WITH (fillfactor = 70, autovacuum_enabled = false);
  ALTER TABLE logs ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN body SET COMPRESSION pglz,
    ALTER COLUMN n SET STATISTICS 500, ALTER COLUMN n SET (n_distinct = 10);
  ALTER TABLE logs REPLICA IDENTITY FULL;
  CREATE INDEX logs_n ON logs (n);
  ALTER TABLE logs CLUSTER ON logs_n;
  CREATE INDEX logs_tag_trgm ON logs USING gist (tag gist_trgm_ops (siglen = 32));
  INSERT INTO logs VALUES (1, 'a', 1, 'x');`;

let db: TestDatabase;
let model: Model;

async function introspect(): Promise<Model> {
  const session = await connect(db.url);
  try {
    return postgresDialect.normalize(await session.introspect());
  } finally {
    await session.close();
  }
}

const table = (m: Model, name: string): Table => m.tables.find((t) => t.name === name)!;

function plan(to: Model, targetScope: 'needs' | 'inventory' = 'needs', from: Model = model): Plan {
  return createPlan({ from, to, dialect: postgresDialect, targetScope });
}

beforeAll(async () => {
  db = await freshDatabase('postgres', 'partly-managed');
  await rawQuery(db, SOURCE);
  model = await introspect();
});
afterAll(async () => {
  await db?.drop();
});

describe('partly managed PostgreSQL objects', () => {
  it('reads what the model does not describe, per object', () => {
    expect(table(model, 'logs').unmodelled).toEqual([
      { attribute: 'persistence', value: 'unlogged' },
      { attribute: 'replica identity', value: 'full' },
      { attribute: 'storage parameters', value: 'fillfactor=70, autovacuum_enabled=false' },
    ]);
    expect(table(model, 'child').unmodelled).toEqual([{ attribute: 'inherits', value: 'public.parent' }]);
    const columns = Object.fromEntries(table(model, 'logs').columns.map((c) => [c.name, c.unmodelled]));
    expect(columns).toEqual({
      id: undefined,
      body: [
        { attribute: 'compression', value: 'pglz' },
        { attribute: 'storage', value: 'external' },
      ],
      n: [
        { attribute: 'options', value: 'n_distinct=10' },
        { attribute: 'statistics target', value: '500' },
      ],
      tag: undefined,
      span: [{ attribute: 'interval fields', value: 'day to second' }],
    });
    // The precision is modelled.
    expect(table(model, 'logs').columns.find((c) => c.name === 'span')).toMatchObject({
      type: 'interval',
      precision: 3,
    });
    const indexes = Object.fromEntries(table(model, 'logs').indexes.map((i) => [i.name, i.unmodelled]));
    expect(indexes).toEqual({
      logs_n: [{ attribute: 'cluster', value: 'the table is clustered on it' }],
      logs_tag_trgm: [{ attribute: 'operator class options', value: 'key 1: siglen=32' }],
    });
    // The operator class itself is modelled.
    expect(table(model, 'logs').indexes.find((i) => i.name === 'logs_tag_trgm')!.keys).toEqual([
      { column: 'tag', opclass: 'gist_trgm_ops' },
    ]);
  });

  it('lists them in every output format against a target that cannot state them, and calls that no change', () => {
    const result = plan(managedPart(model));
    expect(result.changes).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    expect(result.partlyManaged).toContainEqual({
      object: 'table public.logs',
      attribute: 'persistence',
      value: 'unlogged',
    });
    expect(result.partlyManaged).toContainEqual({
      object: 'column public.logs.body',
      attribute: 'storage',
      value: 'external',
    });
    expect(result.partlyManaged!.some((entry) => entry.differs)).toBe(false);

    const text = renderText(result, paint(false));
    expect(text).toContain('No changes: the database is in line with the schema.');
    expect(text).toContain('table public.logs: persistence unlogged (not compared)');
    expect(text).toContain('index public.logs.logs_tag_trgm: operator class options key 1: siglen=32 (not compared)');
    expect(renderMarkdown(result)).toContain('- table public.child: inherits public.parent (not compared)');
    expect(renderSql(result)).toContain(
      '-- partly managed: column public.logs.n: statistics target 500 (not compared)',
    );
    const json = JSON.parse(renderJson(result));
    expect(validatePlanDocument(json)).toEqual([]);
    expect(json.partlyManaged).toEqual(result.partlyManaged);
  });

  it('never says "no changes" when a target read as a whole states them otherwise', () => {
    const logs = table(model, 'logs');
    const target: Model = {
      ...model,
      tables: model.tables.map((t) =>
        t === logs ? { ...t, unmodelled: [{ attribute: 'storage parameters', value: 'fillfactor=90' }] } : t,
      ),
    };
    const result = plan(target, 'inventory');
    expect(result.changes).toEqual([]);
    expect(result.partlyManaged).toContainEqual({
      object: 'table public.logs',
      attribute: 'storage parameters',
      value: 'fillfactor=70, autovacuum_enabled=false',
      differs: true,
      target: 'fillfactor=90',
    });
    expect(result.partlyManaged).toContainEqual({
      object: 'table public.logs',
      attribute: 'persistence',
      value: 'unlogged',
      differs: true,
    });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['PARTLY_MANAGED_DIFFERS']);
    const text = renderText(result, paint(false));
    expect(text).not.toContain('in line with the schema');
    expect(text).toContain('No changes schemaplan can make, but the database differs');
    expect(renderMarkdown(result)).toContain('**differs** table public.logs: persistence unlogged, target (none)');
  });

  it('refuses to re-create an index, or retype a column, that would lose them', () => {
    const logs = table(model, 'logs');
    const target: Model = {
      ...model,
      tables: model.tables.map((t) =>
        t === logs
          ? {
              ...t,
              columns: t.columns.map((c) =>
                c.name === 'body'
                  ? { ...c, type: 'character varying', length: 50 }
                  : c.name === 'span'
                    ? { ...c, precision: 6 } // written without its fields, the column would lose them
                    : c,
              ),
              indexes: t.indexes.map((i) => (i.name === 'logs_n' ? { ...i, unique: true } : i)),
            }
          : t,
      ),
    };
    const result = plan(managedPart(target));
    const refusals = result.diagnostics.filter((d) => d.code === 'PARTLY_MANAGED_RECREATE');
    expect(refusals.map((d) => [d.severity, d.location]).sort()).toEqual([
      ['error', 'column public.logs.body'],
      ['error', 'column public.logs.span'],
      ['error', 'index public.logs.logs_n'],
    ]);
    expect(refusals.find((d) => d.location === 'column public.logs.span')!.message).toContain(
      'interval fields day to second',
    );
    expect(refusals.find((d) => d.location === 'index public.logs.logs_n')!.message).toContain(
      'cluster the table is clustered on it',
    );
    // No format prints the SQL that would lose them: the refused changes have no statements, and the script says why.
    expect(result.changes.map((c) => c.kind).sort()).toEqual([
      'column.alter',
      'column.alter',
      'index.create',
      'index.drop',
    ]);
    expect(result.statements).toEqual([]);
    const sql = renderSql(result);
    expect(sql).toContain('-- error PARTLY_MANAGED_RECREATE: index public.logs.logs_n would be re-created');
    expect(sql).not.toMatch(/^(DROP|CREATE|ALTER)/m);
  });

  it('keeps them through the changes it makes', async () => {
    const logs = table(model, 'logs');
    const target = managedPart({
      ...model,
      tables: model.tables.map((t) =>
        t === logs
          ? { ...t, columns: [...t.columns, { name: 'extra', type: 'integer', nullable: true }], comment: 'logs' }
          : t,
      ),
    });
    const result = plan(target);
    expect(result.diagnostics).toEqual([]);
    const session = await connect(db.url);
    try {
      await session.apply(result.statements);
    } finally {
      await session.close();
    }
    const after = await introspect();
    expect(table(after, 'logs').unmodelled).toEqual(logs.unmodelled);
    expect(table(after, 'logs').indexes).toEqual(logs.indexes);
    expect(managedPart(after)).toEqual(managedPart(postgresDialect.normalize(target)));
    expect(plan(target, 'needs', after).changes).toEqual([]);
  });
});
