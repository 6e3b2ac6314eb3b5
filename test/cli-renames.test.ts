import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from '../src/connect/url';
import { REPO_ROOT, runCliOnTty } from './support/cli';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases';
import { rawQuery, tableRows } from './support/raw-query';
import { runInProcess } from './support/memory-io';
import { tempDir } from './support/temp';

/**
 * Renames at the CLI (in-process; the real binary on a terminal, for the questions): the database starts as fixtures/rename-table/from with rows; the
 * target (test/entities/renames-undeclared) renames the table writers to authors and the column books.title to
 * heading without declaring either, so schemaplan must ask rather than drop.
 */
const FROM = ['--entities', 'fixtures/rename-table/from/*.ts'];
const TO = ['--entities', 'test/entities/renames-undeclared/*.ts'];
/** On SQLite the renamed constraints need a table rebuild; a rename must never need more (DATA_LOSS would refuse). */
const REBUILDS = ['--allow-hazards', 'SQLITE_REBUILD'];

/** What a run against `db` (given by --url, from the repository root) says on stderr before anything else. */
const named = (db: TestDatabase): string => `Database: ${parseDatabaseUrl(db.url, REPO_ROOT).redacted} (from --url)\n`;

async function startingDatabase(dialect: (typeof DIALECTS)[number], name: string): Promise<TestDatabase> {
  const db = await freshDatabase(dialect, name);
  const built = await runInProcess(['apply', '--url', db.url, ...FROM, '--yes'], REPO_ROOT);
  expect(built.stderr).toBe(named(db));
  await rawQuery(
    db,
    `INSERT INTO "writers" ("name", "email") VALUES ('Ursula', 'ursula@example.com');
     INSERT INTO "writers" ("name", "email", "mentorId") VALUES ('Octavia', 'octavia@example.com', 1);
     INSERT INTO "books" ("title", "writerId") VALUES ('The Dispossessed', 1);
     INSERT INTO "books" ("title", "writerId") VALUES ('Kindred', 2);`,
  );
  return db;
}

const WRITERS = [
  { id: 1, name: 'Ursula', email: 'ursula@example.com', mentorId: null },
  { id: 2, name: 'Octavia', email: 'octavia@example.com', mentorId: 1 },
];
const BOOKS = [
  { id: 1, text: 'The Dispossessed', writerId: 1 },
  { id: 2, text: 'Kindred', writerId: 2 },
];

async function expectRenamed(db: TestDatabase): Promise<void> {
  expect(await tableRows(db, 'authors', ['id', 'name', 'email', 'mentorId'])).toEqual(WRITERS);
  expect(await tableRows(db, 'books', ['id', 'heading', 'writerId'])).toEqual(
    BOOKS.map(({ id, text, writerId }) => ({ id, heading: text, writerId })),
  );
  // The foreign key of books follows the renamed table: deleting an author cascades to its books.
  await rawQuery(
    db,
    db.dialect === 'sqlite'
      ? 'PRAGMA foreign_keys = ON; DELETE FROM "authors" WHERE "id" = 2'
      : 'DELETE FROM "authors" WHERE "id" = 2',
  );
  expect(await tableRows(db, 'books', ['id'])).toEqual([{ id: 1 }]);
}

describe.each(DIALECTS)('renames at the CLI on %s', (dialect) => {
  const table = (name: string) => (dialect === 'postgres' ? `public.${name}` : name);

  it('without a terminal, asks nothing, prints each question with its answers, exits 3 and applies nothing', async () => {
    const db = await startingDatabase(dialect, 'cli-ren-ask');
    try {
      const plan = await runInProcess(['plan', '--url', db.url, ...TO], REPO_ROOT);
      expect(plan.stderr).toBe(named(db));
      expect(plan.status).toBe(3);
      expect(plan.stdout).toContain('No changes besides the open questions below.');
      expect(plan.stdout).toContain(
        `? Is table ${table('authors')} renamed from ${table('writers')}?\n` +
          `  yes: add { "from": "${table('writers')}", "to": "${table('authors')}" } to "tables" in schema/renames.json\n` +
          `       or @RenamedFrom('writers') on class Author\n` +
          `  no:  add { "from": "${table('writers')}", "to": "${table('authors')}", "rename": false } to "tables" in schema/renames.json\n`,
      );
      expect(plan.stdout).toContain(
        `? Is column ${table('books')}.heading renamed from ${table('books')}.title?\n` +
          `  yes: add { "table": "${table('books')}", "from": "title", "to": "heading" } to "columns" in schema/renames.json\n` +
          `       or @RenamedFrom('title') on Book.heading\n`,
      );
      expect(plan.stdout).not.toMatch(/DROP|CREATE TABLE/);

      const json = await runInProcess(['plan', '--url', db.url, ...TO, '--format', 'json', '--exit-code'], REPO_ROOT);
      expect(json.status).toBe(3);
      expect(JSON.parse(json.stdout).decisions).toEqual([
        expect.objectContaining({
          code: 'RENAME_OR_DROP',
          object: 'table',
          from: table('writers'),
          to: table('authors'),
        }),
        expect.objectContaining({
          object: 'column',
          entry: { section: 'columns', value: { table: table('books'), from: 'title', to: 'heading' } },
        }),
      ]);
      expect(json.stderr).toContain(`? Is table ${table('authors')} renamed from ${table('writers')}?`);

      const apply = await runInProcess(['apply', '--url', db.url, ...TO, '--yes'], REPO_ROOT);
      expect(apply.status).toBe(3);
      expect(apply.stderr.startsWith(named(db))).toBe(true);
      expect(apply.stderr.slice(named(db).length)).toBe(
        'error: 2 open questions must be answered before apply; nothing was applied\n' +
          'hint: Declare the answers in schema/renames.json or with @RenamedFrom (see above), or run on a terminal to answer them.\n',
      );
      expect(await tableRows(db, 'writers', ['id', 'name', 'email', 'mentorId'])).toEqual(WRITERS);
      expect(await tableRows(db, 'books', ['id', 'title', 'writerId'])).toEqual(
        BOOKS.map(({ id, text, writerId }) => ({ id, title: text, writerId })),
      );
      // On a terminal, but in CI: still no questions.
      const ci = runCliOnTty(['plan', '--url', db.url, ...TO], '', { env: { CI: 'true' } });
      expect(ci.status).toBe(3);
      expect(ci.stdout).not.toContain('[y/n]');
    } finally {
      await db.drop();
    }
  });

  it('applies the renames a renames file declares (--renames, then $SCHEMA_RENAMES), keeping every row; then they are inert', async () => {
    const db = await startingDatabase(dialect, 'cli-ren-file');
    const tmp = tempDir('cli-renames');
    try {
      const file = path.join(tmp.dir, 'renames.json');
      writeFileSync(
        file,
        JSON.stringify({
          tables: [{ from: 'writers', to: 'authors' }],
          columns: [{ table: 'books', from: 'title', to: 'heading' }],
        }),
      );
      const plan = await runInProcess(['plan', '--url', db.url, ...TO, '--renames', file, '--exit-code'], REPO_ROOT);
      const shown = path.relative(REPO_ROOT, file);
      expect(plan.stderr).toBe(named(db));
      expect(plan.status).toBe(2);
      expect(plan.stdout).toContain(
        `~ table.rename  table ${table('writers')} is renamed to ${table('authors')} (declared by ${shown})`,
      );
      expect(plan.stdout).toContain(
        `~ column.rename  column ${table('books')}.title is renamed to heading (declared by ${shown})`,
      );

      const missing = await runInProcess(['plan', '--url', db.url, ...TO], REPO_ROOT, {
        SCHEMA_RENAMES: path.join(tmp.dir, 'nope.json'),
      });
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/^error: .*nope\.json: no such renames file/);

      const applied = await runInProcess(['apply', '--url', db.url, ...TO, '--yes', ...REBUILDS], REPO_ROOT, {
        SCHEMA_RENAMES: file,
      });
      expect(applied.stderr).toBe(named(db));
      expect(applied.status).toBe(0);
      const again = await runInProcess(['plan', '--url', db.url, ...TO, '--renames', file, '--exit-code'], REPO_ROOT);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('No changes');
      await expectRenamed(db);
    } finally {
      tmp.remove();
      await db.drop();
    }
  });

  it('on a terminal, asks each question (again after an answer that is neither yes nor no), plans with the answers, prints the file that keeps them, and applies', async () => {
    const db = await startingDatabase(dialect, 'cli-ren-tty');
    try {
      // "sure" (asked again), yes (table), yes (column), yes (apply).
      const result = runCliOnTty(['apply', '--url', db.url, ...TO, ...REBUILDS], 'sure\ny\ny\ny\n');
      const question = `Is table ${table('authors')} renamed from ${table('writers')}? (no: ${table('writers')} is dropped and ${table('authors')} created) [y/n] `;
      expect(result.stdout.split(question)).toHaveLength(3);
      expect(result.stdout).toContain(`${question}Please answer y (yes) or n (no).\n${question}`);
      expect(result.stdout).toContain(`Is column ${table('books')}.heading renamed from ${table('books')}.title?`);
      expect(result.stdout).toContain(
        'These answers count for this run only. To keep them (or declare the yeses with @RenamedFrom), create schema/renames.json with:\n' +
          `{\n  "tables": [\n    { "from": "${table('writers')}", "to": "${table('authors')}" }\n  ],\n` +
          `  "columns": [\n    { "table": "${table('books')}", "from": "title", "to": "heading" }\n  ]\n}\n`,
      );
      expect(result.stdout).toMatch(/Apply \d+ statements to .*\? \[y\/N\] /);
      expect(result.stdout).toContain('(declared by your answer on the terminal)');
      expect(result.stdout).toContain('the database is in line with the schema');
      expect(result.status).toBe(0);
      await expectRenamed(db);
    } finally {
      await db.drop();
    }
  });

  it('on a terminal, a "no" plans the drop and the add', async () => {
    const db = await startingDatabase(dialect, 'cli-ren-no');
    try {
      const result = runCliOnTty(['plan', '--url', db.url, ...TO, '--exit-code'], 'n\nn\n');
      expect(result.status).toBe(2);
      expect(result.stdout).toContain('"rename": false');
      expect(result.stdout).toMatch(/DROP TABLE ("public"\.)?"writers"/);
      expect(result.stdout).not.toContain('table.rename');
    } finally {
      await db.drop();
    }
  });
});
