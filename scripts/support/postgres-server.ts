/**
 * Finding a PostgreSQL server for the tests and the conformance runner, in this order:
 *   1. `TEST_DATABASE_URL`, if set;
 *   2. the local server (`SCHEMAPLAN_TEST_LOCAL_URL`, default postgres://postgres@127.0.0.1:5432/postgres), if it answers;
 *   3. a throwaway cluster started from the installed binaries (/usr/lib/postgresql/<version>/bin), which the caller
 *      stops (and deletes) when done.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

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
 * With `password`, TCP connections need it (scram-sha-256; the socket stays trust), and `url` carries it.
 */
export async function startThrowawayCluster(settings: { password?: string } = {}): Promise<ThrowawayCluster> {
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
    const auth = ['--auth=trust'];
    if (settings.password !== undefined) {
      const pwfile = path.join(directory, 'pwfile');
      writeFileSync(pwfile, `${settings.password}\n`, { mode: 0o644 });
      if (asRoot) {
        const { uid, gid } = await postgresUserIds();
        chownSync(pwfile, uid, gid);
      }
      auth.splice(0, 1, '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`);
    }
    await command('initdb', ['-D', data, '-U', 'postgres', ...auth, '-E', 'UTF8', '--no-locale', '--no-sync']);
    const port = await freePort();
    const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_locks_per_transaction=256`;
    await command('pg_ctl', ['-w', '-D', data, '-l', path.join(directory, 'server.log'), '-o', options, 'start']);
    return {
      url:
        settings.password === undefined
          ? `postgres://postgres@127.0.0.1:${port}/postgres`
          : `postgres://postgres:${encodeURIComponent(settings.password)}@127.0.0.1:${port}/postgres`,
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
