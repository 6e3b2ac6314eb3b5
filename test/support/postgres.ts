import { parseDatabaseUrl } from '../../src/connect/url';
import type { DatabaseSession } from '../../src/dialects/dialect';
import { postgresDialect } from '../../src/dialects/postgres';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
export {
  DEFAULT_LOCAL_URL,
  LOCAL_URL_ENV,
  canConnect,
  findPostgresBinaries,
  resolveAdminDatabase,
  startThrowawayCluster,
  type AdminDatabase,
  type ThrowawayCluster,
} from '../../scripts/support/postgres-server';

/**
 * PostgreSQL for tests. Global setup finds an admin connection with `resolveAdminDatabase`
 * (scripts/support/postgres-server.ts, shared with the conformance runner): `TEST_DATABASE_URL`, else the local server,
 * else a throwaway cluster, stopped and deleted in global teardown. It stores the admin URL in `SCHEMAPLAN_TEST_ADMIN_URL`, which Jest workers inherit; each test file then creates its
 * own database with `createTestDatabase`.
 */

export const ADMIN_URL_ENV = 'SCHEMAPLAN_TEST_ADMIN_URL';
/** Set by global setup when no PostgreSQL could be found or started: the reason, shown by `createTestDatabase`. */
export const UNAVAILABLE_ENV = 'SCHEMAPLAN_TEST_POSTGRES_UNAVAILABLE';

export function adminUrl(): string {
  const url = process.env[ADMIN_URL_ENV];
  if (url) return url;
  const reason = process.env[UNAVAILABLE_ENV];
  throw new Error(
    reason
      ? `no PostgreSQL for tests: ${reason}. Set TEST_DATABASE_URL to an admin connection.`
      : `${ADMIN_URL_ENV} is not set: run the tests through jest (its global setup finds PostgreSQL), or set it.`,
  );
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withAdmin<T>(action: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestPostgresDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database with a unique name (`sp_<prefix>_<random>`), on the admin connection's server. */
export async function createTestDatabase(prefix: string): Promise<TestPostgresDatabase> {
  const slug =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 30) || 'test';
  const name = `sp_${slug}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${quoteName(name)} TEMPLATE template0 ENCODING 'UTF8'`));
  const url = new URL(adminUrl());
  url.pathname = `/${encodeURIComponent(name)}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteName(name)} WITH (FORCE)`));
    },
  };
}

/** A test file's own database, a product session on it, and a raw `pg` client for setup and checks. */
export interface PostgresTestContext {
  readonly db: TestPostgresDatabase;
  readonly session: DatabaseSession;
  readonly raw: Client;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that create and drop the test file's database; the returned object is
 * filled in once `beforeAll` has run.
 */
export function usePostgresTestDatabase(prefix: string): PostgresTestContext {
  const context = {} as { db: TestPostgresDatabase; session: PostgresTestContext['session']; raw: Client };
  beforeAll(async () => {
    context.db = await createTestDatabase(prefix);
    context.session = await postgresDialect.connect(parseDatabaseUrl(context.db.url));
    context.raw = new Client({ connectionString: context.db.url });
    await context.raw.connect();
  });
  afterAll(async () => {
    await context.raw?.end();
    await context.session?.close();
    await context.db?.drop();
  });
  return context;
}
