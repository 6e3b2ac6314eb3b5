import { planExitCode } from '../src/cli/commands/plan';
import { EXIT } from '../src/cli/exit-codes';
import { dialectFor } from '../src/dialects/registry';
import { declarableByEntities, type Model } from '../src/model';
import { createPlan } from '../src/plan/plan';
import { paint } from '../src/report/colors';
import { renderMarkdown } from '../src/report/markdown';
import { renderText } from '../src/report/text';
import { connect } from './support/apply-model';
import { freshDatabase, type TestDatabase } from './support/databases';
import { rawQuery } from './support/raw-query';

/**
 * PostgreSQL partitioned tables: the model knows a table is partitioned (strategy, key) and which tables are its
 * partitions; partitions stay not managed (their indexes are not partitions); `schema diff` between a partitioned and an
 * unpartitioned table refuses with one error, never "No changes"; a plan from entities leaves the partitioning alone.
 */

const PARTITIONED = `
  CREATE TABLE measurements (id bigint NOT NULL, at date NOT NULL, v numeric, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
  CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
  CREATE TABLE measurements_rest PARTITION OF measurements DEFAULT;
  CREATE INDEX measurements_v ON measurements (v);
  INSERT INTO measurements VALUES (1, '2024-03-01', 1.5), (2, '2030-01-01', 2);`;
const UNPARTITIONED = `CREATE TABLE measurements (id bigint NOT NULL, at date NOT NULL, v numeric, PRIMARY KEY (id, at));
  CREATE INDEX measurements_v ON measurements (v);`;
const OTHER_KEY = `CREATE TABLE measurements (id bigint NOT NULL, at date NOT NULL, v numeric, PRIMARY KEY (id, at)) PARTITION BY HASH (id);
  CREATE INDEX measurements_v ON measurements (v);`;

async function read(db: TestDatabase): Promise<Model> {
  const session = await connect(db.url);
  try {
    return await session.introspect({ schemas: await session.listSchemas() });
  } finally {
    await session.close();
  }
}

const postgres = dialectFor('postgres');
const diff = (from: Model, to: Model) => createPlan({ from, to, dialect: postgres, targetScope: 'inventory' });

describe('partitioned tables on postgres', () => {
  const dbs: Record<string, TestDatabase> = {};
  const models: Record<string, Model> = {};
  beforeAll(async () => {
    for (const [name, sql] of Object.entries({
      partitioned: PARTITIONED,
      unpartitioned: UNPARTITIONED,
      otherKey: OTHER_KEY,
      empty: '',
    })) {
      dbs[name] = await freshDatabase('postgres', `partitions_${name}`);
      if (sql) await rawQuery(dbs[name]!, sql);
      models[name] = await read(dbs[name]!);
    }
  });
  afterAll(async () => {
    for (const db of Object.values(dbs)) await db.drop();
  });

  it('are read with their strategy, key and partitions; the partitions, not their indexes, are listed as not managed', () => {
    const table = models.partitioned!.tables.find((t) => t.name === 'measurements')!;
    expect(table.partitioning).toEqual({
      strategy: 'range',
      key: 'at',
      partitions: [
        { schema: 'public', name: 'measurements_2024', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" },
        { schema: 'public', name: 'measurements_rest', bound: 'DEFAULT' },
      ],
    });
    expect(models.partitioned!.tables.map((t) => t.name)).toEqual(['measurements']);
    expect(models.partitioned!.notManaged).toEqual([
      { schema: 'public', kind: 'partition', names: ['measurements_2024', 'measurements_rest'] },
    ]);
    expect(models.unpartitioned!.tables[0]!.partitioning).toBeUndefined();
  });

  it('a diff between a partitioned and an unpartitioned table (either way, or another key) is refused, never "No changes"', () => {
    for (const [from, to, wording] of [
      [
        'partitioned',
        'unpartitioned',
        'is partitioned (PARTITION BY RANGE (at)) in the current schema and not partitioned in the target',
      ],
      [
        'unpartitioned',
        'partitioned',
        'is not partitioned in the current schema and partitioned (PARTITION BY RANGE (at)) in the target',
      ],
      [
        'partitioned',
        'otherKey',
        'is partitioned (PARTITION BY RANGE (at)) in the current schema and partitioned (PARTITION BY HASH (id)) in the target',
      ],
    ] as const) {
      const plan = diff(models[from]!, models[to]!);
      expect(plan.changes).toEqual([]);
      expect(plan.diagnostics.map((d) => [d.severity, d.code, d.location])).toEqual([
        ['error', 'PARTITIONING_CHANGE_UNSUPPORTED', 'table public.measurements'],
      ]);
      expect(plan.diagnostics[0]!.message).toContain(`table public.measurements ${wording}`);
      const text = renderText(plan, paint(false));
      expect(text).not.toContain('No changes');
      expect(text).toContain('No plan: the errors below must be resolved first.');
      expect(renderMarkdown(plan)).not.toContain('No changes');
      expect(planExitCode(plan, true)).toBe(EXIT.error);
    }
    expect(diff(models.partitioned!, models.partitioned!).diagnostics).toEqual([]);
  });

  it('a plan from entities (which cannot declare partitioning) leaves it alone', () => {
    const plan = createPlan({
      from: declarableByEntities(models.partitioned!),
      to: declarableByEntities(models.unpartitioned!),
      dialect: postgres,
    });
    expect(plan.changes).toEqual([]);
    expect(plan.diagnostics).toEqual([]);
  });

  it('a partitioned table a plan creates is created partitioned, and its partitions it does not create are named', async () => {
    const plan = diff(models.empty!, models.partitioned!);
    expect(plan.statements.map((s) => s.sql)).toContainEqual(
      expect.stringMatching(/^CREATE TABLE "public"\."measurements" \(.*\) PARTITION BY RANGE \(at\)$/),
    );
    expect(plan.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      [
        'warning',
        'PARTITIONS_NOT_CREATED',
        'table public.measurements is created partitioned, but its partitions are not managed: public.measurements_2024, public.measurements_rest are not created',
      ],
    ]);
    const session = await connect(dbs.empty!.url);
    try {
      await session.apply(plan.statements);
      const after = await session.introspect({ schemas: ['public'] });
      expect(after.tables[0]!.partitioning).toEqual({ strategy: 'range', key: 'at', partitions: [] });
    } finally {
      await session.close();
    }
  });
});
