import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileEntities } from '../src/compile/compile';
import type { Change } from '../src/diff/changes';
import { dialectFor } from '../src/dialects/registry';
import { typeormEntityFiles } from '../src/generate/typeorm-entities';
import type { DialectName, Model } from '../src/model';
import { createPlan } from '../src/plan/plan';
import type { Plan } from '../src/plan/types';
import { renderText } from '../src/report/text';
import { paint } from '../src/report/colors';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { REPO_ROOT } from './support/cli';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases';
import {
  loadWrittenEntities,
  typeCheckEntityFiles,
  writeEntityFiles,
  type WrittenEntities,
} from './support/entity-files';
import { rawQuery } from './support/raw-query';

/**
 * Reverse generation round-trips (`schema inspect --format typeorm`), on the SQL of `test/reverse/<case>/<dialect>.sql`
 * (hand-written cases, and the schemas of two public sample databases, pagila and chinook):
 * 1. database -> entities -> plan against the source: exactly the changes `expected.json` lists (empty where entities
 *    can express everything), and the generator's diagnostics exactly the ones listed (`CODE location`): what entities
 *    cannot express is reported per object, never left out silently;
 * 2. database -> entities -> a fresh database built from them -> `schema diff` between the source and it (both full
 *    inventories): exactly the listed differences, which are the inexpressible part (a partitioned table against an
 *    ordinary one is an error, never "No changes");
 * 3. where `keepsRows` is set, the plan of 1 is applied to the source (its rows in it): every row reads back the same,
 *    and planning again is empty.
 */

interface Expected {
  /** `CODE location` of every diagnostic of the generator, sorted. */
  readonly diagnostics: readonly string[];
  /** The plan from the entities against the source (see `describeChange`), sorted. */
  readonly plan: readonly string[];
  /** `schema diff` from the source to the database built from the entities: changes, and `severity CODE location` of its diagnostics, sorted. */
  readonly rebuilt: readonly string[];
  /** Apply the plan to the source and check that its rows are kept. */
  readonly keepsRows?: boolean;
}

const CASES_DIR = path.join(REPO_ROOT, 'test', 'reverse');
const CASES = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    DIALECTS.filter((d) => existsSync(path.join(CASES_DIR, entry.name, `${d}.sql`))).map(
      (d) => [entry.name, d] as const,
    ),
  )
  .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));

function expectedFor(name: string, dialect: DialectName): Expected {
  const all = JSON.parse(readFileSync(path.join(CASES_DIR, name, 'expected.json'), 'utf8')) as Record<string, Expected>;
  const expected = all[dialect];
  if (!expected) throw new Error(`test/reverse/${name}/expected.json has no entry for ${dialect}`);
  return expected;
}

/** `column.alter t.y`, `index.drop mv_lower`, `table.rebuild parent` (a SQLite rebuild also lists what it folds). */
function describeChange(change: Change): string[] {
  if (change.kind === 'table.rebuild')
    return [`table.rebuild ${change.to.name}`, ...change.changes.flatMap(describeChange)];
  if (change.kind === 'column.alter')
    return [`column.alter ${change.table.name}.${change.to.name} (${change.fields.join(', ')})`];
  if (change.kind === 'sequence.alter') return [`sequence.alter ${change.to.name} (${change.fields.join(', ')})`];
  const c = change as unknown as Record<string, { name?: string } | string | undefined>;
  const named = ['column', 'index', 'foreignKey', 'unique', 'check', 'enum', 'view', 'table', 'sequence']
    .map((key) => c[key])
    .find((value) => typeof value === 'object' && value?.name !== undefined) as { name: string } | undefined;
  return [`${change.kind} ${named?.name ?? (typeof c.name === 'string' ? c.name : '')}`.trim()];
}

const sorted = (items: readonly string[]) => [...items].sort();
const describePlan = (plan: Plan) =>
  sorted([
    ...plan.changes.flatMap(describeChange),
    ...plan.diagnostics
      .filter((d) => d.severity !== 'info')
      .map((d) => `${d.severity} ${d.code} ${d.location ?? ''}`.trim()),
  ]);

async function introspectAll(db: TestDatabase): Promise<Model> {
  const session = await connect(db.url);
  try {
    // As `inspect --format typeorm` reads a database: every user schema.
    return await session.introspect({ schemas: await session.listSchemas() });
  } finally {
    await session.close();
  }
}

/** Every row of every table of the model, as text, per table: compared before and after a plan. */
async function allRows(db: TestDatabase, model: Model): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of model.tables) {
    const name = `${table.schema ? `"${table.schema}".` : ''}"${table.name}"`;
    const columns = table.columns.map((c) => `CAST("${c.name}" AS TEXT) AS "${c.name}"`).join(', ');
    rows[table.name] = await rawQuery(db, `SELECT ${columns} FROM ${name} ORDER BY 1`);
  }
  return rows;
}

const written: WrittenEntities[] = [];
afterAll(() => {
  for (const w of written) w.remove();
});

describe.each(CASES)('reverse generation of test/reverse/%s on %s', (name, dialect) => {
  it('plans as expected against its source, and a database built from it differs only in what entities cannot express', async () => {
    const expected = expectedFor(name, dialect);
    const source = await freshDatabase(dialect, `reverse-${name}`);
    const rebuilt = await freshDatabase(dialect, `reverse-${name}-rebuilt`);
    try {
      await rawQuery(source, readFileSync(path.join(CASES_DIR, name, `${dialect}.sql`), 'utf8'));
      const model = await introspectAll(source);
      const { files, diagnostics } = typeormEntityFiles(model);
      expect(sorted(diagnostics.map((d) => `${d.code} ${d.location}`))).toEqual(sorted(expected.diagnostics));

      const output = writeEntityFiles(files, `reverse-${name}`);
      written.push(output);
      const compiled = await compileEntities(await loadWrittenEntities(output), dialect);
      const session = await connect(source.url);
      let plan: Plan;
      try {
        plan = await planTowards(session, compiled.model);
      } finally {
        await session.close();
      }
      expect(describePlan(plan)).toEqual(sorted(expected.plan));

      const prelude = path.join(CASES_DIR, name, `prelude.${dialect}.sql`);
      if (existsSync(prelude)) await rawQuery(rebuilt, readFileSync(prelude, 'utf8'));
      const rebuiltSession = await connect(rebuilt.url);
      try {
        await applyTowards(rebuiltSession, compiled.model);
      } finally {
        await rebuiltSession.close();
      }
      // `schema diff --from <source> --to <rebuilt>`: two full inventories.
      const diff = createPlan({
        from: model,
        to: await introspectAll(rebuilt),
        dialect: dialectFor(dialect),
        targetScope: 'inventory',
      });
      expect(describePlan(diff)).toEqual(sorted(expected.rebuilt));
      if (diff.changes.length === 0)
        expect(renderText(diff, paint(false))).toContain(
          diff.diagnostics.some((d) => d.severity === 'error')
            ? 'No plan: the errors below must be resolved first.'
            : 'No changes',
        );

      if (expected.keepsRows) {
        expect(plan.changes.length).toBeGreaterThan(0);
        const before = await allRows(source, model);
        expect(Object.values(before).some((rows) => rows.length > 0)).toBe(true);
        const applySession = await connect(source.url);
        try {
          await applySession.apply(plan.statements);
          expect((await planTowards(applySession, compiled.model)).changes).toEqual([]);
        } finally {
          await applySession.close();
        }
        expect(await allRows(source, model)).toEqual(before);
      }
    } finally {
      await source.drop();
      await rebuilt.drop();
    }
  });
});

describe('every file generated from test/reverse', () => {
  it('type-checks as strict TypeScript with decorators, unused names reported', () => {
    expect(written.length).toBe(CASES.length);
    expect(typeCheckEntityFiles(written)).toEqual([]);
  });
});
