/**
 * Child process: `node typeorm-probe.js <json>` does what TypeORM's `migration:generate` does on the same entity
 * files and database: build a DataSource, `initialize()` (entity metadata, connection) and run its schema builder's
 * `log()` (introspection and diff). The entity files are loaded by schemaplan's loader (with its transpile cache), as
 * for our own runs, and that load is timed apart; TypeORM is the project's own (`--typeorm` of the bench). SQLite goes through TypeORM's sql.js driver (TypeORM 1.x has no
 * driver for the `sqlite3` package), the database file read into memory as part of `initialize`. Prints `{ loadMs, initializeMs, logMs, pending }`.
 */
import { readFile } from 'node:fs/promises';
import { loadEntities } from '../../src/compile/load-entities';
import { parseDatabaseUrl } from '../../src/connect/url';
import { appTypeorm } from '../../src/typeorm/runtime';
import { oneQueryAtATimePg } from '../support/one-query-pg';

export interface TypeormTimes {
  readonly loadMs: number;
  readonly initializeMs: number;
  readonly logMs: number;
  /** Statements TypeORM would run (0 on a database in sync with the entities). */
  readonly pending: number;
}

interface ProbeArgs {
  readonly cwd: string;
  readonly entities: string;
  readonly url: string;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as ProbeArgs;
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const elapsed = now - t;
    t = now;
    return elapsed;
  };
  const { classes } = await loadEntities([args.entities], args.cwd);
  // The project's TypeORM (0.3 or 1.x, see the bench's --typeorm), the copy its entity files were decorated with.
  const { DataSource } = appTypeorm(args.cwd);
  const loadMs = lap();
  const target = parseDatabaseUrl(args.url, args.cwd);
  const common = { entities: [...classes], logging: false, synchronize: false };
  // TypeORM 1.x drives SQLite through better-sqlite3 (not installed) or sql.js: sql.js it is, on the file's bytes.
  const dataSource =
    target.dialect === 'postgres'
      ? new DataSource({ type: 'postgres', url: target.connectionString, driver: oneQueryAtATimePg(), ...common })
      : new DataSource({ type: 'sqljs', database: new Uint8Array(await readFile(target.filename)), ...common });
  await dataSource.initialize();
  const initializeMs = lap();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const logMs = lap();
    const times: TypeormTimes = { loadMs, initializeMs, logMs, pending: sql.upQueries.length };
    process.stdout.write(`${JSON.stringify(times)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
