/**
 * `npm run conformance [-- options]`: runs the public conformance suites and writes CONFORMANCE.md (see USAGE).
 * PostgreSQL is found as the tests find it: TEST_DATABASE_URL, else the server on 127.0.0.1:5432, else a throwaway
 * cluster from the installed binaries (stopped afterwards).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from '../../src/connect/url';
import { dialectFor } from '../../src/dialects/registry';
import { resolveAdminDatabase, type AdminDatabase } from '../support/postgres-server';
import { discoverCases, type ConformanceCase } from './cases';
import { parseStatuses, passRate, regressions, renderReport } from './report';
import { runCases, type CaseResult } from './runner';
import { FlagReader } from '../support/flag-reader';
import { compareWithPglite, describeComparison, postgresSqlFiles } from './pglite-compare';

const USAGE = `npm run conformance [-- options]

  --dir DIR        the suites (default: $CONFORMANCE_DIR, else conformance/suites, the vendored copy)
  --only TEXT      only cases whose id contains TEXT (repeatable); the report is then printed, not written,
                   unless --out is given
  --jobs N         cases at once (default 2)
  --timeout SEC    per case (default 120)
  --out FILE       where to write the report (default: CONFORMANCE.md at the repository root)
  --check          exit 1 when a case the baseline lists as passed no longer passes
  --baseline FILE  the baseline for --check (default: the committed CONFORMANCE.md, read before it is rewritten)
  --pglite         instead of running the cases: evaluate every SQL file of the pg-schema-diff and migra cases (or
                   of those --only selects) in PGlite and in PostgreSQL and compare the models; exit 1 when one
                   differs
                   (test/pglite-introspection.test.ts does a fixed sample)

Exit 0 when the run completes (failures are data in the report); 1 when it cannot run, or --check finds a regression.
`;

interface Args {
  dir?: string;
  only: string[];
  jobs: number;
  timeoutSeconds: number;
  out?: string;
  check: boolean;
  baseline?: string;
  pglite: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { only: [], jobs: 2, timeoutSeconds: 120, check: false, pglite: false };
  const read = new FlagReader(argv);
  for (let flag = read.next(); flag !== undefined; flag = read.next()) {
    switch (flag) {
      case '--dir': args.dir = read.value(flag); break;
      case '--only': args.only.push(read.value(flag)); break;
      case '--jobs': args.jobs = read.wholeNumber(flag, 1); break;
      case '--timeout': args.timeoutSeconds = read.wholeNumber(flag, 1); break;
      case '--out': args.out = read.value(flag); break;
      case '--check': args.check = true; break;
      case '--baseline': args.baseline = read.value(flag); break;
      case '--pglite': args.pglite = true; break;
      case '--help':
        process.stdout.write(USAGE);
        return process.exit(0);
      default:
        throw new Error(`unknown option ${flag} (see --help)`);
    }
  }
  return args;
}

/** The repository root: the nearest folder above this file with schemaplan's package.json. */
function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'schemaplan') return dir;
    if (path.dirname(dir) === dir) throw new Error('cannot find the repository root (package.json of schemaplan)');
  }
}

async function versions(serverUrl: string | undefined): Promise<{ postgresVersion?: string; sqliteVersion: string }> {
  const version = async (dialect: 'postgres' | 'sqlite', url: string) => {
    const session = await dialectFor(dialect).connect(parseDatabaseUrl(url));
    try {
      return await session.serverVersion();
    } finally {
      await session.close();
    }
  };
  return {
    postgresVersion: serverUrl ? await version('postgres', serverUrl) : undefined,
    sqliteVersion: await version('sqlite', 'sqlite::memory:'),
  };
}

function summary(results: readonly CaseResult[]): string {
  const suites = [...new Set(results.map((r) => r.case.suite))].sort();
  return suites
    .map((suite) => {
      const items = results.filter((r) => r.case.suite === suite);
      const c = {
        passed: items.filter((r) => r.outcome.status === 'passed').length,
        failed: items.filter((r) => r.outcome.status === 'failed').length,
        skipped: items.filter((r) => r.outcome.status === 'skipped').length,
      };
      return `${suite}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (pass rate ${passRate(c)})`;
    })
    .join('\n');
}

/** `--pglite`: every PostgreSQL SQL file of `cases` in PGlite and in PostgreSQL, the models compared. */
async function comparePglite(cases: readonly ConformanceCase[]): Promise<number> {
  const postgres = cases.filter((c) => c.dialect === 'postgres');
  const files = postgresSqlFiles(postgres);
  if (files.length === 0) throw new Error('--pglite: no SQL file of pg-schema-diff or migra among the cases');
  const admin = await resolveAdminDatabase();
  process.stderr.write(`conformance: PostgreSQL from ${admin.source}\n`);
  try {
    const started = Date.now();
    const result = await compareWithPglite(files, admin.url, postgres.flatMap((c) => c.roles), (done, total) => {
      if (done % 50 === 0 || done === total) process.stderr.write(`[${done}/${total}]\n`);
    });
    process.stdout.write(describeComparison(result, files.length));
    process.stderr.write(`took ${Math.round((Date.now() - started) / 1000)} s\n`);
    return result.differences.length > 0 ? 1 : 0;
  } finally {
    await admin.cluster?.stop();
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const root = repositoryRoot();
  const dir = path.resolve(args.dir ?? process.env.CONFORMANCE_DIR ?? path.join(root, 'conformance', 'suites'));
  const cases = discoverCases(dir).filter((c) => args.only.length === 0 || args.only.some((text) => c.id.includes(text)));
  if (cases.length === 0) throw new Error(`no conformance case in ${dir}${args.only.length ? ' matches --only' : ''}`);
  if (args.pglite) return comparePglite(cases);
  const reportFile = args.out ?? (args.only.length === 0 ? path.join(root, 'CONFORMANCE.md') : undefined);
  const baselineFile = args.baseline ?? path.join(root, 'CONFORMANCE.md');
  const baseline = args.check
    ? existsSync(baselineFile)
      ? parseStatuses(readFileSync(baselineFile, 'utf8'))
      : (() => {
          throw new Error(`--check needs a baseline: ${baselineFile} does not exist`);
        })()
    : undefined;

  let admin: AdminDatabase | undefined;
  if (cases.some((c) => c.dialect === 'postgres')) {
    admin = await resolveAdminDatabase();
    process.stderr.write(`conformance: PostgreSQL from ${admin.source}\n`);
  }
  try {
    const started = Date.now();
    const { results, warnings } = await runCases(cases, {
      serverUrl: admin?.url,
      jobs: args.jobs,
      timeoutMs: args.timeoutSeconds * 1000,
      onResult: ({ case: c, outcome }, done, total) => {
        const reason = outcome.status === 'failed' ? ` (${outcome.stage}: ${outcome.reason})` : '';
        process.stderr.write(`[${done}/${total}] ${outcome.status} ${c.id}${reason}\n`);
      },
    });
    for (const warning of warnings) process.stderr.write(`conformance: warning: ${warning}\n`);
    const report = renderReport(results, { date: new Date().toISOString().slice(0, 10), ...(await versions(admin?.url)) });
    if (reportFile) writeFileSync(reportFile, report);
    else process.stdout.write(report);
    process.stderr.write(`\n${summary(results)}\n${reportFile ? `report: ${reportFile}\n` : ''}`);
    process.stderr.write(`took ${Math.round((Date.now() - started) / 1000)} s\n`);
    if (baseline) {
      const regressed = regressions(baseline, results);
      for (const r of regressed) {
        process.stderr.write(`regression: ${r.case.id} passed in ${baselineFile}, now ${r.outcome.status}: ${r.outcome.reason ?? ''}\n`);
      }
      if (regressed.length > 0) return 1;
      process.stderr.write(`check: every case ${path.basename(baselineFile)} lists as passed still passes\n`);
    }
    return 0;
  } finally {
    await admin?.cluster?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`conformance: error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
