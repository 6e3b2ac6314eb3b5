import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApplyError, ConnectionError } from '../src/errors/errors';
import type { Table } from '../src/model';
import { sqliteDialect } from '../src/dialects/sqlite';
import { parseDatabaseUrl } from '../src/connect/url';
import { createSchema, fileHash, model, openSession, rawSqlite, tempSqlite, type TempSqlite } from './support/sqlite';

const statement = (sql: string) => ({ sql, hazards: [], transactional: true });

function tables(count: number): Table[] {
  return Array.from({ length: count }, (_, i): Table => ({
    name: `t${String(i).padStart(3, '0')}`,
    columns: [
      { name: 'id', type: 'integer', nullable: false, generated: 'increment' },
      { name: 'code', type: 'varchar', length: 20, nullable: false },
      { name: 'kind', type: 'varchar', enumValues: ['a', 'b'], nullable: false, default: "'a'" },
      { name: 'prevId', type: 'integer', nullable: true },
    ],
    primaryKey: { columns: ['id'] },
    foreignKeys:
      i === 0
        ? []
        : [
            {
              name: `FK_t${i}_prev`,
              columns: ['prevId'],
              referencedTable: `t${String(i - 1).padStart(3, '0')}`,
              referencedColumns: ['id'],
              onDelete: 'CASCADE',
              onUpdate: 'NO ACTION',
            },
          ],
    uniques: [{ name: `UQ_t${i}_code`, columns: ['code'] }],
    checks: [{ name: `CHK_t${i}_code`, expression: `"code" <> ''` }],
    indexes: [{ name: `IDX_t${i}_kind`, columns: ['kind', 'code'], unique: false, where: `"kind" = 'a'` }],
  }));
}

describe('SQLite session', () => {
  let db: TempSqlite;
  beforeEach(() => {
    db = tempSqlite('session');
  });
  afterEach(() => db.remove());

  it('introspects with the same number of queries for 3 and for 60 tables', async () => {
    const counts: number[] = [];
    for (const n of [3, 60]) {
      const file = path.join(db.dir, `n${n}.sqlite`);
      const target = model(...tables(n));
      await createSchema(file, target);
      const session = await openSession(file);
      try {
        const before = session.queryCount;
        const actual = await session.introspect();
        counts.push(session.queryCount - before);
        expect(actual).toEqual(target);
      } finally {
        await session.close();
      }
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(4);
  });

  it('skips TypeORM bookkeeping tables and sqlite_ internals', async () => {
    await rawSqlite(
      db.file,
      `CREATE TABLE "migrations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "timestamp" bigint NOT NULL, "name" varchar NOT NULL);
       CREATE TABLE "typeorm_metadata" ("type" varchar NOT NULL, "name" varchar);
       CREATE TABLE "kept" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL);
       CREATE VIEW "v" AS SELECT 1;`,
    );
    const session = await openSession(db.file);
    const actual = await session.introspect();
    await session.close();
    expect(actual.tables.map((t) => t.name)).toEqual(['kept']);
  });

  it('applies atomically: a failing third statement leaves the file exactly as it was', async () => {
    await rawSqlite(
      db.file,
      `CREATE TABLE "a" ("id" integer PRIMARY KEY, "v" text); INSERT INTO "a" VALUES (1, 'one');`,
    );
    const before = fileHash(db.file);
    const session = await openSession(db.file);
    try {
      const failing = statement('INSERT INTO "missing" VALUES (1)');
      const error = await session
        .apply([
          statement('CREATE TABLE "b" ("id" integer)'),
          statement(`UPDATE "a" SET "v" = 'changed'`),
          failing,
          statement('DROP TABLE "a"'),
        ])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApplyError);
      expect((error as ApplyError).statement).toBe(failing.sql);
      expect((error as ApplyError).message).toMatch(/no such table: missing/);
      expect((error as ApplyError).message).not.toMatch(/\n/);
      // The session is still usable, outside any transaction, with foreign keys restored.
      expect(await session.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      expect((await session.introspect()).tables.map((t) => t.name)).toEqual(['a']);
    } finally {
      await session.close();
    }
    expect(fileHash(db.file)).toBe(before);
    expect(await rawSqlite(db.file, 'SELECT * FROM a')).toEqual([{ id: 1, v: 'one' }]);
  });

  it('refuses a result that violates a foreign key, naming the table, and rolls back', async () => {
    await rawSqlite(
      db.file,
      `CREATE TABLE "parent" ("id" integer PRIMARY KEY);
       CREATE TABLE "child" ("id" integer PRIMARY KEY, "parentId" integer REFERENCES "parent" ("id"));`,
    );
    const before = fileHash(db.file);
    const session = await openSession(db.file);
    try {
      const error = await session.apply([statement('INSERT INTO "child" VALUES (1, 42)')]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApplyError);
      expect((error as ApplyError).message).toMatch(/foreign key check failed: 1 row\(s\) of table "child"/);
      expect((error as ApplyError).statement).toBe('PRAGMA foreign_key_check');
    } finally {
      await session.close();
    }
    expect(fileHash(db.file)).toBe(before);
  });

  it('restores foreign_keys = OFF when that was the setting', async () => {
    const session = await openSession(db.file);
    try {
      await session.run('PRAGMA foreign_keys = OFF');
      await session.apply([statement('CREATE TABLE "x" ("id" integer)')]);
      expect(await session.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 0 }]);
    } finally {
      await session.close();
    }
  });

  it('reports its version and counts queries', async () => {
    const session = await openSession(db.file);
    try {
      const count = session.queryCount;
      expect(await session.serverVersion()).toMatch(/^3\.\d+\.\d+$/);
      expect(session.queryCount).toBe(count + 1);
      expect(session.dialect).toBe('sqlite');
    } finally {
      await session.close();
    }
  });

  it('creates a missing database file (a new dev database) from a sqlite: URL', async () => {
    const target = parseDatabaseUrl('sqlite:./dev.sqlite', db.dir);
    const session = await sqliteDialect.connect(target);
    try {
      expect(session.target).toBe('sqlite:dev.sqlite');
      expect((await session.introspect()).tables).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('fails to connect with one line and a hint when the directory does not exist', async () => {
    const target = parseDatabaseUrl('sqlite:./missing/dir/dev.sqlite', db.dir);
    const error = await sqliteDialect.connect(target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toBe(
      `cannot open SQLite database sqlite:missing/dir/dev.sqlite: directory ${path.join(db.dir, 'missing/dir')} does not exist`,
    );
    expect((error as ConnectionError).hint).toMatch(/mkdir -p/);
  });

  it('fails to connect when the file is not a database', async () => {
    const file = path.join(db.dir, 'notes.txt');
    writeFileSync(file, 'this is not a database, just some text that is long enough to have a header '.repeat(10));
    const error = await sqliteDialect
      .connect({ dialect: 'sqlite', filename: file, redacted: 'sqlite:notes.txt' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toMatch(
      /^cannot open SQLite database sqlite:notes.txt: .*not a database/,
    );
    expect((error as ConnectionError).message).not.toMatch(/\n/);
  });
});
