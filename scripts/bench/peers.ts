/**
 * The same work done by other tools, on the same database: drizzle-kit's introspection (`drizzle-kit pull`, a real
 * process, PostgreSQL), and `psql -f` running exactly the catalog queries our introspection sends (the floor: psql's
 * `\timing` of each, on a fresh connection as ours is).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asScript, recordPostgresIntrospection } from './catalog-queries';
import { median } from './stats';
import { runNode, runProcess } from './run-process';

export interface DrizzleResult {
  readonly wallMs: number;
  /** Files drizzle-kit wrote (its schema.ts among them): a check that it did read the tables. */
  readonly files: number;
}

export function drizzlePull(url: string, repositoryRoot: string, runs: number): DrizzleResult {
  const bin = path.join(repositoryRoot, 'node_modules', 'drizzle-kit', 'bin.cjs');
  const walls: number[] = [];
  let files = 0;
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(path.join(os.tmpdir(), 'schemaplan-bench-drizzle-'));
    try {
      const run = runNode(bin, ['pull', '--dialect', 'postgresql', '--url', url, '--out', out], { cwd: out });
      if (run.status !== 0)
        throw new Error(`drizzle-kit pull failed (exit ${run.status}): ${(run.stderr || run.stdout).slice(-2000)}`);
      walls.push(run.wallMs);
      files = readdirSync(out, { recursive: true }).length;
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return { wallMs: median(walls), files };
}

export interface PsqlResult {
  /** Median over the runs of the sum of psql's `\timing` of each query: the queries alone, sent and answered. */
  readonly queriesMs: number;
  /** Median wall time of the whole `psql -f` process (start and connection included). */
  readonly wallMs: number;
  readonly queries: number;
}

export async function psqlBaseline(url: string, schemas: readonly string[], runs: number): Promise<PsqlResult> {
  const recorded = await recordPostgresIntrospection(url, schemas);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemaplan-bench-psql-'));
  try {
    const script = path.join(dir, 'introspect.sql');
    writeFileSync(script, `\\timing on\n${asScript(recorded)}`);
    const sums: number[] = [];
    const walls: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Rows go to /dev/null; the timing lines stay on stdout.
      const run = runProcess('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', script, '-o', '/dev/null']);
      if (run.status !== 0) throw new Error(`psql -f failed: ${run.stderr.trim()}`);
      const times = [...run.stdout.matchAll(/^Time: ([\d.]+) ms/gm)].map((m) => Number(m[1]));
      if (times.length !== recorded.length) throw new Error(`psql timed ${times.length} of ${recorded.length} queries`);
      sums.push(times.reduce((a, b) => a + b, 0));
      walls.push(run.wallMs);
    }
    return { queriesMs: median(sums), wallMs: median(walls), queries: recorded.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
