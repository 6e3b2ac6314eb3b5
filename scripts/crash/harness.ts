/**
 * The crash harness's command: `npm run crash -- [--runs N] [--dialect postgres|sqlite] [--seed N] [--help]`. Each run
 * is one seed of scripts/crash/run.ts on each dialect (SIGKILL of `schema apply` at a seeded point, then the checks);
 * prints one line per run and a summary. Every database it creates (the seeded template per dialect, a clone per run)
 * is dropped when it ends, also when `signal` aborts it (main.ts aborts on SIGINT/SIGTERM) or a run throws.
 */
import type { DialectName } from '../../src/model';
import { FlagReader } from '../support/flag-reader';
import { resolveAdminDatabase } from '../support/postgres-server';
import { createTemplate } from './databases';
import { runCrashCase, type CrashResult } from './run';

export const USAGE = `npm run crash [-- options]   (needs npm run build: it runs bin/schema.js)

  --runs N                   seeds per dialect (default 30)
  --seed N                   the first seed (default 1)
  --dialect postgres|sqlite  one dialect (default: both)
  --help                     this text
`;

export interface CrashArgs {
  readonly runs: number;
  readonly seed: number;
  readonly dialects: readonly DialectName[];
}

/** The command line, or `help` for --help; an unknown option or a bad value throws. */
export function parseCrashArgs(argv: readonly string[]): CrashArgs | 'help' {
  let runs = 30;
  let seed = 1;
  let dialects: DialectName[] = ['postgres', 'sqlite'];
  const read = new FlagReader(argv);
  for (let flag = read.next(); flag !== undefined; flag = read.next()) {
    switch (flag) {
      case '--runs':
        runs = read.wholeNumber(flag, 1);
        break;
      case '--seed':
        seed = read.wholeNumber(flag, 0);
        break;
      case '--dialect':
        dialects = [read.dialect(flag)];
        break;
      case '--help':
      case '-h':
        return 'help';
      default:
        throw new Error(`unknown option ${flag} (see --help)`);
    }
  }
  return { runs, seed, dialects };
}

export interface HarnessIo {
  write(text: string): void;
  /** Aborted: the run in progress is stopped, its databases and the templates dropped, and the harness returns 130. */
  readonly signal?: AbortSignal;
  readonly repoRoot: string;
  /** The PostgreSQL admin connection to use (default: `resolveAdminDatabase`). */
  readonly adminUrl?: string;
}

/** Runs the harness; resolves to the exit code (0: every run held, 1: a run failed, 130: cancelled). */
export async function runHarness(argv: readonly string[], io: HarnessIo): Promise<number> {
  const args = parseCrashArgs(argv);
  if (args === 'help') {
    io.write(USAGE);
    return 0;
  }
  const admin = io.adminUrl ? { url: io.adminUrl, cluster: undefined } : await resolveAdminDatabase();
  const results: CrashResult[] = [];
  const started = Date.now();
  const options = { repoRoot: io.repoRoot, adminUrl: admin.url, signal: io.signal };
  try {
    for (const dialect of args.dialects) {
      const template = await createTemplate(dialect, options);
      try {
        for (let seed = args.seed; seed < args.seed + args.runs; seed++) {
          io.signal?.throwIfAborted();
          const result = await runCrashCase(template, seed, options);
          results.push(result);
          const extra = [
            result.journal !== 'none' ? `${result.journal} left, recovered` : '',
            result.invalidIndexes ? `${result.invalidIndexes} invalid index(es) rebuilt` : '',
          ]
            .filter(Boolean)
            .join(', ');
          io.write(
            `${result.failures.length ? 'FAIL' : 'ok  '} ${dialect} seed ${seed} ${result.mode}/${result.variant}: ` +
              `${result.killed ? `killed at ${result.killedAt}` : 'ended before the kill'} -> ${result.state}${extra ? ` (${extra})` : ''}\n`,
          );
          for (const failure of result.failures) io.write(`     ${failure}\n`);
        }
      } finally {
        await template.drop();
      }
    }
  } catch (error) {
    if (!io.signal?.aborted) throw error;
    io.write(`cancelled after ${results.length} run(s); the harness's databases were dropped\n`);
    return 130;
  } finally {
    await admin.cluster?.stop();
  }
  const count = (f: (r: CrashResult) => boolean) => results.filter(f).length;
  io.write(
    `\n${results.length} runs in ${Math.round((Date.now() - started) / 1000)}s: ${count((r) => r.failures.length === 0)} ok, ` +
      `${count((r) => r.failures.length > 0)} failed; killed ${count((r) => r.killed)} ` +
      `(before ${count((r) => r.killed && r.state === 'before')}, after ${count((r) => r.killed && r.state === 'after')}, ` +
      `between phases ${count((r) => r.state === 'between phases')}), hot journals played back ${count((r) => r.journal === 'hot journal')}, WALs recovered ${count((r) => r.journal === 'wal')}, ` +
      `invalid indexes rebuilt ${count((r) => r.invalidIndexes > 0)}\n`,
  );
  return results.some((r) => r.failures.length > 0) ? 1 : 0;
}
