import type { Column, Model, QualifiedName, Renames, Table } from '../model';
import { qualifiedKey } from '../model';
import type { Decision, Diagnostic } from '../model';
import type { Change, EnumValueMapping } from './changes';

// The dialect-neutral parts of diffing enums: label renames and mappings, the questions they raise, and the contract
// each dialect's enum diff implements (src/dialects/<dialect>/enum-diff.ts).

export interface EnumDiff {
  readonly changes: readonly Change[];
  readonly diagnostics: readonly Diagnostic[];
  readonly decisions: readonly Decision[];
  /**
   * The current model as it reads once the declared type and label renames have run (columns name the renamed types,
   * defaults hold the renamed labels): what the table diff compares with the target, so renames are not re-done.
   */
  readonly from: Model;
}

/**
 * How a dialect diffs enums (`Dialect.enums`): the diff calls it, each dialect folder implements it (`enum-diff.ts`).
 * PostgreSQL has named enum types (labels added in place, or the type swapped); SQLite has CHECKs on enum columns
 * (rebuilt, rows mapped through the declared label renames).
 */
export interface EnumStrategy {
  /** Changes to enum types, with the current model as it reads once the declared type and label renames have run. */
  diffTypes(from: Model, to: Model, renames: Renames): EnumDiff;
  /** Second pass over the table changes, for enum columns. */
  finishColumns(
    tableChanges: readonly Change[],
    enums: EnumDiff,
    to: Model,
    renames: Renames,
  ): { changes: Change[]; decisions: Decision[] };
}

export const sameName = (a: QualifiedName | undefined, b: QualifiedName | undefined): boolean =>
  a !== undefined && b !== undefined && qualifiedKey(a) === qualifiedKey(b);

const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** A default with label `from` of an enum spelled `to` instead: a plain literal or an array literal `'{a,b}'`. */
export function renameLabelInDefault(expression: string, from: string, to: string): string {
  if (expression === literal(from)) return literal(to);
  const array = /^'\{(.*)\}'$/s.exec(expression);
  if (!array) return expression;
  const elements = array[1]!.split(',').map((element) => {
    const bare = element.trim().replace(/^"(.*)"$/, '$1');
    return bare === from ? (/[,{}"\s\\]/.test(to) || to === '' ? `"${to.replace(/"/g, '\\"')}"` : to) : element;
  });
  return literal(`{${elements.join(',')}}`.replace(/''/g, "'"));
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether an expression may mention a column (as a bare or quoted identifier); may err towards yes. */
export function mentionsColumn(expression: string | undefined, column: string): boolean {
  if (expression === undefined) return false;
  const quoted = `"${column.replace(/"/g, '""')}"`;
  if (expression.includes(quoted)) return true;
  return new RegExp(`(^|[^\\w$"])${escapeRegExp(column)}($|[^\\w$"])`, 'i').test(expression);
}

/** Every column of `model` whose enum type is `type`, with its table. */
export function columnsOf(model: Model, type: QualifiedName): { table: Table; column: Column }[] {
  return model.tables.flatMap((table) =>
    table.columns.filter((column) => sameName(column.enum, type)).map((column) => ({ table, column })),
  );
}

export function mapColumns(model: Model, type: QualifiedName, map: (column: Column) => Column): Model {
  return {
    ...model,
    tables: model.tables.map((table) =>
      table.columns.some((c) => sameName(c.enum, type))
        ? { ...table, columns: table.columns.map((c) => (sameName(c.enum, type) ? map(c) : c)) }
        : table,
    ),
  };
}

/** What the user declared about one label of one enum: a rename or mapping, or "not a rename". */
export interface LabelDeclarations {
  readonly renames: readonly { from: string; to: string; source: string }[];
  readonly notRenamed: ReadonlySet<string>;
}

export function declarationsFor(
  renames: Renames,
  matches: (entry: Renames['enumValues'][number]) => boolean,
): LabelDeclarations {
  const entries = renames.enumValues.filter(matches);
  return {
    renames: entries.filter((e) => e.rename).map((e) => ({ from: e.from, to: e.to, source: e.source })),
    notRenamed: new Set(entries.filter((e) => !e.rename).map((e) => e.from)),
  };
}

/**
 * How the labels `from` become `to`, given declarations: labels renamed in place (the target label is new), rows
 * mapped onto a kept label, labels removed without a declaration, and the removed/added pairs at the same position
 * that look like an undeclared rename.
 */
export function labelChanges(
  from: readonly string[],
  to: readonly string[],
  declared: LabelDeclarations,
): {
  renamed: EnumValueMapping[];
  mapped: EnumValueMapping[];
  /** `from` with the renames applied: the labels as they are when the rest of the change runs. */
  afterRenames: string[];
  lookalikes: { from: string; to: string }[];
  invalid: string[];
} {
  const renamed: EnumValueMapping[] = [];
  const mapped: EnumValueMapping[] = [];
  const invalid: string[] = [];
  for (const entry of declared.renames) {
    // Inert once applied (the old label is gone) or when the target still has the old label.
    if (!from.includes(entry.from) || to.includes(entry.from)) continue;
    if (!to.includes(entry.to)) {
      invalid.push(`'${entry.from}' -> '${entry.to}' (${entry.source}): the target has no label '${entry.to}'`);
    } else if (from.includes(entry.to)) mapped.push(entry);
    else renamed.push(entry);
  }
  const afterRenames = from.map((label) => renamed.find((r) => r.from === label)?.to ?? label);
  const mappedFrom = new Set(mapped.map((m) => m.from));
  const lookalikes: { from: string; to: string }[] = [];
  afterRenames.forEach((label, i) => {
    if (to.includes(label) || mappedFrom.has(label) || declared.notRenamed.has(label)) return;
    const candidate = to[i];
    if (candidate !== undefined && !afterRenames.includes(candidate)) lookalikes.push({ from: label, to: candidate });
  });
  return { renamed, mapped, afterRenames, lookalikes, invalid };
}

export function valueDecision(
  enumName: string,
  described: string,
  pair: { from: string; to: string },
  users: { table: Pick<Table, 'name'>; column: Pick<Column, 'name'> }[],
): Decision {
  const column = users[0];
  return {
    code: 'RENAME_OR_DROP',
    object: 'enumValue',
    from: `${enumName} '${pair.from}'`,
    to: `${enumName} '${pair.to}'`,
    question: `Is label '${pair.to}' of ${described} renamed from '${pair.from}'?`,
    entry: { section: 'enumValues', value: { enum: enumName, from: pair.from, to: pair.to } },
    decorator: column
      ? `@RenamedFrom({ values: { ${JSON.stringify(pair.from)}: ${JSON.stringify(pair.to)} } }) on the property of ${column.table.name}.${column.column.name}`
      : undefined,
  };
}
