/**
 * Child process: `node phases-probe.js <json>` runs the steps of `schema plan` one after the other, as the CLI does,
 * and times each in a fresh process (so compile pays for loading the entity files and TypeORM, as a real run does):
 * compile (load entity files, TypeORM metadata, model), introspection (with the number of queries the session sent),
 * diff+plan (pure: probes, diff, lower, order, render), and the live-data measurements a changed plan needs.
 * Prints one JSON line (`PhaseTimes`).
 */
import path from 'node:path';

// The built schemaplan (dist/), the code `schema plan` runs: its compiled-model cache entries are the CLI's.
const DIST = path.resolve(__dirname, '..', '..', '..', 'dist');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a path computed at run time (the built dist/)
const load = <T>(module: string): T => require(path.join(DIST, module)) as T;
const { compileFiles } = load<typeof import('../../src/compile/compile')>('compile/compile.js');
const { managedSchemas } = load<typeof import('../../src/workflow/plan-database')>('workflow/plan-database.js');
const { parseDatabaseUrl } = load<typeof import('../../src/connect/url')>('connect/url.js');
const { dialectFor } = load<typeof import('../../src/dialects/registry')>('dialects/registry.js');
const { excludeFromModel } = load<typeof import('../../src/model')>('model/index.js');
const { preparePlan } = load<typeof import('../../src/plan/plan')>('plan/plan.js');

export interface PhaseTimes {
  readonly compileMs: number;
  readonly introspectMs: number;
  readonly queries: number;
  readonly planMs: number;
  readonly measureMs: number;
  readonly changes: number;
  readonly statements: number;
  readonly tables: number;
}

interface ProbeArgs {
  readonly cwd: string;
  readonly entities: string;
  readonly url: string;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as ProbeArgs;
  const target = parseDatabaseUrl(args.url, args.cwd);
  const dialect = dialectFor(target.dialect);
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const elapsed = now - t;
    t = now;
    return elapsed;
  };
  const compiled = await compileFiles([args.entities], dialect.name, args.cwd);
  const compileMs = lap();
  const session = await dialect.connect(target);
  try {
    await session.serverVersion();
    lap();
    const before = session.queryCount;
    const introspected = await session.introspect({ schemas: managedSchemas(compiled.model) });
    const current = excludeFromModel(introspected, [], compiled.unmanaged);
    const queries = session.queryCount - before;
    const introspectMs = lap();
    const input = {
      from: current,
      to: compiled.model,
      dialect,
      diagnostics: compiled.diagnostics,
      renames: compiled.renames,
      entityNames: compiled.entityNames,
    };
    const prepared = preparePlan(input);
    const probes = prepared.probes;
    let planMs = lap();
    const measurements = probes.length > 0 ? await session.measure(probes) : [];
    const measureMs = lap();
    const plan = prepared.create(measurements);
    planMs += lap();
    const times: PhaseTimes = {
      compileMs,
      introspectMs,
      queries,
      planMs,
      measureMs,
      changes: plan.changes.length,
      statements: plan.statements.length,
      tables: current.tables.length,
    };
    process.stdout.write(`${JSON.stringify(times)}\n`);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
