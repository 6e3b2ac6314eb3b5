/** The real `schema` binary (bin/schema.js, built into dist/), run to completion or watched and killed. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Finished {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const copy: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete copy.FORCE_COLOR;
  return copy;
};

export function runSchema(repoRoot: string, args: readonly string[]): Finished {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'schema.js'), ...args], {
    cwd: repoRoot,
    env: env(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** A running `schema` process: its output so far, a way to wait for a line, to kill it, and its end. */
export interface Running {
  readonly child: ChildProcess;
  stdout(): string;
  /** Resolves with the first stdout line matching `pattern` (true), or false if the process ends first. */
  waitForLine(pattern: RegExp): Promise<boolean>;
  readonly finished: Promise<Finished>;
}

/** Starts the binary in `repoRoot` (or `options.cwd`), with `options.env` added to the environment. */
export function startSchema(
  repoRoot: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Running {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'schema.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: env(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve(found: boolean): void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      if (stdout.split('\n').some((line) => waiter.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(true);
      }
    }
  };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    check();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      for (const waiter of waiters.splice(0)) waiter.resolve(false);
      resolve({ status, signal, stdout, stderr });
    });
  });
  return {
    child,
    stdout: () => stdout,
    waitForLine: (pattern) =>
      new Promise((resolve) => {
        waiters.push({ pattern, resolve });
        check();
        if (child.exitCode !== null || child.signalCode !== null) resolve(false);
      }),
    finished,
  };
}
