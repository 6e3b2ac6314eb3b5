import type { DataSource, EntityMetadata } from 'typeorm';
import type { TableColumn } from 'typeorm/schema-builder/table/TableColumn';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type {
  Column,
  DialectName,
  QualifiedName,
  EnumType,
  ForeignKey,
  Model,
  ReferentialAction,
  Table,
  View,
} from '../model';
import { normalizeModel, qualifiedKey, relationsNamedIn } from '../model';
import type { Diagnostic } from '../model';
import { CompileError } from '../errors/errors';
import { appTypeorm } from '../typeorm/runtime';
import { literalDefault } from './literal-default';
import { describeOwner, mergeJunctionSides, nameClash, type JunctionSide } from './table-owners';
import type { Dialect } from '../dialects/dialect';
import { dialectFor } from '../dialects/registry';
import { deferrableOf, type TypeormTableScope } from '../dialects/typeorm-compile';

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
  const spoken = dialectFor(dialect);
  const can = spoken.capabilities;
  const defaultSchema = can.schemas
    ? ((dataSource.options as { schema?: string }).schema ?? spoken.defaultSchema)
    : undefined;
  const schemaOf = (metadata: EntityMetadata): string | undefined =>
    can.schemas ? (metadata.schema ?? defaultSchema) : undefined;

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
  const addSide = (key: string, side: JunctionSide): void =>
    void junctions.set(key, [...(junctions.get(key) ?? []), side]);
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
      views.push(toView(metadata, schemaOf(metadata), dataSource, spoken, diagnostics, metadatas, schemaOf));
      continue;
    }
    if (!TABLE_TYPES.has(metadata.tableType)) continue;
    const schema = schemaOf(metadata);
    const key = claim(metadata, schema);

    const typeormTable = TypeormTable.create(metadata, dataSource.driver);
    const scope: TypeormTableScope = { table: typeormTable, metadata, dataSource, schema, enums, extensions };
    const columns = typeormTable.columns.map((tc) => {
      const columnMetadata = metadata.columns.find((c) => c.databaseName === tc.name);
      checkEnumDefault(tc, columnMetadata, metadata);
      const where = `${metadata.tableName}.${tc.name}`;
      const declared = withRepairedDefault(
        toColumn(tc, columnMetadata, spoken),
        tc,
        columnMetadata,
        dataSource,
        spoken,
        where,
        diagnostics,
      );
      const column = withComputed(declared, tc, spoken, where, diagnostics);
      return spoken.typeorm.column ? spoken.typeorm.column(column, tc, scope) : column;
    });
    const primaryColumns = metadata.primaryColumns.map((c) => c.databaseName);
    const table: Table = {
      schema,
      name: metadata.tableName,
      columns,
      // `@Entity({ withoutRowid: true })`: TypeORM writes WITHOUT ROWID on SQLite.
      ...(can.withoutRowid && metadata.withoutRowid ? { withoutRowid: true as const } : {}),
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
          deferrable: deferrableOf(tfk.deferrable),
        };
      }),
      uniques: typeormTable.uniques.map((u) => ({
        name: u.name ?? dataSource.namingStrategy.uniqueConstraintName(typeormTable, u.columnNames),
        columns: u.columnNames,
        // `@Unique(..., { deferrable })`: TypeORM writes DEFERRABLE on PostgreSQL only.
        deferrable: can.deferrableConstraints ? deferrableOf(u.deferrable) : undefined,
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
        method: can.indexMethods ? (i.isSpatial ? 'gist' : i.type === 'btree' ? undefined : i.type) : undefined,
      })),
      comment: can.comments ? (metadata.comment ?? undefined) : undefined,
      // TypeORM creates exclusion constraints on PostgreSQL only.
      exclusions: spoken.typeorm.exclusions?.(columns, scope),
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
    model: normalizeModel({
      dialect,
      extensions: [...extensions],
      enums: [...enums.values()],
      tables,
      views: withDependencies,
    }),
    diagnostics,
    unmanaged,
  };
}

/** A view entity as TypeORM's schema builder records it: the expression trimmed, or the query builder's SQL. */
function toView(
  metadata: EntityMetadata,
  schema: string | undefined,
  dataSource: DataSource,
  dialect: Dialect,
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
  if (materialized && !dialect.capabilities.materializedViews) {
    diagnostics.push({
      severity: 'warning',
      code: 'MATERIALIZED_VIEW_AS_VIEW',
      message: `view entity ${metadata.targetName}: ${dialect.displayName} has no materialized views; it is an ordinary view there, as TypeORM makes it`,
      location: `entity ${metadata.targetName}`,
    });
  }
  // `dependsOn` names entities (classes) or view names; TypeORM only uses it to order views.
  const declaredDependencies = [...(metadata.dependsOn ?? [])].flatMap((dependency): QualifiedName[] => {
    const target = metadatas.find(
      (m) => m.target === dependency || m.name === dependency || m.tableName === dependency,
    );
    return target ? [{ schema: schemaOf(target), name: target.tableName }] : [];
  });
  // TypeORM creates the indexes of a materialized view on PostgreSQL (`createViewIndices`), nowhere else.
  const indexes =
    dialect.capabilities.materializedViews && materialized
      ? metadata.indices.map((index) => ({
          name: index.name,
          columns: index.columns.map((column) => column.databaseName),
          unique: index.isUnique,
          where: index.where ? index.where : undefined,
          method: index.isSpatial
            ? 'gist'
            : index.type === undefined || index.type === 'btree'
              ? undefined
              : index.type,
        }))
      : [];
  return {
    schema,
    name: metadata.tableName,
    expression,
    materialized: dialect.capabilities.materializedViews && materialized ? true : undefined,
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
  dialect: Dialect,
  where: string,
  diagnostics: Diagnostic[],
): Column {
  const { line, version } = appTypeorm();
  const declared =
    line === '0.3' && columnMetadata ? dialect.typeorm.rewrittenDefault03?.(columnMetadata, tc.default) : undefined;
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
  const repaired =
    line === '0.3' && columnMetadata && columnMetadata.default !== null && columnMetadata.default !== undefined
      ? dialect.typeorm.repairedDefault03?.(columnMetadata, dataSource.driver)
      : undefined;
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
  dialect: Dialect,
  where: string,
  diagnostics: Diagnostic[],
): Column {
  if (!tc.asExpression || !tc.generatedType) return column;
  if (!dialect.capabilities.virtualGeneratedColumns && tc.generatedType !== 'STORED') {
    diagnostics.push({
      severity: 'warning',
      code: 'VIRTUAL_COLUMN_ON_POSTGRES',
      message: `${where}: ${dialect.displayName} has no VIRTUAL generated columns; TypeORM creates an ordinary column, and so does schemaplan`,
      location: `column ${where}`,
      hint: "Use generatedType: 'STORED'.",
    });
    return column;
  }
  return {
    ...column,
    default: undefined,
    computed: { expression: tc.asExpression, stored: tc.generatedType === 'STORED' },
  };
}

function toColumn(tc: TableColumn, columnMetadata: ColumnMetadata | undefined, dialect: Dialect): Column {
  // Where enums are no named types (SQLite), any column with enum values is one: TypeORM writes a CHECK for it.
  const inline = !dialect.capabilities.enumTypes;
  const isEnum = tc.type === 'enum' || tc.type === 'simple-enum' || (inline && tc.enum !== undefined);
  return {
    name: tc.name,
    type: tc.type,
    length: tc.length ? Number(tc.length) : undefined,
    precision: tc.precision ?? undefined,
    scale: tc.scale ?? undefined,
    array: tc.isArray || undefined,
    // TypeORM writes no CHECK for an enum array on SQLite (it stores the column as plain text there).
    enumValues: inline && isEnum && tc.enum && !tc.isArray ? tc.enum.map(String) : undefined,
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
function action(value: string | undefined): ReferentialAction {
  const upper = (value ?? 'NO ACTION').toUpperCase();
  if (upper === 'RESTRICT' || upper === 'CASCADE' || upper === 'SET NULL' || upper === 'SET DEFAULT') return upper;
  return 'NO ACTION';
}
