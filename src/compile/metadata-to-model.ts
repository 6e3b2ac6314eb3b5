import type { Table as TypeormTable, DataSource, EntityMetadata } from 'typeorm';
import type { TableColumn } from 'typeorm/schema-builder/table/TableColumn';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type {
  Column,
  Deferrable,
  DialectName,
  QualifiedName,
  EnumType,
  Exclusion,
  ForeignKey,
  Model,
  ReferentialAction,
  Table,
  View,
} from '../model';
import { normalizeModel, qualifiedKey, relationsNamedIn } from '../model';
import type { Diagnostic } from '../model';
import { CompileError } from '../errors/errors';
import { repairedDefault, rewrittenDefault } from '../typeorm/line-differences';
import { appTypeorm } from '../typeorm/runtime';
import { literalDefault } from './literal-default';
import { describeOwner, mergeJunctionSides, nameClash, type JunctionSide } from './table-owners';
import { ExclusionSyntaxError, parseExclusion } from '../dialects/postgres/exclusion';

/**
 * Entity kinds that become tables. A single-table-inheritance child (`entity-child`) has no table of its own: its
 * columns are in its parent's metadata, and TypeORM's schema builder skips it too. View entities become views.
 */
const TABLE_TYPES = new Set(['regular', 'junction', 'closure', 'closure-junction']);

export interface CompiledModel {
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Tables and views of entities with `synchronize: false`: TypeORM's schema builder leaves them alone, and so does a
   * plan (they are left out of both sides; see `excludeFromModel`).
   */
  readonly unmanaged: readonly QualifiedName[];
}

/**
 * Converts TypeORM entity metadata into the canonical model, through TypeORM's own `Table.create` (the object its
 * schema builder creates tables from), so every type, default and name is the one TypeORM would use.
 */
export function metadataToModel(
  dataSource: DataSource,
  metadatas: readonly EntityMetadata[],
  dialect: DialectName,
): CompiledModel {
  const { Table: TypeormTable, TableForeignKey } = appTypeorm();
  const diagnostics: Diagnostic[] = [];
  const enums = new Map<string, EnumType>();
  const extensions = new Set<string>();
  const defaultSchema = dialect === 'postgres' ? ((dataSource.options as { schema?: string }).schema ?? 'public') : undefined;
  const schemaOf = (metadata: EntityMetadata): string | undefined =>
    dialect === 'postgres' ? (metadata.schema ?? defaultSchema) : undefined;
  const queryRunner = dialect === 'postgres' ? (dataSource.driver.createQueryRunner('master') as PostgresQueryRunner) : undefined;

  const tables: Table[] = [];
  const views: (View & { declaredDependencies: readonly QualifiedName[] })[] = [];
  const seen = new Map<string, EntityMetadata>();
  // Junction metadatas by table: two of one name may be the two sides of one many-to-many (merged below, or an error).
  const junctions = new Map<string, JunctionSide[]>();
  const claim = (metadata: EntityMetadata, schema: string | undefined): string => {
    const key = qualifiedKey({ schema, name: metadata.tableName });
    const previous = seen.get(key);
    if (previous && !(previous.tableType === 'junction' && metadata.tableType === 'junction')) {
      throw nameClash(key, previous, metadata, metadatas);
    }
    if (!previous) seen.set(key, metadata);
    return key;
  };
  const addSide = (key: string, side: JunctionSide): void => void junctions.set(key, [...(junctions.get(key) ?? []), side]);
  const unmanaged: QualifiedName[] = [];
  const leaveAlone = (metadata: EntityMetadata): void => {
    unmanaged.push({ schema: schemaOf(metadata), name: metadata.tableName });
    // A junction has no class: it is named by the relation that declares it.
    const owner = metadata.targetName ? `entity ${metadata.targetName}` : describeOwner(metadata, metadatas);
    diagnostics.push({
      severity: 'info',
      code: 'NOT_SYNCHRONIZED',
      message: `${metadata.tableName} is not managed: ${owner} has synchronize: false, so the plan leaves it as it is`,
      location: owner,
    });
  };
  for (const metadata of metadatas) {
    if (metadata.tableType === 'entity-child') continue;
    if (!metadata.synchronize && (metadata.tableType === 'view' || TABLE_TYPES.has(metadata.tableType))) {
      const key = claim(metadata, schemaOf(metadata));
      if (metadata.tableType === 'junction') addSide(key, { metadata });
      else leaveAlone(metadata);
      continue;
    }
    if (metadata.tableType === 'view') {
      claim(metadata, schemaOf(metadata));
      views.push(toView(metadata, schemaOf(metadata), dataSource, dialect, diagnostics, metadatas, schemaOf));
      continue;
    }
    if (!TABLE_TYPES.has(metadata.tableType)) continue;
    const schema = schemaOf(metadata);
    const key = claim(metadata, schema);

    const typeormTable = TypeormTable.create(metadata, dataSource.driver);
    const columns = typeormTable.columns.map((tc) => {
      const columnMetadata = metadata.columns.find((c) => c.databaseName === tc.name);
      checkEnumDefault(tc, columnMetadata, metadata);
      const where = `${metadata.tableName}.${tc.name}`;
      const declared = withRepairedDefault(toColumn(tc, columnMetadata, dialect), tc, columnMetadata, dataSource, dialect, where, diagnostics);
      const column = withComputed(declared, tc, dialect, where, diagnostics);
      if (dialect !== 'postgres' || !queryRunner) return column;
      return withPostgresDetails(column, tc, typeormTable, schema!, queryRunner, dataSource, enums, extensions);
    });
    const primaryColumns = metadata.primaryColumns.map((c) => c.databaseName);
    const table: Table = {
      schema,
      name: metadata.tableName,
      columns,
      // `@Entity({ withoutRowid: true })`: TypeORM writes WITHOUT ROWID on SQLite.
      ...(dialect === 'sqlite' && metadata.withoutRowid ? { withoutRowid: true as const } : {}),
      primaryKey:
        primaryColumns.length === 0
          ? undefined
          : {
              name:
                metadata.primaryColumns[0]?.primaryKeyConstraintName ??
                dataSource.namingStrategy.primaryKeyName(typeormTable, primaryColumns),
              columns: primaryColumns,
            },
      foreignKeys: metadata.foreignKeys.map((fk): ForeignKey => {
        const tfk = TableForeignKey.create(fk, dataSource.driver);
        return {
          name: tfk.name ?? dataSource.namingStrategy.foreignKeyName(typeormTable, tfk.columnNames),
          columns: tfk.columnNames,
          referencedSchema: schemaOf(fk.referencedEntityMetadata),
          referencedTable: fk.referencedEntityMetadata.tableName,
          referencedColumns: tfk.referencedColumnNames,
          onDelete: action(tfk.onDelete),
          onUpdate: action(tfk.onUpdate),
          deferrable: deferrable(tfk.deferrable),
        };
      }),
      uniques: typeormTable.uniques.map((u) => ({
        name: u.name ?? dataSource.namingStrategy.uniqueConstraintName(typeormTable, u.columnNames),
        columns: u.columnNames,
        // `@Unique(..., { deferrable })`: TypeORM writes DEFERRABLE on PostgreSQL only.
        deferrable: dialect === 'postgres' ? deferrable(u.deferrable) : undefined,
      })),
      checks: typeormTable.checks.map((c) => ({
        name: c.name ?? dataSource.namingStrategy.checkConstraintName(typeormTable, c.expression!),
        expression: c.expression!,
      })),
      indexes: typeormTable.indices.map((i) => ({
        name: i.name ?? dataSource.namingStrategy.indexName(typeormTable, i.columnNames, i.where),
        columns: i.columnNames,
        unique: i.isUnique,
        where: i.where ? i.where : undefined,
        // TypeORM builds a spatial index on PostgreSQL `USING GiST`, another one with its `type` (`gin`, `hash`...);
        // SQLite has one index method.
        method: dialect === 'postgres' ? (i.isSpatial ? 'gist' : i.type === 'btree' ? undefined : i.type) : undefined,
      })),
      comment: dialect === 'postgres' ? (metadata.comment ?? undefined) : undefined,
      // TypeORM creates exclusion constraints on PostgreSQL only.
      exclusions: dialect === 'postgres' ? exclusionsOf(typeormTable, metadata, dataSource, columns, extensions) : undefined,
    };
    if (metadata.tableType === 'junction') addSide(key, { metadata, table });
    else tables.push(table);
  }
  // Junctions last (TypeORM lists them after the entities too), one table per name.
  for (const [key, sides] of junctions) {
    const junction = mergeJunctionSides(key, sides, metadatas);
    if (junction.table) tables.push(junction.table);
    else leaveAlone(junction.metadata);
  }
  // What each view reads: the relations its expression names, and those TypeORM's `dependsOn` declares.
  const relations = [...tables, ...views].map((r): QualifiedName => ({ schema: r.schema, name: r.name }));
  const withDependencies = views.map(({ declaredDependencies, ...view }): View => {
    const named = relationsNamedIn(view.expression, relations, [view.schema, defaultSchema], view);
    return { ...view, dependsOn: [...named, ...declaredDependencies] };
  });
  return {
    model: normalizeModel({ dialect, extensions: [...extensions], enums: [...enums.values()], tables, views: withDependencies }),
    diagnostics,
    unmanaged,
  };
}

/** A view entity as TypeORM's schema builder records it: the expression trimmed, or the query builder's SQL. */
function toView(
  metadata: EntityMetadata,
  schema: string | undefined,
  dataSource: DataSource,
  dialect: DialectName,
  diagnostics: Diagnostic[],
  metadatas: readonly EntityMetadata[],
  schemaOf: (metadata: EntityMetadata) => string | undefined,
): View & { declaredDependencies: readonly QualifiedName[] } {
  const declared = metadata.expression;
  let expression: string;
  try {
    expression = typeof declared === 'string' ? declared.trim() : (declared?.(dataSource).getQuery() ?? '');
  } catch (error) {
    throw new CompileError(
      `view entity ${metadata.targetName}: its expression cannot be built: ${(error as Error).message}`,
      'A function expression must return a query builder built from the data source it is given.',
      { cause: error },
    );
  }
  if (!expression) {
    throw new CompileError(`view entity ${metadata.targetName} has no expression`, 'Give @ViewEntity() an expression.');
  }
  const materialized = Boolean(metadata.tableMetadataArgs.materialized);
  if (materialized && dialect !== 'postgres') {
    diagnostics.push({
      severity: 'warning',
      code: 'MATERIALIZED_VIEW_AS_VIEW',
      message: `view entity ${metadata.targetName}: SQLite has no materialized views; it is an ordinary view there, as TypeORM makes it`,
      location: `entity ${metadata.targetName}`,
    });
  }
  // `dependsOn` names entities (classes) or view names; TypeORM only uses it to order views.
  const declaredDependencies = [...(metadata.dependsOn ?? [])].flatMap((dependency): QualifiedName[] => {
    const target = metadatas.find((m) => m.target === dependency || m.name === dependency || m.tableName === dependency);
    return target ? [{ schema: schemaOf(target), name: target.tableName }] : [];
  });
  // TypeORM creates the indexes of a materialized view on PostgreSQL (`createViewIndices`), nowhere else.
  const indexes =
    dialect === 'postgres' && materialized
      ? metadata.indices.map((index) => ({
          name: index.name,
          columns: index.columns.map((column) => column.databaseName),
          unique: index.isUnique,
          where: index.where ? index.where : undefined,
          method: index.isSpatial ? 'gist' : index.type === undefined || index.type === 'btree' ? undefined : index.type,
        }))
      : [];
  return {
    schema,
    name: metadata.tableName,
    expression,
    materialized: dialect === 'postgres' && materialized ? true : undefined,
    indexes: indexes.length > 0 ? indexes : undefined,
    dependsOn: [],
    declaredDependencies,
  };
}

/**
 * A default the app's TypeORM (0.3) would write as malformed SQL, written well-formed instead (see `repairedDefault`);
 * one it writes other than declared is kept as TypeORM writes it, with a warning (see `rewrittenDefault`).
 */
function withRepairedDefault(
  column: Column,
  tc: TableColumn,
  columnMetadata: ColumnMetadata | undefined,
  dataSource: DataSource,
  dialect: DialectName,
  where: string,
  diagnostics: Diagnostic[],
): Column {
  const { line, version } = appTypeorm();
  const declared = columnMetadata && rewrittenDefault(line, columnMetadata, dialect, tc.default);
  if (declared !== undefined) {
    diagnostics.push({
      severity: 'warning',
      code: 'TYPEORM_DEFAULT_REWRITTEN',
      message:
        `${where}: TypeORM ${version} writes the default ${declared} as ${String(tc.default)} (it replaces an expression that ` +
        'mentions a date/time function by that function alone), and so does the plan, as the app builds its database',
      location: `column ${where}`,
      hint: 'Upgrade the app to TypeORM 1.x, which keeps the expression, or write it without that function (now() for CURRENT_TIMESTAMP).',
    });
  }
  const repaired = columnMetadata && repairedDefault(line, columnMetadata, dialect, dataSource.driver);
  if (repaired === undefined || repaired === column.default) return column;
  diagnostics.push({
    severity: 'warning',
    code: 'TYPEORM_DEFAULT_REPAIRED',
    message:
      `${where}: TypeORM ${version} writes this default as ${String(tc.default)}, which is not valid SQL; schemaplan writes ` +
      `${repaired}, as TypeORM 1.x does, and TypeORM ${version}'s own schema builder keeps reporting the column as changed`,
    location: `column ${where}`,
    hint: 'Upgrade the app to TypeORM 1.x, or declare the default some other way.',
  });
  return { ...column, default: repaired };
}

/**
 * A generated column (`generatedType` + `asExpression`), as TypeORM creates and records it: STORED only on
 * PostgreSQL (TypeORM makes a VIRTUAL one a plain column there), STORED or VIRTUAL on SQLite.
 */
function withComputed(
  column: Column,
  tc: TableColumn,
  dialect: DialectName,
  where: string,
  diagnostics: Diagnostic[],
): Column {
  if (!tc.asExpression || !tc.generatedType) return column;
  if (dialect === 'postgres' && tc.generatedType !== 'STORED') {
    diagnostics.push({
      severity: 'warning',
      code: 'VIRTUAL_COLUMN_ON_POSTGRES',
      message: `${where}: PostgreSQL has no VIRTUAL generated columns; TypeORM creates an ordinary column, and so does schemaplan`,
      location: `column ${where}`,
      hint: "Use generatedType: 'STORED'.",
    });
    return column;
  }
  return { ...column, default: undefined, computed: { expression: tc.asExpression, stored: tc.generatedType === 'STORED' } };
}

function toColumn(tc: TableColumn, columnMetadata: ColumnMetadata | undefined, dialect: DialectName): Column {
  const isEnum = tc.type === 'enum' || tc.type === 'simple-enum' || (dialect === 'sqlite' && tc.enum !== undefined);
  return {
    name: tc.name,
    type: tc.type,
    length: tc.length ? Number(tc.length) : undefined,
    precision: tc.precision ?? undefined,
    scale: tc.scale ?? undefined,
    array: tc.isArray || undefined,
    // TypeORM writes no CHECK for an enum array on SQLite (it stores the column as plain text there).
    enumValues: dialect === 'sqlite' && isEnum && tc.enum && !tc.isArray ? tc.enum.map(String) : undefined,
    nullable: tc.isNullable,
    default:
      tc.default === undefined || tc.default === null
        ? undefined
        : (literalDefault(columnMetadata, dialect) ?? String(tc.default)),
    generated: generated(tc),
    comment: tc.comment || undefined,
    collation: tc.collation || undefined,
  };
}

/**
 * An enum column whose literal default is not one of its labels: PostgreSQL would refuse the DEFAULT, SQLite would
 * store a value its CHECK rejects on the first insert that relies on it. (Array and function defaults are left alone.)
 */
function checkEnumDefault(tc: TableColumn, columnMetadata: ColumnMetadata | undefined, metadata: EntityMetadata): void {
  const value = columnMetadata?.default;
  if (!tc.enum || tc.isArray || (typeof value !== 'string' && typeof value !== 'number')) return;
  const labels = tc.enum.map(String);
  if (labels.includes(String(value))) return;
  const property = columnMetadata?.propertyPath ?? tc.name;
  throw new CompileError(
    `column ${metadata.targetName}.${property}: default ${JSON.stringify(String(value))} is not a value of its enum (${labels.map((l) => JSON.stringify(l)).join(', ')})`,
    'Make the default one of the enum values, or add the value to the enum.',
  );
}

function generated(tc: TableColumn): Column['generated'] {
  if (!tc.isGenerated) return undefined;
  if (tc.generationStrategy === 'increment') return 'increment';
  if (tc.generationStrategy === 'identity') {
    return tc.generatedIdentity === 'ALWAYS' ? 'identity-always' : 'identity-by-default';
  }
  return undefined; // 'uuid' is a default (PostgreSQL) or generated by TypeORM in JavaScript (SQLite)
}

/** PostgreSQL: enum columns name their type (created once per name), uuid columns get TypeORM's generator default. */
function withPostgresDetails(
  column: Column,
  tc: TableColumn,
  table: TypeormTable,
  schema: string,
  queryRunner: PostgresQueryRunner,
  dataSource: DataSource,
  enums: Map<string, EnumType>,
  extensions: Set<string>,
): Column {
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
function exclusionsOf(
  typeormTable: TypeormTable,
  metadata: EntityMetadata,
  dataSource: DataSource,
  columns: readonly Column[],
  extensions: Set<string>,
): Exclusion[] {
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
    const declared = deferrable((e as { deferrable?: string }).deferrable);
    const exclusion: Exclusion = { name, ...parsed, ...(declared ? { deferrable: declared } : {}) };
    const needsBtreeGist = exclusion.method === 'gist' && exclusion.elements.some((element) => {
      const column = 'column' in element ? columns.find((c) => c.name === element.column) : undefined;
      return column !== undefined && !column.array && SCALAR_OPERATORS.has(element.operator) && NEEDS_BTREE_GIST.test(column.type);
    });
    if (needsBtreeGist) extensions.add('btree_gist');
    return exclusion;
  });
}

function deferrable(value: string | undefined): Deferrable | undefined {
  const upper = value?.trim().toUpperCase().replace(/\s+/g, ' ');
  return upper === 'INITIALLY IMMEDIATE' || upper === 'INITIALLY DEFERRED' ? upper : undefined;
}

function action(value: string | undefined): ReferentialAction {
  const upper = (value ?? 'NO ACTION').toUpperCase();
  if (upper === 'RESTRICT' || upper === 'CASCADE' || upper === 'SET NULL' || upper === 'SET DEFAULT') return upper;
  return 'NO ACTION';
}
