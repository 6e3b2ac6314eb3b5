import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileEntities } from '../src/compile/compile';
import { parseDatabaseUrl } from '../src/connect/url';
import type { DatabaseSession } from '../src/dialects/dialect';
import type { Model } from '../src/model';
import { renderJson } from '../src/report/json';
import { renderMarkdown } from '../src/report/markdown';
import { renderText } from '../src/report/text';
import { paint } from '../src/report/colors';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { runCli } from './support/cli';
import { freshDatabase, type TestDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { validatePlanDocument } from './support/plan-schema';
import { rawQuery } from './support/raw-query';
import { tempDir } from './support/temp';

const ENTITIES = 'fixtures/enum-add-value/to';

async function entitiesModel(dialect: 'postgres' | 'sqlite'): Promise<Model> {
  return (await compileEntities(await entityClasses(ENTITIES), dialect)).model;
}

/**
 * Objects schemaplan does not manage are listed once in the plan, never planned: from entities, a database holding
 * functions, a trigger, a policy, a grant, a domain, a standalone sequence and an extension the entities do not need
 * plans as empty with one "not managed" line.
 */
describe('not managed objects, planned from entities', () => {
  describe('postgres', () => {
    let db: TestDatabase;
    let session: DatabaseSession;
    beforeAll(async () => {
      db = await freshDatabase('postgres', 'not_managed');
      session = await connect(db.url);
      await applyTowards(session, await entitiesModel('postgres'));
      await rawQuery(
        db,
        `CREATE EXTENSION hstore;
        CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE FUNCTION public.add(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT a + b';
        CREATE TRIGGER decks_touch BEFORE UPDATE ON public.decks FOR EACH ROW EXECUTE FUNCTION public.touch();
        ALTER TABLE public.decks ENABLE ROW LEVEL SECURITY;
        CREATE POLICY decks_all ON public.decks USING (true);
        GRANT SELECT ON public.cards TO PUBLIC;
        CREATE DOMAIN public.positive AS integer CHECK (VALUE > 0);
        CREATE SEQUENCE public.invoice_numbers;`,
      );
    });
    afterAll(async () => {
      await session.close();
      await db.drop();
    });

    it('lists them with their counts and plans nothing for them', async () => {
      const plan = await planTowards(session, await entitiesModel('postgres'));
      expect(plan.changes).toEqual([]);
      expect(plan.notManaged).toEqual([
        { schema: 'public', kind: 'domain', names: ['positive'] },
        { schema: 'public', kind: 'extension', names: ['hstore'] },
        { schema: 'public', kind: 'function', names: ['add(a integer, b integer)', 'touch()'] },
        { schema: 'public', kind: 'policy', names: ['decks.decks_all'] },
        { schema: 'public', kind: 'privilege', names: ['cards'] },
        { schema: 'public', kind: 'row level security', names: ['decks'] },
        { schema: 'public', kind: 'sequence', names: ['invoice_numbers'] },
        { schema: 'public', kind: 'trigger', names: ['decks.decks_touch'] },
      ]);
      const line =
        'Not managed (left untouched): 1 domain, 1 extension, 2 functions, 1 policy, 1 object with privileges granted, ' +
        '1 table with row level security, 1 standalone sequence, 1 trigger in public';
      const text = renderText(plan, paint(false));
      expect(text.split('\n').filter((l) => l.startsWith('Not managed'))).toEqual([line]);
      expect(renderMarkdown(plan)).toContain(`\n${line}\n`);
      const json = JSON.parse(renderJson(plan));
      expect(json.notManaged).toEqual(plan.notManaged);
      expect(validatePlanDocument(json)).toEqual([]);
    });

    it('never drops an extension or schema the entities do not name', async () => {
      await rawQuery(db, 'CREATE SCHEMA reports; CREATE TABLE reports.daily (id integer PRIMARY KEY);');
      const plan = await planTowards(session, await entitiesModel('postgres'));
      expect(plan.statements.map((s) => s.sql)).toEqual([]);
    });
  });

  describe('sqlite', () => {
    let db: TestDatabase;
    let session: DatabaseSession;
    beforeAll(async () => {
      db = await freshDatabase('sqlite', 'not-managed');
      session = await connect(db.url);
      await applyTowards(session, await entitiesModel('sqlite'));
      await rawQuery(db, 'CREATE TRIGGER decks_audit AFTER UPDATE ON decks BEGIN SELECT 1; END');
      // fts5 keeps its rows in shadow tables (notes_data, notes_idx, notes_content...): they belong to the virtual table.
      await rawQuery(db, "CREATE VIRTUAL TABLE notes USING fts5(body); INSERT INTO notes (body) VALUES ('kept')");
    });
    afterAll(async () => {
      await session.close();
      await db.drop();
    });

    it('lists triggers and virtual tables once and plans nothing for them (nor for the shadow tables of fts5)', async () => {
      const plan = await planTowards(session, await entitiesModel('sqlite'));
      expect(plan.changes).toEqual([]);
      expect(plan.notManaged).toEqual([
        { kind: 'trigger', names: ['decks_audit'] },
        { kind: 'virtual table', names: ['notes'] },
      ]);
      expect(renderText(plan, paint(false))).toContain('\nNot managed (left untouched): 1 trigger, 1 virtual table\n');
      expect(await rawQuery(db, "SELECT body FROM notes WHERE notes MATCH 'kept'")).toEqual([{ body: 'kept' }]);
    });
  });
});

/**
 * Against a full inventory (a .sql file), schemas and extensions it lacks are dropped after what they hold; a schema
 * still holding something schemaplan does not manage is kept, and the plan says why.
 */
describe('schema diff from a PostgreSQL database to a .sql inventory', () => {
  let db: TestDatabase;
  let dir: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    db = await freshDatabase('postgres', 'inventory');
    dir = tempDir('inventory');
    await rawQuery(
      db,
      `CREATE EXTENSION hstore;
      CREATE SCHEMA archive;
      CREATE TABLE archive.old_orders (id integer PRIMARY KEY, data hstore);
      CREATE SCHEMA scripts;
      CREATE TABLE scripts.runs (id integer PRIMARY KEY);
      CREATE FUNCTION scripts.hello() RETURNS integer LANGUAGE sql AS 'SELECT 1';
      CREATE TABLE public.keep (id integer PRIMARY KEY);`,
    );
    writeFileSync(path.join(dir.dir, 'to.sql'), 'CREATE TABLE keep (id integer PRIMARY KEY);\n');
  });
  afterAll(async () => {
    dir.remove();
    await db.drop();
  });

  it('drops the emptied schema and the extension last, keeps the schema holding a function, and converges', async () => {
    const result = runCli(['diff', '--from', db.url, '--to', 'to.sql', '--format', 'json'], { cwd: dir.dir });
    expect(result.stderr).toBe(`Database: ${parseDatabaseUrl(db.url).redacted} (from --from)\n`);
    const plan = JSON.parse(result.stdout);
    expect(validatePlanDocument(plan)).toEqual([]);
    expect(plan.statements.map((s: { sql: string }) => s.sql)).toEqual([
      'DROP TABLE "archive"."old_orders"',
      'DROP TABLE "scripts"."runs"',
      'DROP EXTENSION "hstore"',
      'DROP SCHEMA "archive"',
    ]);
    const schemaDrop = plan.statements.find((s: { sql: string }) => s.sql.startsWith('DROP SCHEMA'));
    expect(schemaDrop.hazards.map((h: { code: string }) => h.code)).toEqual(['DATA_LOSS']);
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', code: 'SCHEMA_KEPT', location: 'schema scripts' }),
    ]);
    expect(plan.notManaged).toEqual([{ schema: 'scripts', kind: 'function', names: ['hello()'] }]);

    await rawQuery(db, plan.statements.map((s: { sql: string }) => `${s.sql};`).join('\n'));
    const schemas = await rawQuery<{ nspname: string }>(
      db,
      `SELECT nspname FROM pg_namespace WHERE nspname IN ('archive', 'scripts')`,
    );
    expect(schemas.map((r) => r.nspname)).toEqual(['scripts']);
    const again = runCli(['diff', '--from', db.url, '--to', 'to.sql', '--exit-code'], { cwd: dir.dir });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Not managed (left untouched): 1 function in scripts');
  });

  it('against a generated/model.json document (compiled from entities) drops nothing it does not name', async () => {
    const document = {
      format: 'schemaplan.model',
      version: 1,
      models: { postgres: { dialect: 'postgres', schemas: ['public'], extensions: [], enums: [], tables: [] } },
    };
    writeFileSync(path.join(dir.dir, 'model.json'), JSON.stringify(document));
    await rawQuery(db, 'CREATE EXTENSION hstore; CREATE SCHEMA spare;');
    const result = runCli(['diff', '--from', db.url, '--to', 'model.json', '--format', 'json'], { cwd: dir.dir });
    expect(result.stderr).toBe(`Database: ${parseDatabaseUrl(db.url).redacted} (from --from)\n`);
    const sql: string[] = JSON.parse(result.stdout).statements.map((s: { sql: string }) => s.sql);
    expect(sql).toEqual(['DROP TABLE "public"."keep"']);
  });
});
