import type { Dialect } from '../dialect';
import { lowerSqlite } from './lower';
import { normalizeSqliteModel } from './normalize';
import { quoteIdentifier, quoteLiteral } from './quote';
import { renderSqlite } from './render';
import { connectSqlite } from './session';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  capabilities: { transactionalDdl: true, enumTypes: false, schemas: false },
  quoteIdentifier,
  quoteLiteral,
  normalize: normalizeSqliteModel,
  lower: lowerSqlite,
  render: renderSqlite,
  connect: connectSqlite,
};

export { SqliteSession, connectSqlite } from './session';
export { normalizeSqliteModel } from './normalize';
export { lowerSqlite } from './lower';
export { renderSqlite } from './render';
export { introspectSqlite, buildSqliteModel, INTROSPECTION_QUERIES } from './introspect';
export { parseCreateTable, parseCreateIndex } from './parse-create-table';
