import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseDatabaseUrl } from '../../src/connect/url';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(REPO_ROOT, 'bin', 'schema.js');

export interface CliResult {
  /** The id of the process spawned (the CLI itself, except on a pseudo-terminal; scratch databases carry it). */
  readonly pid: number;
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real `schema` binary (built into dist/ by `npm test`) in a child process without a TTY, as CI and users
 * do: the entity loader, exit codes and output streams are the real ones.
 */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): CliResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { pid: result.pid, status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the real binary on a pseudo-terminal (util-linux `script`), so stdin and stdout are TTYs as for a person at a
 * terminal; `input` is what that person types (answers may be typed ahead). stdout and stderr arrive merged, as on a
 * terminal, in `stdout`.
 */
export function runCliOnTty(
  args: readonly string[],
  input: string,
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): CliResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    CI: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const command = [process.execPath, BIN, ...args].map(shellQuote).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: options.cwd ?? REPO_ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return {
    pid: result.pid,
    status: result.status ?? -1,
    stdout: result.stdout.replace(/\r\n/g, '\n'),
    stderr: result.stderr,
  };
}

/** The line a run names its database with before connecting (`--url` by default; see `renderDatabaseOrigin`). */
export function databaseLine(url: string, cwd: string = REPO_ROOT, origin = 'from --url'): string {
  return `Database: ${parseDatabaseUrl(url, cwd).redacted} (${origin})\n`;
}

/** What a run wrote on stderr after the line naming its database given by `--url`, which must come first. */
export function afterDatabaseLine(result: Pick<CliResult, 'stderr'>, url: string, cwd: string = REPO_ROOT): string {
  const line = databaseLine(url, cwd);
  expect(result.stderr.slice(0, line.length)).toBe(line);
  return result.stderr.slice(line.length);
}
