/**
 * One crash run: a clone of the template, `schema apply` towards the `to` entities started through the real binary,
 * SIGKILLed at a point chosen by the seed, then checked: the schema is exactly the before or the after state (or, for
 * plans with phases outside a transaction, one that the next apply completes), every row kept, the lock free, the
 * SQLite journal recovered; and a second apply converges.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { APPLY_LOCK_KEY } from '../../src/dialects/postgres/apply-lock';
import type { DialectName } from '../../src/model';
import { runSchema, startSchema, type Finished, type Running } from './cli';
import {
  ENTITIES,
  keptValues,
  openSqlite,
  pgQuery,
  rawQuery,
  snapshot,
  TABLES,
  type CrashDatabase,
  type Template,
} from './databases';

/**
 * Where the kill lands:
 * - `progress`: once the binary reports statement k of the plan (k from the seed): stopped (SIGSTOP) as soon as the
 *   line is read, so it lands wherever the apply has got to by then, killed 0-24 ms later;
 * - `timer`: 20-110 % of an undisturbed apply's run time after the start: while compiling, planning, taking the lock,
 *   applying, re-planning, or after the end;
 * - `blocked`: while a statement waits for a lock the harness holds (PostgreSQL: a table lock in an open transaction,
 *   so the apply is inside its transaction, or with --concurrently an open snapshot, so the apply is inside its first
 *   concurrent index build, whose connection the harness then ends; SQLite: a reader, so the apply waits at COMMIT
 *   with its journal written).
 */
export type KillMode = 'progress' | 'timer' | 'blocked';
export const KILL_MODES: readonly KillMode[] = ['progress', 'timer', 'blocked'];

export interface CrashCase {
  readonly dialect: DialectName;
  readonly seed: number;
}

export interface CrashResult {
  readonly dialect: DialectName;
  readonly seed: number;
  readonly mode: KillMode;
  /** PostgreSQL: --concurrently (index builds are phases of their own). SQLite: the file is in WAL mode. */
  readonly variant: 'plain' | 'concurrently' | 'wal';
  /** The last progress line before the kill (`[ 7/24]`), or where the run was when it had printed none. */
  readonly killedAt: string;
  /** False when the process had already ended by itself when the kill came. */
  readonly killed: boolean;
  /** The state found after the kill. */
  readonly state: 'before' | 'after' | 'between phases';
  /**
   * SQLite: what the kill left next to the file. `hot journal`: a rollback journal with a valid header, which the
   * next reader must play back (and then deletes); `wal`: a write-ahead log; `stale journal`: a journal without a
   * valid header (nothing to play back; the next write reuses it); `none`.
   */
  readonly journal: 'none' | 'hot journal' | 'stale journal' | 'wal';
  /** PostgreSQL: invalid indexes found after the kill (a concurrent build cut short). */
  readonly invalidIndexes: number;
  /** Empty when every check held; otherwise what did not. */
  readonly failures: readonly string[];
}

/** mulberry32: a small seeded generator, so a seed names a run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 30_000,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    signal?.throwIfAborted();
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Connections of the product (application_name schemaplan) still open on the database. */
async function productBackends(
  db: CrashDatabase,
  adminUrl: string,
): Promise<{ pid: number; wait_event_type: string | null }[]> {
  return pgQuery(
    adminUrl,
    `SELECT pid, wait_event_type FROM pg_stat_activity WHERE datname = '${db.name.replace(/'/g, "''")}' AND application_name = 'schemaplan'`,
  );
}

/** Something that holds a lock the apply will wait for, released after the kill. */
interface Blocker {
  release(): Promise<void>;
}

async function blockPostgres(db: CrashDatabase, table: string): Promise<Blocker> {
  const client = new Client({ connectionString: db.url, application_name: 'crash-blocker' });
  client.on('error', () => undefined);
  await client.connect();
  // ACCESS SHARE: planning's reads pass, every ALTER TABLE of the table waits; an open snapshot also makes a
  // CREATE INDEX CONCURRENTLY wait.
  await client.query(`BEGIN; LOCK TABLE "${table}" IN ACCESS SHARE MODE`);
  return { release: async () => void (await client.query('ROLLBACK'), await client.end()) };
}

async function blockSqlite(db: CrashDatabase): Promise<Blocker> {
  const handle = await openSqlite(db.name);
  // A read transaction holds SHARED: the apply writes its journal and waits for EXCLUSIVE at COMMIT.
  await handle.exec('BEGIN');
  await handle.all(`SELECT count(*) AS n FROM "${TABLES[0]}"`);
  return { release: async () => void (await handle.exec('ROLLBACK'), await handle.close()) };
}

/**
 * An open snapshot: no table lock, so the first transactional phase runs, but the first CREATE INDEX CONCURRENTLY
 * (its index already in the catalog, invalid) waits for this transaction to end.
 */
async function blockConcurrentBuild(db: CrashDatabase): Promise<Blocker> {
  const client = new Client({ connectionString: db.url, application_name: 'crash-blocker' });
  client.on('error', () => undefined);
  await client.connect();
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM pg_class');
  return { release: async () => void (await client.query('ROLLBACK'), await client.end()) };
}

/** Holds the lock a `blocked` run waits on: taken before the apply starts. */
function block(db: CrashDatabase, next: () => number, concurrently: boolean): Promise<Blocker> {
  if (db.dialect === 'sqlite') return blockSqlite(db);
  return concurrently ? blockConcurrentBuild(db) : blockPostgres(db, TABLES[Math.floor(next() * TABLES.length)]!);
}

/** Kills `running` at the point the mode and the seed choose. */
async function killAt(
  db: CrashDatabase,
  running: Running,
  mode: KillMode,
  next: () => number,
  applyMs: number,
  adminUrl?: string,
): Promise<void> {
  const statements = db.dialect === 'postgres' ? 24 : 36;
  if (mode === 'progress') {
    const k = 1 + Math.floor(next() * statements);
    await running.waitForLine(new RegExp(`^\\[\\s*${k}/${statements}\\] `));
    // Stopped at once, then killed: on a loaded machine a timer fires late, and a SQLite apply (36 statements in
    // about 25 ms) could run to its end before a kill that waits for one (a run of the suite killed after "Applied").
    running.child.kill('SIGSTOP');
    await sleep(Math.floor(next() * 25));
  } else if (mode === 'timer') {
    await sleep(Math.floor(applyMs * (0.2 + 0.9 * next())));
  } else if (db.dialect === 'postgres') {
    await until('the apply to wait for the table lock', async () =>
      (await productBackends(db, adminUrl!)).some((b) => b.wait_event_type === 'Lock'),
    );
  } else {
    await running.waitForLine(new RegExp(`^\\[${statements}/${statements}\\] `));
    await sleep(50 + Math.floor(next() * 200)); // COMMIT waits for the reader (busy timeout 5 s)
  }
  running.child.kill('SIGKILL');
}

/** The 8 bytes a rollback journal's header starts with once it is valid (sqlite/src/pager.c, aJournalMagic). */
const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

function journalState(file: string): CrashResult['journal'] {
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) return 'wal';
  if (!existsSync(`${file}-journal`)) return 'none';
  const head = readFileSync(`${file}-journal`).subarray(0, 8);
  return head.equals(JOURNAL_MAGIC) ? 'hot journal' : 'stale journal';
}

function lastProgress(stdout: string): string {
  const lines = stdout.split('\n').filter((line) => /^\[\s*\d+\/\d+\] |^phase |^Applied |^Plan for /.test(line));
  const last = lines[lines.length - 1];
  if (!last) return 'before the plan was printed';
  return /^\[/.test(last) ? last.slice(0, last.indexOf(']') + 1) : last.replace(/ \(.*$/, '').slice(0, 40);
}

/** The apply lock is free: PostgreSQL's advisory lock can be taken, SQLite's write lock too. */
async function lockIsFree(db: CrashDatabase): Promise<boolean> {
  if (db.dialect === 'postgres') {
    const [row] = await pgQuery<{ free: boolean }>(db.url, `SELECT pg_try_advisory_lock(${APPLY_LOCK_KEY}) AS free`);
    return row!.free; // released as that connection ends
  }
  const handle = await openSqlite(db.name);
  try {
    await handle.exec('BEGIN IMMEDIATE; ROLLBACK;');
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/** One run; when `signal` aborts, the apply is killed, the run stops at its next step and its clone is dropped. */
export async function runCrashCase(
  template: Template,
  seed: number,
  options: { repoRoot: string; adminUrl?: string; signal?: AbortSignal },
): Promise<CrashResult> {
  const { dialect } = template;
  const next = random(seed * 7919 + (dialect === 'postgres' ? 1 : 2));
  const mode = KILL_MODES[seed % KILL_MODES.length]!;
  // SQLite's `blocked` mode needs the rollback journal: in WAL mode readers do not hold up a COMMIT.
  const variant =
    dialect === 'postgres'
      ? next() < 0.5
        ? 'concurrently'
        : 'plain'
      : mode !== 'blocked' && next() < 0.5
        ? 'wal'
        : 'plain';
  const db = await template.clone({ wal: variant === 'wal' });
  const failures: string[] = [];
  const fail = (what: string) => failures.push(what);
  let blocker: Blocker | undefined;
  try {
    const args = [
      'apply',
      '--url',
      db.url,
      '--entities',
      ENTITIES.to,
      '--yes',
      '--allow-all-hazards',
      ...(variant === 'concurrently' ? ['--concurrently'] : []),
    ];
    blocker = mode === 'blocked' ? await block(db, next, variant === 'concurrently') : undefined;
    const running = startSchema(options.repoRoot, args);
    const stop = () => running.child.kill('SIGKILL');
    options.signal?.addEventListener('abort', stop, { once: true });
    let ended: Finished;
    try {
      await killAt(db, running, mode, next, template.applyMs, options.adminUrl);
    } finally {
      running.child.kill('SIGKILL');
      ended = await running.finished;
      options.signal?.removeEventListener('abort', stop);
    }
    options.signal?.throwIfAborted();
    const killed = ended.signal === 'SIGKILL';
    if (!killed && ended.status !== 0)
      fail(`the apply ended by itself with exit ${ended.status}: ${ended.stderr.trim()}`);
    const journal = dialect === 'sqlite' ? journalState(db.name) : 'none';
    if (blocker && variant === 'concurrently') {
      // A killed client alone lets the server finish the build once the snapshot ends; a lost connection (or an
      // administrator, or a server crash) cuts it short and leaves the index invalid: end the apply's connection.
      await pgQuery(
        options.adminUrl!,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${db.name}' AND application_name = 'schemaplan'`,
      );
    }
    await blocker?.release();
    blocker = undefined;
    // PostgreSQL: the killed client's backend finishes (or is refused) its statement, finds the client gone and rolls
    // back, releasing the advisory lock with its session.
    if (dialect === 'postgres') {
      await until(
        "the killed apply's connection to end",
        async () => (await productBackends(db, options.adminUrl!)).length === 0,
        30_000,
        options.signal,
      );
    }
    if (!(await lockIsFree(db))) fail('the apply lock is still held after the kill');

    const found = await snapshot(db);
    if (dialect === 'sqlite') {
      const [check] = await rawQuery<{ integrity_check: string }>(db, 'PRAGMA integrity_check');
      if (check?.integrity_check !== 'ok') fail(`integrity_check: ${JSON.stringify(check)}`);
      // Opening and reading recovers: a hot journal is played back and deleted, a WAL checkpointed and removed on close.
      const left = journalState(db.name);
      if (left === 'hot journal' || left === 'wal') fail(`a ${left} is left after the database was opened and read`);
    }
    const invalidIndexes =
      dialect === 'postgres'
        ? (await rawQuery<{ n: string }>(db, 'SELECT count(*) AS n FROM pg_index WHERE NOT indisvalid')).map((r) =>
            Number(r.n),
          )[0]!
        : 0;
    const state = isDeepStrictEqual(found.model, template.before.model)
      ? 'before'
      : isDeepStrictEqual(found.model, template.after.model)
        ? 'after'
        : 'between phases';
    if (state === 'before' && !isDeepStrictEqual(found.rows, template.before.rows))
      fail('in the before state, rows differ from before');
    if (state === 'after' && !isDeepStrictEqual(found.rows, template.after.rows))
      fail('in the after state, rows differ from a complete apply');
    if (!isDeepStrictEqual(keptValues(found), keptValues(template.before)))
      fail('rows were lost or changed (id, label, n)');
    if (state === 'between phases' && variant !== 'concurrently')
      fail('half-migrated: neither the before nor the after schema, in a plan without phases');

    // The next apply converges; the binary re-plans after applying and fails otherwise. (The lock was found free above;
    // the default lock timeout, not 0, which would also refuse to wait a moment for autovacuum's lock on a table.)
    options.signal?.throwIfAborted();
    const again = runSchema(options.repoRoot, [
      'apply',
      '--url',
      db.url,
      '--entities',
      ENTITIES.to,
      '--yes',
      '--allow-all-hazards',
    ]);
    if (again.status !== 0) fail(`the next apply failed (exit ${again.status}): ${again.stderr.trim()}`);
    if (state === 'after' && /^Applied /m.test(again.stdout))
      fail(`the after state was complete, yet the next apply applied more: ${again.stdout}`);
    const converged = await snapshot(db);
    if (!isDeepStrictEqual(converged.model, template.after.model))
      fail('after the next apply, the schema differs from a complete apply');
    if (!isDeepStrictEqual(converged.rows, template.after.rows))
      fail('after the next apply, rows differ from a complete apply');
    if (dialect === 'sqlite' && journalState(db.name) !== 'none') fail('a journal is left after the next apply');
    if (dialect === 'postgres' && (await rawQuery(db, 'SELECT 1 FROM pg_index WHERE NOT indisvalid')).length > 0)
      fail('an invalid index is left after the next apply');
    return {
      dialect,
      seed,
      mode,
      variant,
      killedAt: lastProgress(ended.stdout),
      killed,
      state,
      journal,
      invalidIndexes,
      failures,
    };
  } finally {
    await blocker?.release().catch(() => undefined);
    await db.drop();
  }
}
