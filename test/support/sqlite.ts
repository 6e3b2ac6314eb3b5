/** Helpers for the SQLite dialect tests: temporary database files, raw access outside the product, planning. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import type { Change } from '../../src/diff/changes';
import { diffModels } from '../../src/diff/diff';
import type { Model, Table } from '../../src/model';
import { createPlan } from '../../src/plan/plan';
import type { Plan, Statement } from '../../src/plan/types';
import { withScratchDatabase } from '../../src/sources/scratch-database';
import { sqliteDialect, SqliteSession } from '../../src/dialects/sqlite';

export interface TempSqlite {
  readonly dir: string;
  readonly file: string;
  remove(): void;
}

export function tempSqlite(prefix: string): TempSqlite {
  const dir = mkdtempSync(path.join(os.tmpdir(), `schemaplan-sqlite-${prefix}-`));
  return { dir, file: path.join(dir, 'test.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function openSession(file: string): Promise<SqliteSession> {
  return (await sqliteDialect.connect({
    dialect: 'sqlite',
    filename: file,
    redacted: `sqlite:${file}`,
  })) as SqliteSession;
}

/** Runs SQL on a file through its own connection (foreign keys ON, like an application), not the product's. */
export function rawSqlite<T = Record<string, unknown>>(file: string, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (openError) => {
      if (openError) return reject(openError);
      db.exec('PRAGMA foreign_keys = ON', (pragmaError) => {
        if (pragmaError) return db.close(() => reject(pragmaError));
        const done = (error: Error | null, rows?: unknown[]) =>
          db.close(() => (error ? reject(error) : resolve((rows ?? []) as T[])));
        if (/^\s*(select|pragma)/i.test(sql)) db.all(sql, done);
        else db.exec(sql, (error) => done(error));
      });
    });
  });
}

export function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export const emptyModel: Model = { dialect: 'sqlite', extensions: [], enums: [], tables: [] };

/** Execution order good enough for SQLite plans (the real plan orders by a dependency graph). */
const ORDER: Record<string, number> = {
  'index.drop': 0,
  'table.create': 1,
  'column.add': 2,
  'table.rebuild': 3,
  'index.create': 4,
  'table.drop': 5,
};

export interface SqlitePlan {
  readonly changes: readonly Change[];
  readonly statements: readonly Statement[];
}

/** diff -> lower -> render, on normalised models. */
export function planSqlite(from: Model, to: Model): SqlitePlan {
  const a = sqliteDialect.normalize(from);
  const b = sqliteDialect.normalize(to);
  const context = { from: a, to: b };
  const changes = sqliteDialect
    .lower(diffModels(a, b, { enums: sqliteDialect.enums }).changes, context)
    .sort((x, y) => (ORDER[x.kind] ?? 9) - (ORDER[y.kind] ?? 9));
  return { changes, statements: changes.flatMap((change) => sqliteDialect.render(change, context)) };
}

export function model(...tables: Table[]): Model {
  return sqliteDialect.normalize({ dialect: 'sqlite', extensions: [], enums: [], tables });
}

/** Brings an empty file to `target` with the product's own plan. */
export async function createSchema(file: string, target: Model): Promise<void> {
  const session = await openSession(file);
  try {
    await session.apply(planSqlite(emptyModel, target).statements);
  } finally {
    await session.close();
  }
}

/** The model of SQL text, loaded into an in-memory scratch database and introspected. */
export async function modelOfSql(sql: string): Promise<Model> {
  return withScratchDatabase('sqlite', {}, async (db) => {
    await db.load(sql, 'to.sql');
    return db.introspect();
  });
}

export interface SqlMigration {
  readonly plan: Plan;
  /** The plan from the migrated database to the target: empty when it converged. */
  readonly again: Plan;
  readonly migrated: Model;
  /** The rows of `read` (a query) on the migrated database. */
  readonly rows: Record<string, unknown>[];
}

/**
 * On an in-memory database holding `fromSql`: plans (as `schema plan` does, without measurements) to the schema of
 * `toSql`, applies it, introspects, plans again, and runs `read`.
 */
export async function migrateSql(fromSql: string, toSql: string, read = 'SELECT 1 AS one'): Promise<SqlMigration> {
  const to = await modelOfSql(toSql);
  return withScratchDatabase('sqlite', {}, async (db) => {
    await db.load(fromSql, 'from.sql');
    const plan = createPlan({ from: await db.introspect(), to, dialect: sqliteDialect });
    await db.session.apply(plan.statements);
    const migrated = await db.introspect();
    const again = createPlan({ from: migrated, to, dialect: sqliteDialect });
    const rows = await (db.session as SqliteSession).query(read);
    return { plan, again, migrated, rows };
  });
}

export const sqlOf = (plan: Pick<Plan, 'statements'>): string[] => plan.statements.map((s) => s.sql);
