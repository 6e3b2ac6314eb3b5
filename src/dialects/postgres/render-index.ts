import type { Index, QualifiedName } from '../../model';
import { indexKeys, isExpressionKey, keyOrderSql } from '../../model';
import type { Hazard, Statement } from '../../model';
import { enclosedExpression } from '../index-expression';
import { DEFAULT_SCHEMA } from './normalize';
import { quoteIdentifier, quoteQualified } from './quote';
import { qualifiedTable, statement } from './render-column';
import { commentOf } from './render-comment';
import { withOptions } from './render-options';

/**
 * `CREATE [UNIQUE] INDEX [CONCURRENTLY] "name" ON "schema"."table" [USING "method"] ("column" [COLLATE "c"] [opclass]
 * [DESC] [NULLS FIRST|LAST], (expression) ...) [INCLUDE (...)] [NULLS NOT DISTINCT] [WITH (...)] [WHERE ...]`. A
 * column key is always a quoted name (even `(x)`); an expression key is SQL inside its own parentheses; a key's
 * collation, operator class and order only when they are not the default.
 * CONCURRENTLY cannot run in a transaction block: such a statement is marked non-transactional.
 */
export function renderCreateIndex(
  table: QualifiedName,
  index: Index,
  hazards: readonly Hazard[] = [],
  concurrently = false,
): Statement {
  const keys = indexKeys(index)
    .map((key) => {
      const target = isExpressionKey(key)
        ? enclosedExpression(key.expression, 'postgres')
        : quoteIdentifier(key.column);
      const parts = [
        target,
        key.collation ? `COLLATE ${quoteIdentifier(key.collation)}` : '',
        key.opclass ? quoteIdentifier(key.opclass) : '',
        keyOrderSql(key),
      ];
      return parts.filter((part) => part !== '').join(' ');
    })
    .join(', ');
  const using = index.method ? ` USING ${quoteIdentifier(index.method)}` : '';
  const include = index.include?.length ? ` INCLUDE (${index.include.map(quoteIdentifier).join(', ')})` : '';
  const nulls = index.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
  const where = index.where ? ` WHERE ${index.where}` : '';
  const sql =
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${concurrently ? 'CONCURRENTLY ' : ''}${quoteIdentifier(index.name)} ` +
    `ON ${quoteQualified(qualifiedTable(table))}${using} (${keys})${include}${nulls}${withOptions(index.options)}${where}`;
  return concurrently ? { ...statement(sql, hazards), transactional: false } : statement(sql, hazards);
}

/** CREATE INDEX, then its comment (`COMMENT ON INDEX`) when it has one. */
export function renderCreateIndexWithComment(
  table: QualifiedName,
  index: Index,
  hazards: readonly Hazard[] = [],
  concurrently = false,
): Statement[] {
  return [
    renderCreateIndex(table, index, hazards, concurrently),
    ...commentOf({ kind: 'index', table, name: index.name }, index.comment),
  ];
}

export function renderDropIndex(table: QualifiedName, index: Index, concurrently = false): Statement {
  const name = quoteQualified({ schema: table.schema ?? DEFAULT_SCHEMA, name: index.name });
  const sql = `DROP INDEX ${concurrently ? 'CONCURRENTLY ' : ''}${name}`;
  return concurrently ? { ...statement(sql), transactional: false } : statement(sql);
}
