/** BENCHMARKS.md from the measurements: the tables per dialect, the peer ratios, scaling, targets, profiles. */
import type { DialectName } from '../../src/model';
import type { ScenarioResult, SizeResult } from './measure-size';
import { doublingRatios, linearFit } from './stats';

export interface Machine {
  readonly date: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly node: string;
  readonly postgres?: string;
  readonly sqlite: string;
  readonly load: string;
  /** The TypeORM version of the projects (ours compiles with it, and its log() is the peer). */
  readonly typeorm?: string;
}

export interface ReportInput {
  readonly machine: Machine;
  readonly runs: number;
  readonly peers: boolean;
  readonly command: string;
  readonly results: readonly SizeResult[];
  /** Measurements (dialect x size) the run has not reached yet: the report is partial. */
  readonly pending?: number;
  /** Where rows come from, when results of an earlier run are merged in. */
  readonly note?: string;
}

const ms = (value: number | undefined): string =>
  value === undefined || Number.isNaN(value) ? '-' : `${Math.round(value)}`;
const ratio = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '-' : `${value.toFixed(1)}x`;

/** Our whole in-process work, entity loading included: what TypeORM's load + initialize + log() is compared to. */
const ourWork = (s: ScenarioResult) =>
  s.phases.compileMs + s.phases.introspectMs + s.phases.planMs + s.phases.measureMs;
const typeormWork = (s: ScenarioResult) =>
  s.typeorm ? s.typeorm.loadMs + s.typeorm.initializeMs + s.typeorm.logMs : undefined;

function scenarioTable(results: readonly SizeResult[], scenario: ScenarioResult['scenario'], peers: boolean): string[] {
  const head = [
    'N',
    'compile ms',
    'introspect ms',
    'queries',
    'diff+plan ms',
    'measure ms',
    'changes',
    '`schema plan` wall ms',
    scenario === 'in-sync' ? 'first run (empty caches) ms' : 'first run after the edit ms',
    'peak RSS MB',
    'first run peak RSS MB',
    ...(peers
      ? [
          'TypeORM load+init+log() ms',
          'TypeORM wall ms',
          'TypeORM pending',
          'TypeORM / ours (work)',
          'TypeORM / ours (wall)',
          'TypeORM / our first run (wall)',
        ]
      : []),
    ...(peers && scenario === 'in-sync' && results.some((r) => r.drizzle)
      ? ['drizzle-kit pull wall ms', 'drizzle / ours (wall)']
      : []),
  ];
  const rows = results.map((r) => {
    const s = r.scenarios.find((x) => x.scenario === scenario)!;
    const cells = [
      String(r.size),
      ms(s.phases.compileMs),
      ms(s.phases.introspectMs),
      String(s.phases.queries),
      ms(s.phases.planMs),
      ms(s.phases.measureMs),
      String(s.phases.changes),
      ms(s.planWallMs),
      ms(s.coldWallMs),
      ms(s.peakRssMb),
      ms(s.coldPeakRssMb),
    ];
    if (peers) {
      const work = typeormWork(s);
      cells.push(
        ms(work),
        ms(s.typeorm?.wallMs),
        s.typeorm ? String(s.typeorm.pending) : '-',
        ratio(work === undefined ? undefined : work / ourWork(s)),
        ratio(s.typeorm ? s.typeorm.wallMs / s.planWallMs : undefined),
        ratio(s.typeorm ? s.typeorm.wallMs / s.coldWallMs : undefined),
      );
    }
    if (peers && scenario === 'in-sync' && results.some((x) => x.drizzle)) {
      cells.push(ms(r.drizzle?.wallMs), ratio(r.drizzle ? r.drizzle.wallMs / s.planWallMs : undefined));
    }
    return cells;
  });
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ];
}

function scaling(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  for (const scenario of ['in-sync', 'changed'] as const) {
    const point = (pick: (s: ScenarioResult) => number) =>
      results.map((r) => ({ x: r.size, y: pick(r.scenarios.find((s) => s.scenario === scenario)!) }));
    const fit = linearFit(point((s) => s.phases.introspectMs));
    const doubling = doublingRatios(point((s) => s.phases.planMs));
    lines.push(
      `- ${scenario}: introspection time = ${fit ? `${(fit.slope * 1000).toFixed(1)} ms per 1,000 tables + ${fit.intercept.toFixed(0)} ms (R² ${fit.r2.toFixed(3)})` : 'needs two sizes'}; ` +
        `diff+plan growth per doubling of N: ${doubling.length ? doubling.map((d) => `${d.from}→${d.to}: ${d.ratio.toFixed(2)}`).join(', ') : 'needs two sizes'} (2.00 is linear, 4.00 quadratic)`,
    );
  }
  const queries = [...new Set(results.flatMap((r) => r.scenarios.map((s) => s.phases.queries)))];
  lines.push(`- catalog queries per introspection: ${queries.join(', ')} at every size`);
  return lines;
}

function psqlTable(results: readonly SizeResult[]): string[] {
  const rows = results.filter((r) => r.psql);
  if (rows.length === 0) return [];
  return [
    '',
    'Introspection against the floor: the same catalog queries (recorded from our introspection, parameters inlined) run',
    "by `psql -f` on a fresh connection, timed by psql's `\\timing` (sum over the queries; the psql process's wall time",
    'beside it). Ours is measured in a fresh process, as `schema plan` runs it: JS warm-up, row parsing and building the',
    'normalised model included.',
    '',
    '| N | queries | our introspection ms | psql queries ms | psql process wall ms | ours / psql |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const ours = r.scenarios.find((s) => s.scenario === 'in-sync')!.phases.introspectMs;
      const psql = r.psql!;
      return `| ${r.size} | ${psql.queries} | ${ms(ours)} | ${ms(psql.queriesMs)} | ${ms(psql.wallMs)} | ${ratio(ours / Math.max(psql.queriesMs, 1))} |`;
    }),
  ];
}

interface Target {
  readonly name: string;
  readonly value: string;
  readonly met: boolean | undefined;
}

function targets(results: readonly SizeResult[], dialect: DialectName, peers: boolean): Target[] {
  const mine = results.filter((r) => r.dialect === dialect);
  const at1000 = mine.find((r) => r.size === 1000)?.scenarios.find((s) => s.scenario === 'in-sync');
  const list: Target[] = [];
  if (at1000) {
    const rss = Math.max(at1000.peakRssMb, at1000.coldPeakRssMb ?? 0);
    list.push({
      name: 'peak RSS at 1,000 <= 250 MB (warm and first run)',
      value: `${ms(at1000.peakRssMb)} MB, first run ${ms(at1000.coldPeakRssMb)} MB`,
      met: rss <= 250,
    });
    if (peers && at1000.typeorm) {
      const wall = at1000.typeorm.wallMs / at1000.planWallMs;
      const work = typeormWork(at1000)! / ourWork(at1000);
      list.push({
        name: '1,000 in sync, warm: >= 10x faster than TypeORM log()',
        value: `${ratio(wall)} (wall), ${ratio(work)} (work)`,
        met: wall >= 10 && at1000.phases.changes === 0,
      });
      const cold = at1000.typeorm.wallMs / at1000.coldWallMs;
      list.push({
        name: '1,000 in sync, first run (empty caches): >= 3x faster than TypeORM log()',
        value: `${ratio(cold)} (wall)`,
        met: cold >= 3,
      });
    }
  }
  const at250 = mine.find((r) => r.size === 250)?.scenarios.find((s) => s.scenario === 'in-sync');
  if (at250 && at1000) {
    const growth = at1000.planWallMs / at250.planWallMs;
    list.push({
      name: '250 -> 1,000 entities: at most 5x time (`schema plan` wall)',
      value: `${growth.toFixed(2)}x (first run ${(at1000.coldWallMs / at250.coldWallMs).toFixed(2)}x)`,
      met: growth <= 5,
    });
  }
  const queries = [...new Set(mine.flatMap((r) => r.scenarios.map((s) => s.phases.queries)))];
  list.push({
    name: `catalog queries fixed${dialect === 'postgres' ? ' and <= 15' : ''}`,
    value: queries.join(', '),
    met: queries.length === 1 && (dialect !== 'postgres' || queries[0]! <= 15),
  });
  const fit = linearFit(mine.map((r) => ({ x: r.size, y: r.scenarios[0]!.phases.introspectMs })));
  if (fit) list.push({ name: 'introspection linear in N', value: `R² ${fit.r2.toFixed(3)}`, met: fit.r2 >= 0.95 });
  const psql = mine
    .filter((r) => r.psql)
    .map((r) => r.scenarios[0]!.phases.introspectMs / Math.max(r.psql!.queriesMs, 1));
  if (psql.length)
    list.push({
      name: 'introspection within 3x of psql',
      value: psql.map((p) => ratio(p)).join(', '),
      met: psql.every((p) => p <= 3),
    });
  const doubling = ['in-sync', 'changed'].flatMap((scenario) =>
    doublingRatios(
      mine.map((r) => ({ x: r.size, y: r.scenarios.find((s) => s.scenario === scenario)!.phases.planMs })),
    ).map((d) => d.ratio),
  );
  // 2.0 is exactly linear; the small sizes carry fixed costs and noise, so "at most doubles" is read with 25% slack.
  if (doubling.length)
    list.push({
      name: 'diff+plan at most doubles per doubling of N',
      value: doubling.map((d) => d.toFixed(2)).join(', '),
      met: doubling.every((d) => d <= 2.5),
    });
  return list;
}

function profileSection(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  for (const r of results.filter((x) => x.profiles)) {
    for (const { scenario, summary } of r.profiles!) {
      lines.push('', `### ${r.dialect}, ${r.size} entities, ${scenario}: ${ms(summary.totalMs)} ms profiled`, '');
      lines.push('| area (self time) | ms | share |', '|---|---|---|');
      for (const a of summary.areas.filter((x) => x.ms >= summary.totalMs / 200).slice(0, 12))
        lines.push(`| ${a.area} | ${ms(a.ms)} | ${((100 * a.ms) / summary.totalMs).toFixed(0)}% |`);
      lines.push('', '| top functions (self time) | where | ms |', '|---|---|---|');
      for (const f of summary.functions) lines.push(`| \`${f.name}\` | ${f.where} | ${ms(f.ms)} |`);
    }
  }
  return lines;
}

export function renderReport(input: ReportInput, analysis: string): string {
  const { machine, results, runs, peers } = input;
  const out: string[] = [
    '# Benchmarks',
    '',
    `Generated by \`${input.command}\` on ${machine.date}. Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB RAM, ` +
      `Node ${machine.node}, PostgreSQL ${machine.postgres ?? '-'} (local), SQLite ${machine.sqlite}${machine.typeorm ? `, TypeORM ${machine.typeorm}` : ''}. Load average at start: ${machine.load}.`,
    `Each figure is the median of ${runs} run${runs === 1 ? '' : 's'}; every run is a fresh process.`,
    ...(input.note ? ['', input.note] : []),
    ...(input.pending
      ? ['', `**Partial report: ${input.pending} dialect/size measurement(s) of this run are not done yet.**`]
      : []),
    '',
    '> A 2-core machine: figures move by some tens of percent between runs, more when other work runs (see the load',
    '> average above); read ratios and growth rather than single milliseconds.',
    '',
    'The schema: N generated TypeORM entities of 10 to 13 columns (varchar, text, decimal, int, boolean, timestamp), a',
    'string enum in every third table and a numeric enum in every fifth (PostgreSQL enum types; CHECKs on SQLite), one',
    "foreign key per table, one or two indexes, a CHECK in every fourth table. The database is created with schemaplan's",
    'own apply; "in sync" plans the same entities against it (TypeORM agrees when its pending count is 0), "changed"',
    'edits the entity files of every twentieth table (a column and an index added, a varchar widened) and plans again.',
    '',
    'Columns: *compile* gives our model of the entities: from the compiled-model cache when nothing it was made from',
    'changed (warm runs), else by loading the entity files and building TypeORM metadata;',
    '*introspect* reads the database (*queries*: catalog queries it sent); *diff+plan* is the pure work after it;',
    "*measure* counts the live rows a changed plan's hazards depend on; *`schema plan` wall* is the real CLI process",
    '(`node bin/schema.js plan --url ... --entities "entities/*.ts"`), process start and entity loading included;',
    '*first run* is the same with empty caches (in sync: every file transpiled, TypeORM metadata built), or right after',
    "the edit, which transpiles the edited files and compiles the model again (changed). TypeORM's figures are what",
    '`migration:generate` runs:',
    '`new DataSource(...)`, `initialize()` and `driver.createSchemaBuilder().log()`, in their own process, entity files',
    'loaded by the same loader; *work* compares in-process time, *wall* whole processes. drizzle-kit is `drizzle-kit',
    'pull` (its introspection, plus writing its schema file) on the same database. Ratios above 1x mean we are faster.',
    '',
    '## Targets',
    '',
    '| target | dialect | measured | met |',
    '|---|---|---|---|',
  ];
  for (const dialect of [...new Set(results.map((r) => r.dialect))]) {
    for (const t of targets(results, dialect, peers))
      out.push(`| ${t.name} | ${dialect} | ${t.value} | ${t.met === undefined ? '-' : t.met ? 'yes' : '**no**'} |`);
  }
  for (const dialect of [...new Set(results.map((r) => r.dialect))]) {
    const mine = results.filter((r) => r.dialect === dialect);
    out.push(
      '',
      `## ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}`,
      '',
      '### In sync (empty plan)',
      '',
      ...scenarioTable(mine, 'in-sync', peers),
    );
    out.push('', '### About 5% of the tables changed', '', ...scenarioTable(mine, 'changed', peers));
    out.push('', '### Scaling', '', ...scaling(mine), ...psqlTable(mine));
  }
  out.push('', '## Where the time goes', '', analysis.trim(), ...profileSection(results), '');
  out.push(
    '## Running it',
    '',
    '```',
    'npm run bench                                   # everything (BENCHMARKS.md is rewritten)',
    'npm run bench -- --sizes 100,500 --runs 1 --dialect sqlite --no-peers --no-profile',
    '```',
    '',
  );
  return out.join('\n');
}
