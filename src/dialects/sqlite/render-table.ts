/**
 * DDL for one table in TypeORM's exact format (AbstractSqliteQueryRunner.createTableSql / buildCreateColumnSql /
 * createIndexSql): TypeORM reads `sqlite_master.sql` back with regular expressions (enum CHECKs, constraint names,
 * AUTOINCREMENT), so any other spelling would make its schema builder see differences that are not there.
 */
import type { Column, ForeignKey, Index, Table } from '../../model';
import { indexKeys, isExpressionKey } from '../../model';
import { enclosedExpression } from '../index-expression';
import { fullType } from './column-types';
import { quoteIdentifier as q, quoteLiteral } from './quote';

const list = (names: readonly string[]): string => names.map(q).join(', ');

/** `NOCASE` as TypeORM writes it (a plain name bare), any other name quoted. */
function collationName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : q(name);
}

/**
 * `"name" varchar(8) CHECK( "name" IN ('a','b') ) PRIMARY KEY AUTOINCREMENT COLLATE NOCASE NOT NULL DEFAULT ('en')`;
 * a generated column ends with `AS (expression) STORED|VIRTUAL` instead of a default.
 */
export function columnSql(column: Column, inlinePrimaryKey: boolean): string {
  let sql = `${q(column.name)} ${fullType(column)}`;
  if (column.enumValues) sql += ` CHECK( ${q(column.name)} IN (${column.enumValues.map(quoteLiteral).join(',')}) )`;
  if (inlinePrimaryKey) sql += ' PRIMARY KEY';
  if (column.generated === 'increment') sql += ' AUTOINCREMENT';
  if (column.collation) sql += ` COLLATE ${collationName(column.collation)}`;
  if (!column.nullable) sql += ' NOT NULL';
  if (column.computed) sql += ` AS (${column.computed.expression}) ${column.computed.stored ? 'STORED' : 'VIRTUAL'}`;
  else if (column.default !== undefined) sql += ` DEFAULT (${column.default})`;
  return sql;
}

export function foreignKeySql(fk: ForeignKey): string {
  return (
    `CONSTRAINT ${q(fk.name)} FOREIGN KEY (${list(fk.columns)}) REFERENCES ${q(fk.referencedTable)} ` +
    `(${list(fk.referencedColumns)}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}` +
    (fk.deferrable ? ` DEFERRABLE ${fk.deferrable}` : '')
  );
}

/**
 * `CREATE TABLE` for `table`, optionally under another name (the temporary table of a rebuild); on one line, as
 * TypeORM writes it, unless `oneColumnPerLine` (for people: `RenderContext.oneColumnPerLine`).
 */
export function createTableSql(table: Table, name: string = table.name, oneColumnPerLine = false): string {
  const pk = table.primaryKey?.columns ?? [];
  const inlinePk = pk.length === 1 ? pk[0] : undefined;
  const parts = table.columns.map((column) => columnSql(column, column.name === inlinePk));
  for (const unique of table.uniques) parts.push(`CONSTRAINT ${q(unique.name)} UNIQUE (${list(unique.columns)})`);
  for (const check of table.checks) parts.push(`CONSTRAINT ${q(check.name)} CHECK (${check.expression})`);
  for (const fk of table.foreignKeys) parts.push(foreignKeySql(fk));
  if (pk.length > 1) parts.push(`PRIMARY KEY (${list(pk)})`);
  const options = [table.strict && 'STRICT', table.withoutRowid && 'WITHOUT ROWID'].filter(Boolean);
  const body = oneColumnPerLine ? `(\n  ${parts.join(',\n  ')}\n)` : `(${parts.join(', ')})`;
  return `CREATE TABLE ${q(name)} ${body}${options.length > 0 ? ` ${options.join(', ')}` : ''}`;
}

/** Column keys are quoted names (even `(x)`); an expression key is SQL inside its own parentheses. */
export function createIndexSql(table: string, index: Index): string {
  const where = index.where === undefined ? '' : ` WHERE ${index.where}`;
  const keys = indexKeys(index)
    // SQLite has no NULLS FIRST/LAST in an index: its normalised model never has `nulls`.
    .map(
      (key) =>
        `${isExpressionKey(key) ? enclosedExpression(key.expression, 'sqlite') : q(key.column)}${key.desc ? ' DESC' : ''}`,
    )
    .join(', ');
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${q(index.name)} ON ${q(table)} (${keys})${where}`;
}

export function dropIndexSql(index: Index): string {
  return `DROP INDEX ${q(index.name)}`;
}
