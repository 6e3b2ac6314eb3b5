/**
 * TypeORM as the oracle for the SQLite dialect, both ways:
 * - a database built by TypeORM's own synchronize() (sql.js driver) introspects to the model compiled from the
 *   same entities;
 * - a database built from our rendering of the compiled model is one TypeORM's schema builder finds in sync.
 */
import 'reflect-metadata';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import { compileEntities } from '../src/compile/compile';
import { diffModels } from '../src/diff/diff';
import { matchingParen, sourceText, splitTopLevel, tokenize } from '../src/dialects/sqlite/tokenize';
import { sqliteDialect } from '../src/dialects/sqlite';
import type { Change } from '../src/diff/changes';
import type { Model, Table } from '../src/model';
import { tableOf } from '../src/diff/change-facts';
import {
  createSchema,
  emptyModel,
  openSession,
  planSqlite,
  rawSqlite,
  tempSqlite,
  type TempSqlite,
} from './support/sqlite';

const SCHEMA_DIR = path.join(__dirname, '..', 'schema');

/** The decorated entity classes exported by schema/*.ts. */
function schemaEntities(): Function[] {
  const classes = new Set<Function>();
  for (const file of readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(path.join(SCHEMA_DIR, file)) as Record<string, unknown>;
    for (const value of Object.values(exports)) if (typeof value === 'function') classes.add(value);
  }
  const decorated = new Set(getMetadataArgsStorage().tables.map((table) => table.target));
  return [...classes].filter((c) => decorated.has(c));
}

/** The CREATE TABLE text with its `CONSTRAINT ...` clauses sorted: the canonical model orders them by name. */
function sortTableConstraints(sql: string): string {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((t) => t.value === '(');
  const close = matchingParen(tokens, open);
  const parts = splitTopLevel(tokens, open + 1, close).map(([a, b]) => sourceText(sql, tokens, a, b));
  const columns = parts.filter((p) => !p.startsWith('CONSTRAINT '));
  const constraints = parts.filter((p) => p.startsWith('CONSTRAINT ')).sort();
  return `${sql.slice(0, tokens[open]!.end)}${[...columns, ...constraints].join(', ')}${sql.slice(tokens[close]!.start)}`;
}

async function sqljs(entities: Function[], database?: Uint8Array): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'sqljs', database, entities, synchronize: false, logging: false });
  await dataSource.initialize();
  return dataSource;
}

describe('SQLite dialect agrees with TypeORM', () => {
  let db: TempSqlite;
  const entities = schemaEntities();
  beforeEach(() => {
    db = tempSqlite('typeorm');
  });
  afterEach(() => db.remove());

  it('finds the example schema entities', () => {
    expect(entities.map((e) => e.name).sort()).toEqual([
      'Card',
      'CardStatistics',
      'Deck',
      'RefreshToken',
      'Review',
      'User',
      'UserDeckProgress',
      'UserSettings',
    ]);
  });

  it("introspects TypeORM's own synchronize() result as the compiled model", async () => {
    const dataSource = await sqljs(entities);
    try {
      await dataSource.synchronize();
      writeFileSync(db.file, (dataSource.driver as unknown as { export(): Uint8Array }).export());
    } finally {
      await dataSource.destroy();
    }
    const compiled = (await compileEntities(entities, 'sqlite')).model;
    const session = await openSession(db.file);
    try {
      const introspected = await session.introspect();
      expect(sqliteDialect.normalize(introspected)).toEqual(sqliteDialect.normalize(compiled));
      expect(planSqlite(introspected, compiled).statements).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('builds from the compiled model a database TypeORM finds in sync', async () => {
    const compiled = (await compileEntities(entities, 'sqlite')).model;
    expect(planSqlite(emptyModel, compiled).changes.every((c) => c.kind === 'table.create')).toBe(true);
    await createSchema(db.file, compiled);
    const dataSource = await sqljs(entities, new Uint8Array(readFileSync(db.file)));
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it("writes each CREATE TABLE exactly as TypeORM's synchronize() does (table constraints in name order)", async () => {
    const master = "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name";
    const typeorm = await sqljs(entities);
    let expected: unknown[];
    try {
      await typeorm.synchronize();
      expected = await typeorm.query(master);
    } finally {
      await typeorm.destroy();
    }
    await createSchema(db.file, (await compileEntities(entities, 'sqlite')).model);
    const session = await openSession(db.file);
    try {
      const ours = (await session.query(master)) as { name: string; sql: string }[];
      const canonical = (rows: readonly unknown[]) =>
        (rows as { name: string; sql: string }[]).map((row) => ({
          name: row.name,
          sql: sortTableConstraints(row.sql),
        }));
      expect(canonical(ours)).toEqual(canonical(expected));
      expect(ours.map((row) => row.sql.length)).toEqual((expected as { sql: string }[]).map((row) => row.sql.length));
    } finally {
      await session.close();
    }
  });

  it('migrates an older database to the entities with rebuilds, keeping rows, and TypeORM then finds it in sync', async () => {
    const compiled = (await compileEntities(entities, 'sqlite')).model;
    const edit = (name: string, change: (table: Table) => Table): Table[] =>
      compiled.tables.map((table) => (table.name === name ? change(table) : table));
    let old: Model = {
      ...compiled,
      tables: edit('users', (t) => ({ ...t, columns: t.columns.filter((c) => c.name !== 'bio') })),
    };
    old = {
      ...old,
      tables: old.tables.map((t) =>
        t.name === 'decks'
          ? {
              ...t,
              columns: t.columns.map((c) => (c.name === 'level' ? { ...c, enumValues: ['A1', 'A2'] } : c)),
              indexes: [],
            }
          : t.name === 'card_statistics'
            ? { ...t, checks: [] }
            : t,
      ),
    };
    await createSchema(db.file, old);
    await rawSqlite(
      db.file,
      `INSERT INTO users (id, email, displayName) VALUES ('u1', 'a@example.com', 'A');
       INSERT INTO decks (title, level, language, ownerId) VALUES ('Greek', 'A2', 'el', 'u1');
       INSERT INTO cards (deckId, front, back) VALUES (1, 'γεια', 'hello');
       INSERT INTO refresh_tokens (id, userId, tokenHash, expiresAt) VALUES ('t1', 'u1', 'h', '2030-01-01');`,
    );
    const plan = planSqlite(old, compiled);
    const describe = (c: Change) =>
      c.kind === 'table.rebuild' ? `${c.kind} ${c.to.name}` : `${c.kind} ${tableOf(c)?.name}`;
    expect(plan.changes.map(describe).sort()).toEqual([
      'column.add users', // nullable: ALTER TABLE ADD COLUMN, no rebuild
      'table.rebuild card_statistics',
      'table.rebuild decks',
    ]);
    const session = await openSession(db.file);
    try {
      await session.apply(plan.statements);
      // Converged; ADD COLUMN appends "bio" at the end, and column order is not part of the diff.
      const introspected = await session.introspect();
      expect(
        diffModels(introspected, sqliteDialect.normalize(compiled), { enums: sqliteDialect.enums }).changes,
      ).toEqual([]);
      expect(
        introspected.tables
          .find((t) => t.name === 'users')!
          .columns.map((c) => c.name)
          .at(-1),
      ).toBe('bio');
    } finally {
      await session.close();
    }
    for (const [table, count] of [
      ['users', 1],
      ['decks', 1],
      ['cards', 1],
      ['refresh_tokens', 1],
    ] as const) {
      expect(await rawSqlite(db.file, `SELECT COUNT(*) AS n FROM ${table}`)).toEqual([{ n: count }]);
    }
    const dataSource = await sqljs(entities, new Uint8Array(readFileSync(db.file)));
    try {
      expect((await dataSource.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
