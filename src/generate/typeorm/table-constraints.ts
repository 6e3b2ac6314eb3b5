/**
 * A table's unique constraints, CHECKs, exclusion constraints and indexes as class decorators (`@Unique`, `@Check`,
 * `@Exclusion`, `@Index`), each with
 * its database name. An index TypeORM cannot declare (a key that is an expression or sorts DESC / NULLS FIRST|LAST,
 * has an operator class or collation, an access method it does not know, INCLUDE columns, storage parameters, NULLS
 * NOT DISTINCT) becomes a comment and a diagnostic instead of a wrong declaration.
 */
import type { DialectName, Index, Table } from '../../model';
import { hasKeyOrder, indexKeys, isExpressionKey, keyOrderSql, qualifiedKey } from '../../model';
import type { Diagnostic } from '../../plan/types';
import { dialectFor } from '../../dialects/registry';
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
    const parts = [target, key.collation ? `COLLATE "${key.collation}"` : '', key.opclass ?? '', keyOrderSql(key)];
    return parts.filter((part) => part !== '').join(' ');
  });
  const method = index.method ? ` USING ${index.method}` : '';
  const include = index.include?.length ? ` INCLUDE (${index.include.map((c) => `"${c}"`).join(', ')})` : '';
  const nulls = index.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
  const options = index.options?.length ? ` WITH (${index.options.join(', ')})` : '';
  return (
    `${index.unique ? 'UNIQUE ' : ''}INDEX "${index.name}"${method} (${keys.join(', ')})${include}${nulls}${options}` +
    (index.where ? ` WHERE ${index.where}` : '')
  );
}

/** Why TypeORM cannot declare this PostgreSQL index as it is (operator class, collation, INCLUDE...), if it cannot. */
function undeclarableDetail(index: Index): string | undefined {
  const keys = indexKeys(index);
  if (keys.some((key) => key.opclass !== undefined)) return 'TypeORM cannot declare the operator class of an index key';
  if (keys.some((key) => key.collation !== undefined)) return 'TypeORM cannot declare the collation of an index key';
  if (index.include?.length) return 'TypeORM cannot declare INCLUDE columns';
  if (index.options?.length) return 'TypeORM cannot declare index storage parameters (WITH ...)';
  if (index.nullsNotDistinct) return 'TypeORM cannot declare NULLS NOT DISTINCT';
  return undefined;
}

export function planTableConstraints(context: ConstraintContext): ClassDecoratorLine[] {
  const { dialect, table, names, skippedColumns, diagnostics, line } = context;
  const key = qualifiedKey(table);
  const location = `table ${key}`;
  const properties = (columns: readonly string[]) =>
    arrayLiteral(columns.map((c) => tsString(names.properties.get(c) ?? c)));
  const lines: ClassDecoratorLine[] = [];
  const onSkippedColumn = (kind: string, name: string, columns: readonly string[]): boolean => {
    const skipped = columns.filter((c) => skippedColumns.has(c));
    if (skipped.length === 0) return false;
    const reason = `${kind} "${name}" is not declared: column ${skipped.join(', ')} is not`;
    diagnostics.push({
      severity: 'error',
      code: 'ENTITY_CONSTRAINT_ON_SKIPPED_COLUMN',
      message: `${key}: ${reason}`,
      location,
    });
    lines.push({ comment: reason });
    return true;
  };

  for (const unique of table.uniques) {
    if (onSkippedColumn('unique constraint', unique.name, unique.columns)) continue;
    const deferrable =
      dialectFor(dialect).capabilities.deferrableConstraints && unique.deferrable
        ? tsString(unique.deferrable)
        : undefined;
    lines.push({
      call: decorator('Unique', tsString(unique.name), properties(unique.columns), {
        entries: [['deferrable', deferrable]],
      }),
    });
  }
  for (const check of table.checks) {
    lines.push({ call: decorator('Check', tsString(check.name), tsString(check.expression)) });
  }
  // TypeORM sends the expression after EXCLUDE as written (deferral included, which every TypeORM version accepts).
  for (const exclusion of table.exclusions ?? []) {
    const columns = exclusion.elements.flatMap((element) => ('column' in element ? [element.column] : []));
    if (onSkippedColumn('exclusion constraint', exclusion.name, columns)) continue;
    lines.push({
      call: decorator('Exclusion', tsString(exclusion.name), tsString(dialectFor(dialect).exclusionBody!(exclusion))),
    });
  }
  for (const index of table.indexes) {
    const method = dialectFor(dialect).capabilities.indexMethods ? index.method : undefined;
    const reason = undeclarableIndex(index, method, line);
    if (reason !== undefined) {
      lines.push(notDeclaredIndex(key, location, index, reason, diagnostics));
      continue;
    }
    if (onSkippedColumn('index', index.name, index.columns)) continue;
    lines.push({ call: indexDecorator(index, method, properties(index.columns), line) });
  }
  return lines;
}

// The rules and output below serve the indexes of tables (above) and of materialized views (render-view.ts) alike.

/** Why TypeORM cannot declare an index (of a table or a materialized view), or `undefined` when it can. */
export function undeclarableIndex(index: Index, method: string | undefined, line: LineDifferences): string | undefined {
  if (indexKeys(index).some(isExpressionKey)) return 'TypeORM cannot declare an index key that is an expression';
  if (indexKeys(index).some(hasKeyOrder))
    return 'TypeORM cannot declare the sort order of an index key (DESC, NULLS FIRST/LAST)';
  if (method !== undefined && !POSTGRES_INDEX_TYPES.has(method))
    return `TypeORM cannot declare an index using ${method}`;
  if (method !== undefined && method !== 'gist' && !line.indexTypeOption) {
    return `TypeORM ${line.line} cannot declare an index using ${method} (@Index has a \`type\` option from TypeORM 1.0)`;
  }
  return undeclarableDetail(index);
}

/** The diagnostic and the comment for an index TypeORM cannot declare. */
export function notDeclaredIndex(
  owner: string,
  location: string,
  index: Index,
  reason: string,
  diagnostics: Diagnostic[],
): ClassDecoratorLine {
  diagnostics.push({
    severity: 'warning',
    code: 'ENTITY_INDEX_NOT_DECLARED',
    message: `${owner}: index ${index.name} is not declared: ${reason}`,
    location,
    hint: 'A plan against the generated entities drops it: declare it in a migration of your own, or keep it out of the entities with care.',
  });
  return { comment: `not declared (${reason}): ${describeIndex(index)}` };
}

/**
 * `@Index('name', ['a', 'b'], { unique: true, where: '...', type: 'gin' })`; `properties` is the array of property
 * names. TypeORM 0.3 has no `type` option: a GiST index is `spatial: true` there.
 */
export function indexDecorator(
  index: Index,
  method: string | undefined,
  properties: string,
  line: LineDifferences,
): DecoratorCall {
  return decorator('Index', tsString(index.name), properties, {
    entries: [
      ['unique', index.unique ? 'true' : undefined],
      ['where', index.where !== undefined ? tsString(index.where) : undefined],
      ...(line.indexTypeOption
        ? [['type', method !== undefined ? tsString(method) : undefined] as const]
        : [['spatial', method === 'gist' ? 'true' : undefined] as const]),
    ],
  });
}
