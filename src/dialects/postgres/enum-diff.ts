import type { Column, EnumType, Model, QualifiedName, Renames, Table } from '../../model';
import { qualifiedKey, tableKey } from '../../model';
import type { Decision, Diagnostic } from '../../model';
import type { Change, ChangeOf, EnumSwapColumn, EnumValueMapping } from '../../diff/changes';
import { pairByKey } from '../../diff/compare-named';
import { columnFieldsThatDiffer } from '../../diff/diff-columns';
import {
  columnsOf,
  declarationsFor,
  labelChanges,
  mapColumns,
  mentionsColumn,
  renameLabelInDefault,
  sameName,
  valueDecision,
  type EnumDiff,
  type EnumStrategy,
} from '../../diff/diff-enums';

/** PostgreSQL's enum diff: named types renamed, added to in place, or swapped; the columns a swap converts. */
export const postgresEnums: EnumStrategy = {
  diffTypes: diffEnumTypes,
  finishColumns: (tableChanges, enums, to) => finishEnumColumns(tableChanges, enums, to),
};

/**
 * PostgreSQL enum types. Declared renames run first (`enum.rename`, `enum.value.rename`); then a type that only
 * gains labels gets `enum.value.add`, and one that loses or reorders labels is swapped (`enum.recreate`).
 */
function diffEnumTypes(from: Model, to: Model, renames: Renames): EnumDiff {
  const changes: Change[] = [];
  const diagnostics: Diagnostic[] = [];
  const decisions: Decision[] = [];
  let current = from;

  // Declared type renames: the old type exists, the new name is free, and the target wants the new name.
  for (const entry of renames.enums) {
    if (!entry.rename) continue;
    const type = current.enums.find((e) => sameName(e, entry.from));
    if (!type || current.enums.some((e) => sameName(e, entry.to)) || !to.enums.some((e) => sameName(e, entry.to)))
      continue;
    const renamed: EnumType = { ...type, schema: entry.to.schema ?? type.schema, name: entry.to.name };
    changes.push({
      kind: 'enum.rename',
      from: { schema: type.schema, name: type.name },
      to: { schema: renamed.schema, name: renamed.name },
      reason: `enum ${qualifiedKey(type)} is renamed to ${qualifiedKey(renamed)} (declared by ${entry.source})`,
    });
    current = mapColumns({ ...current, enums: current.enums.map((e) => (e === type ? renamed : e)) }, type, (c) => ({
      ...c,
      enum: { schema: renamed.schema, name: renamed.name },
    }));
  }

  const delta = pairByKey(current.enums, to.enums, qualifiedKey);
  for (const type of delta.added) {
    changes.push({ kind: 'enum.create', enum: type, reason: `enum ${qualifiedKey(type)} is missing` });
  }
  for (const type of delta.dropped) {
    // A domain over the type uses it: domains are not managed, so the type stays while one exists.
    const domains = type.unmodelled?.find((entry) => entry.attribute === 'domains')?.value;
    if (domains !== undefined) {
      diagnostics.push({
        severity: 'info',
        code: 'ENUM_KEPT',
        message: `enum ${qualifiedKey(type)} is not in the target schema but is kept: domain ${domains} uses it (domains are not managed)`,
        location: `enum ${qualifiedKey(type)}`,
        hint: 'Drop the domain by hand first if the type should go; then plan again.',
      });
      continue;
    }
    changes.push({ kind: 'enum.drop', enum: type, reason: `enum ${qualifiedKey(type)} is not in the target schema` });
  }
  // A dropped and an added type with the same labels may be one type renamed: only the user can say.
  for (const dropped of delta.dropped) {
    if (dropped.unmodelled?.some((entry) => entry.attribute === 'domains')) continue; // kept (above)
    for (const added of delta.added) {
      if (dropped.values.join('\u0000') !== added.values.join('\u0000')) continue;
      if (renames.enums.some((e) => !e.rename && sameName(e.from, dropped) && sameName(e.to, added))) continue;
      decisions.push(enumDecision(dropped, added, columnsOf(to, added)));
    }
  }

  for (const { from: a, to: b } of delta.kept) {
    const declared = declarationsFor(renames, (e) => sameName(e.enum, b));
    const labels = labelChanges(a.values, b.values, declared);
    for (const problem of labels.invalid) {
      diagnostics.push({
        severity: 'error',
        code: 'ENUM_VALUE_MAPPING_INVALID',
        message: `enum ${qualifiedKey(b)}: ${problem}`,
        location: `enum ${qualifiedKey(b)}`,
        hint: 'Map a removed label onto a label the target keeps, or rename it to a new label of the target.',
      });
    }
    const type = { schema: a.schema, name: a.name };
    for (const rename of labels.renamed) {
      changes.push({
        kind: 'enum.value.rename',
        enum: type,
        from: rename.from,
        to: rename.to,
        reason: `label '${rename.from}' of enum ${qualifiedKey(a)} is renamed to '${rename.to}' (declared by ${rename.source})`,
      });
      current = mapColumns(current, type, (c) =>
        c.default === undefined ? c : { ...c, default: renameLabelInDefault(c.default, rename.from, rename.to) },
      );
    }
    for (const lookalike of labels.lookalikes) {
      decisions.push(valueDecision(qualifiedKey(b), `enum ${qualifiedKey(b)}`, lookalike, columnsOf(to, b)));
    }
    const renamedType: EnumType = { ...a, values: labels.afterRenames };
    const added = addedValues(renamedType, b);
    if (added !== undefined && labels.mapped.length === 0) {
      for (const { value, before } of added) {
        changes.push({
          kind: 'enum.value.add',
          enum: type,
          value,
          before,
          reason: `enum ${qualifiedKey(a)} lacks the value '${value}'`,
        });
      }
      continue;
    }
    changes.push(recreate(renamedType, b, labels.mapped, current, to));
  }
  return { changes, diagnostics, decisions, from: current };
}

function recreate(
  from: EnumType,
  to: EnumType,
  mappings: readonly EnumValueMapping[],
  current: Model,
  target: Model,
): ChangeOf<'enum.recreate'> {
  const columns: EnumSwapColumn[] = [];
  for (const { table, column } of columnsOf(current, from)) {
    const targetTable = target.tables.find((t) => tableKey(t) === tableKey(table));
    const targetColumn = targetTable?.columns.find((c) => c.name === column.name);
    if (!targetColumn || !sameName(targetColumn.enum, to)) continue; // dropped or converted away first
    columns.push({ table: { schema: table.schema, name: table.name }, from: column, to: targetColumn });
  }
  const removed = from.values.filter((v) => !to.values.includes(v));
  const what = removed.length > 0 ? `loses ${removed.map((v) => `'${v}'`).join(', ')}` : 'reorders its labels';
  const mapping = mappings.map((m) => `rows holding '${m.from}' become '${m.to}' (declared by ${m.source})`);
  return {
    kind: 'enum.recreate',
    from,
    to,
    columns,
    mappings,
    reason:
      `enum ${qualifiedKey(from)} ${what} (${from.values.join(', ')} -> ${to.values.join(', ')}), which ALTER TYPE ` +
      `cannot do: the type is swapped${columns.length > 0 ? ` and ${columns.map((c) => `${c.table.name}.${c.to.name}`).join(', ')} converted` : ''}` +
      (mapping.length > 0 ? `; ${mapping.join('; ')}` : ''),
  };
}

function enumDecision(dropped: EnumType, added: EnumType, users: { table: Table; column: Column }[]): Decision {
  const column = users[0];
  return {
    code: 'RENAME_OR_DROP',
    object: 'enum',
    from: qualifiedKey(dropped),
    to: qualifiedKey(added),
    question: `Is enum ${qualifiedKey(added)} renamed from ${qualifiedKey(dropped)}?`,
    entry: { section: 'enums', value: { from: qualifiedKey(dropped), to: qualifiedKey(added) } },
    decorator: column
      ? `@RenamedFrom({ enum: '${dropped.name}' }) on the property of ${column.table.name}.${column.column.name}`
      : undefined,
  };
}

/**
 * Second pass over the table changes, for enum columns: a column converted by a type swap is not also altered for its type and default (the swap converts it
 *   and re-sets the default); CHECKs and partial-index predicates that mention it are dropped before the swap and
 *   recreated after (PostgreSQL re-parses them against the old type's literals otherwise, and fails).
 */
function finishEnumColumns(
  tableChanges: readonly Change[],
  enums: EnumDiff,
  to: Model,
): { changes: Change[]; decisions: Decision[] } {
  const swaps = enums.changes.filter((c): c is ChangeOf<'enum.recreate'> => c.kind === 'enum.recreate');
  const swapped = new Map<string, EnumSwapColumn>();
  for (const swap of swaps)
    for (const column of swap.columns) swapped.set(`${tableKey(column.table)}\u0000${column.to.name}`, column);
  if (swapped.size === 0) return { changes: [...tableChanges], decisions: [] };

  const changes: Change[] = [];
  for (const change of tableChanges) {
    if (change.kind !== 'column.alter') {
      changes.push(change);
      continue;
    }
    const column = swapped.get(`${tableKey(change.table)}\u0000${change.to.name}`);
    if (!column) {
      changes.push(change);
      continue;
    }
    const rebased: Column = {
      ...change.from,
      array: change.to.array,
      enum: change.to.enum,
      default: change.to.default,
    };
    const fields = columnFieldsThatDiffer(rebased, change.to);
    if (fields.length > 0) {
      changes.push({
        ...change,
        from: rebased,
        fields,
        reason: `column ${change.table.name}.${change.to.name} differs in ${fields.join(', ')}`,
      });
    }
  }

  // Constraints whose expressions mention a converted column are dropped before the swap and recreated after it.
  const has = (
    kind: 'check.add' | 'check.drop' | 'index.create' | 'index.drop',
    table: QualifiedName,
    name: string,
  ): boolean =>
    changes.some((c) => {
      if (c.kind !== kind || tableKey(c.table) !== tableKey(table)) return false;
      return (
        (c.kind === 'check.add' || c.kind === 'check.drop'
          ? c.check.name
          : (c as ChangeOf<'index.create'>).index.name) === name
      );
    });
  const tables = new Map<string, { table: QualifiedName; columns: string[] }>();
  for (const column of swapped.values()) {
    const key = tableKey(column.table);
    const entry = tables.get(key) ?? { table: column.table, columns: [] };
    entry.columns.push(column.from.name);
    tables.set(key, entry);
  }
  for (const [key, { table, columns }] of tables) {
    const before = enums.from.tables.find((t) => tableKey(t) === key);
    const after = to.tables.find((t) => tableKey(t) === key);
    if (!before) continue;
    const why = (what: string) =>
      `${what} mentions ${columns.map((c) => `${table.name}.${c}`).join(', ')}, which the swap of its enum type converts`;
    for (const check of before.checks) {
      if (!columns.some((c) => mentionsColumn(check.expression, c))) continue;
      if (!has('check.drop', table, check.name))
        changes.push({ kind: 'check.drop', table, check, reason: why(`check ${check.name}`) });
      const kept = after?.checks.find((c) => c.name === check.name);
      if (kept && !has('check.add', table, kept.name))
        changes.push({ kind: 'check.add', table, check: kept, reason: why(`check ${kept.name}`) });
    }
    for (const index of before.indexes) {
      if (!columns.some((c) => mentionsColumn(index.where, c))) continue;
      if (!has('index.drop', table, index.name))
        changes.push({ kind: 'index.drop', table, index, reason: why(`index ${index.name}`) });
      const kept = after?.indexes.find((i) => i.name === index.name);
      if (kept && !has('index.create', table, kept.name))
        changes.push({ kind: 'index.create', table, index: kept, reason: why(`index ${kept.name}`) });
    }
  }
  return { changes, decisions: [] };
}

/**
 * When `to` only inserts labels into `from` (existing labels keep their relative order), the inserted labels with
 * the label each goes before in `to` (absent: at the end). That label may itself be inserted: the plan's order adds
 * it first (see `enumMustPrecede`), so labels inserted side by side land in `to`'s order whatever order runs them.
 * Otherwise `undefined`: values were removed or reordered.
 */
function addedValues(from: EnumType, to: EnumType): { value: string; before?: string }[] | undefined {
  const existing = new Set(from.values);
  if (!from.values.every((value) => to.values.includes(value))) return undefined;
  const kept = to.values.filter((value) => existing.has(value));
  if (kept.some((value, i) => value !== from.values[i])) return undefined;
  const result: { value: string; before?: string }[] = [];
  to.values.forEach((value, i) => {
    if (existing.has(value)) return;
    result.push({ value, before: to.values[i + 1] });
  });
  return result;
}
