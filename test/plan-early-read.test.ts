/**
 * Planning connects, and reads the schemas it knows of, while the entities compile (`planAgainstDatabase`): the read
 * is used when the entities live in those schemas, read again when an entity names another one, and a compile error
 * leaves no connection open and (SQLite, apply) no database file behind.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { apply, plan } from '../src';
import { planAgainstDatabase } from '../src/workflow/plan-database';
import { resolveOptions } from '../src/workflow/resolve-options';
import { REPO_ROOT, runCli } from './support/cli';
import { freshDatabase, type TestDatabase } from './support/databases';
import { tempDir } from './support/temp';

const PUBLIC_ONLY = [path.join(REPO_ROOT, 'fixtures/schemas-create-alter-drop/to/user.ts')];
const WITH_BILLING = [path.join(REPO_ROOT, 'fixtures/schemas-create-alter-drop/to/*.ts')];

/** Connections to the database other than `client`'s own. */
async function otherBackends(client: Client, database: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
  return Number(rows[0]!.n);
}

/** Plans in process: the catalog queries the session sent, and the plan's statements. */
async function planned(url: string, entities: readonly string[]): Promise<{ queries: number; statements: number }> {
  const target = await planAgainstDatabase(resolveOptions({ url, entities, cwd: REPO_ROOT }), {
    create: false,
    readOnly: true,
  });
  try {
    return { queries: target.session.queryCount, statements: target.plan.statements.length };
  } finally {
    await target.session.close();
  }
}

/** A directory with one entity file that throws when loaded. */
function brokenEntities(): { glob: string; dir: string; remove(): void } {
  const dir = tempDir('early-read-broken');
  writeFileSync(path.join(dir.dir, 'throws.js'), "throw new Error('no config for tenant');\n");
  return { glob: path.join(dir.dir, '*.js'), dir: dir.dir, remove: dir.remove };
}

/**
 * A local port whose connections are never answered, as with a host behind a firewall or proxy that completes the
 * handshake and then swallows everything: a server process listens and never accepts (its event loop is blocked), so
 * the kernel completes connections into its queue and nothing reads them, answers or closes them.
 */
async function unansweringPort(): Promise<{ port: number; close(): void }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const server = require('node:net').createServer();
       server.listen({ port: 0, host: '127.0.0.1' }, () => {
         process.stdout.write(server.address().port + '\\n');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000);
       });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (data: Buffer) => resolve(Number(String(data).trim())));
    child.once('exit', () => reject(new Error('the listening process ended')));
  });
  return { port, close: () => child.kill() };
}

describe('planning reads the database while the entities compile', () => {
  let pg: TestDatabase;
  beforeAll(async () => {
    pg = await freshDatabase('postgres', 'early_read');
  });
  afterAll(async () => {
    await pg?.drop();
  });

  it('uses what it read early when the entities live in the schemas known before compiling, reads again otherwise', async () => {
    await apply({ url: pg.url, entities: WITH_BILLING, cwd: REPO_ROOT });
    // One introspection of the default schema, counted on a session of its own.
    const probe = await planAgainstDatabase(resolveOptions({ url: pg.url, entities: PUBLIC_ONLY, cwd: REPO_ROOT }), {
      create: false,
      readOnly: true,
    });
    let introspection: number;
    let early: number;
    try {
      early = probe.session.queryCount;
      await probe.session.introspect({ schemas: ['public'] });
      introspection = probe.session.queryCount - early;
    } finally {
      await probe.session.close();
    }
    expect(introspection).toBeGreaterThan(1);
    // The server's version and one introspection: the early read served.
    expect(early).toBe(1 + introspection);

    // An entity in `billing`, a schema no option named: the early read (public) is read again with billing, and the
    // plan is empty (the tables there exist), so the second read is what was planned from.
    const both = await planned(pg.url, WITH_BILLING);
    expect(both.statements).toBe(0);
    expect(both.queries).toBe(1 + 2 * introspection);
  });

  it('leaves no connection open when the entities fail to compile', async () => {
    const broken = brokenEntities();
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    try {
      await expect(plan({ url: pg.url, entities: [broken.glob], cwd: REPO_ROOT })).rejects.toThrow(
        /loading the file threw/,
      );
      // The connection opened meanwhile is closed once it is open (asynchronously).
      const deadline = Date.now() + 5_000;
      while ((await otherBackends(client, new URL(pg.url).pathname.slice(1))) > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await otherBackends(client, new URL(pg.url).pathname.slice(1))).toBe(0);
    } finally {
      await client.end();
      broken.remove();
    }
  });

  it('does not hold the process on an entity error while its connection attempt goes unanswered', async () => {
    const silent = await unansweringPort();
    const broken = brokenEntities();
    try {
      const started = Date.now();
      const result = runCli(['plan', '--url', `postgres://postgres@127.0.0.1:${silent.port}/x`, '--entities', '*.js'], {
        cwd: broken.dir,
      });
      const elapsed = Date.now() - started;
      expect({ status: result.status, stderr: result.stderr }).toEqual({
        status: 1,
        stderr: expect.stringMatching(/^error: throws\.js: loading the file threw: no config for tenant\n/) as string,
      });
      // The attempt is dropped when the entities fail, not at the connect timeout (15 s).
      expect(elapsed).toBeLessThan(10_000);
    } finally {
      silent.close();
      broken.remove();
    }
  });

  it('does not create a SQLite file when apply meets an entity error', async () => {
    const broken = brokenEntities();
    try {
      const file = path.join(broken.dir, 'app.sqlite');
      await expect(apply({ url: `sqlite:${file}`, entities: [broken.glob], cwd: REPO_ROOT })).rejects.toThrow(
        /loading the file threw/,
      );
      expect(existsSync(file)).toBe(false);
    } finally {
      broken.remove();
    }
  });
});
