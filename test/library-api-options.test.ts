/**
 * The library API in-process, on real databases: rename answers and hazard acceptance as options, the refusals of
 * apply as typed errors with a stable `code`, cancellation by an AbortSignal, progress events, and `diff` / `inspect`
 * giving exactly what the CLI prints as JSON.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  apply,
  ApplyLockedError,
  CompileError,
  diff,
  GaveUpError,
  inspect,
  OpenDecisionsError,
  plan,
  type ModelDocument,
  type ProgressEvent,
  type SchemaplanError,
} from '../src';
import { EXIT } from '../src/cli/exit-codes';
import { exitCodeOf } from '../src/cli/report-error';
import { appTypeorm } from '../src/typeorm/runtime';
import { REPO_ROOT } from './support/cli';
import { entityClasses } from './support/entities';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases';
import { runInProcess } from './support/memory-io';
import { rawQuery, tableRows } from './support/raw-query';

const FROM = [path.join(REPO_ROOT, 'fixtures/rename-table/from/*.ts')];
const TO = [path.join(REPO_ROOT, 'test/entities/renames-undeclared/*.ts')];

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<SchemaplanError & Record<string, unknown>> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as SchemaplanError & Record<string, unknown>,
  );
}

describe.each(DIALECTS)('the library API on %s', (dialect) => {
  const table = (name: string) => (dialect === 'postgres' ? `public.${name}` : name);
  let db: TestDatabase;

  beforeAll(async () => {
    db = await freshDatabase(dialect, 'library-options');
    const built = await apply({ url: db.url, entities: FROM, cwd: REPO_ROOT });
    expect(built.applied.length).toBeGreaterThan(0);
    await rawQuery(
      db,
      `INSERT INTO "writers" ("name", "email") VALUES ('Ursula', 'ursula@example.com');
       INSERT INTO "books" ("title", "writerId") VALUES ('The Dispossessed', 1);`,
    );
  });
  afterAll(async () => db.drop());

  it('returns open questions as data, refuses to apply them (OPEN_DECISIONS), then applies the answers and the allowed hazards', async () => {
    const options = { url: db.url, entities: TO, cwd: REPO_ROOT };
    const open = await plan(options);
    expect(open.decisions.map(({ object, from, to }) => ({ object, from, to }))).toEqual([
      { object: 'table', from: table('writers'), to: table('authors') },
      { object: 'column', from: `${table('books')}.title`, to: `${table('books')}.heading` },
    ]);

    const refused = await rejection(apply(options));
    expect(refused.code).toBe('OPEN_DECISIONS');
    expect((refused.decisions as unknown[]).length).toBe(2);

    const answers = open.decisions.map(({ from, to }) => ({ from, to, rename: true }));
    const answered = await plan({ ...options, answers });
    expect(answered.decisions).toEqual([]);
    expect(answered.changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['table.rename', 'column.rename']));
    expect(JSON.stringify(answered)).toContain('(declared by the answers option)');

    const hazards = answered.statements.flatMap((s) => s.hazards.map((h) => h.code));
    if (hazards.length > 0) {
      const blocked = await rejection(apply({ ...options, answers }));
      expect(blocked.code).toBe('HAZARDS_NOT_ALLOWED');
      expect(await tableRows(db, 'writers', ['name'])).toEqual([{ name: 'Ursula' }]);
    }

    const events: ProgressEvent[] = [];
    const result = await apply({
      ...options,
      answers,
      allowHazards: [...new Set(hazards)],
      onProgress: (event) => events.push(event),
    });
    expect(result.plan).toEqual(answered);
    expect(result.applied.map((s) => s.sql)).toEqual(answered.statements.map((s) => s.sql));
    expect(result.verification.inLine).toBe(true);
    expect(events[0]).toEqual({ kind: 'connecting', target: expect.any(String) });
    expect(events.filter((e) => e.kind === 'statementDone')).toHaveLength(answered.statements.length);
    expect(events[events.length - 1]).toEqual({ kind: 'verifying' });
    expect(await tableRows(db, 'authors', ['name'])).toEqual([{ name: 'Ursula' }]);
    expect(await tableRows(db, 'books', ['heading'])).toEqual([{ heading: 'The Dispossessed' }]);
    expect((await plan(options)).statements).toEqual([]);
  });

  it('takes a TypeORM DataSource (never initialized) and entity classes, as TypeORM takes them', async () => {
    const expected = await plan({ url: db.url, entities: TO, cwd: REPO_ROOT });
    expect(expected.statements).toEqual([]);
    if (dialect === 'postgres') {
      // (TypeORM 1.x builds a SQLite DataSource only with better-sqlite3, which this repository does not install.)
      const dataSource = new (appTypeorm().DataSource)({ type: 'postgres', url: db.url, entities: TO });
      expect(await plan({ dataSource, cwd: REPO_ROOT })).toEqual(expected);
      expect(dataSource.isInitialized).toBe(false);
    }
    const classes = await entityClasses(path.relative(REPO_ROOT, path.dirname(TO[0]!)));
    expect(await plan({ url: db.url, entities: classes, cwd: REPO_ROOT })).toEqual(expected);
  });

  it('cancels with an AbortSignal (CANCELLED) and says what is wrong with a stable code', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(plan({ url: db.url, entities: TO, cwd: REPO_ROOT, signal: controller.signal }))).code).toBe(
      'CANCELLED',
    );
    expect((await rejection(plan({ url: 'nosuch://x', entities: TO, cwd: REPO_ROOT }))).code).toBe('URL');
    expect(
      (await rejection(apply({ url: db.url, entities: TO, cwd: REPO_ROOT, allowHazards: ['NOPE' as never] }))).code,
    ).toBe('USAGE');
    expect((await rejection(plan({ url: db.url, entities: TO, cwd: REPO_ROOT, lockTimeout: -1 }))).code).toBe('USAGE');
  });

  it('diff() and inspect() give what `schema diff` and `schema inspect` print as JSON', async () => {
    const to = `entities:${FROM[0]}`;
    const document = await diff({ from: db.url, to, cwd: REPO_ROOT });
    const cli = await runInProcess(['diff', '--from', db.url, '--to', to, '--format', 'json'], REPO_ROOT);
    expect(cli.status).toBe(3); // the open questions (renamed back?), as the document's decisions say
    expect(`${JSON.stringify(document, null, 2)}\n`).toBe(cli.stdout);
    // A database FROM side is planned against as plan does: measured, and its schema hash recorded.
    expect(document.fromHash).toMatch(/^sha256:/);
    expect(document.decisions.length).toBeGreaterThan(0);

    const model = await inspect({ url: db.url, cwd: REPO_ROOT });
    const printed = await runInProcess(['inspect', '--url', db.url, '--format', 'json'], REPO_ROOT);
    expect(printed.status).toBe(0);
    expect(model).toEqual(JSON.parse(printed.stdout));
    const compiled = await inspect({ entities: TO, dialect, cwd: REPO_ROOT });
    expect(compiled.tables.map((t) => t.name).sort()).toEqual(['authors', 'books']);
  });

  it('diff() takes a model (as inspect() returns it) or a model document as data, checked as a file would be', async () => {
    const to = `entities:${FROM[0]}`;
    const model = await inspect({ url: db.url, cwd: REPO_ROOT });
    const kept = JSON.stringify(model);
    const fromDatabase = await diff({ from: db.url, to, cwd: REPO_ROOT });
    const fromModel = await diff({ from: model, to, cwd: REPO_ROOT });
    expect(fromModel.decisions.length).toBeGreaterThan(0); // renamed back? (statements wait for the answers)
    expect(fromModel.decisions).toEqual(fromDatabase.decisions);
    expect(fromModel.statements).toEqual(fromDatabase.statements);
    expect(fromModel.target).toBe(`(from model) -> ${to}`);
    // The dialect is the model's own; the caller's object is read, never changed.
    expect((await diff({ from: model, to: model, cwd: REPO_ROOT })).statements).toEqual([]);
    expect(JSON.stringify(model)).toBe(kept);

    // A model document (generated/model.json, committed for schema/): its model for the dialect, as from the file.
    const documentFile = path.join(REPO_ROOT, 'generated/model.json');
    const document = JSON.parse(readFileSync(documentFile, 'utf8')) as ModelDocument;
    const schemaEntities = `entities:${path.join(REPO_ROOT, 'schema/**/*.ts')}`;
    const asData = await diff({ from: document, to: schemaEntities, dialect, cwd: REPO_ROOT });
    const asFile = await diff({ from: documentFile, to: schemaEntities, dialect, cwd: REPO_ROOT });
    expect(asData.statements).toEqual([]);
    expect({ ...asData, target: '' }).toEqual({ ...asFile, target: '' });
    const empty = await freshDatabase(dialect, 'library-empty');
    try {
      const emptyModel = await inspect({ url: empty.url, cwd: REPO_ROOT });
      const create = await diff({ from: emptyModel, to: document, cwd: REPO_ROOT });
      expect(create.statements.map((s) => s.sql).join('\n')).toMatch(/CREATE TABLE "(public"\.")?decks"/);
    } finally {
      await empty.drop();
    }

    // Not a model: the same error as such a file gives.
    const notModel = await rejection(diff({ from: { dialect, tables: 'none' } as never, to, cwd: REPO_ROOT }));
    expect(notModel.code).toBe('SOURCE');
    expect(notModel.message).toContain('(from model)');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect((await rejection(diff({ from: circular as never, to, cwd: REPO_ROOT }))).code).toBe('SOURCE');
    expect((await rejection(diff({ from: 42 as never, to, cwd: REPO_ROOT }))).code).toBe('USAGE');
  });
});

describe("the CLI's exit codes, by the errors' stable codes", () => {
  it('maps APPLY_LOCKED and GAVE_UP (nothing applied) to 4, OPEN_DECISIONS to 3, every other error to 1', () => {
    expect(new ApplyLockedError('locked').code).toBe('APPLY_LOCKED');
    expect(exitCodeOf(new ApplyLockedError('locked'))).toBe(EXIT.gaveUp);
    expect(exitCodeOf(new GaveUpError('gave up', 'ALTER TABLE x'))).toBe(EXIT.gaveUp);
    expect(exitCodeOf(new GaveUpError('gave up', 'ALTER TABLE x', undefined, { applied: 2 }))).toBe(EXIT.error);
    expect(exitCodeOf(new OpenDecisionsError([]))).toBe(EXIT.decisions);
    expect(exitCodeOf(new CompileError('bad'))).toBe(EXIT.error);
    expect(exitCodeOf(new Error('bug'))).toBe(EXIT.error);
  });
});
