import type { DataSource, Table as TypeormTable } from 'typeorm';
import type { Driver } from 'typeorm/driver/Driver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { TableColumn } from 'typeorm/schema-builder/table/TableColumn';
import { CompileError } from '../../errors/errors';
import { qualifiedKey, type Column, type Exclusion } from '../../model';
import { deferrableOf, type TypeormCompile, type TypeormTableScope } from '../typeorm-compile';
import { ExclusionSyntaxError, parseExclusion } from './exclusion';

/** What compiling TypeORM metadata needs of PostgreSQL (see `TypeormCompile`). */
export const postgresTypeormCompile: TypeormCompile = {
  column: (column, tc, scope) => withPostgresDetails(column, tc, scope),
  exclusions: (columns, scope) => exclusionsOf(scope, columns),
  repairedDefault03,
  rewrittenDefault03,
};

/** TypeORM's query runner, for its protected enum naming; one per data source (it opens no connection). */
const queryRunners = new WeakMap<DataSource, PostgresQueryRunner>();
function queryRunnerOf(dataSource: DataSource): PostgresQueryRunner {
  let runner = queryRunners.get(dataSource);
  if (!runner)
    queryRunners.set(dataSource, (runner = dataSource.driver.createQueryRunner('master') as PostgresQueryRunner));
  return runner;
}

function withPostgresDetails(column: Column, tc: TableColumn, scope: TypeormTableScope): Column {
  const { table, dataSource, enums, extensions } = scope;
  const schema = scope.schema!;
  const queryRunner = queryRunnerOf(dataSource);
  let result = column;
  if (tc.type === 'enum' && tc.enum) {
    const name = buildEnumName(queryRunner, table, tc);
    const values = tc.enum.map(String);
    const key = qualifiedKey({ schema, name });
    const existing = enums.get(key);
    if (existing && existing.values.join('\u0000') !== values.join('\u0000')) {
      throw new CompileError(
        `enum type ${key} is declared with different values on ${table.name}.${tc.name} (${values.join(', ')}) ` +
          `and elsewhere (${existing.values.join(', ')})`,
        'Columns sharing an enumName must use the same TypeScript enum.',
      );
    }
    enums.set(key, { schema, name, values });
    result = { ...result, type: 'enum', enum: { schema, name } };
  }
  // A default written as `uuid_generate_v4()` needs uuid-ossp as much as TypeORM's own uuid generation does.
  if (result.default !== undefined && /\buuid_generate_v\d\w*\s*\(/i.test(result.default)) extensions.add('uuid-ossp');
  if (tc.isGenerated && tc.generationStrategy === 'uuid' && tc.default === undefined) {
    const extension = (dataSource.options as { uuidExtension?: string }).uuidExtension ?? 'uuid-ossp';
    extensions.add(extension);
    result = { ...result, default: (dataSource.driver as unknown as { uuidGenerator: string }).uuidGenerator };
  }
  return result;
}

/** TypeORM's own enum type naming (`enumName`, else `<table>_<column>_enum`), a protected query-runner method. */
function buildEnumName(queryRunner: PostgresQueryRunner, table: TypeormTable, column: TableColumn): string {
  const runner = queryRunner as unknown as {
    buildEnumName(table: TypeormTable, column: TableColumn, withSchema: boolean, disableEscape: boolean): string;
  };
  return runner.buildEnumName(table, column, false, true);
}

/**
 * Column types that have no GiST operator class of their own: an `=` (or `<`...) element on one of them in a GiST
 * exclusion constraint needs the btree_gist extension, which the plan then creates first.
 */
const NEEDS_BTREE_GIST = new RegExp(
  `^(?:${[
    'smallint|integer|int|int[248]|bigint|real|float[48]?|double precision|numeric|decimal|money',
    'text|varchar|character varying|char|character|bpchar|citext|uuid|bool|boolean|bytea|bit|bit varying|varbit',
    'macaddr8?|oid|date|interval|time(?:tz)?|time with(?:out)? time zone|timestamp(?:tz)?|timestamp with(?:out)? time zone',
    'enum|simple-enum',
  ].join('|')})$`,
  'i',
);
const SCALAR_OPERATORS = new Set(['=', '<>', '<', '<=', '>', '>=']);

/**
 * `@Exclusion` constraints, read from the expression TypeORM writes after `EXCLUDE` (`USING gist ("room" WITH =,
 * "during" WITH &&)`), named as TypeORM names them; with the `btree_gist` extension when an element needs it.
 */
function exclusionsOf(scope: TypeormTableScope, columns: readonly Column[]): Exclusion[] {
  const { table: typeormTable, metadata, dataSource, extensions } = scope;
  return typeormTable.exclusions.map((e) => {
    // TypeORM 0.3's @Exclusion takes (name, expression) only: an options object (1.x's `{ deferrable }`) arrives as the
    // expression, and TypeORM 0.3 itself would send `EXCLUDE [object Object]`.
    if (typeof e.expression !== 'string') {
      throw new CompileError(
        `@Exclusion of entity ${metadata.targetName}: its expression is not text (an options object such as { deferrable } is TypeORM 1.x's; the app's TypeORM does not take one)`,
        'Write DEFERRABLE in the expression instead: @Exclusion(\'USING gist ("dates" WITH &&) DEFERRABLE INITIALLY DEFERRED\').',
      );
    }
    const name = e.name ?? dataSource.namingStrategy.exclusionConstraintName(typeormTable, e.expression);
    let parsed: Omit<Exclusion, 'name'>;
    try {
      parsed = parseExclusion(e.expression);
    } catch (error) {
      if (!(error instanceof ExclusionSyntaxError)) throw error;
      throw new CompileError(
        `@Exclusion ${name} of entity ${metadata.targetName} cannot be read (${error.message}): ${e.expression}`,
        'Write what follows EXCLUDE, as TypeORM sends it: @Exclusion(\'USING gist ("room" WITH =, "during" WITH &&)\').',
      );
    }
    const declared = deferrableOf((e as { deferrable?: string }).deferrable);
    const exclusion: Exclusion = { name, ...parsed, ...(declared ? { deferrable: declared } : {}) };
    const needsBtreeGist =
      exclusion.method === 'gist' &&
      exclusion.elements.some((element) => {
        const column = 'column' in element ? columns.find((c) => c.name === element.column) : undefined;
        return (
          column !== undefined &&
          !column.array &&
          SCALAR_OPERATORS.has(element.operator) &&
          NEEDS_BTREE_GIST.test(column.type)
        );
      });
    if (needsBtreeGist) extensions.add('btree_gist');
    return exclusion;
  });
}

/** TypeORM 0.3, PostgreSQL: see `TypeormCompile.repairedDefault03` and typeorm/line-differences.ts. */
function repairedDefault03(column: ColumnMetadata, driver: Driver): string | undefined {
  const value: unknown = column.default;
  const isEnum = column.type === 'enum' || column.type === 'simple-enum';
  const quotedJson = (json: unknown) => `'${JSON.stringify(json).replace(/'/g, "''")}'`;
  if (column.isArray && Array.isArray(value)) return undefined;
  if (isEnum && typeof value === 'function') {
    return (driver as unknown as { normalizeDatetimeFunction(sql: string): string }).normalizeDatetimeFunction(
      (value as () => string)(),
    );
  }
  if (!isEnum && typeof value === 'object' && JSON.stringify(value).includes("'")) return quotedJson(value);
  return undefined;
}

/** The date/time functions TypeORM 1.x respells, as the whole default only (0.3 respells any default mentioning one). */
const DATETIME_FUNCTION = /^(CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME|LOCALTIMESTAMP|LOCALTIME)(\(\d+\))?$/;

/**
 * The SQL a function default declares, when the app's TypeORM (0.3, PostgreSQL) writes another one in its place
 * (`typeormText`): 0.3 replaces any expression that mentions a date/time function by that function alone.
 * `undefined` when TypeORM writes what is declared (always on 1.x).
 */
function rewrittenDefault03(column: ColumnMetadata, typeormText: unknown): string | undefined {
  if (typeof column.default !== 'function') return undefined;
  // An enum column's function default is malformed instead (see `repairedDefault`).
  if (column.type === 'enum' || column.type === 'simple-enum') return undefined;
  const declared: unknown = (column.default as () => unknown)();
  if (typeof declared !== 'string' || DATETIME_FUNCTION.test(declared.trim().toUpperCase())) return undefined;
  return typeormText !== declared ? declared : undefined;
}
