/**
 * One dialect at one size: generate the in-sync and the changed entity projects, create the schema, then measure
 * (medians of `runs`) our steps in a fresh process each (`phases-probe`), the real `schema plan` process (wall time,
 * peak RSS; plus the first run with an empty transpile cache), TypeORM's `log()` in its own process, and on
 * PostgreSQL drizzle-kit's introspection and the psql floor.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DialectName } from '../../src/model';
import { createPostgresDatabase, createSqliteDatabase, type BenchDatabase } from './bench-database';
import { generateEntities } from './generate-entities';
import { drizzlePull, psqlBaseline, type DrizzleResult, type PsqlResult } from './peers';
import type { PhaseTimes } from './phases-probe';
import { clearCache, editProject, writeProject, type BenchProject, type BenchTypeormLine } from './project';
import { probeOutput, runNode } from './run-process';
import { summarizeProfile, type ProfileSummary } from './profile-summary';
import { median } from './stats';
import type { TypeormTimes } from './typeorm-probe';

export type Scenario = 'in-sync' | 'changed';

export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly changedTables: number;
  /** Medians of each field over the runs. */
  readonly phases: PhaseTimes;
  readonly planWallMs: number;
  readonly peakRssMb: number;
  /** Peak RSS of the first run (cold: transpiling and building TypeORM's metadata). */
  readonly coldPeakRssMb?: number;
  /** The first `schema plan`: in sync with an empty transpile cache, changed with the edited files not cached. */
  readonly coldWallMs: number;
  readonly typeorm?: TypeormTimes & { readonly wallMs: number };
}

export interface SizeResult {
  readonly dialect: DialectName;
  readonly size: number;
  readonly setupMs: number;
  readonly scenarios: readonly ScenarioResult[];
  readonly drizzle?: DrizzleResult;
  readonly psql?: PsqlResult;
  /** `schema plan --cpu-prof` of each scenario, when asked for at this size. */
  readonly profiles?: readonly { readonly scenario: Scenario; readonly summary: ProfileSummary }[];
}

export interface SizeOptions {
  readonly dialect: DialectName;
  readonly size: number;
  readonly runs: number;
  readonly peers: boolean;
  readonly drizzle?: boolean;
  readonly typeorm?: BenchTypeormLine;
  readonly workDir: string;
  readonly repositoryRoot: string;
  readonly adminUrl?: string;
  /** Also profile one `schema plan` per scenario (`node --cpu-prof`). */
  readonly profile: boolean;
  readonly log: (line: string) => void;
}

const script = (name: string) => path.join(__dirname, `${name}.js`);

function medianOf<T extends object>(items: readonly T[]): T {
  const first = items[0]!;
  const result: Record<string, number> = {};
  for (const key of Object.keys(first))
    result[key] = median(items.map((item) => (item as Record<string, number>)[key]!));
  return result as T;
}

function probe<T>(name: string, project: BenchProject, url: string): T {
  const args = JSON.stringify({ cwd: project.dir, entities: project.entities, url });
  const run = runNode(script(name), [args], { cwd: project.dir, env: { SCHEMAPLAN_CACHE_DIR: project.cacheDir } });
  return probeOutput<T & object>(run, name);
}

/** `schema plan` as a user runs it. */
export function planProcess(
  project: BenchProject,
  url: string,
  repositoryRoot: string,
  nodeArgs: readonly string[] = [],
) {
  const run = runNode(
    path.join(repositoryRoot, 'bin', 'schema.js'),
    ['plan', '--url', url, '--entities', project.entities],
    {
      cwd: project.dir,
      env: { SCHEMAPLAN_CACHE_DIR: project.cacheDir },
      nodeArgs,
    },
  );
  if (run.status !== 0) throw new Error(`schema plan failed (exit ${run.status}): ${run.stderr.trim().slice(-2000)}`);
  return run;
}

function measureScenario(
  scenario: Scenario,
  project: BenchProject,
  changedTables: number,
  database: BenchDatabase,
  options: SizeOptions,
): ScenarioResult {
  const { runs, log } = options;
  // In sync: the first run of the project transpiles every entity file into the cache and compiles the model (measured
  // apart: both caches empty), the measured runs read them. Changed: the edited files are transpiled by this first run,
  // and the model compiled again, as after a user's edit.
  if (scenario === 'in-sync') clearCache(project);
  const cold = planProcess(project, database.url, options.repositoryRoot);
  const coldWallMs = cold.wallMs;
  log(
    `  ${scenario}: first plan (${scenario === 'in-sync' ? 'empty caches' : 'edited files not cached yet'}) ${Math.round(coldWallMs)} ms`,
  );
  const phases: PhaseTimes[] = [];
  const walls: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    phases.push(probe<PhaseTimes>('phases-probe', project, database.url));
    const run = planProcess(project, database.url, options.repositoryRoot);
    walls.push(run.wallMs);
    if (run.peakRssMb !== undefined) rss.push(run.peakRssMb);
  }
  const result = {
    scenario,
    changedTables,
    phases: medianOf(phases),
    planWallMs: median(walls),
    peakRssMb: Math.max(...rss),
    coldPeakRssMb: cold.peakRssMb,
    coldWallMs,
  };
  log(
    `  ${scenario}: plan ${Math.round(result.planWallMs)} ms wall, ${Math.round(result.peakRssMb)} MB; compile ${Math.round(result.phases.compileMs)}, ` +
      `introspect ${Math.round(result.phases.introspectMs)} (${result.phases.queries} queries), diff+plan ${Math.round(result.phases.planMs)} ms; ` +
      `${result.phases.changes} changes`,
  );
  if (!options.peers) return result;
  const typeormRuns: (TypeormTimes & { wallMs: number })[] = [];
  for (let i = 0; i < runs; i++) {
    const args = JSON.stringify({ cwd: project.dir, entities: project.entities, url: database.url });
    const run = runNode(script('typeorm-probe'), [args], {
      cwd: project.dir,
      env: { SCHEMAPLAN_CACHE_DIR: project.cacheDir },
    });
    typeormRuns.push({ ...probeOutput<TypeormTimes>(run, 'typeorm-probe'), wallMs: run.wallMs });
  }
  const typeorm = medianOf(typeormRuns);
  log(
    `  ${scenario}: TypeORM log() ${Math.round(typeorm.logMs)} ms, initialize ${Math.round(typeorm.initializeMs)} ms, ${Math.round(typeorm.wallMs)} ms wall; ${typeorm.pending} pending`,
  );
  return { ...result, typeorm };
}

export async function measureSize(options: SizeOptions): Promise<SizeResult> {
  const { dialect, size, workDir, repositoryRoot, log } = options;
  log(`${dialect}, ${size} entities`);
  // One project: the changed scenario rewrites the edited entity files in place, as a user's edit does.
  const project = writeProject(
    path.join(workDir, `${dialect}-${size}`),
    generateEntities(size, dialect).files,
    repositoryRoot,
    options.typeorm,
  );
  const changedSet = generateEntities(size, dialect, true);
  const database =
    dialect === 'postgres'
      ? await createPostgresDatabase(options.adminUrl ?? '', size)
      : createSqliteDatabase(workDir, size);
  try {
    const setup = probe<{ statements: number; ms: number }>('setup-database', project, database.url);
    log(`  schema created with schemaplan apply: ${setup.statements} statements in ${Math.round(setup.ms)} ms`);
    const inSync = measureScenario('in-sync', project, 0, database, options);
    const inSyncProfile = options.profile ? profilePlan(project, database.url, repositoryRoot) : undefined;
    editProject(project, changedSet.files);
    const changed = measureScenario('changed', project, changedSet.changedTables, database, options);
    const changedProfile = options.profile ? profilePlan(project, database.url, repositoryRoot) : undefined;
    const scenarios = [inSync, changed];
    let drizzle: DrizzleResult | undefined;
    let psql: PsqlResult | undefined;
    if (dialect === 'postgres') {
      psql = await psqlBaseline(database.url, ['public'], options.runs);
      log(
        `  psql -f with the same ${psql.queries} catalog queries: ${Math.round(psql.queriesMs)} ms (\\timing; ${Math.round(psql.wallMs)} ms wall)`,
      );
      if (options.peers && options.drizzle !== false) {
        drizzle = drizzlePull(database.url, repositoryRoot, options.runs);
        log(`  drizzle-kit pull: ${Math.round(drizzle.wallMs)} ms wall`);
      }
    }
    const profiles =
      inSyncProfile && changedProfile
        ? [
            { scenario: 'in-sync' as const, summary: inSyncProfile },
            { scenario: 'changed' as const, summary: changedProfile },
          ]
        : undefined;
    return { dialect, size, setupMs: setup.ms, scenarios, drizzle, psql, profiles };
  } finally {
    await database.drop();
  }
}

/** One `schema plan` under `node --cpu-prof`, summarised. */
function profilePlan(project: BenchProject, url: string, repositoryRoot: string): ProfileSummary {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemaplan-bench-prof-'));
  try {
    planProcess(project, url, repositoryRoot, ['--cpu-prof', '--cpu-prof-dir', dir]);
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('node --cpu-prof wrote no profile');
    return summarizeProfile(path.join(dir, file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
