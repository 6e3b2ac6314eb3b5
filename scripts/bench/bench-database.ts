/** A fresh database per dialect and size: its own PostgreSQL database on the admin server, or a new SQLite file. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { quoteIdentifier } from '../../src/dialects/postgres/quote';

export interface BenchDatabase {
  /** The URL `schema plan --url` takes. */
  readonly url: string;
  drop(): Promise<void>;
}

async function withAdmin(adminUrl: string, action: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await action(client);
  } finally {
    await client.end();
  }
}

export async function createPostgresDatabase(adminUrl: string, size: number): Promise<BenchDatabase> {
  const name = quoteIdentifier(`schemaplan_bench_${size}_${process.pid}`);
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/schemaplan_bench_${size}_${process.pid}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

export function createSqliteDatabase(dir: string, size: number): BenchDatabase {
  const file = path.join(dir, `bench-${size}.sqlite`);
  rmSync(file, { force: true });
  return { url: `sqlite:${file}`, drop: async () => rmSync(file, { force: true }) };
}
