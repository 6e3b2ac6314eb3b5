/**
 * What a plan needs to know about live data (see `Probe` in types.ts): the probes a plan's changes need, and how the
 * answers about enum labels become error diagnostics (a refusal, with the count) or hazards (what a statement does to
 * rows). Row counts behind the other hazards: table-probes.ts, row-counts.ts, measured-hazards.ts.
 */
import type { Change, EnumValueMapping } from '../diff/changes';
import { qualifiedKey, type Model, type QualifiedName } from '../model';
import { tableRowsProbes, type CurrentNames, type TableProbeOptions } from './table-probes';
import type { Diagnostic, EnumUsesProbe, Hazard, Measurement, Probe } from '../model';

/** Labels an enum column loses in one change, and where declared mappings send their rows. */
export interface EnumColumnRemoval {
  /** How messages name the enum: `enum public.deck_level`, or on SQLite `the enum of cards.level`. */
  readonly described: string;
  /** The `enum` of a `schema/renames.json` `enumValues` entry that would answer for it. */
  readonly entryEnum: string;
  /** The column, by its current names. */
  readonly table: QualifiedName;
  readonly column: string;
  readonly array: boolean;
  /** Labels rows may hold that the target does not have. */
  readonly removed: readonly string[];
  /** Declared destinations of some of `removed` (and, on SQLite, of renamed labels). */
  readonly mappings: readonly EnumValueMapping[];
  /** Labels of the target, for the hint of a refusal. */
  readonly kept: readonly string[];
}

const columnName = (table: QualifiedName, column: string): string => `${table.name}.${column}`;

/** The enum labels a change removes from columns that keep rows (PostgreSQL swap, SQLite CHECK change). */
export function enumColumnRemovals(change: Change): EnumColumnRemoval[] {
  if (change.kind === 'enum.recreate') {
    const removed = change.from.values.filter((value) => !change.to.values.includes(value));
    if (removed.length === 0) return [];
    return change.columns.map((column) => ({
      described: `enum ${qualifiedKey(change.from)}`,
      entryEnum: qualifiedKey(change.to),
      table: column.table,
      column: column.from.name,
      array: column.from.array ?? false,
      removed,
      mappings: change.mappings,
      kept: change.to.values,
    }));
  }
  if (change.kind === 'column.alter' && change.from.enumValues && change.to.enumValues) {
    const after = change.to.enumValues;
    const removed = change.from.enumValues.filter((value) => !after.includes(value));
    if (removed.length === 0) return [];
    const name = columnName(change.table, change.to.name);
    return [
      {
        described: `the enum of ${name}`,
        entryEnum: name,
        table: change.table,
        column: change.from.name,
        array: false,
        removed,
        mappings: change.valueMap ?? [],
        kept: after,
      },
    ];
  }
  if (change.kind === 'table.rebuild') return change.changes.flatMap(enumColumnRemovals);
  return [];
}

/**
 * What a plan's (lowered) changes need to know about live data: one probe per column that loses enum labels (how
 * many rows hold each of them), and one `tableRows` probe per table whose hazards depend on its rows (see
 * table-probes.ts). Probes name tables and columns as the database has them now, before the renames the plan runs
 * first.
 */
export function probesFor(changes: readonly Change[], options: TableProbeOptions = {}): Probe[] {
  const tableNames = new Map<string, QualifiedName>();
  const columnNames = new Map<string, string>();
  for (const change of changes) {
    if (change.kind === 'table.rename') tableNames.set(qualifiedKey(change.to), change.from);
    if (change.kind === 'column.rename') columnNames.set(probeKey(change.table, change.to), change.from);
  }
  const names: CurrentNames = {
    table: (planned) => tableNames.get(qualifiedKey(planned)) ?? planned,
    column: (table, planned) => columnNames.get(probeKey(table, planned)) ?? planned,
  };
  const enumProbes = changes.flatMap(enumColumnRemovals).map((removal): Probe => {
    const table = names.table(removal.table);
    const column = names.column(removal.table, removal.column);
    const renamed = table !== removal.table || column !== removal.column;
    return {
      kind: 'enumValueRows',
      table,
      column,
      array: removal.array,
      values: removal.removed,
      ...(renamed ? { planned: { table: removal.table, column: removal.column } } : {}),
    };
  });
  return [...enumProbes, ...enumUsesProbes(changes, options.from), ...tableRowsProbes(changes, names, options)];
}

/** One probe per enum type a swap drops, when the current schema says which schemas were read. */
function enumUsesProbes(changes: readonly Change[], from: Model | undefined): EnumUsesProbe[] {
  const schemas = from?.schemas;
  if (!schemas) return [];
  return changes.flatMap((change): EnumUsesProbe[] =>
    change.kind === 'enum.recreate'
      ? [{ kind: 'enumUses', enum: { schema: change.from.schema, name: change.from.name }, schemas }]
      : [],
  );
}

/**
 * Refusals: an enum type the plan swaps is used by columns in schemas the plan does not read. The swap converts the
 * columns it knows, then drops the old type, which those columns still use: the whole plan would roll back at the
 * end. Said up front, in one line naming them.
 */
export function enumUsesDiagnostics(measurements: readonly Measurement[] | undefined): Diagnostic[] {
  return (measurements ?? []).flatMap((m): Diagnostic[] => {
    if (m.probe.kind !== 'enumUses') return [];
    const columns = Object.keys(m.counts).sort();
    if (columns.length === 0) return [];
    const type = qualifiedKey(m.probe.enum);
    const schemas = [...new Set(columns.map((c) => c.split('.')[0]!))];
    return [
      {
        severity: 'error',
        code: 'ENUM_USED_ELSEWHERE',
        message:
          `enum ${type} cannot be swapped: ${columns.join(', ')} ${columns.length === 1 ? 'uses' : 'use'} it, in ` +
          `${schemas.length === 1 ? 'schema' : 'schemas'} ${schemas.join(', ')} the plan does not read, so its final DROP TYPE would fail`,
        location: `enum ${type}`,
        hint:
          `Declare the entities of ${schemas.join(', ')} too (the plan then converts those columns), convert them to another type ` +
          `first, or keep the labels of ${type} in order and only add new ones.`,
      },
    ];
  });
}

const probeKey = (table: QualifiedName, column: string): string => `${qualifiedKey(table)}\u0000${column}`;

/** The measured count of `what` for `table.column`; `undefined` when it was not measured. */
export function measuredCount(
  measurements: readonly Measurement[] | undefined,
  kind: 'enumValueRows',
  table: QualifiedName,
  column: string,
  what: string,
): number | undefined {
  if (!measurements) return undefined;
  const key = probeKey(table, column);
  const found = measurements.find((m) => {
    if (m.probe.kind !== kind) return false;
    const named = m.probe.planned ?? m.probe;
    return probeKey(named.table, named.column) === key;
  });
  if (!found) return undefined;
  return found.counts[what] ?? 0;
}

const rows = (n: number): string => (n === 1 ? '1 row' : `${n} rows`);

/** Refusals: rows still hold a label the target removes and no mapping says where they go. */
export function enumRemovalDiagnostics(
  changes: readonly Change[],
  measurements: readonly Measurement[] | undefined,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const removal of changes.flatMap(enumColumnRemovals)) {
    for (const value of removal.removed) {
      if (removal.mappings.some((m) => m.from === value)) continue;
      const count = measuredCount(measurements, 'enumValueRows', removal.table, removal.column, value);
      if (!count) continue;
      const name = columnName(removal.table, removal.column);
      const target = removal.kept[0] ?? '<label>';
      diagnostics.push({
        severity: 'error',
        code: 'ENUM_VALUE_IN_USE',
        message:
          `${removal.described}: ${rows(count)} of ${name} ${count === 1 ? 'holds' : 'hold'} '${value}', which the target removes; ` +
          `declare where they go (one of ${removal.kept.map((v) => `'${v}'`).join(', ')})`,
        location: `column ${name}`,
        hint:
          `Add @RenamedFrom({ values: { ${JSON.stringify(value)}: ${JSON.stringify(target)} } }) to the property of ${name}, ` +
          `or a schema/renames.json "enumValues" entry ${JSON.stringify({ enum: removal.entryEnum, from: value, to: target })}; ` +
          'or update those rows first.',
      });
    }
  }
  return diagnostics;
}

/** What converting one column does to rows holding removed labels, for the statement that converts it. */
export function enumRemovalHazards(
  removal: EnumColumnRemoval,
  measurements: readonly Measurement[] | undefined,
): Hazard[] {
  const name = columnName(removal.table, removal.column);
  const hazards: Hazard[] = [];
  for (const value of removal.removed) {
    const mapping = removal.mappings.find((m) => m.from === value);
    const count = measuredCount(measurements, 'enumValueRows', removal.table, removal.column, value);
    if (mapping) {
      const who =
        count === undefined ? `rows of ${name} holding '${value}'` : `${rows(count)} of ${name} holding '${value}'`;
      hazards.push({
        code: 'ENUM_VALUE_REMOVED',
        message: `label '${value}' is removed: ${who} ${count === 1 ? 'becomes' : 'become'} '${mapping.to}' (declared by ${mapping.source})`,
      });
    } else if (count === undefined) {
      hazards.push({
        code: 'ENUM_VALUE_REMOVED',
        message: `label '${value}' is removed: this fails if a row of ${name} holds it (not counted: planned without a database)`,
      });
    }
  }
  return hazards;
}
