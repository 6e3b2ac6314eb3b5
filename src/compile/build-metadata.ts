import type { DataSource, DataSourceOptions, EntityMetadata, NamingStrategyInterface } from 'typeorm';
import { appTypeorm } from '../typeorm/runtime';
import type { DialectName } from '../model';
import { CompileError } from '../errors/errors';
import { dialectFor, dialectOfTypeormType } from '../dialects/registry';
import { withIndexedMetadataArgs, withMemoizedInheritance } from './indexed-metadata-args';

export interface MetadataOptions {
  /** PostgreSQL: the extension TypeORM uses for uuid defaults (`uuid-ossp` -> uuid_generate_v4(), `pgcrypto`). */
  readonly uuidExtension?: 'uuid-ossp' | 'pgcrypto';
  /** PostgreSQL: the schema of entities that name none. */
  readonly schema?: string;
  /**
   * The project's TypeORM naming strategy (from its data source): every table, column, key, index and enum name is
   * the one it gives, exactly as at runtime. Default: TypeORM's `DefaultNamingStrategy`.
   */
  readonly namingStrategy?: NamingStrategyInterface;
  /** TypeORM's `entityPrefix`: prepended to every table name. */
  readonly entityPrefix?: string;
}

export interface BuiltMetadata {
  readonly dataSource: DataSource;
  readonly entityMetadatas: readonly EntityMetadata[];
  /** Columns declared `enum` that were compiled as `simple-enum` for SQLite, as `table.column`. */
  readonly enumsAsSimpleEnum: readonly string[];
}

/**
 * Builds the app's TypeORM's own entity metadata (see `appTypeorm`) for a dialect without connecting, so TypeORM's
 * naming strategy and type normalisation decide every name and type. No driver package is loaded: PostgreSQL gets
 * stand-ins for `pg`, SQLite uses the `better-sqlite3` driver type (which TypeORM 0.3 and 1.x both have) with a stub
 * driver module.
 *
 * TypeORM rejects `type: 'enum'` on SQLite drivers; so that one set of entity files serves both dialects, an `enum`
 * column is compiled for SQLite with TypeORM's `simple-enum` semantics (a varchar with an inline CHECK), exactly what
 * TypeORM itself does for `simple-enum`. Entities meant to run on SQLite under TypeORM should declare `simple-enum`.
 */
export async function buildMetadata(
  entities: readonly Function[],
  dialect: DialectName,
  options: MetadataOptions = {},
): Promise<BuiltMetadata> {
  const typeorm = appTypeorm();
  const dataSource = new typeorm.DataSource(dataSourceOptions(entities, dialect, options));
  const builder = new typeorm.ConnectionMetadataBuilder(dataSource);
  let entityMetadatas: EntityMetadata[];
  try {
    // TypeORM's lookups of decorator records by entity, indexed (they scan every record for each entity).
    // and its check of every pair of entities for inheritance, memoized (see `withMemoizedInheritance`).
    entityMetadatas = await withMemoizedInheritance(typeorm.MetadataUtils, () =>
      withIndexedMetadataArgs(typeorm.getMetadataArgsStorage(), () => builder.buildEntityMetadatas([...entities])),
    );
  } catch (error) {
    throw compileError(error);
  }
  const enumsAsSimpleEnum: string[] = [];
  if (!dialectFor(dialect).capabilities.enumTypes) {
    for (const metadata of entityMetadatas) {
      for (const column of metadata.columns) {
        if (column.type === 'enum') {
          column.type = 'simple-enum';
          enumsAsSimpleEnum.push(`${metadata.tableName}.${column.databaseName}`);
        }
      }
    }
  }
  try {
    new typeorm.EntityMetadataValidator().validateMany(
      entityMetadatas.filter((metadata) => metadata.tableType !== 'view'),
      dataSource.driver,
    );
  } catch (error) {
    throw compileError(error);
  }
  Object.assign(dataSource, {
    entityMetadatas,
    entityMetadatasMap: new Map(entityMetadatas.map((metadata) => [metadata.target, metadata])),
  });
  return { dataSource, entityMetadatas, enumsAsSimpleEnum };
}

function dataSourceOptions(
  entities: readonly Function[],
  dialect: DialectName,
  options: MetadataOptions,
): DataSourceOptions {
  const naming = { namingStrategy: options.namingStrategy, entityPrefix: options.entityPrefix };
  return dialectFor(dialect).typeormDataSource.metadataOptions(entities, naming, options);
}

/**
 * TypeORM's metadata errors are mostly one readable sentence; keep the first line, and say the two common ones in our
 * terms (a relation to a class that is not a loaded entity; a column type the dialect lacks).
 */
function compileError(error: unknown): CompileError {
  const message = error instanceof Error ? error.message.split('\n')[0]!.trim() : String(error);
  const relation = /^Entity metadata for (\S+?)#(\S+) was not found/.exec(message);
  if (relation) {
    return new CompileError(
      `relation ${relation[1]}.${relation[2]} points to a class that is not a loaded entity`,
      'Decorate the related class with @Entity() and make --entities (or the data source) include its file.',
      { cause: error },
    );
  }
  const type = /^Data type "([^"]*)" in "([^"]+)" is not supported by "([^"]+)" database/.exec(message);
  if (type) {
    const dialect = dialectOfTypeormType(type[3]!)?.displayName ?? type[3];
    return new CompileError(
      `column ${type[2]}: type "${type[1]}" is not supported on ${dialect}`,
      `Use a type TypeORM supports for ${dialect} (see TypeORM's ColumnType), or a type both dialects share.`,
      { cause: error },
    );
  }
  return new CompileError(`invalid entities: ${message}`, 'Fix the entity declarations TypeORM complains about.', {
    cause: error,
  });
}
