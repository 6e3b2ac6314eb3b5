import { SchemaplanError } from '../../errors/errors';
import type {
  Check,
  Deferrable,
  ForeignKey,
  PrimaryKey,
  QualifiedName,
  ReferentialAction,
  Table,
  Unique,
} from '../../model';
import type { Statement } from '../../model';
import { exclusionClause } from './exclusion';
import { quoteIdentifier, quoteLiteral, quoteQualified } from './quote';
import { commentOf } from './render-comment';
import { renderCreateIndexWithComment } from './render-index';
import { qualifiedTable, renderColumnComment, renderColumnDefinition, statement } from './render-column';

const ACTIONS: ReadonlySet<ReferentialAction> = new Set([
  'NO ACTION',
  'RESTRICT',
  'CASCADE',
  'SET NULL',
  'SET DEFAULT',
]);

function columnList(columns: readonly string[]): string {
  return columns.map(quoteIdentifier).join(', ');
}

/** ` DEFERRABLE INITIALLY ...`, or nothing for a constraint that is not deferrable. */
function deferrableSql(constraint: { readonly deferrable?: Deferrable }): string {
  return constraint.deferrable ? ` DEFERRABLE ${constraint.deferrable}` : '';
}

export function uniqueClause(unique: Unique): string {
  const nulls = unique.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
  return `CONSTRAINT ${quoteIdentifier(unique.name)} UNIQUE${nulls} (${columnList(unique.columns)})${deferrableSql(unique)}`;
}

export function checkClause(check: Check): string {
  return `CONSTRAINT ${quoteIdentifier(check.name)} CHECK (${check.expression})${check.noInherit ? ' NO INHERIT' : ''}`;
}

/** ` NOT VALID` for a constraint added without checking the existing rows; only `ALTER TABLE ... ADD` takes it. */
export function notValid(constraint: { readonly notValid?: true }): string {
  return constraint.notValid ? ' NOT VALID' : '';
}

export function primaryKeyClause(primaryKey: PrimaryKey): string {
  const body = `PRIMARY KEY (${columnList(primaryKey.columns)})${deferrableSql(primaryKey)}`;
  return primaryKey.name === undefined ? body : `CONSTRAINT ${quoteIdentifier(primaryKey.name)} ${body}`;
}

function action(value: ReferentialAction): string {
  if (!ACTIONS.has(value)) throw new SchemaplanError(`unknown referential action ${JSON.stringify(value)}`);
  return value;
}

export function foreignKeyClause(fk: ForeignKey): string {
  const referenced = quoteQualified(qualifiedTable({ schema: fk.referencedSchema, name: fk.referencedTable }));
  return (
    `CONSTRAINT ${quoteIdentifier(fk.name)} FOREIGN KEY (${columnList(fk.columns)}) ` +
    `REFERENCES ${referenced} (${columnList(fk.referencedColumns)}) ` +
    (fk.match ? `MATCH ${fk.match} ` : '') +
    `ON DELETE ${action(fk.onDelete)} ON UPDATE ${action(fk.onUpdate)}` +
    deferrableSql(fk)
  );
}

export function renderTableComment(table: QualifiedName, comment: string | undefined): Statement {
  return statement(
    `COMMENT ON TABLE ${quoteQualified(qualifiedTable(table))} IS ${comment ? quoteLiteral(comment) : 'NULL'}`,
  );
}

/**
 * CREATE TABLE the way TypeORM's `createTable` writes it: columns, then UNIQUE, CHECK and EXCLUDE constraints, then
 * the PRIMARY KEY (and `PARTITION BY` for a partitioned table); then its indexes and comments. Foreign keys are
 * separate `foreignKey.add` changes, so tables that
 * reference each other can be created in any order.
 */
export function renderCreateTable(table: Table, oneColumnPerLine = false): Statement[] {
  const target = qualifiedTable(table);
  const name = quoteQualified(target);
  // Inside CREATE TABLE, PostgreSQL silently drops a UNIQUE on the same columns as the primary key or as an
  // earlier UNIQUE; those are added afterwards instead, so every declared constraint exists.
  const keys = new Set(table.primaryKey ? [JSON.stringify(table.primaryKey.columns)] : []);
  const inline: Unique[] = [];
  const later: Unique[] = [];
  for (const unique of table.uniques) {
    const key = JSON.stringify(unique.columns);
    (keys.has(key) ? later : inline).push(unique);
    keys.add(key);
  }
  const parts = [
    ...table.columns.map((column) => renderColumnDefinition(column, name)),
    ...inline.map(uniqueClause),
    // CREATE TABLE would accept NOT VALID and mark the check valid anyway: those are added afterwards.
    ...table.checks.filter((check) => !check.notValid).map(checkClause),
    ...(table.exclusions ?? []).map(exclusionClause),
    ...(table.primaryKey ? [primaryKeyClause(table.primaryKey)] : []),
  ];
  // A partitioned table is created partitioned (its partitions are not managed: they are not created here).
  const partitioned = table.partitioning
    ? ` PARTITION BY ${table.partitioning.strategy.toUpperCase()} (${table.partitioning.key})`
    : '';
  const body = oneColumnPerLine ? `(\n  ${parts.join(',\n  ')}\n)` : `(${parts.join(', ')})`;
  const statements = [statement(`CREATE TABLE ${name} ${body}${partitioned}`)];
  for (const unique of later) statements.push(statement(`ALTER TABLE ${name} ADD ${uniqueClause(unique)}`));
  for (const check of table.checks.filter((c) => c.notValid)) {
    statements.push(statement(`ALTER TABLE ${name} ADD ${checkClause(check)}${notValid(check)}`));
  }
  for (const index of table.indexes) statements.push(...renderCreateIndexWithComment(target, index));
  if (table.comment) statements.push(renderTableComment(target, table.comment));
  for (const column of table.columns) {
    if (column.comment) statements.push(renderColumnComment(target, column.name, column.comment));
  }
  const constraints = [table.primaryKey, ...table.uniques, ...table.checks, ...(table.exclusions ?? [])].flatMap((c) =>
    c?.name ? [c as { name: string; comment?: string }] : [],
  );
  for (const constraint of constraints) {
    statements.push(...commentOf({ kind: 'constraint', table: target, name: constraint.name }, constraint.comment));
  }
  return statements;
}
