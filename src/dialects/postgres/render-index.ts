import type { Index, QualifiedName } from '../../model';
import { indexKeys, isExpressionKey, keyOrderSql } from '../../model';
import type { Hazard, Statement } from '../../plan/types';
import { enclosedExpression } from '../index-expression';
import { DEFAULT_SCHEMA } from './normalize';
import { quoteIdentifier, quoteQualified } from './quote';
import { qualifiedTable, statement } from './render-column';

/**
 * `CREATE [UNIQUE] INDEX [CONCURRENTLY] "name" ON "schema"."table" [USING "method"] ("column" [DESC] [NULLS FIRST|LAST],
 * (expression) ...) [WHERE ...]`. A column key is always a quoted name (even `(x)`); an expression key is SQL inside
 * its own parentheses; a key's order only when it is not the default.
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
      const target = isExpressionKey(key) ? enclosedExpression(key.expression, 'postgres') : quoteIdentifier(key.column);
      const order = keyOrderSql(key);
      return order ? `${target} ${order}` : target;
    })
    .join(', ');
  const using = index.method ? ` USING ${quoteIdentifier(index.method)}` : '';
  const where = index.where ? ` WHERE ${index.where}` : '';
  const sql =
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${concurrently ? 'CONCURRENTLY ' : ''}${quoteIdentifier(index.name)} ` +
    `ON ${quoteQualified(qualifiedTable(table))}${using} (${keys})${where}`;
  return concurrently ? { ...statement(sql, hazards), transactional: false } : statement(sql, hazards);
}

export function renderDropIndex(table: QualifiedName, index: Index, concurrently = false): Statement {
  const name = quoteQualified({ schema: table.schema ?? DEFAULT_SCHEMA, name: index.name });
  const sql = `DROP INDEX ${concurrently ? 'CONCURRENTLY ' : ''}${name}`;
  return concurrently ? { ...statement(sql), transactional: false } : statement(sql);
}
