import { rmSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { SourceError } from '../src/errors/errors';
import { loadSql } from '../src/sources/sql-file';
import { createTestDatabase, type TestPostgresDatabase } from './support/postgres';

// The sandbox (PGlite) takes seconds to start, tens of seconds on a busy machine.
jest.setTimeout(240_000);

/**
 * A `.sql` source is data to compare, never code run with the user's credentials: PostgreSQL's own parser checks every
 * statement before anything runs (refusals are one line naming the statement and its line), the file is evaluated in
 * the sandbox (PGlite) or, when the user names one, in a dev database inside a rolled-back transaction as a role
 * without rights; statements that cannot run in a transaction block load as psql loads them.
 */
async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** A file of this machine a hostile schema file tries to read at load (and would print in its error). */
const SECRET = `sandbox-secret-${process.pid}`;
const PROBE = `/tmp/schemaplan-sandbox-probe-${process.pid}`;
beforeAll(() => writeFileSync(PROBE, SECRET, { mode: 0o644 }));
afterAll(() => rmSync(PROBE, { force: true }));

/** An immutable function with constant arguments in an index expression is evaluated at CREATE INDEX: code run at load. */
const LEAK = `CREATE FUNCTION leak(n int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RAISE EXCEPTION 'leaked: %', pg_read_file('${PROBE}');
END $$;
CREATE TABLE t (a int);
CREATE INDEX t_leak ON t ((a + leak(1)));
`;

let dev: TestPostgresDatabase;
beforeAll(async () => {
  dev = await createTestDatabase('sql-sandbox-dev');
});
afterAll(async () => dev.drop());

describe('the statement check refuses what a schema file has no business doing, before anything runs', () => {
  it.each([
    [
      'DROP DATABASE other_db;',
      'DROP DATABASE is not allowed in a schema file (DROP DATABASE other_db): databases are outside a schema',
    ],
    [
      'CREATE ROLE boss SUPERUSER LOGIN;',
      'CREATE ROLE is not allowed in a schema file (CREATE ROLE boss SUPERUSER LOGIN): roles are outside a schema',
    ],
    [
      "COPY (SELECT 1) TO '/tmp/x';",
      "COPY is not allowed in a schema file (COPY (SELECT 1) TO '/tmp/x'): it reads or writes data and files",
    ],
    ['DO $$ BEGIN RAISE NOTICE $q$hi$q$; END $$;', 'DO is not allowed in a schema file'],
    ["ALTER SYSTEM SET work_mem = '1GB';", 'ALTER SYSTEM is not allowed in a schema file'],
    ["LOAD 'auto_explain';", 'LOAD is not allowed in a schema file'],
    ['SET ROLE postgres;', 'SET ROLE is not allowed in a schema file'],
    ['SET SESSION AUTHORIZATION postgres;', 'SET SESSION AUTHORIZATION is not allowed in a schema file'],
    ['SET work_mem = 1;', 'SET work_mem is not allowed in a schema file'],
    ["SELECT pg_read_file('/etc/passwd');", 'a query is not allowed in a schema file'],
    ["SELECT pg_catalog.set_config('work_mem', '1', false);", 'SET work_mem is not allowed in a schema file'],
    ['CREATE EXTENSION dblink;', 'CREATE EXTENSION dblink is not allowed in a schema file'],
    [
      "CREATE FUNCTION f() RETURNS int LANGUAGE c AS 'libc', 'abs';",
      'CREATE FUNCTION in LANGUAGE c is not allowed in a schema file',
    ],
    ['INSERT INTO t VALUES (1);', 'INSERT is not allowed in a schema file'],
    ['CALL p();', 'CALL is not allowed in a schema file'],
    ['GRANT pg_write_server_files TO app;', 'GRANT role is not allowed in a schema file'],
    ['GRANT CREATE ON DATABASE postgres TO app;', 'GRANT/REVOKE on database is not allowed in a schema file'],
    [
      "CREATE SERVER s FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'x');",
      'CREATE SERVER is not allowed in a schema file',
    ],
    ["CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p;", 'CREATE SUBSCRIPTION is not allowed in a schema file'],
    [
      'CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION f();',
      'CREATE EVENT TRIGGER is not allowed in a schema file',
    ],
    ["CREATE TABLESPACE ts LOCATION '/tmp';", 'CREATE TABLESPACE is not allowed in a schema file'],
    ['EXPLAIN ANALYZE SELECT 1;', 'EXPLAIN is not allowed in a schema file'],
    ['ROLLBACK;', 'ROLLBACK is not allowed in a schema file'],
  ])('%s', async (statement, expected) => {
    const sql = `-- a schema\nCREATE TABLE ok (id integer);\n${statement}\n`;
    for (const devUrl of [undefined, dev.url]) {
      const error = await caught(loadSql(sql, 'schema.sql', 'postgres', { devUrl }));
      expect(error).toBeInstanceOf(SourceError);
      expect(error.message.startsWith(`schema.sql:3: ${expected}`)).toBe(true);
      expect(error.message).not.toContain('\n');
    }
  });
});

describe('the sandbox (PGlite)', () => {
  it('loads a pg_dump-style file: its settings, set_config, ownership and grants to roles it does not have', async () => {
    const sql = `SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
SET default_tablespace = '';
SET default_table_access_method = heap;
BEGIN;
CREATE SEQUENCE public.s;
CREATE TABLE public.items (id integer NOT NULL, name text DEFAULT 'x'::text, n integer DEFAULT nextval('public.s'::regclass));
CREATE SEQUENCE public.items_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.items_id_seq OWNED BY public.items.id;
ALTER TABLE ONLY public.items ALTER COLUMN id SET DEFAULT nextval('public.items_id_seq'::regclass);
ALTER TABLE public.items OWNER TO app_owner;
ALTER TABLE ONLY public.items ADD CONSTRAINT items_pkey PRIMARY KEY (id);
GRANT SELECT ON TABLE public.items TO app_reader;
COMMIT;
`;
    const model = await loadSql(sql, 'dump.sql', 'postgres');
    const items = model.tables.find((t) => t.name === 'items')!;
    expect(items.primaryKey).toEqual({ name: 'items_pkey', columns: ['id'] });
    expect(model.notManaged).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'privilege', names: ['items'] })]),
    );
    // search_path '' of the file does not leak into how the catalog is read: the model is that of the bare DDL.
    const bare = await loadSql(
      "CREATE SEQUENCE s;\nCREATE TABLE items (id serial PRIMARY KEY, name text DEFAULT 'x', n integer DEFAULT nextval('s'));\n",
      'bare.sql',
      'postgres',
    );
    expect(items.columns.find((c) => c.name === 'n')).toEqual(bare.tables[0]!.columns.find((c) => c.name === 'n'));
    expect(items.columns.find((c) => c.name === 'id')).toEqual(bare.tables[0]!.columns.find((c) => c.name === 'id'));
  });

  it('loads statements that cannot run in a transaction block, as psql does', async () => {
    const sql = `CREATE TABLE t (id integer PRIMARY KEY, a text);
CREATE INDEX CONCURRENTLY t_a ON t (a);
CREATE INDEX CONCURRENTLY t_gone ON t (a, id);
DROP INDEX CONCURRENTLY t_gone;
CREATE TYPE mood AS ENUM ('ok');
ALTER TYPE mood ADD VALUE 'sad';
REINDEX TABLE CONCURRENTLY t;
VACUUM ANALYZE t;
CLUSTER t USING t_pkey;
REFRESH MATERIALIZED VIEW CONCURRENTLY nothing_here;
`;
    for (const devUrl of [undefined, dev.url]) {
      const model = await loadSql(sql, 'concurrently.sql', 'postgres', { devUrl });
      const t = model.tables.find((x) => x.name === 't')!;
      expect(t.indexes.map((i) => i.name)).toEqual(['t_a']);
      expect(model.enums).toEqual([{ schema: 'public', name: 'mood', values: ['ok', 'sad'] }]);
    }
    // A value added by ALTER TYPE ... ADD VALUE used further down: each statement commits on its own in the sandbox.
    const used = await loadSql(`${sql}ALTER TABLE t ADD COLUMN m mood DEFAULT 'sad';\n`, 'enum.sql', 'postgres');
    expect(used.tables[0]!.columns.map((c) => c.name)).toEqual(['id', 'a', 'm']);
  });

  it('never runs the query of a materialized view (evaluated WITH NO DATA)', async () => {
    const sql = 'CREATE MATERIALIZED VIEW mv AS SELECT 1 / 0 AS x;\nCREATE TABLE t2 AS SELECT 1 / 0 AS y;\n';
    const model = await loadSql(sql, 'mv.sql', 'postgres');
    expect(model.views?.map((v) => [v.name, v.materialized])).toEqual([['mv', true]]);
    expect(model.tables.map((t) => t.name)).toEqual(['t2']);
  });

  it('says in one line which extension it does not have, and loads one it has', async () => {
    const error = await caught(
      loadSql('CREATE TABLE a (id int);\n\nCREATE EXTENSION postgis;\n', 'ext.sql', 'postgres'),
    );
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toBe(
      'ext.sql:3: CREATE EXTENSION postgis is not allowed in a schema file (CREATE EXTENSION postgis): the sandbox (PGlite) does not have the extension "postgis"',
    );
    expect((error as SourceError).hint).toMatch(
      /^Give --dev-url an empty database on a PostgreSQL server that has the extension/,
    );
    const model = await loadSql(
      'CREATE EXTENSION pg_trgm;\nCREATE TABLE w (t text);\nCREATE INDEX w_t ON w USING gin (t gin_trgm_ops);\n',
      'trgm.sql',
      'postgres',
    );
    expect(model.extensions).toEqual(['pg_trgm']);
    expect(model.tables[0]!.indexes[0]).toMatchObject({ name: 'w_t', method: 'gin' });
  });

  it('a function run at load cannot read a file of this machine', async () => {
    const error = await caught(loadSql(LEAK, 'leak.sql', 'postgres'));
    expect(error.message).toMatch(
      new RegExp(`^cannot evaluate leak\\.sql:6 in the sandbox \\(PGlite\\): could not open file "${PROBE}"`),
    );
    expect(error.message).not.toContain(SECRET);
  });

  it('an error names the line where PostgreSQL says', async () => {
    const error = await caught(
      loadSql('CREATE TABLE a (id int);\n\nCREATE TABLE b (\n  id nosuchtype\n);\n', 'bad.sql', 'postgres'),
    );
    expect(error.message).toBe('cannot evaluate bad.sql:4 in the sandbox (PGlite): type "nosuchtype" does not exist');
  });
});

describe('a dev database (--dev-url)', () => {
  it('installs a trusted extension as the role without rights', async () => {
    const sql = [
      'CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog;',
      "COMMENT ON EXTENSION plpgsql IS 'PL/pgSQL procedural language';",
      'CREATE EXTENSION IF NOT EXISTS pg_trgm;',
      'CREATE TABLE w (t text);',
    ].join('\n');
    const model = await loadSql(sql, 'trgm.sql', 'postgres', { devUrl: dev.url });
    expect(model.extensions).toEqual(['pg_trgm']);
  });

  it('evaluates as a role without rights: a function run at load cannot read a server file, and nothing is left', async () => {
    const error = await caught(loadSql(LEAK, 'leak.sql', 'postgres', { devUrl: dev.url }));
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toBe(
      'cannot evaluate leak.sql:6 in the dev database: permission denied for function pg_read_file',
    );
    expect(error.message).not.toContain(SECRET);
    const client = new Client({ connectionString: dev.url });
    await client.connect();
    try {
      const left = await client.query(
        `SELECT relname FROM pg_class WHERE relname = 't' UNION ALL SELECT rolname FROM pg_roles WHERE rolname LIKE 'schemaplan_eval_%'`,
      );
      expect(left.rows).toEqual([]);
    } finally {
      await client.end();
    }
  });
});

describe('a SQLite .sql source', () => {
  it.each([
    ["ATTACH DATABASE '/tmp/x.db' AS x;", 'ATTACH DATABASE opens or creates a file'],
    ["VACUUM INTO '/tmp/x.db';", 'VACUUM INTO writes a database file'],
    ["SELECT load_extension('/tmp/evil.so');", 'load_extension() loads code or touches files'],
    ["CREATE VIEW v AS SELECT load_extension('/tmp/evil.so');", 'load_extension() loads code or touches files'],
    ['PRAGMA writable_schema = ON;', 'PRAGMA writable_schema is not one a schema file sets'],
    ['INSERT INTO ok VALUES (1);', 'a schema file holds no data and runs no queries'],
  ])('refuses %s', async (statement, why) => {
    const error = await caught(loadSql(`CREATE TABLE ok (id integer);\n\n${statement}\n`, 'lite.sql', 'sqlite'));
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toMatch(
      new RegExp(`^lite\\.sql:3: not allowed in a schema file \\(.*\\): ${why.replace(/[()]/g, '\\$&')}$`),
    );
  });

  it('loads schema DDL, harmless PRAGMAs and a trigger whose body has several statements', async () => {
    const sql = `PRAGMA foreign_keys = OFF;
BEGIN TRANSACTION;
CREATE TABLE a (id integer PRIMARY KEY, n integer);
CREATE TABLE log (id integer);
CREATE TRIGGER a_log AFTER INSERT ON a BEGIN
  INSERT INTO log VALUES (CASE WHEN new.n > 0 THEN new.id ELSE 0 END);
  DELETE FROM log WHERE id < 0;
END;
CREATE INDEX a_n ON a (n);
COMMIT;
`;
    const model = await loadSql(sql, 'lite.sql', 'sqlite');
    expect(model.tables.map((t) => t.name)).toEqual(['a', 'log']);
  });
});
