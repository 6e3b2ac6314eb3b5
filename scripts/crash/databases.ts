/**
 * The crash and concurrency harness's databases: a seeded template per dialect (the `from` entities of
 * test/entities/crash, with rows), cheap clones of it for each run, raw SQL outside the product, and the product's
 * own reading of the schema (its model, its hash) to compare states.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import sqlite3 from 'sqlite3';
import { parseDatabaseUrl } from '../../src/connect/url';
import { dialectFor } from '../../src/dialects/registry';
import type { DialectName, Model } from '../../src/model';
import { runSchema } from './cli';

export const TABLES = ['crash_1', 'crash_2', 'crash_3', 'crash_4', 'crash_5', 'crash_6'] as const;
export const ROWS_PER_TABLE = 20_000;
export const ENTITIES = { from: 'test/entities/crash/from/*.ts', to: 'test/entities/crash/to/*.ts' } as const;

/** One database a run works on. */
export interface CrashDatabase {
  readonly dialect: DialectName;
  readonly url: string;
  /** PostgreSQL: the database name; SQLite: the file. */
  readonly name: string;
  drop(): Promise<void>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Runs SQL on a PostgreSQL database through its own connection. */
export async function pgQuery<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url, application_name: 'crash-harness' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** An open connection to an SQLite file, outside the product. */
export interface SqliteHandle {
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function openSqlite(file: string): Promise<SqliteHandle> {
  return new Promise((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (error) => {
      if (error) return reject(error);
      resolve({
        all: <T>(sql: string) => new Promise<T[]>((ok, ko) => db.all<T>(sql, (e, rows) => (e ? ko(e) : ok(rows)))),
        exec: (sql) => new Promise<void>((ok, ko) => db.exec(sql, (e) => (e ? ko(e) : ok()))),
        close: () => new Promise<void>((ok) => db.close(() => ok())),
      });
    });
  });
}

export async function sqliteQuery<T = Record<string, unknown>>(file: string, sql: string): Promise<T[]> {
  const handle = await openSqlite(file);
  try {
    return /^\s*(select|pragma|with)/i.test(sql) ? await handle.all<T>(sql) : (await handle.exec(sql), []);
  } finally {
    await handle.close();
  }
}

export function rawQuery<T = Record<string, unknown>>(db: CrashDatabase, sql: string): Promise<T[]> {
  return db.dialect === 'postgres' ? pgQuery<T>(db.url, sql) : sqliteQuery<T>(db.name, sql);
}

/** The schema as the product reads it (what `plan` compares), and its rows: `id`, `label`, `n` and `note` if present. */
export interface Snapshot {
  readonly model: Model;
  /** Per table, one line per row ordered by id: the values as text. */
  readonly rows: Record<string, string[]>;
}

export async function snapshot(db: CrashDatabase): Promise<Snapshot> {
  const target = parseDatabaseUrl(db.url);
  const session = await dialectFor(db.dialect).connect(target);
  let model: Model;
  try {
    model = await session.introspect();
  } finally {
    await session.close();
  }
  const rows: Record<string, string[]> = {};
  for (const table of model.tables) {
    const names = table.columns.map((c) => c.name).filter((n) => ['id', 'label', 'n', 'note'].includes(n));
    const text = names.map((n) =>
      db.dialect === 'postgres'
        ? `coalesce(${quote(n)}::text, '<null>')`
        : `coalesce(CAST(${quote(n)} AS text), '<null>')`,
    );
    const result = await rawQuery<{ line: string }>(
      db,
      `SELECT ${text.join(` || '|' || `)} AS line FROM ${quote(table.name)} ORDER BY "id"`,
    );
    rows[table.name] = result.map((r) => r.line);
  }
  return { model, rows };
}

/** The rows' `id|label|n`: what every state (before, after, in between) must keep. */
export function keptValues(snap: Snapshot): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(snap.rows).map(([table, lines]) => [
      table,
      lines.map((line) => line.split('|').slice(0, 3).join('|')),
    ]),
  );
}

const seedSql = (table: string, dialect: DialectName) =>
  dialect === 'postgres'
    ? `INSERT INTO ${quote(table)} ("label", "n", "note") SELECT 'label ' || (g % 997), g * 7, CASE WHEN g % 3 = 0 THEN NULL ELSE 'note ' || g END FROM generate_series(1, ${ROWS_PER_TABLE}) g;`
    : `WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < ${ROWS_PER_TABLE}) ` +
      `INSERT INTO ${quote(table)} ("label", "n", "note") SELECT 'label ' || (x % 997), x * 7, CASE WHEN x % 3 = 0 THEN NULL ELSE 'note ' || x END FROM g;`;

/** The seeded starting database of a dialect, and the states every run is compared with. */
export interface Template {
  readonly dialect: DialectName;
  /** A fresh copy of the template (SQLite: in WAL mode when `wal`). */
  clone(options?: { wal?: boolean }): Promise<CrashDatabase>;
  /** The state before apply, and after a complete, undisturbed apply (measured on a clone). */
  readonly before: Snapshot;
  readonly after: Snapshot;
  /** How long the undisturbed apply took, start to exit (ms): the range of `timer` kills. */
  readonly applyMs: number;
  drop(): Promise<void>;
}

function pgUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

async function pgDatabase(adminUrl: string, name: string, template?: string): Promise<CrashDatabase> {
  await pgQuery(
    adminUrl,
    `CREATE DATABASE ${quote(name)} ${template ? `TEMPLATE ${quote(template)}` : `TEMPLATE template0 ENCODING 'UTF8'`}`,
  );
  return {
    dialect: 'postgres',
    url: pgUrl(adminUrl, name),
    name,
    drop: async () => void (await pgQuery(adminUrl, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)),
  };
}

/**
 * Creates the template: `from` applied through the binary, rows in every table, and one undisturbed apply to `to` on
 * a clone for the after state. PostgreSQL clones are `CREATE DATABASE ... TEMPLATE`, SQLite clones file copies.
 * When `signal` aborts, it stops at the next step and drops what it created.
 */
export async function createTemplate(
  dialect: DialectName,
  options: { repoRoot: string; adminUrl?: string; signal?: AbortSignal },
): Promise<Template> {
  options.signal?.throwIfAborted();
  const tag = `${process.pid}_${randomBytes(3).toString('hex')}`;
  let base: CrashDatabase;
  let clone: (wal?: boolean) => Promise<CrashDatabase>;
  let cleanup: () => Promise<void>;
  if (dialect === 'postgres') {
    const adminUrl = options.adminUrl;
    if (!adminUrl) throw new Error('a PostgreSQL template needs an admin URL');
    base = await pgDatabase(adminUrl, `sp_crash_tpl_${tag}`);
    let clones = 0;
    clone = () => pgDatabase(adminUrl, `sp_crash_${tag}_${++clones}`, base.name);
    cleanup = () => base.drop();
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemaplan-crash-'));
    const file = path.join(dir, 'template.sqlite');
    base = { dialect, url: `sqlite://${file}`, name: file, drop: async () => undefined };
    let clones = 0;
    clone = async (wal) => {
      const copy = path.join(dir, `run-${++clones}.sqlite`);
      copyFileSync(file, copy);
      if (wal) await sqliteQuery(copy, 'PRAGMA journal_mode = WAL');
      return {
        dialect,
        url: `sqlite://${copy}`,
        name: copy,
        drop: async () => {
          for (const suffix of ['', '-journal', '-wal', '-shm']) if (existsSync(copy + suffix)) rmSync(copy + suffix);
        },
      };
    };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  try {
    const built = runSchema(options.repoRoot, ['apply', '--url', base.url, '--entities', ENTITIES.from, '--yes']);
    if (built.status !== 0) throw new Error(`creating the crash template failed: ${built.stderr}`);
    options.signal?.throwIfAborted();
    await rawQuery(base, TABLES.map((t) => seedSql(t, dialect)).join('\n'));
    const before = await snapshot(base);
    options.signal?.throwIfAborted();
    const reference = await clone();
    try {
      options.signal?.throwIfAborted();
      const started = Date.now();
      const applied = runSchema(options.repoRoot, [
        'apply',
        '--url',
        reference.url,
        '--entities',
        ENTITIES.to,
        '--yes',
        '--allow-all-hazards',
      ]);
      if (applied.status !== 0) throw new Error(`the reference apply failed: ${applied.stderr}`);
      const applyMs = Date.now() - started;
      const after = await snapshot(reference);
      return { dialect, clone: (o) => clone(o?.wal), before, after, applyMs, drop: cleanup };
    } finally {
      await reference.drop();
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
}
