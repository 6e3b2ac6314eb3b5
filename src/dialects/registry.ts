import type { DialectName } from '../model';
import type { Dialect } from './dialect';
import { postgresDialect } from './postgres';
import { sqliteDialect } from './sqlite';

const DIALECTS: Record<DialectName, Dialect> = { postgres: postgresDialect, sqlite: sqliteDialect };

export function dialectFor(name: DialectName): Dialect {
  return DIALECTS[name];
}

/** Every dialect, in the order messages list them. */
export function allDialects(): readonly Dialect[] {
  return Object.values(DIALECTS);
}

/** Whether a value (read from a file) names a dialect. */
export function isDialectName(value: unknown): value is DialectName {
  return typeof value === 'string' && Object.hasOwn(DIALECTS, value);
}

/** The dialect a TypeORM DataSource `type` speaks (`better-sqlite3`: SQLite), if any. */
export function dialectOfTypeormType(type: string): Dialect | undefined {
  return allDialects().find((dialect) => dialect.typeormDataSource.types.includes(type));
}
