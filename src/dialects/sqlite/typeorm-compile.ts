import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { TypeormCompile } from '../typeorm-compile';

/** What compiling TypeORM metadata needs of SQLite (see `TypeormCompile`). */
export const sqliteTypeormCompile: TypeormCompile = { repairedDefault03 };

/**
 * TypeORM 0.3, SQLite: an array or object default is written as `${value}` (`A1,B1`, `[object Object]`); 1.x quotes
 * a simple-enum array as its stored text and anything else as JSON.
 */
function repairedDefault03(column: ColumnMetadata): string | undefined {
  const value: unknown = column.default;
  const quotedJson = (json: unknown) => `'${JSON.stringify(json).replace(/'/g, "''")}'`;
  if (typeof value !== 'object') return undefined;
  if (Array.isArray(value) && column.type === 'simple-enum') return `'${value.join(',')}'`;
  return column.type === 'jsonb' ? `jsonb(${quotedJson(value)})` : quotedJson(value);
}
