/**
 * Child process: `node setup-database.js <json>` creates the schema of a benchmark project in an empty database
 * with schemaplan's own plan and apply (from an empty model), which is much faster than TypeORM's synchronize() at
 * 2,000 tables; the benchmark then checks that both schemaplan and TypeORM see the database in sync with it.
 * Prints `{ "statements": n, "ms": t }`.
 */
import { compileFiles } from '../../src/compile/compile';
import { parseDatabaseUrl } from '../../src/connect/url';
import { dialectFor } from '../../src/dialects/registry';
import { emptyModel } from '../../src/model';
import { createPlan } from '../../src/plan/plan';

/** Statements per transaction when creating the schema. */
const SETUP_BATCH = 1000;

interface SetupArgs {
  readonly cwd: string;
  readonly entities: string;
  readonly url: string;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as SetupArgs;
  const started = performance.now();
  const target = parseDatabaseUrl(args.url, args.cwd);
  const dialect = dialectFor(target.dialect);
  const compiled = await compileFiles([args.entities], dialect.name, args.cwd);
  const plan = createPlan({ from: emptyModel(dialect.name), to: compiled.model, dialect });
  const session = await dialect.connect(target);
  try {
    // In batches, each its own transaction: one transaction creating 2,000 tables with their indexes and keys runs
    // out of PostgreSQL's lock table (max_locks_per_transaction). The plan's order holds across batches.
    for (let start = 0; start < plan.statements.length; start += SETUP_BATCH) {
      await session.apply(plan.statements.slice(start, start + SETUP_BATCH));
    }
  } finally {
    await session.close();
  }
  process.stdout.write(`${JSON.stringify({ statements: plan.statements.length, ms: performance.now() - started })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
