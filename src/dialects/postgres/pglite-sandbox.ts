/**
 * The sandbox a PostgreSQL `.sql` source is evaluated in by default: PGlite, PostgreSQL compiled to WebAssembly, run
 * in a worker thread of this process on an in-memory file system. Nothing it does reaches the user's servers, files or
 * roles (`COPY ... TO '/tmp/x'` writes into its own memory), and it is thrown away afterwards: the worker is terminated
 * whatever happens, also when a statement runs away (`SANDBOX_STATEMENT_SECONDS`).
 *
 * The worker runs a `pg` client on PGlite's node-postgres adapter, so rows are parsed by the same driver as on a server,
 * and the dialect's own session (`postgresSessionOn`) reads the sandbox: introspection is the same code. (A worker also
 * keeps PGlite's dynamic imports out of the host's module loader, which Jest's does not allow.)
 *
 * PGlite is PostgreSQL 19; the catalog differences that matter to introspection (NOT NULL constraints in
 * `pg_constraint`, ...) are handled in src/dialects/postgres, and test/pglite-introspection.test.ts proves the model
 * equals PostgreSQL 15's on the conformance suites.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DatabaseSession } from '../dialect';
import { postgresSessionOn, type QueryClient } from './session';
import { quoteIdentifier } from './quote';
import { SourceError } from '../../errors/errors';

/** What evaluates the file, for messages. */
export const SANDBOX = 'the sandbox (PGlite)';

/** A statement (or catalog query) that has not answered after this many seconds stops the sandbox. */
export const SANDBOX_STATEMENT_SECONDS = 120;

/** The worker: PGlite with the requested contrib extensions, a `pg` client on it, one query per message. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglite);
const { createPgConfig } = require(workerData.adapter);
const pg = require(workerData.pg);
const plain = (e) => ({ message: String((e && e.message) || e), code: e && e.code, position: e && e.position });
(async () => {
  const extensions = {};
  for (const [key, file] of workerData.extensions) extensions[key] = require(file)[key];
  const loadDataDir = workerData.dump ? new Blob([workerData.dump], { type: 'application/x-gzip' }) : undefined;
  const db = await PGlite.create({ extensions, loadDataDir });
  if (!loadDataDir && workerData.cacheFile) {
    try {
      const fs = require('node:fs');
      const bytes = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
      fs.mkdirSync(require('node:path').dirname(workerData.cacheFile), { recursive: true });
      const temporary = workerData.cacheFile + '.' + process.pid + '.tmp';
      fs.writeFileSync(temporary, bytes);
      fs.renameSync(temporary, workerData.cacheFile);
    } catch {}
  }
  const client = new pg.Client(createPgConfig(db));
  await client.connect();
  parentPort.on('message', async ({ id, sql, params }) => {
    try {
      const result = await client.query(sql, params);
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      parentPort.postMessage({ id, rows: (last && last.rows) || [] });
    } catch (error) {
      parentPort.postMessage({ id, error: plain(error) });
    }
  });
  parentPort.postMessage({ ready: true });
})().catch((error) => parentPort.postMessage({ failed: plain(error) }));
`;

/** The folder of PGlite's contrib extensions (one `<name>.cjs` each, `-` spelt `_`). */
function contribDir(): string {
  return path.dirname(require.resolve('@electric-sql/pglite/contrib/pg_trgm'));
}

const contribFile = (name: string): string => path.join(contribDir(), `${name.replace(/-/g, '_')}.cjs`);

/** Whether the sandbox can `CREATE EXTENSION name` (plpgsql is built in; the rest are PGlite's contrib modules). */
export function sandboxHasExtension(name: string): boolean {
  return name === 'plpgsql' || (/^[a-z0-9_-]+$/.test(name) && existsSync(contribFile(name)));
}

interface Reply {
  readonly id?: number;
  readonly rows?: unknown[];
  readonly error?: { message: string; code?: string; position?: string };
  readonly ready?: boolean;
  readonly failed?: { message: string };
}

/** An error as PostgreSQL reported it in the worker (message, SQLSTATE, position), rebuilt on this side. */
function databaseError(reported: NonNullable<Reply['error']>): Error {
  return Object.assign(new Error(reported.message), { code: reported.code, position: reported.position });
}

/** The worker as a `pg`-like client: one query at a time, each with a deadline. */
class WorkerClient implements QueryClient {
  private next = 0;
  private pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
  private broken: Error | undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiting = reply.id === undefined ? undefined : this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id!);
      if (reply.error) waiting.reject(databaseError(reply.error));
      else waiting.resolve(reply.rows ?? []);
    });
    const fail = (error: Error) => {
      this.broken = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => fail(new SourceError(`the sandbox (PGlite) failed: ${error.message}`)));
    worker.on('exit', () => fail(new SourceError('the sandbox (PGlite) stopped')));
  }

  async query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }> {
    if (this.broken) throw this.broken;
    const id = this.next++;
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new SourceError(`a statement did not finish within ${SANDBOX_STATEMENT_SECONDS} s in the sandbox (PGlite)`),
        );
        void this.worker.terminate();
      }, SANDBOX_STATEMENT_SECONDS * 1000);
      const done =
        <T>(settle: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          settle(value);
        };
      this.pending.set(id, { resolve: done(resolve), reject: done(reject) });
      this.worker.postMessage({ id, sql, params });
    });
    return { rows };
  }

  async end(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * Where the sandbox keeps a fresh PGlite data directory (gzip), so later runs skip initdb (about 5x faster to start):
 * `$SCHEMAPLAN_CACHE_DIR` (empty: no cache), else `node_modules/.cache/schemaplan` of the project, else none. Keyed by
 * the PGlite version; written once, atomically, from a database nothing ran in.
 */
function cacheFile(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const manifest = path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  let version: string;
  try {
    version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
  const name = `pglite-${version}-datadir.tar.gz`;
  if (env.SCHEMAPLAN_CACHE_DIR === '') return undefined;
  if (env.SCHEMAPLAN_CACHE_DIR) return path.join(path.resolve(cwd, env.SCHEMAPLAN_CACHE_DIR), 'sandbox', name);
  const modules = path.join(cwd, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'schemaplan', 'sandbox', name) : undefined;
}

/** The cached data directory, read once per process; undefined when there is none (or it is unreadable). */
const dumps = new Map<string, Uint8Array | undefined>();
function cachedDump(file: string | undefined): Uint8Array | undefined {
  if (!file) return undefined;
  if (!dumps.has(file)) {
    try {
      dumps.set(file, readFileSync(file));
    } catch {
      return undefined; // not written yet: this run writes it
    }
  }
  return dumps.get(file);
}

/** Starts the worker and waits until PGlite is ready (its first start takes seconds: WebAssembly, initdb). */
async function startWorker(extensions: readonly string[], cwd: string, useCache = true): Promise<Worker> {
  const cache = useCache ? cacheFile(cwd) : undefined;
  const dump = cachedDump(cache);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      dump,
      cacheFile: dump ? undefined : cache,
      pglite: require.resolve('@electric-sql/pglite'),
      adapter: require.resolve('@electric-sql/pglite/node-postgres'),
      pg: require.resolve('pg'),
      extensions: [...new Set(extensions)]
        .filter((name) => name !== 'plpgsql')
        .map((name) => [name.replace(/-/g, '_'), contribFile(name)]),
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (reply: Reply) =>
        reply.ready
          ? resolve()
          : reject(new SourceError(`the sandbox (PGlite) did not start: ${reply.failed?.message}`)),
      );
      worker.once('error', (error) => reject(new SourceError(`the sandbox (PGlite) did not start: ${error.message}`)));
    });
  } catch (error) {
    await worker.terminate();
    if (dump) {
      dumps.set(cache!, undefined); // a damaged cache: start from scratch (and write it again)
      return startWorker(extensions, cwd, false);
    }
    throw error;
  }
  return worker;
}

/**
 * Starts a fresh sandbox with `extensions` loadable and the roles `roles` (plain NOLOGIN roles, so GRANT ... TO and
 * policies naming them evaluate), runs `action` on a session to it, and stops it whatever happens.
 */
export async function withPgliteSandbox<T>(
  options: { readonly extensions: readonly string[]; readonly roles: readonly string[]; readonly cwd?: string },
  action: (session: DatabaseSession) => Promise<T>,
): Promise<T> {
  const worker = await startWorker(options.extensions, options.cwd ?? process.cwd());
  const client = new WorkerClient(worker);
  try {
    const session = await postgresSessionOn(client, SANDBOX);
    const { rows } = await client.query('SELECT rolname FROM pg_catalog.pg_roles');
    const existing = new Set((rows as { rolname: string }[]).map((r) => r.rolname));
    for (const role of options.roles) {
      if (existing.has(role) || role.startsWith('pg_')) continue;
      await client.query(`CREATE ROLE ${quoteIdentifier(role)} NOLOGIN`);
    }
    return await action(session);
  } finally {
    await worker.terminate();
  }
}
