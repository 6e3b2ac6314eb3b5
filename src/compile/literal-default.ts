import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DialectName } from '../model';
import { quoteLiteral as postgresLiteral } from '../dialects/postgres/quote';
import { quoteLiteral as sqliteLiteral } from '../dialects/sqlite/quote';

/**
 * The SQL of a string (or enum member) column default, escaped from the value the entity declares.
 *
 * TypeORM's drivers render such a default as `'${value}'` without escaping (`normalizeDefault` of PostgreSQL and
 * SQLite), so a quote in the value breaks the DDL, and an enum label such as `a'); DROP TABLE x; --` used as a
 * default would run as SQL. The value is data: it is quoted here through the dialect's literal helper, which is also
 * how the database reports it back (`'it''s'`). Undefined where the default is not a plain literal (functions,
 * numbers, booleans, arrays, objects): TypeORM's text is used for those.
 */
export function literalDefault(column: ColumnMetadata | undefined, dialect: DialectName): string | undefined {
  const value: unknown = column?.default;
  if (typeof value !== 'string') return undefined;
  return dialect === 'postgres' ? postgresLiteral(value) : sqliteLiteral(value);
}
