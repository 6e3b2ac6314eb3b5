/**
 * Foreign keys as `@ManyToOne` relations with explicit `@JoinColumn`s (names, referenced columns and constraint name
 * stated, so nothing depends on TypeORM's naming strategy). The columns themselves stay declared as scalar `@Column`s,
 * which keeps their exact types: TypeORM uses a declared column as the join column instead of deriving one.
 */
import type { ForeignKey, Table } from '../../model';
import { qualifiedKey, referencedTableKey } from '../../model';
import type { Diagnostic } from '../../plan/types';
import { componentIds } from '../../diff/strongly-connected';
import { camelCase } from './names';
import type { EntityNames, NamingPlan } from './naming-plan';
import type { LineDifferences } from '../../typeorm/line-differences';

export interface JoinColumnPlan {
  readonly name: string;
  /** The referenced column's property name in the target class (TypeORM looks it up by property). */
  readonly referencedProperty: string;
}

export interface RelationPlan {
  readonly property: string;
  readonly foreignKey: ForeignKey;
  readonly target: EntityNames;
  readonly joinColumns: readonly JoinColumnPlan[];
  /** `nullable: false`: every column is NOT NULL (and no cycle of such relations makes TypeORM refuse it). */
  readonly required: boolean;
}

const isRequired = (table: Table, fk: ForeignKey): boolean =>
  fk.columns.every((name) => table.columns.find((c) => c.name === name)?.nullable === false);

/** `authorId` / `author_id` -> `author`; otherwise the target class in camel case. */
function relationNameFor(fk: ForeignKey, target: EntityNames): string[] {
  const byTarget = camelCase(target.className, 'relation');
  if (fk.columns.length !== 1) return [byTarget];
  const stripped = /^(.+?)_?(?:Id|ID|_id)$/.exec(fk.columns[0]!)?.[1];
  return stripped ? [camelCase(stripped, byTarget), byTarget] : [byTarget];
}

/**
 * TypeORM orders the referenced columns of a composite relation by the target's primary key (other columns last,
 * stably), and the join columns with them: a foreign key declared in another order is created in that order.
 */
function typeormColumnOrder(fk: ForeignKey, targetTable: Table): number[] {
  const pk = targetTable.primaryKey?.columns ?? [];
  const rank = (i: number) => {
    const at = pk.indexOf(fk.referencedColumns[i]!);
    return at === -1 ? Infinity : at;
  };
  return fk.referencedColumns.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || a - b);
}

/** The relations of every generated table, keyed by `qualifiedKey(table)`; foreign keys that cannot be one are reported. */
export function planRelations(
  tables: readonly Table[],
  naming: NamingPlan,
  diagnostics: Diagnostic[],
  line: LineDifferences,
  /** `qualifiedKey(table)` -> its columns that are not declared, which no relation can reference. */
  skippedColumns: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): Map<string, RelationPlan[]> {
  const byKey = new Map(tables.map((t) => [qualifiedKey(t), t]));
  // TypeORM refuses a cycle of non-nullable relations (CircularRelationsError): those stay `nullable` relations.
  const requiredEdges = (key: string) =>
    byKey
      .get(key)!
      .foreignKeys.filter((fk) => isRequired(byKey.get(key)!, fk) && byKey.has(referencedTableKey(fk)))
      .map(referencedTableKey);
  const component = componentIds([...byKey.keys()], requiredEdges);

  const result = new Map<string, RelationPlan[]>();
  for (const table of tables) {
    const key = qualifiedKey(table);
    const names = naming.entity(table)!;
    const relations: RelationPlan[] = [];
    for (const fk of table.foreignKeys) {
      const where = `foreign key ${fk.name} on ${key}`;
      const targetKey = referencedTableKey(fk);
      const targetTable = byKey.get(targetKey);
      const target = targetTable && naming.entity(targetTable);
      if (!targetTable || !target) {
        diagnostics.push({
          severity: 'warning',
          code: 'ENTITY_FOREIGN_KEY_TARGET_MISSING',
          message: `${where}: the table it references, ${targetKey}, has no generated entity; the foreign key is not declared`,
          location: `table ${key}`,
          hint: 'Generate the referenced table too (e.g. read its schema), or declare the relation by hand.',
        });
        continue;
      }
      const undeclared = fk.referencedColumns.filter((c) => skippedColumns.get(targetKey)?.has(c));
      if (undeclared.length > 0) {
        diagnostics.push({
          severity: 'warning',
          code: 'ENTITY_FOREIGN_KEY_TARGET_MISSING',
          message: `${where}: references ${targetKey} (${undeclared.join(', ')}), which is not declared; the foreign key is not declared`,
          location: `table ${key}`,
        });
        continue;
      }
      const referencedProperties = fk.referencedColumns.map((c) => target.properties.get(c));
      if (referencedProperties.some((p) => p === undefined)) {
        diagnostics.push({
          severity: 'warning',
          code: 'ENTITY_FOREIGN_KEY_TARGET_MISSING',
          message: `${where}: references columns ${targetKey} does not have (${fk.referencedColumns.join(', ')}); the foreign key is not declared`,
          location: `table ${key}`,
        });
        continue;
      }
      // TypeORM 0.3 keeps the declared order.
      const order = line.relationColumnsInPrimaryKeyOrder
        ? typeormColumnOrder(fk, targetTable)
        : fk.columns.map((_, i) => i);
      if (order.some((position, i) => position !== i)) {
        diagnostics.push({
          severity: 'warning',
          code: 'ENTITY_FOREIGN_KEY_COLUMN_ORDER',
          message:
            `${where}: TypeORM lists a composite relation's columns in the order of ${targetKey}'s primary key, ` +
            `so the foreign key it declares is (${order.map((i) => fk.columns[i]).join(', ')}) rather than (${fk.columns.join(', ')})`,
          location: `table ${key}`,
          hint: 'A plan recreates the foreign key with its columns in that order (same meaning).',
        });
      }
      relations.push({
        property: names.propertyScope.claim(
          ...relationNameFor(fk, target),
          `${relationNameFor(fk, target)[0]}Relation`,
        ),
        foreignKey: fk,
        target,
        joinColumns: fk.columns.map((name, i) => ({ name, referencedProperty: referencedProperties[i]! })),
        required: isRequired(table, fk) && component.get(key) !== component.get(targetKey) && key !== targetKey,
      });
    }
    result.set(key, relations);
  }
  return result;
}
