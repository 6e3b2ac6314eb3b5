/**
 * Runs cases with limited parallelism, each with a timeout; an error or a hang in one case is that case's failure,
 * never the run's. Before: the roles the cases need are created (those that did not exist). After: those roles are
 * dropped again, and any scratch database of this process that a timed-out case left behind is dropped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { quoteIdentifier } from '../../src/dialects/postgres/quote';
import { SCRATCH_PREFIX } from '../../src/sources/scratch-database';
import type { ConformanceCase } from './cases';
import { describeError, failed, runCase, type CaseEnvironment, type Outcome } from './run-case';

export interface RunOptions {
  /** PostgreSQL server on which scratch databases and roles are created; needed when any case is PostgreSQL. */
  readonly serverUrl?: string;
  /** Cases run at once (default 2). */
  readonly jobs?: number;
  /** Per case (default 120 s). */
  readonly timeoutMs?: number;
  /** Called as each case finishes (in completion order). */
  readonly onResult?: (result: CaseResult, done: number, total: number) => void;
}

export interface CaseResult {
  readonly case: ConformanceCase;
  readonly outcome: Outcome;
}

async function withClient<T>(url: string, action: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the roles that do not exist yet; returns those it created. */
async function createRoles(url: string, roles: readonly string[]): Promise<string[]> {
  return withClient(url, async (client) => {
    const created: string[] = [];
    for (const role of [...new Set(roles)].sort()) {
      const exists = await client.query('SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1', [role]);
      if (exists.rowCount) continue;
      try {
        await client.query(`CREATE ROLE ${quoteIdentifier(role)}`);
        created.push(role);
      } catch (error) {
        if ((error as { code?: string }).code !== '42710') throw error; // created meanwhile by someone else
      }
    }
    return created;
  });
}

/** Drops what the run leaves behind on the server: scratch databases of this process, then the roles it created. */
async function cleanUp(url: string, roles: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  await withClient(url, async (client) => {
    const pattern = `${SCRATCH_PREFIX}${process.pid}\\_%`;
    const left = await client.query<{ name: string }>('SELECT datname AS name FROM pg_catalog.pg_database WHERE datname LIKE $1', [pattern]);
    for (const { name } of left.rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`).catch((error: unknown) => {
        problems.push(`could not drop scratch database ${name}: ${describeError(error, url)}`);
      });
    }
    for (const role of roles) {
      await client.query(`DROP ROLE IF EXISTS ${quoteIdentifier(role)}`).catch((error: unknown) => {
        problems.push(`could not drop role ${quoteIdentifier(role)}: ${describeError(error, url)}`);
      });
    }
  });
  return problems;
}

async function withTimeout(run: Promise<Outcome>, timeoutMs: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve(failed('timeout', `no result after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every case; results in the order of `cases`. Warnings (clean-up problems) go to `warnings`. */
export async function runCases(
  cases: readonly ConformanceCase[],
  options: RunOptions,
): Promise<{ results: CaseResult[]; warnings: string[] }> {
  const { serverUrl, jobs = 2, timeoutMs = 120_000 } = options;
  const needsPostgres = cases.some((c) => c.dialect === 'postgres');
  if (needsPostgres && !serverUrl) throw new Error('PostgreSQL cases need a server URL');
  const tempDir = mkdtempSync(path.join(tmpdir(), 'schemaplan-conformance-'));
  const env: CaseEnvironment = { serverUrl, tempDir };
  const createdRoles = needsPostgres ? await createRoles(serverUrl!, cases.flatMap((c) => c.roles)) : [];
  const results: CaseResult[] = new Array(cases.length);
  const warnings: string[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      const c = cases[index]!;
      const run = runCase(c, env).catch((error: unknown) => failed('error', describeError(error, serverUrl)));
      const outcome = await withTimeout(run, timeoutMs);
      results[index] = { case: c, outcome };
      options.onResult?.(results[index]!, ++done, cases.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, cases.length)) }, worker));
  } finally {
    if (needsPostgres) warnings.push(...(await cleanUp(serverUrl!, createdRoles)));
    rmSync(tempDir, { recursive: true, force: true });
  }
  return { results, warnings };
}
