import { assertNever, type Change, type ChangeOf } from '../../diff/changes';
import { SchemaplanError } from '../../errors/errors';
import type { Model, PrimaryKey, QualifiedName } from '../../model';
import { indexKeys, isExpressionKey } from '../../model';
import {
  constraintBuildHazards,
  dropColumnHazard,
  dropTableHazard,
  duplicateKeyHazards,
  indexBuildHazards as measuredIndexBuild,
  notNullHazards,
  primaryKeyLockHazard,
} from '../measured-hazards';
import { keyToCount } from '../table-probes';
import { LARGE_TABLE_ROWS, tableRows } from '../row-counts';
import type { Hazard, Statement } from '../../model';
import type { RenderContext } from '../dialect';
import { renderEnumRecreate, renderEnumRename, renderEnumValueRename } from './render-enum';
import { findTable, hazard, label, tableExists } from './hazards';
import { arrayElements } from './array-literal';
import { exclusionClause } from './exclusion';
import { canonicalizeExpression, unquote } from './expression';
import { DEFAULT_SCHEMA, normalizeColumn, normalizeTable } from './normalize';
import { quoteIdentifier, quoteLiteral, quoteQualified } from './quote';
import {
  qualifiedTable,
  renderColumnAdd,
  renderColumnAlter,
  renderColumnComment,
  renderComputedColumnAlter,
  statement,
} from './render-column';
import { renderColumnRename, renderConstraintRename, renderIndexRename, renderTableRename } from './render-rename';
import { metadataRecordsOf } from '../../diff/typeorm-metadata-facts';
import {
  createMetadataTableSql,
  metadataRecordSql,
  TYPEORM_METADATA_TABLE,
  type MetadataSqlDialect,
} from '../typeorm-metadata';
import {
  checkClause,
  foreignKeyClause,
  notValid,
  primaryKeyClause,
  renderCreateTable,
  renderTableComment,
  uniqueClause,
} from './render-table';
import { renderCreateIndexWithComment, renderDropIndex } from './render-index';
import { commentOf, renderComment } from './render-comment';
import { withOptions } from './render-options';
import { renderSequenceAlter, renderSequenceCreate, renderSequenceDrop } from './render-sequence';
import { sequenceKeys } from './sequence';

function qualifiedEnum(name: QualifiedName): string {
  return quoteQualified({ schema: name.schema ?? DEFAULT_SCHEMA, name: name.name });
}

function alterTable(table: QualifiedName, action: string): string {
  return `ALTER TABLE ${quoteQualified(qualifiedTable(table))} ${action}`;
}

/** `COMMENT ON CONSTRAINT` of a constraint just added, when it has a comment. */
function constraintComment(
  table: QualifiedName,
  constraint: { readonly name?: string; readonly comment?: string },
): Statement[] {
  return constraint.name === undefined
    ? []
    : commentOf({ kind: 'constraint', table: qualifiedTable(table), name: constraint.name }, constraint.comment);
}

function dropConstraint(table: QualifiedName, name: string): Statement {
  return statement(alterTable(table, `DROP CONSTRAINT ${quoteIdentifier(name)}`));
}

/** Building an index over an existing table reads all of it and blocks writes meanwhile: a hazard on a large one. */
function indexBuildHazards(context: RenderContext, table: QualifiedName, what: string): Hazard[] {
  if (!tableExists(context.from, table)) return [];
  const rows = tableRows(context.measurements, qualifiedTable(table));
  return measuredIndexBuild(what, label(table), rows, context.largeTableRows ?? LARGE_TABLE_ROWS);
}

/**
 * Adding an exclusion constraint to a table that exists builds its index over every row, blocking writes meanwhile,
 * and fails if two rows already conflict: an `INDEX_BUILD` hazard whenever the table may hold rows (not only when it is
 * large, as for a plain index).
 */
function exclusionBuildHazards(context: RenderContext, change: ChangeOf<'exclusion.add'>): Hazard[] {
  if (!tableExists(context.from, change.table)) return [];
  const rows = tableRows(context.measurements, qualifiedTable(change.table));
  return constraintBuildHazards(`exclusion constraint ${change.exclusion.name}`, label(change.table), rows);
}

/** NOT NULL the primary key imposes on columns that allow NULL now. */
function primaryKeyNotNull(context: RenderContext, change: ChangeOf<'primaryKey.add'>): Hazard[] {
  const current = findTable(context.from, change.table);
  if (!current) return [];
  const rows = tableRows(context.measurements, qualifiedTable(change.table));
  const what = change.primaryKey.name ? `primary key ${change.primaryKey.name}` : 'the primary key';
  return change.primaryKey.columns
    .filter((name) => current.columns.find((c) => c.name === name)?.nullable)
    .flatMap((name) => notNullHazards(`${what} sets ${label(change.table)}.${name} NOT NULL`, name, rows));
}

const describeKey = (key: PrimaryKey): string =>
  `${key.name ?? 'the primary key'} (${key.columns.join(', ')})${key.deferrable ? ` DEFERRABLE ${key.deferrable}` : ''}`;

/**
 * A primary key built on a table that exists: the lock its unique index is built under (with the rows), and the
 * keys rows hold twice, which make it fail. A key added to a table the plan creates risks nothing.
 */
function primaryKeyBuildHazards(context: RenderContext, change: ChangeOf<'primaryKey.add'>): Hazard[] {
  const current = findTable(context.from, change.table);
  if (!current) return [];
  const rows = tableRows(context.measurements, qualifiedTable(change.table));
  const table = label(change.table);
  const subject = current.primaryKey
    ? `rebuilds the primary key of ${table}: ${describeKey(current.primaryKey)} -> ${describeKey(change.primaryKey)}`
    : `adds primary key ${describeKey(change.primaryKey)} to ${table}`;
  return [
    primaryKeyLockHazard(subject, table, rows),
    ...duplicateKeyHazards(
      `primary key ${describeKey(change.primaryKey)} of ${table}`,
      keyToCount(current, change.primaryKey.columns),
      rows,
    ),
  ];
}

/** The objects a change carries in canonical spelling (`varchar` -> `character varying`...), whoever built it. */
function canonical(change: Change, context: RenderContext): Change {
  // A `nextval` default on a standalone sequence (of either side) stays a default; any other is a serial column.
  const standalone = sequenceKeys([...(context.from.sequences ?? []), ...(context.to.sequences ?? [])]);
  switch (change.kind) {
    case 'table.create':
    case 'table.drop':
      return { ...change, table: normalizeTable(change.table, standalone) };
    case 'column.add':
    case 'column.drop':
      return { ...change, column: normalizeColumn(change.column, false, standalone) };
    case 'column.alter':
      return {
        ...change,
        from: normalizeColumn(change.from, false, standalone),
        to: normalizeColumn(change.to, false, standalone),
      };
    case 'check.add':
      return { ...change, check: { ...change.check, expression: canonicalizeExpression(change.check.expression) } };
    case 'index.create':
      return {
        ...change,
        index: { ...change.index, where: change.index.where && canonicalizeExpression(change.index.where) },
      };
    default:
      return change;
  }
}

/** True if a default, CHECK, index predicate or index expression of `model` may mention `value` of enum type `name`. */
function usesEnumValue(model: Model, name: QualifiedName, value: string): boolean {
  const key = label(name);
  const literal = quoteLiteral(value);
  const inDefault = (text: string): boolean => {
    if (text.includes(literal)) return true;
    const array = unquote(text);
    return array !== undefined && (arrayElements(array) ?? []).includes(value);
  };
  return model.tables.some(
    (table) =>
      table.columns.some(
        (column) =>
          column.enum !== undefined &&
          label(column.enum) === key &&
          column.default !== undefined &&
          inDefault(column.default),
      ) ||
      table.checks.some((check) => check.expression.includes(literal)) ||
      table.indexes.some(
        (index) =>
          index.where?.includes(literal) ||
          indexKeys(index).some((key) => isExpressionKey(key) && key.expression.includes(literal)),
      ),
  );
}

/**
 * TypeORM's metadata table where TypeORM looks for it with its default options: `typeorm_metadata` in the default
 * schema. Generated-column records carry the database name, which TypeORM filters on.
 */
const METADATA: MetadataSqlDialect = {
  quoteIdentifier,
  quoteLiteral,
  table: quoteQualified({ schema: DEFAULT_SCHEMA, name: TYPEORM_METADATA_TABLE }),
  types: ['character varying', 'text'],
  schemaOf: (object) => object.schema ?? DEFAULT_SCHEMA,
  columnDatabase: 'current_database()',
};

function viewName(view: QualifiedName & { materialized?: boolean }): string {
  return `${view.materialized ? 'MATERIALIZED ' : ''}VIEW ${quoteQualified({ schema: view.schema ?? DEFAULT_SCHEMA, name: view.name })}`;
}

/**
 * SQL for one change, then the `typeorm_metadata` records it adds or removes. Every identifier and literal goes
 * through quote.ts.
 */
export function renderPostgres(input: Change, context: RenderContext): Statement[] {
  const change = canonical(input, context);
  const records = metadataRecordSql(METADATA, metadataRecordsOf(change)).map((sql) => statement(sql));
  const statements = renderChange(change, context);
  // TypeORM removes a view's record before dropping it, and records a new one after creating it.
  return change.kind === 'view.drop' ? [...records, ...statements] : [...statements, ...records];
}

function renderChange(change: Change, context: RenderContext): Statement[] {
  switch (change.kind) {
    case 'schema.create':
      return [statement(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(change.name)}`)];
    case 'schema.drop':
      // RESTRICT (the default): the plan drops what it holds first, and a schema holding anything else is not dropped.
      return [
        statement(`DROP SCHEMA ${quoteIdentifier(change.name)}`, [
          hazard.dataLoss(
            `drops schema ${change.name}, with its privileges and comment (the plan drops what it holds before)`,
          ),
        ]),
      ];
    case 'extension.create':
      return [
        statement(
          `CREATE EXTENSION IF NOT EXISTS ${quoteIdentifier(change.name)}${change.schema === undefined ? '' : ` SCHEMA ${quoteIdentifier(change.schema)}`}`,
        ),
      ];
    case 'extension.drop':
      return [statement(`DROP EXTENSION ${quoteIdentifier(change.name)}`)];
    case 'enum.create':
      return [
        statement(
          `CREATE TYPE ${qualifiedEnum(change.enum)} AS ENUM (${change.enum.values.map(quoteLiteral).join(', ')})`,
        ),
        ...commentOf({ kind: 'type', object: change.enum }, change.enum.comment),
      ];
    case 'enum.drop':
      return [
        statement(`DROP TYPE ${qualifiedEnum(change.enum)}`, [
          hazard.dataLoss(`enum type ${label(change.enum)} and its labels are dropped`),
        ]),
      ];
    case 'enum.value.add': {
      const position = change.before === undefined ? '' : ` BEFORE ${quoteLiteral(change.before)}`;
      const sql = `ALTER TYPE ${qualifiedEnum(change.enum)} ADD VALUE ${quoteLiteral(change.value)}${position}`;
      // A label added in a transaction cannot be used before that transaction commits (55P04). When the desired
      // schema uses it (a default, a CHECK, an index predicate), the statement runs on its own, outside it.
      return [{ ...statement(sql), transactional: !usesEnumValue(context.to, change.enum, change.value) }];
    }
    case 'enum.rename':
      return renderEnumRename(change);
    case 'enum.value.rename':
      return renderEnumValueRename(change);
    case 'enum.recreate':
      return renderEnumRecreate(change, context);
    case 'table.rename':
      return renderTableRename(change);
    case 'column.rename':
      return renderColumnRename(change);
    case 'constraint.rename':
      return renderConstraintRename(change);
    case 'constraint.validate':
      // Checks the existing rows under SHARE UPDATE EXCLUSIVE: reads and writes go on meanwhile.
      return [statement(alterTable(change.table, `VALIDATE CONSTRAINT ${quoteIdentifier(change.name)}`))];
    case 'index.rename':
      return renderIndexRename(change);
    case 'table.create':
      return renderCreateTable(change.table, context.oneColumnPerLine);
    case 'table.drop': {
      const table = qualifiedTable(change.table);
      const rows = tableRows(context.measurements, table);
      return [statement(`DROP TABLE ${quoteQualified(table)}`, [dropTableHazard(label(table), rows)])];
    }
    case 'table.rebuild':
      throw new SchemaplanError(
        'internal error: table.rebuild is a SQLite change and cannot be rendered for PostgreSQL',
      );
    case 'table.comment':
      return [renderTableComment(change.table, change.to)];
    case 'comment.set':
      return [renderComment(change.target, change.to)];
    case 'column.add':
      return renderColumnAdd(change, context);
    case 'column.drop': {
      const rows = tableRows(context.measurements, qualifiedTable(change.table));
      const name = change.column.name;
      return [
        statement(alterTable(change.table, `DROP COLUMN ${quoteIdentifier(name)}`), [
          dropColumnHazard(`${label(change.table)}.${name}`, name, rows),
        ]),
      ];
    }
    case 'column.alter':
      if (change.fields.length === 1 && change.fields[0] === 'comment') {
        return [renderColumnComment(change.table, change.to.name, change.to.comment)];
      }
      return renderComputedColumnAlter(change, context) ?? renderColumnAlter(change, context);
    case 'primaryKey.add': {
      const hazards = [
        ...primaryKeyBuildHazards(context, change),
        ...indexBuildHazards(context, change.table, `primary key ${change.primaryKey.name ?? ''}`.trim()),
        ...primaryKeyNotNull(context, change),
      ];
      return [
        statement(alterTable(change.table, `ADD ${primaryKeyClause(change.primaryKey)}`), hazards),
        ...constraintComment(change.table, change.primaryKey),
      ];
    }
    case 'primaryKey.drop':
      return [dropConstraint(change.table, change.primaryKey.name ?? `${change.table.name}_pkey`)];
    case 'foreignKey.add':
      return [
        statement(alterTable(change.table, `ADD ${foreignKeyClause(change.foreignKey)}${notValid(change.foreignKey)}`)),
        ...constraintComment(change.table, change.foreignKey),
      ];
    case 'foreignKey.drop':
      return [dropConstraint(change.table, change.foreignKey.name)];
    case 'foreignKey.alter': {
      // Only the deferrability changes (see the change kind): a catalog update, the rows are not checked again.
      const deferrable = change.to.deferrable ? `DEFERRABLE ${change.to.deferrable}` : 'NOT DEFERRABLE';
      return [statement(alterTable(change.table, `ALTER CONSTRAINT ${quoteIdentifier(change.to.name)} ${deferrable}`))];
    }
    case 'unique.add': {
      const hazards = indexBuildHazards(context, change.table, `unique constraint ${change.unique.name}`);
      return [
        statement(alterTable(change.table, `ADD ${uniqueClause(change.unique)}`), hazards),
        ...constraintComment(change.table, change.unique),
      ];
    }
    case 'unique.drop':
      return [dropConstraint(change.table, change.unique.name)];
    case 'check.add':
      return [
        statement(alterTable(change.table, `ADD ${checkClause(change.check)}${notValid(change.check)}`)),
        ...constraintComment(change.table, change.check),
      ];
    case 'check.drop':
      return [dropConstraint(change.table, change.check.name)];
    case 'exclusion.add':
      return [
        statement(
          alterTable(change.table, `ADD ${exclusionClause(change.exclusion)}`),
          exclusionBuildHazards(context, change),
        ),
        ...constraintComment(change.table, change.exclusion),
      ];
    case 'exclusion.drop':
      return [dropConstraint(change.table, change.exclusion.name)];
    case 'index.create': {
      // CONCURRENTLY builds without blocking writes (and outside the transaction), so it carries no INDEX_BUILD hazard.
      if (context.concurrently) return renderCreateIndexWithComment(change.table, change.index, [], true);
      const hazards = indexBuildHazards(context, change.table, `index ${change.index.name}`);
      return renderCreateIndexWithComment(change.table, change.index, hazards);
    }
    case 'view.create': {
      const view = { schema: change.view.schema ?? DEFAULT_SCHEMA, name: change.view.name };
      return [
        statement(`CREATE ${viewName(change.view)}${withOptions(change.view.options)} AS ${change.view.expression}`),
        ...(change.view.indexes ?? []).flatMap((index) => renderCreateIndexWithComment(view, index)),
        ...commentOf(
          { kind: change.view.materialized ? 'materialized view' : 'view', object: view },
          change.view.comment,
        ),
      ];
    }
    case 'view.drop':
      return [statement(`DROP ${viewName(change.view)}`)];
    case 'typeormMetadata.create':
      return [statement(createMetadataTableSql(METADATA))];
    case 'index.drop':
      return [renderDropIndex(change.table, change.index, context.concurrently)];
    case 'sequence.create':
      return [
        ...renderSequenceCreate(change),
        ...commentOf({ kind: 'sequence', object: change.sequence }, change.sequence.comment),
      ];
    case 'sequence.alter':
      return renderSequenceAlter(change);
    case 'sequence.drop':
      return renderSequenceDrop(change);
    default:
      return assertNever(change);
  }
}
