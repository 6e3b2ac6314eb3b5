/**
 * `npm run fuzz [-- options]`: convergence fuzzing on real databases (see USAGE). Writes the result into the
 * "Convergence fuzzing" section of RELIABILITY.md, and each shrunk failing case to fuzz-failures/ (to be kept as a
 * fixture under test/fuzz/regressions/ once understood).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { DialectName } from '../../src/model';
import { resolveAdminDatabase } from '../support/postgres-server';
import { CaseDatabases } from './case-database';
import { convergenceProperty } from './property';
import { recordResult, repositoryRoot, type DialectResult } from './record';
import { resolveCase } from './resolve';
import type { Universe } from './universe';
import { FlagReader } from '../support/flag-reader';

const USAGE = `npm run fuzz [-- options]

  --runs N                   cases per dialect (default 200)
  --dialect postgres|sqlite  one dialect (default: both)
  --seed N                   the seed (default: random, printed)
  --no-record                do not write RELIABILITY.md
`;

interface Args {
  runs: number;
  dialects: DialectName[];
  seed: number;
  record: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    runs: 200,
    dialects: ['postgres', 'sqlite'],
    seed: Math.floor(Math.random() * 2 ** 31),
    record: true,
  };
  const read = new FlagReader(argv);
  for (let flag = read.next(); flag !== undefined; flag = read.next()) {
    switch (flag) {
      case '--runs':
        args.runs = read.wholeNumber(flag, 0);
        break;
      case '--seed':
        args.seed = read.wholeNumber(flag, 0);
        break;
      case '--dialect':
        args.dialects = [read.dialect(flag)];
        break;
      case '--no-record':
        args.record = false;
        break;
      case '--help':
        process.stdout.write(USAGE);
        return process.exit(0);
      default:
        throw new Error(`unknown option ${flag} (see --help)`);
    }
  }
  return args;
}

async function fuzz(dialect: DialectName, args: Args, databases: CaseDatabases, root: string): Promise<DialectResult> {
  const started = Date.now();
  let done = 0;
  const kinds = new Map<string, number>();
  let [rows, compared, lossy] = [0, 0, 0];
  const property = convergenceProperty(dialect, databases, (r) => {
    for (const kind of new Set(r.kinds)) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    rows += r.rows;
    compared += r.compared;
    lossy += r.lossy.length > 0 ? 1 : 0;
  }).afterEach(() => {
    done++;
    if (done % 25 === 0)
      process.stdout.write(`  ${dialect}: ${done} cases (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  });
  const details = await fc.check(property, { numRuns: args.runs, seed: args.seed });
  const seconds = (Date.now() - started) / 1000;
  const coverage = [...kinds]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  process.stdout.write(
    `  ${dialect}: passing cases by change kind in the A -> B plan: ${coverage}\n` +
      `  ${dialect}: ${rows} rows seeded, ${compared} compared after apply; ${lossy} plan(s) declared DATA_LOSS\n`,
  );
  const result: DialectResult = { dialect, runs: details.numRuns, failures: details.failed ? 1 : 0, seconds };
  if (details.failed && details.counterexample) {
    const universe = details.counterexample[0] as Universe;
    const dir = path.join(root, 'fuzz-failures');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${dialect}-${args.seed}.json`);
    writeFileSync(file, `${JSON.stringify({ universe, case: resolveCase(dialect, universe) }, null, 2)}\n`);
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    process.stdout.write(
      `  ${dialect}: FAILED after ${details.numRuns} case(s), shrunk ${details.numShrinks} time(s); seed ${args.seed}, path ${details.counterexamplePath}\n` +
        `  ${error.split('\n').join('\n  ')}\n  the shrunk case: ${path.relative(root, file)}\n`,
    );
    return { ...result, failure: error.split('\n')[0], path: details.counterexamplePath ?? undefined };
  }
  process.stdout.write(`  ${dialect}: ${details.numRuns} cases passed in ${seconds.toFixed(1)} s\n`);
  return result;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const root = repositoryRoot(__dirname);
  const admin = args.dialects.includes('postgres') ? await resolveAdminDatabase() : undefined;
  const databases = new CaseDatabases(admin?.url);
  process.stdout.write(`Convergence fuzzing: ${args.runs} case(s) per dialect, seed ${args.seed}\n`);
  const results: DialectResult[] = [];
  try {
    for (const dialect of args.dialects) results.push(await fuzz(dialect, args, databases, root));
  } finally {
    await databases.close();
    await admin?.cluster?.stop();
  }
  if (args.record) {
    recordResult(path.join(root, 'RELIABILITY.md'), {
      date: new Date().toISOString().slice(0, 10),
      seed: args.seed,
      results,
    });
    process.stdout.write('Recorded in RELIABILITY.md (## Convergence fuzzing).\n');
  }
  return results.some((r) => r.failures > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
