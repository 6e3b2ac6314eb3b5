import type { Dialect } from '../dialect';
import { loadPostgresSql } from './load-sql';
import { postgresDataSource } from './data-source';
import { postgresEntityTypes } from './entity-types';
import { arrayLiteral, type ArrayElement } from './array-literal';
import { postgresEnums } from './enum-diff';
import { exclusionBody } from './exclusion';
import { narrowedLength } from './hazards';
import { lowerPostgres } from './lower';
import { DEFAULT_SCHEMA, normalizePostgresModel } from './normalize';
import { quoteIdentifier, quoteLiteral } from './quote';
import { renderPostgres } from './render';
import { connectPostgres } from './session';
import { postgresTypeormCompile } from './typeorm-compile';

export { canonicalizeExpression } from './expression';
export { introspectPostgres } from './introspect';
export { DEFAULT_SCHEMA, normalizePostgresModel } from './normalize';
export { quoteIdentifier, quoteLiteral, quoteQualified } from './quote';
export { renderPostgres } from './render';
export { connectPostgres, postgresSessionOn } from './session';

/** PostgreSQL: named enum types, schemas, transactional DDL. */
export const postgresDialect: Dialect = {
  name: 'postgres',
  displayName: 'PostgreSQL',
  defaultSchema: DEFAULT_SCHEMA,
  capabilities: {
    transactionalDdl: true,
    enumTypes: true,
    schemas: true,
    lockRetries: true,
    deferrableConstraints: true,
    indexMethods: true,
    comments: true,
    materializedViews: true,
    virtualGeneratedColumns: false,
    withoutRowid: false,
    namedPrimaryKeys: true,
    uuidType: true,
    concurrentIndexBuilds: true,
    identifierMaxLength: 63,
  },
  quoteIdentifier,
  quoteLiteral,
  arrayLiteral: (elements) => quoteLiteral(arrayLiteral(elements as readonly ArrayElement[])),
  exclusionBody,
  typeormDataSource: postgresDataSource,
  typeorm: postgresTypeormCompile,
  entityTypes: postgresEntityTypes,
  normalize: normalizePostgresModel,
  enums: postgresEnums,
  narrowedLength,
  /** PostgreSQL ALTERs everything; views are recreated around changes to what they read, foreign keys around a dropped key. */
  lower: lowerPostgres,
  render: renderPostgres,
  loadSql: (sql, file, options) => loadPostgresSql(sql, file, options),
  connect: async (target, options) => {
    if (target.dialect !== 'postgres') throw new Error(`internal error: ${target.dialect} target given to PostgreSQL`);
    return connectPostgres(target, options);
  },
};
