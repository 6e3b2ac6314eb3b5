/**
 * `npm run bench [-- options]`: schemaplan against TypeORM's schema builder and drizzle-kit on generated schemas of
 * 100 to 2,000 entities, on PostgreSQL and SQLite; writes BENCHMARKS.md (see USAGE in args.ts). PostgreSQL is found as
 * the tests find it (TEST_DATABASE_URL, else 127.0.0.1:5432, else a throwaway cluster).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDatabaseUrl } from '../../src/connect/url';
import { dialectFor } from '../../src/dialects/registry';
import { resolveAdminDatabase, type AdminDatabase } from '../support/postgres-server';
import { DEFAULT_SIZES, parseArgs, USAGE } from './args';
import { measureSize, type SizeResult } from './measure-size';
import { renderReport, type Machine } from './report';

/** results.json: what one run measured, for `--merge`. */
interface SavedRun {
  readonly machine: Machine;
  readonly command: string;
  readonly runs: number;
  readonly results: readonly SizeResult[];
}

function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'schemaplan') return dir;
    if (path.dirname(dir) === dir) throw new Error('cannot find the repository root (package.json of schemaplan)');
  }
}

async function serverVersion(url: string): Promise<string> {
  const session = await dialectFor(parseDatabaseUrl(url).dialect).connect(parseDatabaseUrl(url));
  try {
    return await session.serverVersion();
  } finally {
    await session.close();
  }
}

async function machine(adminUrl: string | undefined): Promise<Machine> {
  const cpus = os.cpus();
  let cpus_count = cpus.length;
  try {
    cpus_count = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    // os.cpus() it is
  }
  return {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    cpus: cpus_count,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: adminUrl ? await serverVersion(adminUrl) : undefined,
    sqlite: await serverVersion('sqlite::memory:'),
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

/** The version of the TypeORM the projects install (`--typeorm`). */
function typeormVersion(root: string, line: '1' | '0.3'): string {
  const dir = path.join(root, 'node_modules', line === '1' ? 'typeorm' : 'typeorm-0.3');
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const root = repositoryRoot();
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const complete =
    DEFAULT_SIZES.every((size) => args.sizes.includes(size)) && args.dialects.length === 2 && args.peers && !args.merge;
  const out = args.out ?? (complete ? path.join(root, 'BENCHMARKS.md') : undefined);
  const workDir = args.workDir ?? mkdtempSync(path.join(os.tmpdir(), 'schemaplan-bench-'));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let admin: AdminDatabase | undefined;
  if (args.dialects.includes('postgres')) {
    admin = await resolveAdminDatabase();
    log(`bench: PostgreSQL from ${admin.source}`);
  }
  const profileSize = args.profileSize ?? [...args.sizes].reverse().find((size) => size <= 1000) ?? args.sizes[0];
  try {
    const info = { ...(await machine(admin?.url)), typeorm: typeormVersion(root, args.typeorm) };
    const results: SizeResult[] = [];
    const merged = args.merge ? (JSON.parse(readFileSync(args.merge, 'utf8')) as SavedRun) : undefined;
    const earlier = merged?.results ?? [];
    const analysis = readFileSync(path.join(root, 'scripts', 'bench', 'where-the-time-goes.md'), 'utf8');
    const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
    const total = args.sizes.length * args.dialects.length;
    // Size by size (both dialects at each), the report rewritten after each: a long run stopped midway keeps what it
    // measured, and says what it lacks.
    for (const size of args.sizes) {
      for (const dialect of args.dialects) {
        results.push(
          await measureSize({
            dialect,
            size,
            runs: args.runs,
            peers: args.peers,
            drizzle: args.drizzle,
            typeorm: args.typeorm,
            workDir,
            repositoryRoot: root,
            adminUrl: admin?.url,
            profile: args.profile && dialect === 'postgres' && size === profileSize,
            log,
          }),
        );
        const measured = new Set(results.map((r) => `${r.dialect}:${r.size}`));
        const all = [...results, ...earlier.filter((r) => !measured.has(`${r.dialect}:${r.size}`))];
        const sorted = [...all].sort((a, b) => a.dialect.localeCompare(b.dialect) || a.size - b.size);
        const pending = total - results.length;
        const mergedSizes = [
          ...new Set(sorted.filter((r) => !measured.has(`${r.dialect}:${r.size}`)).map((r) => r.size)),
        ];
        const note =
          merged && mergedSizes.length > 0
            ? `N = ${mergedSizes.join(', ')}: from an earlier run on ${merged.machine.date} (\`${merged.command}\`, median of ${merged.runs} runs); ` +
              `the other sizes: this run.`
            : undefined;
        const report = renderReport(
          {
            machine: info,
            runs: args.runs,
            peers: args.peers || earlier.length > 0,
            command,
            results: sorted,
            pending,
            note,
          },
          analysis,
        );
        const saved: SavedRun = { machine: info, command, runs: args.runs, results };
        writeFileSync(path.join(workDir, 'results.json'), JSON.stringify(saved, null, 2));
        if (out) writeFileSync(out, report);
        else if (pending === 0) process.stdout.write(report);
      }
    }
    if (out) log(`bench: report written to ${out}`);
    return 0;
  } finally {
    await admin?.cluster?.stop();
    if (!args.workDir) rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
