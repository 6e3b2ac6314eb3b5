/** Runs a measured child process: wall time from spawn to exit, its output, and (for Node) its peak RSS. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ProcessRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  /** Peak RSS in MB (Node processes started through `runNode` only). */
  readonly peakRssMb?: number;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
}

const RSS_PROBE = path.join(__dirname, 'rss-probe.js');

export function runProcess(command: string, args: readonly string[], options: RunOptions = {}): ProcessRun {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, [...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeoutMs ?? 600_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, wallMs };
}

/** `node [nodeArgs] script args` with the RSS probe preloaded. */
export function runNode(
  script: string,
  args: readonly string[],
  options: RunOptions & { nodeArgs?: readonly string[] } = {},
): ProcessRun {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemaplan-bench-rss-'));
  const rssFile = path.join(dir, 'rss');
  try {
    const run = runProcess(process.execPath, ['--require', RSS_PROBE, ...(options.nodeArgs ?? []), script, ...args], {
      ...options,
      env: { ...options.env, SCHEMAPLAN_BENCH_RSS_FILE: rssFile },
    });
    let peakRssMb: number | undefined;
    try {
      peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
    } catch {
      peakRssMb = undefined;
    }
    return { ...run, peakRssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The JSON a probe printed as its last stdout line; throws with its stderr when it failed. */
export function probeOutput<T>(run: ProcessRun, what: string): T {
  const last = run.stdout.trim().split('\n').pop();
  if (run.status !== 0 || !last) {
    throw new Error(
      `${what} failed (exit ${run.status}): ${(run.stderr || run.stdout).trim().split('\n').slice(-8).join('\n')}`,
    );
  }
  return JSON.parse(last) as T;
}
