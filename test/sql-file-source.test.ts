import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { SourceError } from '../src/errors/errors';
import type { DialectName } from '../src/model';
import { SCRATCH_PREFIX, withScratchDatabase } from '../src/sources/scratch-database';
import { loadSqlFile } from '../src/sources/sql-file';
import { adminUrl, createTestDatabase } from './support/postgres';
import { tempDir } from './support/temp';

// The sandbox (PGlite) takes seconds to start, tens of seconds on a busy machine.
jest.setTimeout(240_000);

const dir = tempDir('sql-file');
afterAll(() => dir.remove());

function sqlFile(name: string, sql: string): string {
  const file = path.join(dir.dir, name);
  writeFileSync(file, sql);
  return file;
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** Scratch databases of this process that exist on the test server. */
async function scratchDatabases(): Promise<string[]> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    const result = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${SCRATCH_PREFIX}${process.pid}\\_%`,
    ]);
    return result.rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

describe.each<DialectName>(['postgres', 'sqlite'])('a SQL file on %s', (dialect) => {
  test('is evaluated in a sandbox (PGlite / in-memory SQLite) and introspects like a live database', async () => {
    const file = sqlFile(
      `shop-${dialect}.sql`,
      `-- a schema written by hand
CREATE TABLE customers (id integer PRIMARY KEY, email varchar(200) NOT NULL UNIQUE);
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  total numeric(10, 2) DEFAULT 0
);
CREATE INDEX orders_customer ON orders (customer_id);
`,
    );
    const model = await loadSqlFile(file, dialect);
    expect(model.dialect).toBe(dialect);
    expect(model.tables.map((t) => t.name)).toEqual(['customers', 'orders']);
    const orders = model.tables.find((t) => t.name === 'orders')!;
    expect(orders.columns.map((c) => c.name)).toEqual(['id', 'customer_id', 'total']);
    expect(orders.foreignKeys).toEqual([
      expect.objectContaining({ columns: ['customer_id'], referencedTable: 'customers', onDelete: 'CASCADE' }),
    ]);
    expect(orders.indexes.map((i) => i.name)).toEqual(['orders_customer']);
    if (dialect === 'postgres') {
      // Normalised by the engine: the catalog's spelling, not the file's.
      expect(orders.columns[2]).toMatchObject({ type: 'numeric', precision: 10, scale: 2 });
      expect(model.tables[0]!.schema).toBe('public');
    }
  });

  test('SQL that does not load is a SourceError naming the file and the database message', async () => {
    const file = sqlFile(
      `broken-${dialect}.sql`,
      'CREATE TABLE ok (id integer);\n\nCREATE TABLE nope (id integer,);\n',
    );
    const error = await caught(loadSqlFile(file, dialect));
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/syntax error/);
    // PostgreSQL's parser says where: line 3 of the file.
    if (dialect === 'postgres') expect(error.message).toBe(`${file}:3: syntax error at or near ")"`);
  });

  test('a missing file is a SourceError', async () => {
    const error = await caught(loadSqlFile(path.join(dir.dir, 'nowhere.sql'), dialect));
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toBe(`cannot read SQL file ${path.join(dir.dir, 'nowhere.sql')}: no such file`);
  });
});

describe('the PostgreSQL scratch database (trusted SQL of tests and the conformance runner only)', () => {
  test('exists while in use and is dropped afterwards, also when the action fails', async () => {
    let name = '';
    const error = await caught(
      withScratchDatabase('postgres', { serverUrl: adminUrl() }, async (db) => {
        name = db.name;
        expect(await scratchDatabases()).toContain(db.name);
        await db.load('CREATE TABLE t (id integer)', 'inline.sql');
        throw new Error('the action failed');
      }),
    );
    expect(error.message).toBe('the action failed');
    expect(name.startsWith(`${SCRATCH_PREFIX}${process.pid}_`)).toBe(true);
    expect(await scratchDatabases()).toEqual([]);
  });

  test('is dropped when the SQL does not load', async () => {
    const error = await caught(
      withScratchDatabase('postgres', { serverUrl: adminUrl() }, (db) =>
        db.load('CREATE TABLE x (id nosuchtype);', 'bad.sql'),
      ),
    );
    expect(error).toBeInstanceOf(SourceError);
    expect(await scratchDatabases()).toEqual([]);
  });

  test("the server's password never appears in a load error", async () => {
    const url = new URL(adminUrl());
    // A local test server trusts connections, so any password is accepted; a configured one is kept.
    if (!url.password) url.password = 'pw-s3cret';
    const password = decodeURIComponent(url.password);
    const sql = `CREATE TABLE "${password}" (id integer);\nCREATE TABLE "${password}" (id integer);`;
    const error = await caught(
      withScratchDatabase('postgres', { serverUrl: url.toString() }, (db) => db.load(sql, 'leak.sql')),
    );
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toContain('leak.sql into a scratch PostgreSQL database: relation "***" already exists');
    expect(error.message).not.toContain(password);
    expect(await scratchDatabases()).toEqual([]);
  });
});

describe('a dev database (--dev-url)', () => {
  test('loads the SQL in a transaction that is rolled back: the database stays empty', async () => {
    const dev = await createTestDatabase('sql-file-dev');
    try {
      const file = sqlFile(
        'dev.sql',
        "CREATE SCHEMA app;\nCREATE TYPE app.mood AS ENUM ('ok', 'sad');\nCREATE TABLE app.people (id integer, mood app.mood);\n",
      );
      const model = await loadSqlFile(file, 'postgres', { devUrl: dev.url });
      expect(model.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['app.people']);
      expect(model.enums).toEqual([{ schema: 'app', name: 'mood', values: ['ok', 'sad'] }]);
      const client = new Client({ connectionString: dev.url });
      await client.connect();
      try {
        const left = await client.query(`SELECT nspname FROM pg_namespace WHERE nspname = 'app'`);
        expect(left.rows).toEqual([]);
      } finally {
        await client.end();
      }
    } finally {
      await dev.drop();
    }
  });

  test('that is not empty is refused', async () => {
    const dev = await createTestDatabase('sql-file-dirty');
    try {
      const client = new Client({ connectionString: dev.url });
      await client.connect();
      await client.query('CREATE TABLE leftover (id integer)');
      await client.end();
      const error = await caught(
        loadSqlFile(sqlFile('dirty.sql', 'CREATE TABLE t (id integer);'), 'postgres', { devUrl: dev.url }),
      );
      expect(error).toBeInstanceOf(SourceError);
      expect(error.message).toMatch(/is not empty: it has table public\.leftover$/);
    } finally {
      await dev.drop();
    }
  });
});
