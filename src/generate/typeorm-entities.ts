/**
 * TypeORM entity files from a database model (`schema inspect --format typeorm`), so that a team can adopt schemaplan
 * on an existing database: compiled back, the entities give the same model, so a plan against that database is empty.
 *
 * One file per table (`@Entity`) and per view (`@ViewEntity`), and `enums.ts` for PostgreSQL enum types. Every
 * database name is stated (table, column, constraint, index and enum type names), so nothing depends on TypeORM's
 * naming strategy. What TypeORM cannot declare is reported as a diagnostic, one per object (and a comment in the
 * file), rather than written wrongly or left out silently: a type it does not accept is declared as the nearest one it
 * does, a domain as its base type, a partitioned table as an ordinary one; standalone sequences, functions, triggers
 * and the other objects entities cannot declare are reported (plans from entities leave them alone), and so are
 * tables without a primary key, which get no entity (a plan would drop them). TypeORM's own tables (`migrations`,
 * `typeorm_metadata`) are left out.
 */
import type { Model, NotManagedKind, Partitioning, QualifiedName, Table } from '../model';
import { asBaseType, qualifiedKey } from '../model';
import type { Diagnostic } from '../plan/types';
import { dialectFor } from '../dialects/registry';
import { isManagedTable } from '../dialects/unmanaged';
import { planColumn, undeclarableColumn } from './typeorm/column-options';
import { renderEnum } from './typeorm/enums';
import { ENUMS_FILE, planNames } from './typeorm/naming-plan';
import { planRelations } from './typeorm/relations';
import { HEADER, renderEntityFile } from './typeorm/render-entity';
import { planViewIndexes, renderViewFile } from './typeorm/render-view';
import { planTableConstraints } from './typeorm/table-constraints';
import { undeclaredDetails } from './typeorm/undeclared-details';
import { lineDifferences } from '../typeorm/line-differences';
import type { TypeormLine } from '../typeorm/versions';

export interface TypeormEntityFiles {
  /** Relative path (`card-statistics.ts`) -> content, sorted by path. */
  readonly files: Map<string, string>;
  readonly diagnostics: Diagnostic[];
}

export interface TypeormEntityOptions {
  /** The TypeORM line the app uses (default 1.x): 0.3 cannot declare index methods, and keeps relation column orders. */
  readonly typeorm?: TypeormLine;
}

export function typeormEntityFiles(model: Model, options: TypeormEntityOptions = {}): TypeormEntityFiles {
  const dialect = model.dialect;
  const line = lineDifferences(options.typeorm ?? '1');
  const spoken = dialectFor(dialect);
  // Tables in the default schema are declared without `schema`.
  const defaultSchema = spoken.capabilities.schemas ? spoken.defaultSchema : undefined;
  const diagnostics: Diagnostic[] = [];

  const knownEnums = new Set(model.enums.map((type) => qualifiedKey(type)));
  const enumRead = (type: QualifiedName) => knownEnums.has(qualifiedKey(type));
  const tables = model.tables
    .filter((table) => isManagedTable(table.name))
    .filter((table) => {
      if (!table.primaryKey || table.primaryKey.columns.length === 0) {
        diagnostics.push({
          severity: 'error',
          code: 'ENTITY_NO_PRIMARY_KEY',
          message: `table ${qualifiedKey(table)} has no primary key, which every TypeORM entity needs; no entity is generated for it`,
          location: `table ${qualifiedKey(table)}`,
          hint: 'Add a primary key to the table first (a plan against entities without it would drop it).',
        });
        return false;
      }
      // An entity without its primary column would make TypeORM refuse every entity loaded with it.
      const undeclared = table.columns.filter(
        (c) => table.primaryKey!.columns.includes(c.name) && undeclarableColumn(c, enumRead),
      );
      if (undeclared.length === 0) return true;
      diagnostics.push({
        severity: 'error',
        code: 'ENTITY_PRIMARY_KEY_NOT_DECLARED',
        message:
          `table ${qualifiedKey(table)}: its primary-key column ${undeclared.map((c) => c.name).join(', ')} cannot be declared ` +
          `(${undeclared.map((c) => undeclarableColumn(c, enumRead)).join('; ')}); no entity is generated for it`,
        location: `table ${qualifiedKey(table)}`,
        hint: 'Generate it together with what it needs (read every schema), or declare the entity by hand.',
      });
      return false;
    });
  for (const table of tables) {
    const at = { location: `table ${qualifiedKey(table)}` };
    for (const column of table.columns.filter((c) => c.identity)) {
      diagnostics.push({
        severity: 'warning',
        code: 'ENTITY_IDENTITY_OPTIONS_NOT_DECLARED',
        message: `${qualifiedKey(table)}.${column.name}: identity sequence options (start, increment, ...) cannot be declared on an entity`,
        ...at,
        hint: 'A plan against the generated entities resets them to the defaults.',
      });
    }
    for (const constraint of [...table.checks, ...table.foreignKeys].filter(
      (c) => c.notValid || ('noInherit' in c && c.noInherit),
    )) {
      diagnostics.push({
        severity: 'warning',
        code: 'ENTITY_CONSTRAINT_OPTIONS_NOT_DECLARED',
        message: `${qualifiedKey(table)}: constraint ${constraint.name} is NOT VALID or NO INHERIT, which an entity cannot declare`,
        ...at,
        hint: 'A plan against the generated entities validates it, or adds it again without NO INHERIT.',
      });
    }
  }
  for (const table of tables.filter((t) => t.strict)) {
    diagnostics.push({
      severity: 'warning',
      code: 'ENTITY_STRICT_NOT_DECLARED',
      message: `table ${qualifiedKey(table)} is STRICT, which TypeORM entities cannot declare`,
      location: `table ${qualifiedKey(table)}`,
      hint: 'A plan against the generated entities rebuilds it as a plain table, keeping its rows.',
    });
  }
  for (const table of tables.filter((t) => t.partitioning)) diagnostics.push(partitioningDiagnostic(table));
  const views = model.views ?? [];
  const usedEnums = new Set(
    tables.flatMap((t) =>
      t.columns.map(asBaseType).flatMap((c) => (c.type === 'enum' && c.enum ? [qualifiedKey(c.enum)] : [])),
    ),
  );
  for (const type of model.enums.filter((e) => !usedEnums.has(qualifiedKey(e)))) {
    const domains = type.unmodelled?.find((entry) => entry.attribute === 'domains')?.value;
    diagnostics.push({
      severity: 'warning',
      code: 'ENTITY_ENUM_UNUSED',
      message: `enum type ${qualifiedKey(type)} is used by no column${domains ? ` (only by domain ${domains})` : ''}, and TypeORM only declares enum types through columns`,
      location: `enum ${qualifiedKey(type)}`,
      hint: domains
        ? 'Plans against the generated entities keep it while a domain uses it (domains are not managed).'
        : 'A plan against the generated entities drops it.',
    });
  }
  for (const sequence of model.sequences ?? []) {
    diagnostics.push({
      severity: 'warning',
      code: 'ENTITY_SEQUENCE_NOT_DECLARED',
      message: `sequence ${qualifiedKey(sequence)} is a standalone sequence, which TypeORM entities cannot declare`,
      location: `sequence ${qualifiedKey(sequence)}`,
      hint: 'Plans against entities leave standalone sequences alone: it stays as it is (unless the table owning it is dropped).',
    });
  }
  diagnostics.push(...notManagedDiagnostics(model));
  const enums = model.enums.filter((e) => usedEnums.has(qualifiedKey(e)));
  const naming = planNames(tables, views, enums, defaultSchema);
  const skippedByTable = new Map(
    tables.map((t) => [
      qualifiedKey(t),
      new Set(t.columns.filter((c) => undeclarableColumn(c, enumRead)).map((c) => c.name)),
    ]),
  );
  const relations = planRelations(tables, naming, diagnostics, line, skippedByTable);
  diagnostics.push(...undeclaredDetails(model, tables));

  const files = new Map<string, string>();
  for (const table of tables) {
    const names = naming.entity(table)!;
    const context = { dialect, table, names, naming, diagnostics };
    const columns = primaryKeyOrdered(table).map((column) => planColumn(column, context));
    const skippedColumns = skippedByTable.get(qualifiedKey(table))!;
    const constraints = planTableConstraints({ dialect, table, names, skippedColumns, diagnostics, line });
    const tableRelations = (relations.get(qualifiedKey(table)) ?? []).filter((relation) => {
      const skipped = relation.foreignKey.columns.filter((c) => skippedColumns.has(c));
      if (skipped.length === 0) return true;
      diagnostics.push({
        severity: 'error',
        code: 'ENTITY_CONSTRAINT_ON_SKIPPED_COLUMN',
        message: `${qualifiedKey(table)}: foreign key ${relation.foreignKey.name} is not declared: column ${skipped.join(', ')} is not`,
        location: `table ${qualifiedKey(table)}`,
      });
      return false;
    });
    files.set(
      `${names.fileName}.ts`,
      renderEntityFile({
        dialect,
        defaultSchema,
        table,
        names,
        columns,
        relations: tableRelations,
        constraints,
        notes: partitioningNotes(table),
      }),
    );
  }
  const viewKeys = new Set(views.map((view) => qualifiedKey(view)));
  for (const view of views) {
    const names = naming.view(view);
    const dependencies = view.dependsOn.filter((d) => viewKeys.has(qualifiedKey(d))).map((d) => naming.view(d));
    const indexes = planViewIndexes(view, diagnostics, line);
    files.set(`${names.fileName}.ts`, renderViewFile(view, names, dependencies, defaultSchema, indexes));
  }
  if (naming.enums.length > 0) {
    const declarations = naming.enums.map(({ type, tsEnum }) =>
      renderEnum(tsEnum, `PostgreSQL enum type ${qualifiedKey(type)}`),
    );
    files.set(`${ENUMS_FILE}.ts`, `${HEADER}\n${declarations.join('\n')}`);
  }
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), diagnostics };
}

const describePartitioning = (partitioning: Partitioning) =>
  `PARTITION BY ${partitioning.strategy.toUpperCase()} (${partitioning.key})`;

/** A partitioned table: written as an ordinary table (plans from entities leave the partitioning alone), and said so. */
function partitioningDiagnostic(table: Table): Diagnostic {
  const partitioning = table.partitioning!;
  const count = partitioning.partitions.length;
  return {
    severity: 'error',
    code: 'ENTITY_PARTITIONING_NOT_DECLARED',
    message:
      `table ${qualifiedKey(table)} is partitioned (${describePartitioning(partitioning)}), which TypeORM entities cannot declare: ` +
      `its entity declares an ordinary table` +
      (count === 0
        ? ' (it has no partitions)'
        : `, and its ${count === 1 ? 'partition' : `${count} partitions`} (not managed) ${count === 1 ? 'has' : 'have'} no entity`),
    location: `table ${qualifiedKey(table)}`,
    hint:
      'Plans against the entities leave the partitioning and the partitions alone; a database built from the entities has an ' +
      'ordinary table instead, which schema diff refuses to take for the same (create the table partitioned in a migration of your own).',
  };
}

/** The comment above a partitioned table's class: its partitioning and its partitions' bounds. */
function partitioningNotes(table: Table): string[] | undefined {
  const partitioning = table.partitioning;
  if (!partitioning) return undefined;
  return [
    `In the database this table is partitioned: ${describePartitioning(partitioning)}, which TypeORM cannot declare.`,
    ...(partitioning.partitions.length > 0 ? ['Its partitions (not managed):'] : []),
    ...partitioning.partitions.map((p) => `  ${qualifiedKey(p)} ${p.bound}`),
  ];
}

/** Kinds of `Model.notManaged` reported elsewhere or not at all: extensions a plan keeps, TypeORM's own tables, partitions (with their table). */
const NOT_REPORTED: ReadonlySet<NotManagedKind> = new Set(['extension', 'typeorm table', 'partition']);

/**
 * One warning per object the database holds that no entity can declare (functions, triggers, domains, policies...):
 * plans against the entities leave each alone, and a database built from them does not have it.
 */
function notManagedDiagnostics(model: Model): Diagnostic[] {
  return (model.notManaged ?? [])
    .filter((entry) => !NOT_REPORTED.has(entry.kind))
    .flatMap((entry) =>
      entry.names.map((name): Diagnostic => {
        const object = `${entry.kind} ${entry.schema !== undefined && !name.startsWith('schema ') ? `${entry.schema}.` : ''}${name}`;
        return {
          severity: 'warning',
          code: 'ENTITY_OBJECT_NOT_DECLARED',
          message: `${object}: TypeORM entities cannot declare it`,
          location: object,
          hint: 'Plans against the entities leave it alone; a database built from them does not have it (create it in a migration of your own).',
        };
      }),
    );
}

/**
 * TypeORM orders a primary key's columns as the properties are declared: when the key lists them in another order,
 * its columns come first, in key order.
 */
function primaryKeyOrdered(table: Table): Table['columns'] {
  const pk = table.primaryKey?.columns ?? [];
  const positions = pk.map((name) => table.columns.findIndex((c) => c.name === name));
  if (positions.every((p, i) => i === 0 || p > positions[i - 1]!)) return table.columns;
  const first = pk.map((name) => table.columns.find((c) => c.name === name)!);
  return [...first, ...table.columns.filter((c) => !pk.includes(c.name))];
}
