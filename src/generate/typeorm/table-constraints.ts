/**
 * A table's unique constraints, CHECKs and indexes as class decorators (`@Unique`, `@Check`, `@Index`), each with
 * its database name. An index TypeORM cannot declare (a key that is an expression or sorts DESC / NULLS FIRST|LAST,
 * an access method it does not know) becomes a comment and a diagnostic instead of a wrong declaration.
 */
import type { DialectName, Index, Table } from '../../model';
import { hasKeyOrder, indexKeys, isExpressionKey, keyOrderSql, qualifiedKey } from '../../model';
import type { Diagnostic } from '../../plan/types';
import { decorator, type DecoratorCall } from './decorators';
import { arrayLiteral, tsString } from './literals';
import type { EntityNames } from './naming-plan';
import type { LineDifferences } from '../../typeorm/line-differences';

/** The index types TypeORM's PostgreSQL driver accepts (`supportedIndexTypes`). */
const POSTGRES_INDEX_TYPES: ReadonlySet<string> = new Set(['btree', 'hash', 'gist', 'spgist', 'gin', 'brin']);

/** A class decorator, or a comment in its place. */
export type ClassDecoratorLine = { readonly call: DecoratorCall } | { readonly comment: string };

interface ConstraintContext {
  readonly dialect: DialectName;
  readonly table: Table;
  readonly names: EntityNames;
  /** Columns that are not declared: a constraint on one cannot be either. */
  readonly skippedColumns: ReadonlySet<string>;
  readonly diagnostics: Diagnostic[];
  /** The app's TypeORM line: 0.3 has no `type` option on `@Index` (a GiST index is `spatial: true`). */
  readonly line: LineDifferences;
}

function describeIndex(index: Index): string {
  const keys = indexKeys(index).map((key) => {
    const target = isExpressionKey(key) ? `(${key.expression})` : `"${key.column}"`;
    const order = keyOrderSql(key);
    return order ? `${target} ${order}` : target;
  });
  const method = index.method ? ` USING ${index.method}` : '';
  return `${index.unique ? 'UNIQUE ' : ''}INDEX "${index.name}"${method} (${keys.join(', ')})${index.where ? ` WHERE ${index.where}` : ''}`;
}

export function planTableConstraints(context: ConstraintContext): ClassDecoratorLine[] {
  const { dialect, table, names, skippedColumns, diagnostics, line } = context;
  const key = qualifiedKey(table);
  const location = `table ${key}`;
  const properties = (columns: readonly string[]) => arrayLiteral(columns.map((c) => tsString(names.properties.get(c) ?? c)));
  const lines: ClassDecoratorLine[] = [];
  const onSkippedColumn = (kind: string, name: string, columns: readonly string[]): boolean => {
    const skipped = columns.filter((c) => skippedColumns.has(c));
    if (skipped.length === 0) return false;
    const reason = `${kind} "${name}" is not declared: column ${skipped.join(', ')} is not`;
    diagnostics.push({ severity: 'error', code: 'ENTITY_CONSTRAINT_ON_SKIPPED_COLUMN', message: `${key}: ${reason}`, location });
    lines.push({ comment: reason });
    return true;
  };

  for (const unique of table.uniques) {
    if (onSkippedColumn('unique constraint', unique.name, unique.columns)) continue;
    lines.push({ call: decorator('Unique', tsString(unique.name), properties(unique.columns)) });
  }
  for (const check of table.checks) {
    lines.push({ call: decorator('Check', tsString(check.name), tsString(check.expression)) });
  }
  for (const index of table.indexes) {
    const method = dialect === 'postgres' ? index.method : undefined;
    let reason: string | undefined;
    if (indexKeys(index).some(isExpressionKey)) reason = 'TypeORM cannot declare an index key that is an expression';
    else if (indexKeys(index).some(hasKeyOrder)) reason = 'TypeORM cannot declare the sort order of an index key (DESC, NULLS FIRST/LAST)';
    else if (method !== undefined && !POSTGRES_INDEX_TYPES.has(method)) reason = `TypeORM cannot declare an index using ${method}`;
    else if (method !== undefined && method !== 'gist' && !line.indexTypeOption) {
      reason = `TypeORM ${line.line} cannot declare an index using ${method} (@Index has a \`type\` option from TypeORM 1.0)`;
    }
    if (reason !== undefined) {
      diagnostics.push({
        severity: 'warning',
        code: 'ENTITY_INDEX_NOT_DECLARED',
        message: `${key}: index ${index.name} is not declared: ${reason}`,
        location,
        hint: 'A plan against the generated entities drops it: declare it in a migration of your own, or keep it out of the entities with care.',
      });
      lines.push({ comment: `not declared (${reason}): ${describeIndex(index)}` });
      continue;
    }
    if (onSkippedColumn('index', index.name, index.columns)) continue;
    lines.push({
      call: decorator('Index', tsString(index.name), properties(index.columns), {
        entries: [
          ['unique', index.unique ? 'true' : undefined],
          ['where', index.where !== undefined ? tsString(index.where) : undefined],
          ...(line.indexTypeOption
            ? [['type', method !== undefined ? tsString(method) : undefined] as const]
            : [['spatial', method === 'gist' ? 'true' : undefined] as const]),
        ],
      }),
    });
  }
  return lines;
}
