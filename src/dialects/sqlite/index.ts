import type { Dialect } from '../dialect';
import { loadSqliteSql, sqliteLocalTarget } from './load-sql';
import { sqliteDataSource } from './data-source';
import { sqliteEntityTypes } from './entity-types';
import { tableOf } from '../../diff/change-facts';
import type { Change } from '../../diff/changes';
import { withViewUpkeep } from '../view-upkeep';
import { sqliteEnums } from './enum-diff';
import { lowerSqlite } from './lower';
import { normalizeSqliteModel } from './normalize';
import { quoteIdentifier, quoteLiteral } from './quote';
import { renderSqlite } from './render';
import { sqliteScriptFrame } from './script-frame';
import { connectSqlite } from './session';
import { sqliteTypeormCompile } from './typeorm-compile';

function breaksViews(change: Change): string[] {
  const table = change.kind === 'table.rebuild' || change.kind === 'table.drop' ? tableOf(change) : undefined;
  return table ? [table.name] : [];
}

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  displayName: 'SQLite',
  capabilities: {
    transactionalDdl: true,
    enumTypes: false,
    schemas: false,
    caseInsensitiveNames: true,
    deferrableConstraints: false,
    indexMethods: false,
    comments: false,
    materializedViews: false,
    virtualGeneratedColumns: true,
    withoutRowid: true,
    namedPrimaryKeys: false,
    uuidType: false,
    concurrentIndexBuilds: false,
    connectingCreates: true,
  },
  quoteIdentifier,
  quoteLiteral,
  typeormDataSource: sqliteDataSource,
  typeorm: sqliteTypeormCompile,
  entityTypes: sqliteEntityTypes,
  normalize: normalizeSqliteModel,
  enums: sqliteEnums,
  /** Then the views that read a rebuilt table are recreated around it (renaming the new table fails otherwise). */
  lower: (changes, context) => withViewUpkeep(lowerSqlite(changes, context), context, breaksViews),
  render: renderSqlite,
  scriptFrame: sqliteScriptFrame,
  localTarget: sqliteLocalTarget,
  loadSql: (sql, file) => loadSqliteSql(sql, file),
  connect: connectSqlite,
};

export { SqliteSession, connectSqlite } from './session';
export { normalizeSqliteModel } from './normalize';
export { lowerSqlite } from './lower';
export { renderSqlite } from './render';
export { introspectSqlite, buildSqliteModel, INTROSPECTION_QUERIES } from './introspect';
export { parseCreateTable, parseCreateIndex } from './parse-create-table';
