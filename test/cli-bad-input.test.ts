import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { parseDatabaseUrl } from '../src/connect/url';
import sqlite3 from 'sqlite3';
import { REPO_ROOT, runCli, type CliResult } from './support/cli';
import {
  adminUrl,
  createTestDatabase,
  startThrowawayCluster,
  type TestPostgresDatabase,
  type ThrowawayCluster,
} from './support/postgres';
import { tempProject } from './support/temp';

/**
 * Bad input through the real binary: each is one `error:` line (and a `hint:` line), exit 1, no stack trace, nothing
 * written (the project directory is byte-for-byte the same) and nothing touched (the SQLite file's bytes, the
 * PostgreSQL catalog). RELIABILITY.md lists these cases with the messages asserted here.
 */

const BIN = path.join(REPO_ROOT, 'bin', 'schema.js');
const OK_ENTITY = `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity() export class Note { @PrimaryGeneratedColumn() id!: number; @Column() body!: string; }
`;

/** Every file under `dir` with its bytes, so "nothing written" compares the whole tree. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const full = path.join(at, name);
      if (name === 'node_modules') continue; // the repository's packages, linked (see tempProject)
      if (statSync(full).isDirectory()) {
        out[`${path.relative(dir, full)}/`] = '';
        walk(full);
      } else out[path.relative(dir, full)] = readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return out;
}

/** A project: schema/<file> entity sources, a generated/ and a migrations/ directory, and a SQLite file with one table. */
async function project(files: Record<string, string>): Promise<{ dir: string; url: string; remove(): void }> {
  const tmp = tempProject('bad-input');
  for (const sub of ['schema', 'generated', 'migrations']) mkdirSync(path.join(tmp.dir, sub));
  writeFileSync(path.join(tmp.dir, 'generated', 'model.json'), '{"sentinel":true}\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(tmp.dir, 'schema', name), text);
  const file = path.join(tmp.dir, 'app.sqlite');
  await new Promise<void>((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => {
      if (error) return reject(error);
      db.exec(
        'CREATE TABLE "existing" ("id" integer PRIMARY KEY, "x" text); INSERT INTO "existing" VALUES (1, \'kept\');',
        (e) => db.close(() => (e ? reject(e) : resolve())),
      );
    });
  });
  return { dir: tmp.dir, url: `sqlite:${file}`, remove: tmp.remove };
}

/** The PostgreSQL catalog of the database's own schemas: relations, columns, types, constraints, as one string. */
async function pgCatalog(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT string_agg(item, E'\\n' ORDER BY item) AS catalog FROM (
        SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text AS item FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        UNION ALL SELECT c.relname || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
          JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE a.attnum > 0 AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        UNION ALL SELECT 'type ' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND t.typtype = 'e'
        UNION ALL SELECT 'constraint ' || conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      ) items`);
    return String(rows[0]?.catalog ?? '');
  } finally {
    await client.end();
  }
}

/**
 * The shape every bad input must have: exit 1, nothing on stdout, `error: <first>`, then only hint lines, no stack.
 * A run that got as far as connecting names its `database` (and where it came from) in a line before the error.
 */
function expectOneLineError(result: CliResult, first: RegExp, database?: string): void {
  expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 1, stdout: '' });
  let lines = result.stderr.trimEnd().split('\n');
  if (database !== undefined) {
    expect(lines[0]).toBe(`Database: ${database}`);
    lines = lines.slice(1);
  }
  expect(lines[0]).toMatch(first);
  expect(lines.slice(1).every((line) => line.startsWith('hint: '))).toBe(true);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

const typeormEntity = (body: string, imports = 'Column, Entity, PrimaryGeneratedColumn') =>
  `import { ${imports} } from 'typeorm';\n${body}\n`;

/** Entity sources that are wrong, each with the first line the user sees. */
const ENTITY_CASES: readonly { name: string; files: Record<string, string>; first: RegExp; url?: 'postgres' }[] = [
  {
    name: 'an entity file with a syntax error (file:line:column)',
    files: { 'broken.ts': typeormEntity('@Entity()\nexport class Broken {\n  id: number = ;\n}') },
    first: /^error: schema\/broken\.ts:4:16: Expression expected\.$/,
  },
  {
    name: 'an entity file that throws on import',
    files: {
      'throws.ts': typeormEntity(
        "throw new Error('no config for tenant');\n@Entity() export class T { @PrimaryGeneratedColumn() id!: number; }",
      ),
    },
    first: /^error: schema\/throws\.ts: loading the file threw: no config for tenant$/,
  },
  {
    name: 'an import of a missing module',
    files: {
      'missing.ts': typeormEntity(
        "import { slug } from './helpers/slug';\n@Entity() export class M { @PrimaryGeneratedColumn() id!: number; @Column({ default: slug() }) s!: string; }",
      ),
    },
    first: /^error: schema\/missing\.ts: cannot find module '\.\/helpers\/slug'$/,
  },
  {
    name: 'a class that is not an entity (column decorators, no @Entity)',
    files: {
      'note.ts': OK_ENTITY,
      'tag.ts': typeormEntity('export class Tag { @PrimaryGeneratedColumn() id!: number; @Column() label!: string; }'),
    },
    first: /^error: class Tag \(schema\/tag\.ts\) has column decorators but is not an entity: it lacks @Entity\(\)$/,
  },
  {
    name: 'entity files that declare no entity at all',
    files: { 'dto.ts': 'export class NoteDto { body = ""; }\n' },
    first:
      /^error: no entities in the files matching schema\/\*\*\/\*\.ts: none of the classes exported by schema\/dto\.ts has @Entity\(\)$/,
  },
  {
    name: 'a relation to an entity that is not loaded',
    files: {
      'card.ts': typeormEntity(
        'class Deck { id!: number; }\n@Entity() export class Card { @PrimaryGeneratedColumn() id!: number; @ManyToOne(() => Deck) deck!: Deck; }',
        'Entity, ManyToOne, PrimaryGeneratedColumn',
      ),
    },
    first: /^error: relation Card\.deck points to a class that is not a loaded entity$/,
  },
  {
    name: 'an unsupported column type for SQLite',
    files: {
      'doc.ts': typeormEntity(
        "@Entity() export class Doc { @PrimaryGeneratedColumn() id!: number; @Column({ type: 'tsvector' }) words!: string; }",
      ),
    },
    first: /^error: column Doc\.words: type "tsvector" is not supported on SQLite$/,
  },
  {
    name: 'an unsupported column type for PostgreSQL',
    files: {
      'doc.ts': typeormEntity(
        "@Entity() export class Doc { @PrimaryGeneratedColumn() id!: number; @Column({ type: 'datetime' }) at!: Date; }",
      ),
    },
    first: /^error: column Doc\.at: type "datetime" is not supported on PostgreSQL$/,
    url: 'postgres',
  },
  {
    name: 'duplicate table names',
    files: {
      'a.ts': typeormEntity("@Entity('notes') export class A { @PrimaryGeneratedColumn() id!: number; }"),
      'b.ts': typeormEntity("@Entity('notes') export class B { @PrimaryGeneratedColumn() id!: number; }"),
    },
    first: /^error: entity A and entity B both map to table notes$/,
  },
  {
    name: 'an enum default that is not a member',
    files: {
      'deck.ts': typeormEntity(
        "export enum Level { A1 = 'A1', B1 = 'B1' }\n@Entity() export class Deck { @PrimaryGeneratedColumn() id!: number;\n  @Column({ type: 'simple-enum', enum: Level, enumName: 'level', default: 'C2' }) level!: Level; }",
      ),
    },
    first: /^error: column Deck\.level: default "C2" is not a value of its enum \("A1", "B1"\)$/,
  },
];

describe('bad input: one clear line, exit 1, nothing written, nothing touched', () => {
  let pg: TestPostgresDatabase;
  beforeAll(async () => {
    pg = await createTestDatabase('bad_input');
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    await client.query('CREATE TABLE "existing" ("id" integer PRIMARY KEY, "x" text)');
    await client.end();
  });
  afterAll(async () => {
    await pg?.drop();
  });

  it.each(ENTITY_CASES)('$name', async ({ files, first, url }) => {
    const p = await project(files);
    try {
      const before = snapshot(p.dir);
      const catalog = url === 'postgres' ? await pgCatalog(pg.url) : '';
      const target = url === 'postgres' ? pg.url : p.url;
      const applied = runCli(['apply', '--yes', '--url', target, '--entities', 'schema/**/*.ts'], { cwd: p.dir });
      expectOneLineError(applied, first);
      expect(snapshot(p.dir)).toEqual(before);
      if (url === 'postgres') expect(await pgCatalog(pg.url)).toBe(catalog);
    } finally {
      p.remove();
    }
  });

  it('a stack trace only with --debug, naming the TypeScript line; plan --migration writes nothing either', async () => {
    const p = await project(ENTITY_CASES[1]!.files);
    try {
      const before = snapshot(p.dir);
      // Without --debug first: the file is transpiled without a source map then, and a --debug run must not reuse it.
      expectOneLineError(runCli(['plan', '--url', p.url], { cwd: p.dir }), /loading the file threw/);
      const result = runCli(['plan', '--url', p.url, '--debug', '--migration', 'bad input'], { cwd: p.dir });
      expect(snapshot(p.dir)).toEqual(before);
      expect(result.status).toBe(1);
      expect(result.stderr.split('\n')[0]).toBe(
        'error: schema/throws.ts: loading the file threw: no config for tenant',
      );
      expect(result.stderr).toMatch(/^\s+at /m);
      // The throw is on line 2 of schema/throws.ts (line 1 imports from typeorm).
      expect(result.stderr).toMatch(/schema\/throws\.ts:2:\d+\)$/m);
    } finally {
      p.remove();
    }
  });

  it('an unreachable database: host:port and a hint', async () => {
    const p = await project({ 'note.ts': OK_ENTITY });
    try {
      const result = runCli(['apply', '--yes', '--url', 'postgres://app@127.0.0.1:1/app'], { cwd: p.dir });
      expectOneLineError(
        result,
        /^error: cannot connect to PostgreSQL at 127\.0\.0\.1:1: connection refused$/,
        'postgres://app@127.0.0.1:1/app (from --url)',
      );
      expect(result.stderr).toContain('hint: Is the server running and listening on that host and port?');
    } finally {
      p.remove();
    }
  });

  it('a database that does not exist', async () => {
    const p = await project({ 'note.ts': OK_ENTITY });
    try {
      const url = new URL(adminUrl());
      url.pathname = '/sp_no_such_database';
      const before = snapshot(p.dir);
      const result = runCli(['apply', '--yes', '--url', url.toString()], { cwd: p.dir });
      expectOneLineError(
        result,
        /^error: database "sp_no_such_database" does not exist on PostgreSQL at [^ ]+:\d+$/,
        `${parseDatabaseUrl(url.toString()).redacted} (from --url)`,
      );
      expect(result.stderr).toContain('hint: Create it first (createdb sp_no_such_database)');
      expect(snapshot(p.dir)).toEqual(before);
    } finally {
      p.remove();
    }
  });

  it('permission denied for DDL (a role without CREATE): nothing applied', async () => {
    const role = `sp_no_create_${process.pid}`;
    const fresh = await createTestDatabase('bad_input_ddl');
    const admin = new Client({ connectionString: fresh.url });
    await admin.connect();
    const p = await project({ 'note.ts': OK_ENTITY });
    try {
      await admin.query(`CREATE ROLE "${role}" LOGIN`);
      await admin.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
      const url = new URL(fresh.url);
      url.username = role;
      url.password = '';
      const catalog = await pgCatalog(fresh.url);
      const before = snapshot(p.dir);
      const result = runCli(['apply', '--yes', '--url', url.toString()], { cwd: p.dir });
      expect({ status: result.status, stdout: result.stdout }).toEqual({
        status: 1,
        stdout: expect.stringContaining('Plan for'),
      });
      const [database, ...lines] = result.stderr.trimEnd().split('\n');
      expect(database).toBe(`Database: ${parseDatabaseUrl(url.toString()).redacted} (from --url)`);
      expect(lines[0]).toBe('error: statement 1 of 1 failed: permission denied for schema public');
      expect(lines[1]).toMatch(/^ {4}CREATE TABLE "public"\."note" /);
      expect(lines[2]).toBe(
        'hint: Nothing was applied: the transaction was rolled back. The database user lacks a privilege this statement needs: apply as the owner of the schema (or a role with CREATE on it), or GRANT the privilege.',
      );
      expect(lines).toHaveLength(3);
      expect(await pgCatalog(fresh.url)).toBe(catalog);
      expect(snapshot(p.dir)).toEqual(before);
    } finally {
      p.remove();
      await admin.end();
      await fresh.drop();
      const server = new Client({ connectionString: adminUrl() });
      await server.connect();
      await server.query(`DROP ROLE IF EXISTS "${role}"`);
      await server.end();
    }
  });

  it('a read-only SQLite file: its bytes stay as they were', async () => {
    const p = await project({ 'note.ts': OK_ENTITY });
    try {
      const file = p.url.slice('sqlite:'.length);
      chmodSync(file, 0o444);
      chmodSync(p.dir, 0o755);
      const bytes = readFileSync(file);
      // Root writes anything: run the CLI as nobody there, so the file's permissions are what they are for users.
      const asRoot = process.getuid?.() === 0;
      const command = asRoot
        ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN]]
        : [process.execPath, [BIN]];
      const result = spawnSync(command[0] as string, [...(command[1] as string[]), 'apply', '--yes', '--url', p.url], {
        cwd: p.dir,
        env: { ...process.env, NO_COLOR: '1' },
        encoding: 'utf8',
      });
      expectOneLineError(
        { pid: result.pid, status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr },
        /^error: cannot open SQLite database sqlite:app\.sqlite: .*app\.sqlite is not readable and writable$/,
        'sqlite:app.sqlite (from --url)',
      );
      expect(result.stderr).toContain("hint: Check the file's permissions (chmod u+rw");
      expect(readFileSync(file).equals(bytes)).toBe(true);
    } finally {
      p.remove();
    }
  });

  it.each([
    ['postgres://app:pw@[::1/app', /^error: the PostgreSQL URL is malformed$/],
    ['postgres://', /^error: the PostgreSQL URL names no host$/],
    ['mysql://root@localhost/db', /^error: unsupported database URL scheme "mysql:"$/],
    ['app.sqlite', /^error: the database URL has no scheme$/],
  ])('a malformed URL: %s', async (url, first) => {
    const p = await project({ 'note.ts': OK_ENTITY });
    try {
      const before = snapshot(p.dir);
      expectOneLineError(runCli(['apply', '--yes', '--url', url], { cwd: p.dir }), first);
      expect(snapshot(p.dir)).toEqual(before);
    } finally {
      p.remove();
    }
  });

  it('an unknown flag', async () => {
    const p = await project({ 'note.ts': OK_ENTITY });
    try {
      const before = snapshot(p.dir);
      const result = runCli(['apply', '--yes', '--url', p.url, '--frobnicate'], { cwd: p.dir });
      expectOneLineError(result, /^error: unknown option for schema apply: --frobnicate$/);
      expect(result.stderr).toContain('hint: Run schema apply --help for its options.');
      expect(snapshot(p.dir)).toEqual(before);
    } finally {
      p.remove();
    }
  });
});

describe('a wrong password', () => {
  // The shared server trusts every local connection, so a wrong password cannot happen there: this starts a real
  // throwaway cluster that asks for one (scram-sha-256 over TCP).
  let cluster: ThrowawayCluster;
  beforeAll(async () => {
    cluster = await startThrowawayCluster({ password: 'the-right-one' });
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('says the server rejected the password, and never prints it', async () => {
    const p = await project({ 'note.ts': OK_ENTITY });
    try {
      const url = cluster.url.replace('the-right-one', 'Wr0ng-Pa55word');
      const port = new URL(url).port;
      const result = runCli(['apply', '--yes', '--url', url, '--debug'], { cwd: p.dir });
      expect(result.status).toBe(1);
      const lines = result.stderr.split('\n');
      const database = `postgres://postgres:***@127.0.0.1:${port}/postgres (from --url)`;
      expect(lines[0]).toBe(`Database: ${database}`);
      expect(lines[1]).toBe(`error: PostgreSQL at 127.0.0.1:${port} rejected the password for user "postgres"`);
      expect(lines[2]).toBe('hint: Check the user name and password in the database URL.');
      expect(result.stderr + result.stdout).not.toContain('Wr0ng-Pa55word');
      expectOneLineError(
        runCli(['plan', '--url', url], { cwd: p.dir }),
        /^error: PostgreSQL at 127\.0\.0\.1:\d+ rejected the password for user "postgres"$/,
        database,
      );
      const good = runCli(['plan', '--url', cluster.url], { cwd: p.dir });
      expect(good.status).toBe(0);
      expect(good.stdout).toContain(`Plan for postgres://postgres:***@127.0.0.1:${port}/postgres`);
      expect(good.stdout + good.stderr).not.toContain('the-right-one');
    } finally {
      p.remove();
    }
  });
});
