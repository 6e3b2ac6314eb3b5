import { componentIds } from './strongly-connected';
import type { ForeignKey, Model, PrimaryKey, QualifiedName, Table } from '../model';
import { qualifiedKey, referencedTableKey, tableKey } from '../model';
import type { Change } from './changes';
import { deepEqual, definitionOf, pairByKey } from './compare-named';
import { columnFieldsThatDiffer, diffColumns } from './diff-columns';

const ref = (table: Table): QualifiedName => ({ schema: table.schema, name: table.name });

/** The same key columns: in the same order, or in any order when either key's order is not fixed (`anyOrder`). */
function sameKeyColumns(a: PrimaryKey, b: PrimaryKey): boolean {
  if (!a.anyOrder && !b.anyOrder) return deepEqual(a.columns, b.columns);
  return a.columns.length === b.columns.length && a.columns.every((column) => b.columns.includes(column));
}

/**
 * Two primary keys (or none) define the same key: name, columns (see `sameKeyColumns`) and the rest of the definition
 * (`DEFERRABLE`); comments and unmodelled attributes are compared apart.
 */
export function samePrimaryKey(a: PrimaryKey | undefined, b: PrimaryKey | undefined): boolean {
  if (!a || !b) return a === b;
  const { columns: _a, anyOrder: _anyA, ...restA } = definitionOf(a);
  const { columns: _b, anyOrder: _anyB, ...restB } = definitionOf(b);
  return deepEqual(restA, restB) && sameKeyColumns(a, b);
}

export interface DiffTablesOptions {
  /**
   * Keys of tables (target names) whose constraints and indexes are paired by definition rather than by name: a
   * dropped and an added one with the same definition under another name is a rename. TypeORM derives those names
   * from the table and column names, so they change when the table or one of its columns is renamed.
   */
  readonly pairByDefinition?: ReadonlySet<string>;
}

export function diffTables(from: Model, to: Model, options: DiffTablesOptions = {}): Change[] {
  const changes: Change[] = [];
  const delta = pairByKey(from.tables, to.tables, tableKey);
  for (const table of delta.added) {
    // Foreign keys are separate changes, so that tables referencing each other can be created in any order.
    changes.push({
      kind: 'table.create',
      table: { ...table, foreignKeys: [] },
      reason: `table ${tableKey(table)} is missing`,
    });
    for (const foreignKey of table.foreignKeys) {
      changes.push({
        kind: 'foreignKey.add',
        table: ref(table),
        foreignKey,
        reason: `foreign key ${foreignKey.name} of new table ${tableKey(table)}`,
      });
    }
  }
  for (const foreignKey of foreignKeysInDropCycles(delta.dropped)) {
    changes.push({
      kind: 'foreignKey.drop',
      table: foreignKey.table,
      foreignKey: foreignKey.foreignKey,
      reason: `tables ${foreignKey.cycle} reference each other and are all dropped: this foreign key goes first`,
    });
  }
  for (const table of delta.dropped) {
    changes.push({ kind: 'table.drop', table, reason: `table ${tableKey(table)} is not in the target schema` });
  }
  const retyped = retypedColumns(delta.kept);
  for (const { from: a, to: b } of delta.kept) {
    changes.push(...diffTable(a, b, options.pairByDefinition?.has(tableKey(b)) ?? false, retyped));
  }
  return changes;
}

/** `table key` -> names of its columns whose type changes (kept tables only). */
function retypedColumns(kept: readonly { from: Table; to: Table }[]): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const { from, to } of kept) {
    const names = new Set(
      to.columns
        .filter((column) => {
          const before = from.columns.find((c) => c.name === column.name);
          return before !== undefined && columnFieldsThatDiffer(before, column).includes('type');
        })
        .map((column) => column.name),
    );
    if (names.size > 0) result.set(tableKey(to), names);
  }
  return result;
}

/**
 * Dropped tables are dropped referencing-first; tables that reference each other in a cycle cannot be, so the
 * foreign keys that close a cycle among dropped tables are dropped explicitly before any of those tables.
 */
function foreignKeysInDropCycles(
  dropped: readonly Table[],
): { table: QualifiedName; foreignKey: Table['foreignKeys'][number]; cycle: string }[] {
  const byKey = new Map(dropped.map((t) => [tableKey(t), t]));
  const references = (key: string): string[] =>
    (byKey.get(key)?.foreignKeys ?? []).map(referencedTableKey).filter((k) => k !== key && byKey.has(k));
  // An edge table -> target closes a cycle exactly when both lie in one strongly connected component.
  const component = componentIds([...byKey.keys()], references);
  const result = [];
  for (const table of dropped) {
    const key = tableKey(table);
    for (const foreignKey of table.foreignKeys) {
      const target = referencedTableKey(foreignKey);
      if (target !== key && byKey.has(target) && component.get(target) === component.get(key)) {
        result.push({ table: ref(table), foreignKey, cycle: `${key} and ${target}` });
      }
    }
  }
  return result;
}

/** `DEFERRABLE INITIALLY DEFERRED`, `NOT DEFERRABLE`..., in words for a reason. */
function deferrability(foreignKey: ForeignKey): string {
  return foreignKey.deferrable ? `now DEFERRABLE ${foreignKey.deferrable}` : 'now NOT DEFERRABLE';
}

function diffTable(
  from: Table,
  to: Table,
  pairByDefinition: boolean,
  retyped: ReadonlyMap<string, ReadonlySet<string>>,
): Change[] {
  const table = ref(to);
  const name = tableKey(to);
  const changes: Change[] = [...diffColumns(table, from.columns, to.columns)];
  const renamedReason = (kind: string, a: string, b: string) =>
    `${kind} ${a} on ${name} is renamed to ${b}: same definition, its name follows the renamed table or column`;

  // A comment of an index or constraint that stays (under its name `to`) is set in place.
  const commentChange = (
    kind: 'index' | 'constraint',
    a: { comment?: string },
    b: { name?: string; comment?: string },
  ): void => {
    if (a.comment === b.comment || b.name === undefined) return;
    changes.push({
      kind: 'comment.set',
      target: { kind, table, name: b.name },
      from: a.comment,
      to: b.comment,
      reason: `comment of ${kind} ${b.name} on ${name} differs`,
    });
  };

  const [pkFrom, pkTo] = [from.primaryKey, to.primaryKey];
  if (
    pairByDefinition &&
    pkFrom?.name !== undefined &&
    pkTo?.name !== undefined &&
    pkFrom.name !== pkTo.name &&
    samePrimaryKey({ ...pkFrom, name: undefined }, { ...pkTo, name: undefined })
  ) {
    changes.push({
      kind: 'constraint.rename',
      table,
      constraint: 'primaryKey',
      from: pkFrom.name,
      to: pkTo.name,
      reason: renamedReason('primary key', pkFrom.name, pkTo.name),
    });
    commentChange('constraint', pkFrom, pkTo);
  } else if (pkFrom && pkTo && samePrimaryKey(pkFrom, pkTo)) {
    commentChange('constraint', pkFrom, pkTo);
  } else if (!samePrimaryKey(from.primaryKey, to.primaryKey)) {
    if (from.primaryKey) {
      changes.push({
        kind: 'primaryKey.drop',
        table,
        primaryKey: from.primaryKey,
        reason: `primary key of ${name} changes`,
      });
    }
    if (to.primaryKey) {
      changes.push({
        kind: 'primaryKey.add',
        table,
        primaryKey: to.primaryKey,
        reason: from.primaryKey ? `primary key of ${name} changes` : `table ${name} has no primary key`,
      });
    }
  }

  // Constraints and indexes are identified by name (TypeORM derives names from their definition); one whose
  // definition changed under the same name is dropped and re-created.
  const named = <T extends { name: string; comment?: string }>(
    kind: string,
    commentKind: 'index' | 'constraint',
    a: readonly T[],
    b: readonly T[],
    add: (item: T, reason: string) => Change,
    drop: (item: T, reason: string) => Change,
    rename: (from: T, to: T, reason: string) => Change,
    validate?: (item: T, reason: string) => Change,
    recreated?: (item: T) => string | undefined,
    alter?: (from: T, to: T) => Change | undefined,
  ): void => {
    const delta = pairByKey(a, b, (item) => item.name);
    const renamed = new Set<T>();
    if (pairByDefinition) {
      for (const item of delta.dropped) {
        const same = delta.added.find(
          (other) =>
            !renamed.has(other) && deepEqual({ ...definitionOf(item), name: '' }, { ...definitionOf(other), name: '' }),
        );
        if (!same) continue;
        renamed.add(item).add(same);
        changes.push(rename(item, same, renamedReason(kind, item.name, same.name)));
        commentChange(commentKind, item, same);
      }
    }
    for (const item of delta.dropped) {
      if (!renamed.has(item)) changes.push(drop(item, `${kind} ${item.name} on ${name} is not in the target schema`));
    }
    for (const item of delta.added)
      if (!renamed.has(item)) changes.push(add(item, `${kind} ${item.name} on ${name} is missing`));
    for (const pair of delta.kept) {
      if (deepEqual(definitionOf(pair.from), definitionOf(pair.to))) {
        const why = recreated?.(pair.to);
        if (why !== undefined) changes.push(drop(pair.from, why), add(pair.to, why));
        else commentChange(commentKind, pair.from, pair.to);
        continue;
      }
      // NOT VALID -> valid with the same definition: validated in place, never dropped and re-created.
      if (
        validate &&
        'notValid' in pair.from &&
        pair.from.notValid &&
        !('notValid' in pair.to && pair.to.notValid) &&
        deepEqual({ ...definitionOf(pair.from), notValid: undefined }, definitionOf(pair.to))
      ) {
        changes.push(
          validate(pair.to, `${kind} ${pair.to.name} on ${name} is NOT VALID: the existing rows are validated`),
        );
        commentChange(commentKind, pair.from, pair.to);
        continue;
      }
      const altered = alter?.(pair.from, pair.to);
      if (altered) {
        changes.push(altered);
        commentChange(commentKind, pair.from, pair.to);
        continue;
      }
      const reason =
        'invalid' in pair.from && pair.from.invalid
          ? `${kind} ${pair.to.name} on ${name} is invalid (left by a failed concurrent build): it is built again`
          : `${kind} ${pair.to.name} on ${name} has a different definition`;
      changes.push(drop(pair.from, reason), add(pair.to, reason));
    }
  };
  named(
    'foreign key',
    'constraint',
    from.foreignKeys,
    to.foreignKeys,
    (foreignKey, reason) => ({ kind: 'foreignKey.add', table, foreignKey, reason }),
    (foreignKey, reason) => ({ kind: 'foreignKey.drop', table, foreignKey, reason }),
    (a, b, reason) => ({
      kind: 'constraint.rename',
      table,
      constraint: 'foreignKey',
      from: a.name,
      to: b.name,
      reason,
    }),
    (foreignKey, reason) => ({
      kind: 'constraint.validate',
      table,
      constraintType: 'foreignKey',
      name: foreignKey.name,
      reason,
    }),
    // PostgreSQL cannot change the type of a key column while a foreign key ties it to a column of the old type.
    (foreignKey) => {
      const own = foreignKey.columns.filter((c) => retyped.get(name)?.has(c));
      const referenced = foreignKey.referencedColumns.filter((c) =>
        retyped.get(referencedTableKey(foreignKey))?.has(c),
      );
      if (own.length === 0 && referenced.length === 0) return undefined;
      const columns = [
        ...own.map((c) => `${to.name}.${c}`),
        ...referenced.map((c) => `${foreignKey.referencedTable}.${c}`),
      ];
      return `foreign key ${foreignKey.name} on ${name} is re-created: the type of ${columns.join(', ')} changes`;
    },
    // Only the deferrability differs: altered in place.
    (a, b) =>
      deepEqual({ ...definitionOf(a), deferrable: undefined }, { ...definitionOf(b), deferrable: undefined })
        ? {
            kind: 'foreignKey.alter',
            table,
            from: a,
            to: b,
            reason: `foreign key ${b.name} on ${name} is ${deferrability(b)}`,
          }
        : undefined,
  );
  named(
    'unique constraint',
    'constraint',
    from.uniques,
    to.uniques,
    (unique, reason) => ({ kind: 'unique.add', table, unique, reason }),
    (unique, reason) => ({ kind: 'unique.drop', table, unique, reason }),
    (a, b, reason) => ({ kind: 'constraint.rename', table, constraint: 'unique', from: a.name, to: b.name, reason }),
  );
  named(
    'check constraint',
    'constraint',
    from.checks,
    to.checks,
    (check, reason) => ({ kind: 'check.add', table, check, reason }),
    (check, reason) => ({ kind: 'check.drop', table, check, reason }),
    (a, b, reason) => ({ kind: 'constraint.rename', table, constraint: 'check', from: a.name, to: b.name, reason }),
    (check, reason) => ({ kind: 'constraint.validate', table, constraintType: 'check', name: check.name, reason }),
  );
  named(
    'exclusion constraint',
    'constraint',
    from.exclusions ?? [],
    to.exclusions ?? [],
    (exclusion, reason) => ({ kind: 'exclusion.add', table, exclusion, reason }),
    (exclusion, reason) => ({ kind: 'exclusion.drop', table, exclusion, reason }),
    (a, b, reason) => ({ kind: 'constraint.rename', table, constraint: 'exclusion', from: a.name, to: b.name, reason }),
  );
  named(
    'index',
    'index',
    from.indexes,
    to.indexes,
    (index, reason) => ({ kind: 'index.create', table, index, reason }),
    (index, reason) => ({ kind: 'index.drop', table, index, reason }),
    (a, b, reason) => ({ kind: 'index.rename', table, from: a, to: b, reason }),
  );
  if (from.comment !== to.comment) {
    changes.push({
      kind: 'table.comment',
      table,
      from: from.comment,
      to: to.comment,
      reason: `comment of ${qualifiedKey(table)} differs`,
    });
  }
  return changes;
}
