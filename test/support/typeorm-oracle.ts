import { readFile, writeFile } from 'node:fs/promises';
import { DataSource, type NamingStrategyInterface } from 'typeorm';
import { oneQueryAtATimePg } from '../../scripts/support/one-query-pg';
import { appTypeorm } from '../../src/typeorm/runtime';

export { oneQueryAtATimePg };

/**
 * TypeORM as the oracle: what its own `synchronize()` builds, and what its schema builder (`log()`, the engine of
 * `migration:generate`) still wants to change. SQLite goes through TypeORM's sql.js driver on a copy of the file.
 */
export type OracleTarget = { dialect: 'postgres'; url: string } | { dialect: 'sqlite'; file: string };

/** How the project's own DataSource names things, when it is not TypeORM's default. */
export interface OracleOptions {
  readonly namingStrategy?: NamingStrategyInterface;
}

async function open(
  target: OracleTarget,
  entities: readonly Function[],
  database?: Uint8Array,
  migrations: readonly Function[] = [],
  options: OracleOptions = {},
): Promise<DataSource> {
  // The oracle is the TypeORM schemaplan compiles with (the line of the Jest project): never another copy.
  if (DataSource !== appTypeorm().DataSource)
    throw new Error('the oracle and schemaplan loaded different TypeORM copies');
  const common = { entities: [...entities], migrations: [...migrations], logging: false, ...options };
  const dataSource =
    target.dialect === 'postgres'
      ? new DataSource({ type: 'postgres', url: target.url, driver: oneQueryAtATimePg(), ...common })
      : new DataSource({ type: 'sqljs', database, ...common });
  await dataSource.initialize();
  return dataSource;
}

/** Builds the schema with TypeORM's own `synchronize()`. */
export async function synchronizeWithTypeorm(target: OracleTarget, entities: readonly Function[]): Promise<void> {
  const dataSource = await open(target, entities);
  try {
    await dataSource.synchronize();
    if (target.dialect === 'sqlite') {
      const bytes = (dataSource.driver as unknown as { export(): Uint8Array }).export();
      await writeFile(target.file, bytes);
    }
  } finally {
    await dataSource.destroy();
  }
}

/** The SQL TypeORM's schema builder would run to bring the database in line with the entities (empty: in sync). */
export async function typeormPendingQueries(
  target: OracleTarget,
  entities: readonly Function[],
  options: OracleOptions = {},
): Promise<string[]> {
  const bytes = target.dialect === 'sqlite' ? new Uint8Array(await readFile(target.file)) : undefined;
  const dataSource = await open(target, entities, bytes, [], options);
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}

/** Runs TypeORM's own migration runner (`run`: all pending; `undo`: the last one) with the given migration classes. */
export async function runTypeormMigrations(
  target: OracleTarget,
  migrations: readonly Function[],
  action: 'run' | 'undo',
): Promise<void> {
  const bytes =
    target.dialect === 'sqlite' ? new Uint8Array(await readFile(target.file).catch(() => Buffer.alloc(0))) : undefined;
  const dataSource = await open(target, [], bytes?.length ? bytes : undefined, migrations);
  try {
    if (action === 'run') await dataSource.runMigrations();
    else await dataSource.undoLastMigration();
    if (target.dialect === 'sqlite') {
      await writeFile(target.file, (dataSource.driver as unknown as { export(): Uint8Array }).export());
    }
  } finally {
    await dataSource.destroy();
  }
}
