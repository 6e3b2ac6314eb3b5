import { Client } from 'pg';
import sqlite3 from 'sqlite3';
import type { TestDatabase } from './databases';

/** Runs SQL on a test database outside the product's code paths (seeding rows, counting them). */
export async function rawQuery<T = Record<string, unknown>>(db: TestDatabase, sql: string): Promise<T[]> {
  if (db.oracle.dialect === 'postgres') {
    const client = new Client({ connectionString: db.oracle.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const file = db.oracle.file;
  return new Promise((resolve, reject) => {
    const handle = new sqlite3.Database(file, (openError) => {
      if (openError) return reject(openError);
      const isSelect = /^\s*select/i.test(sql);
      const done = (error: Error | null, rows?: unknown[]) =>
        handle.close(() => (error ? reject(error) : resolve((rows ?? []) as T[])));
      if (isSelect) handle.all(sql, done);
      else handle.exec(sql, (error) => done(error));
    });
  });
}

/** Row count of each named table. */
export async function rowCounts(db: TestDatabase, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows = await rawQuery<{ n: number | string }>(db, `SELECT COUNT(*) AS n FROM "${table.replace(/"/g, '""')}"`);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every row of `table` (in `schema`, PostgreSQL), only the given columns, ordered by them: compared before and after a plan. */
export async function tableRows(
  db: TestDatabase,
  table: string,
  columns: readonly string[],
  schema?: string,
): Promise<unknown[]> {
  const list = columns.map(quote).join(', ');
  const name = schema === undefined ? quote(table) : `${quote(schema)}.${quote(table)}`;
  return rawQuery(db, `SELECT ${list} FROM ${name} ORDER BY ${list}`);
}
