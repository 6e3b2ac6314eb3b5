/** PostgreSQL renames: tables, columns, constraints and indexes keep their data and definitions under a new name. */
import type { ChangeOf } from '../../diff/changes';
import type { QualifiedName } from '../../model';
import type { Statement } from '../../model';
import { quoteIdentifier, quoteLiteral, quoteQualified } from './quote';
import { doBlock, qualifiedTable, serialSequenceExpression, statement } from './render-column';

/** PostgreSQL's identifier limit, which TypeORM applies to the sequence names it expects. */
const MAX_IDENTIFIER = 63;

/** The sequence name TypeORM expects for a serial column (`PostgresQueryRunner.buildSequenceName`). */
export function typeormSequenceName(table: string, column: string): string {
  const name = `${table}_${column}_seq`;
  if (name.length <= MAX_IDENTIFIER) return name;
  return `${table.slice(0, 29)}_${column.slice(0, Math.max(29, MAX_IDENTIFIER - table.length - 5))}_seq`;
}

/**
 * A serial column's sequence follows the table and column names (`<table>_<column>_seq`): TypeORM only recognises
 * the column as generated when its default is `nextval('<that name>')`. The sequence's current name is only known to
 * the catalog, so the statement looks it up.
 */
function renameSequence(table: QualifiedName, column: string): Statement {
  const target = quoteIdentifier(typeormSequenceName(table.name, column));
  return statement(
    doBlock(
      `DECLARE s text := ${serialSequenceExpression(table, column)}; ` +
        `BEGIN IF s IS NOT NULL THEN EXECUTE ${quoteLiteral('ALTER SEQUENCE ')} || s || ${quoteLiteral(` RENAME TO ${target}`)}; END IF; END`,
    ),
  );
}

export function renderTableRename(change: ChangeOf<'table.rename'>): Statement[] {
  const from = qualifiedTable(change.from);
  const to = qualifiedTable(change.to);
  const out: Statement[] = [];
  let current = from;
  if (from.schema !== to.schema) {
    out.push(statement(`ALTER TABLE ${quoteQualified(from)} SET SCHEMA ${quoteIdentifier(to.schema!)}`));
    current = { schema: to.schema, name: from.name };
  }
  if (current.name !== to.name) {
    out.push(statement(`ALTER TABLE ${quoteQualified(current)} RENAME TO ${quoteIdentifier(to.name)}`));
  }
  for (const column of change.table.columns) {
    if (column.generated === 'increment') out.push(renameSequence(to, column.name));
  }
  return out;
}

export function renderColumnRename(change: ChangeOf<'column.rename'>): Statement[] {
  const table = qualifiedTable(change.table);
  const out = [
    statement(
      `ALTER TABLE ${quoteQualified(table)} RENAME COLUMN ${quoteIdentifier(change.from)} TO ${quoteIdentifier(change.to)}`,
    ),
  ];
  if (change.column.generated === 'increment') out.push(renameSequence(table, change.to));
  return out;
}

export function renderConstraintRename(change: ChangeOf<'constraint.rename'>): Statement[] {
  const table = quoteQualified(qualifiedTable(change.table));
  return [
    statement(
      `ALTER TABLE ${table} RENAME CONSTRAINT ${quoteIdentifier(change.from)} TO ${quoteIdentifier(change.to)}`,
    ),
  ];
}

export function renderIndexRename(change: ChangeOf<'index.rename'>): Statement[] {
  const schema = qualifiedTable(change.table).schema;
  return [
    statement(
      `ALTER INDEX ${quoteQualified({ schema, name: change.from.name })} RENAME TO ${quoteIdentifier(change.to.name)}`,
    ),
  ];
}
