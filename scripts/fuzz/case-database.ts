/**
 * One fresh database per fuzz case, with raw access outside the product's code paths (inserting the rows, reading
 * them back). PostgreSQL: the run's database with a fresh `public` schema; SQLite: a file in a temporary folder (a file, not `:memory:`, because the product's session and the raw connection are two
 * connections to it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import sqlite3 from 'sqlite3';
import type { DialectName } from '../../src/model';

export interface CaseDatabase {
  readonly dialect: DialectName;
  readonly url: string;
  /** Runs one statement; returns its rows. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates case databases on one PostgreSQL server (through one admin connection), or SQLite files. */
export class CaseDatabases {
  private shared?: { admin: Client; name: string; url: string; raw: Client };
  /** Cases given a database so far. */
  count = 0;

  constructor(private readonly adminUrl?: string) {}

  async create(dialect: DialectName): Promise<CaseDatabase> {
    this.count++;
    return dialect === 'postgres' ? this.postgres() : sqliteDatabase();
  }

  /**
   * PostgreSQL: one database for the run, created on first use; each case gets it with an empty `public` schema
   * (dropped and created again), which is much faster than a database per case (no checkpoint per case).
   */
  private async postgres(): Promise<CaseDatabase> {
    if (!this.adminUrl) throw new Error('fuzzing PostgreSQL needs an admin URL');
    if (!this.shared) {
      const admin = new Client({ connectionString: this.adminUrl });
      admin.on('error', () => undefined);
      await admin.connect();
      const name = `sp_fuzz_${process.pid}_${Date.now().toString(36)}`;
      await admin.query(`CREATE DATABASE ${quoteName(name)} TEMPLATE template0 ENCODING 'UTF8'`);
      const url = new URL(this.adminUrl);
      url.pathname = `/${name}`;
      const raw = new Client({ connectionString: url.toString() });
      raw.on('error', () => undefined);
      await raw.connect();
      // Values are compared as text; the product's sessions use the server's zone (UTC here, see RELIABILITY.md).
      await raw.query(`SET TimeZone = 'UTC'`);
      this.shared = { admin, name, url: url.toString(), raw };
    }
    const { raw, url } = this.shared;
    await raw.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
    return { dialect: 'postgres', url, query: async (sql) => (await raw.query(sql)).rows, drop: async () => undefined };
  }

  /** Drops the run's PostgreSQL database. */
  async close(): Promise<void> {
    const shared = this.shared;
    if (!shared) return;
    this.shared = undefined;
    await shared.raw.end().catch(() => undefined);
    await shared.admin.query(`DROP DATABASE IF EXISTS ${quoteName(shared.name)} WITH (FORCE)`).catch(() => undefined);
    await shared.admin.end().catch(() => undefined);
  }
}

async function sqliteDatabase(): Promise<CaseDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemaplan-fuzz-'));
  const file = path.join(dir, 'case.sqlite');
  const handle = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(db)));
  });
  const all = (sql: string) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) =>
      handle.all(sql, (error: Error | null, rows: unknown[]) =>
        error ? reject(error) : resolve(rows as Record<string, unknown>[]),
      ),
    );
  // Like an application: foreign keys enforced for the rows inserted.
  await all('PRAGMA foreign_keys = ON');
  return {
    dialect: 'sqlite',
    url: `sqlite://${file}`,
    query: all,
    drop: async () => {
      await new Promise<void>((resolve) => handle.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
