/**
 * The same work done by other tools, on the same database: drizzle-kit's introspection (`drizzle-kit pull`, a real
 * process, PostgreSQL), and `psql -f` running exactly the catalog queries our introspection sends (the floor: the
 * server's time to answer them plus psql's own start, which is measured apart and subtracted).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
      if (run.status !== 0) throw new Error(`drizzle-kit pull failed (exit ${run.status}): ${(run.stderr || run.stdout).slice(-2000)}`);
      walls.push(run.wallMs);
      files = readdirSync(out, { recursive: true }).length;
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return { wallMs: median(walls), files };
}

export interface PsqlResult {
  /** Median wall time of `psql -f` with the catalog queries, less `startMs`. */
  readonly queriesMs: number;
  /** Median wall time of `psql -f` with `SELECT 1` alone: process start and connection. */
  readonly startMs: number;
  readonly queries: number;
}

export async function psqlBaseline(url: string, schemas: readonly string[], runs: number): Promise<PsqlResult> {
  const recorded = await recordPostgresIntrospection(url, schemas);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemaplan-bench-psql-'));
  try {
    mkdirSync(dir, { recursive: true });
    const script = path.join(dir, 'introspect.sql');
    const empty = path.join(dir, 'empty.sql');
    writeFileSync(script, asScript(recorded));
    writeFileSync(empty, 'SELECT 1;\n');
    const time = (file: string) => {
      const walls: number[] = [];
      for (let i = 0; i < runs; i++) {
        const run = runProcess('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', file, '-o', '/dev/null']);
        if (run.status !== 0) throw new Error(`psql -f ${path.basename(file)} failed: ${run.stderr.trim()}`);
        walls.push(run.wallMs);
      }
      return median(walls);
    };
    const startMs = time(empty);
    const totalMs = time(script);
    return { queriesMs: Math.max(0, totalMs - startMs), startMs, queries: recorded.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
