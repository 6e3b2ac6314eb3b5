import { parseDatabaseUrl } from '../../src/connect/url';
import type { DatabaseSession } from '../../src/dialects/dialect';
import { postgresDialect } from '../../src/dialects/postgres';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

/**
 * PostgreSQL for tests. Global setup finds an admin connection, in this order:
 *   1. `TEST_DATABASE_URL`, if set;
 *   2. the local server (`SCHEMAPLAN_TEST_LOCAL_URL`, default postgres://postgres@127.0.0.1:5432/postgres), if it answers;
 *   3. a throwaway cluster started from the installed binaries (/usr/lib/postgresql/<version>/bin), stopped and
 *      deleted in global teardown.
 * It stores the admin URL in `SCHEMAPLAN_TEST_ADMIN_URL`, which Jest workers inherit; each test file then creates its
 * own database with `createTestDatabase`.
 */

export const ADMIN_URL_ENV = 'SCHEMAPLAN_TEST_ADMIN_URL';
/** Set by global setup when no PostgreSQL could be found or started: the reason, shown by `createTestDatabase`. */
export const UNAVAILABLE_ENV = 'SCHEMAPLAN_TEST_POSTGRES_UNAVAILABLE';
export const LOCAL_URL_ENV = 'SCHEMAPLAN_TEST_LOCAL_URL';
export const DEFAULT_LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const run = promisify(execFile);

export interface ThrowawayCluster {
  readonly url: string;
  readonly directory: string;
  stop(): Promise<void>;
}

export interface AdminDatabase {
  readonly url: string;
  readonly source: 'TEST_DATABASE_URL' | 'local server' | 'throwaway cluster';
  readonly cluster?: ThrowawayCluster;
}

/** True if `url` accepts a connection and answers a query within `timeoutMs`. */
export async function canConnect(url: string, timeoutMs = 3000): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The newest installed PostgreSQL's bin directory, e.g. /usr/lib/postgresql/16/bin. */
export function findPostgresBinaries(root = '/usr/lib/postgresql'): string | undefined {
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')) && existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * initdb + pg_ctl start on a free port, in a fresh directory under the system temp dir. initdb refuses to run as
 * root, so as root the cluster runs as the `postgres` user (which must be able to reach the directory).
 */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error('no PostgreSQL installation found under /usr/lib/postgresql');
  const directory = mkdtempSync(path.join(tmpdir(), 'schemaplan-pg-'));
  chmodSync(directory, 0o755);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = await postgresUserIds();
    chownSync(directory, uid, gid);
  }
  const command = async (program: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args], { cwd: directory })
      : run(path.join(bin, program), args, { cwd: directory });
  const data = path.join(directory, 'data');
  const remove = () => rmSync(directory, { recursive: true, force: true });
  try {
    await command('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const port = await freePort();
    const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_locks_per_transaction=256`;
    await command('pg_ctl', ['-w', '-D', data, '-l', path.join(directory, 'server.log'), '-o', options, 'start']);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      directory,
      stop: async () => {
        try {
          await command('pg_ctl', ['-w', '-D', data, '-m', 'immediate', 'stop']);
        } finally {
          remove();
        }
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Finds (or starts) the admin database, in the order described at the top of this file. */
export async function resolveAdminDatabase(): Promise<AdminDatabase> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) return { url: configured, source: 'TEST_DATABASE_URL' };
  const local = process.env[LOCAL_URL_ENV] || DEFAULT_LOCAL_URL;
  if (await canConnect(local)) return { url: local, source: 'local server' };
  const cluster = await startThrowawayCluster();
  return { url: cluster.url, source: 'throwaway cluster', cluster };
}

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
  const slug = prefix.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 30) || 'test';
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
