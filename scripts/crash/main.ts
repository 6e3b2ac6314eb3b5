/**
 * Long crash runs: `npm run crash -- --runs 100 [--dialect postgres|sqlite] [--seed 1]`. Each run is one seed of
 * scripts/crash/run.ts on each dialect (SIGKILL of `schema apply` at a seeded point, then the checks); prints one
 * line per run and a summary, and exits 1 if any run failed. Needs `npm run build` (it runs bin/schema.js).
 */
import { resolveAdminDatabase } from '../support/postgres-server';
import type { DialectName } from '../../src/model';
import { createTemplate } from './databases';
import { runCrashCase, type CrashResult } from './run';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

async function main(): Promise<number> {
  const runs = Number(option('runs', '30'));
  const first = Number(option('seed', '1'));
  const only = option('dialect', 'both');
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(first)) throw new Error('--runs and --seed take whole numbers');
  const dialects: DialectName[] = only === 'both' ? ['postgres', 'sqlite'] : [only as DialectName];
  const repoRoot = process.cwd();
  const admin = await resolveAdminDatabase();
  const results: CrashResult[] = [];
  const started = Date.now();
  try {
    for (const dialect of dialects) {
      const template = await createTemplate(dialect, { repoRoot, adminUrl: admin.url });
      try {
        for (let seed = first; seed < first + runs; seed++) {
          const result = await runCrashCase(template, seed, { repoRoot, adminUrl: admin.url });
          results.push(result);
          const extra = [result.journal !== 'none' ? `${result.journal} left, recovered` : '', result.invalidIndexes ? `${result.invalidIndexes} invalid index(es) rebuilt` : '']
            .filter(Boolean)
            .join(', ');
          process.stdout.write(
            `${result.failures.length ? 'FAIL' : 'ok  '} ${dialect} seed ${seed} ${result.mode}/${result.variant}: ` +
              `${result.killed ? `killed at ${result.killedAt}` : 'ended before the kill'} -> ${result.state}${extra ? ` (${extra})` : ''}\n`,
          );
          for (const failure of result.failures) process.stdout.write(`     ${failure}\n`);
        }
      } finally {
        await template.drop();
      }
    }
  } finally {
    await admin.cluster?.stop();
  }
  const count = (f: (r: CrashResult) => boolean) => results.filter(f).length;
  process.stdout.write(
    `\n${results.length} runs in ${Math.round((Date.now() - started) / 1000)}s: ${count((r) => r.failures.length === 0)} ok, ` +
      `${count((r) => r.failures.length > 0)} failed; killed ${count((r) => r.killed)} ` +
      `(before ${count((r) => r.killed && r.state === 'before')}, after ${count((r) => r.killed && r.state === 'after')}, ` +
      `between phases ${count((r) => r.state === 'between phases')}), hot journals played back ${count((r) => r.journal === 'hot journal')}, WALs recovered ${count((r) => r.journal === 'wal')}, ` +
      `invalid indexes rebuilt ${count((r) => r.invalidIndexes > 0)}\n`,
  );
  return results.some((r) => r.failures.length > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
