import { indexKeys, withIndexKeys } from './index-keys';
import { qualifiedKey } from './names';
import type { Column, EnumType, Index, Model, NotManaged, Sequence, Table, UnmodelledAttribute, View } from './types';

const byName = <T extends { name: string }>(a: T, b: T): number => compareStrings(a.name, b.name);
const byQualifiedName = <T extends { schema?: string; name: string }>(a: T, b: T): number =>
  compareStrings(qualifiedKey(a), qualifiedKey(b));

/** Code-unit order, independent of the machine's locale, so generated files are byte-identical everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `{ ...value, ...overrides }` without the keys whose value is `undefined`, so that two equal models serialise to the
 * same JSON. One object is made (not a spread and then a copy): this runs for every column of every model.
 */
function compact<T extends object>(value: T, overrides?: { readonly [K in keyof T]?: unknown }): T {
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  const over = overrides as Record<string, unknown> | undefined;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const v = over !== undefined && Object.hasOwn(over, key) ? over[key] : record[key];
    if (v !== undefined) out[key] = v;
  }
  if (over !== undefined) {
    for (const key in over) {
      if (Object.hasOwn(over, key) && !Object.hasOwn(record, key) && over[key] !== undefined) out[key] = over[key];
    }
  }
  return out as T;
}

/** Unmodelled attributes sorted by attribute then value; undefined when there are none. */
function normalizeUnmodelled(list: readonly UnmodelledAttribute[] | undefined): UnmodelledAttribute[] | undefined {
  if (!list || list.length === 0) return undefined;
  return [...list]
    .map((entry) => ({ attribute: entry.attribute, value: entry.value }))
    .sort((a, b) => compareStrings(a.attribute, b.attribute) || compareStrings(a.value, b.value));
}

/** Storage parameters / options sorted, undefined when none. */
function sortedOptions(options: readonly string[] | undefined): string[] | undefined {
  return options && options.length > 0 ? [...options].sort(compareStrings) : undefined;
}

function normalizeColumn(column: Column): Column {
  return compact(column, { array: column.array || undefined, unmodelled: normalizeUnmodelled(column.unmodelled) });
}

function normalizeTable(table: Table): Table {
  return compact({
    ...table,
    columns: table.columns.map(normalizeColumn),
    primaryKey:
      table.primaryKey &&
      compact({
        ...table.primaryKey,
        anyOrder: table.primaryKey.anyOrder || undefined,
        unmodelled: normalizeUnmodelled(table.primaryKey.unmodelled),
      }),
    foreignKeys: [...table.foreignKeys]
      .map((fk) => compact(fk, { unmodelled: normalizeUnmodelled(fk.unmodelled) }))
      .sort(byName),
    uniques: [...table.uniques]
      .map((unique) =>
        compact({
          ...unique,
          nullsNotDistinct: unique.nullsNotDistinct || undefined,
          unmodelled: normalizeUnmodelled(unique.unmodelled),
        }),
      )
      .sort(byName),
    checks: table.checks.map((check) => compact(check)).sort(byName),
    indexes: [...table.indexes].map(normalizeIndex).sort(byName),
    exclusions: table.exclusions?.length
      ? [...table.exclusions]
          .map((e) => compact({ ...e, elements: e.elements.map((el) => compact({ ...el })) }))
          .sort(byName)
      : undefined,
    triggers: table.triggers && table.triggers.length > 0 ? [...table.triggers].sort(byName) : undefined,
    partitioning: table.partitioning && {
      ...table.partitioning,
      partitions: table.partitioning.partitions.map((p) => compact({ ...p })).sort(byQualifiedName),
    },
    unmodelled: normalizeUnmodelled(table.unmodelled),
  });
}

function normalizeView(view: View): View {
  return compact({
    ...view,
    materialized: view.materialized || undefined,
    indexes: view.indexes && view.indexes.length > 0 ? [...view.indexes].map(normalizeIndex).sort(byName) : undefined,
    options: sortedOptions(view.options),
    unmodelled: normalizeUnmodelled(view.unmodelled),
    dependsOn: [...new Map(view.dependsOn.map((d) => [qualifiedKey(d), compact({ ...d })])).entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([, d]) => d),
  });
}

function normalizeIndex(index: Index): Index {
  return compact(
    withIndexKeys(
      {
        ...index,
        method: index.method || undefined,
        include: index.include && index.include.length > 0 ? index.include : undefined,
        options: sortedOptions(index.options),
        nullsNotDistinct: index.nullsNotDistinct || undefined,
        unmodelled: normalizeUnmodelled(index.unmodelled),
      },
      indexKeys(index),
    ),
  );
}

function normalizeSequence(sequence: Sequence): Sequence {
  return compact({
    ...sequence,
    cycle: sequence.cycle || undefined,
    ownedBy: sequence.ownedBy && compact({ ...sequence.ownedBy }),
    unmodelled: normalizeUnmodelled(sequence.unmodelled),
  });
}

function normalizeEnum(type: EnumType): EnumType {
  return compact(type, { unmodelled: normalizeUnmodelled(type.unmodelled) });
}

/**
 * Models `normalizeModel` returned. Normalising one again gives equal data (it is idempotent) and models are never
 * changed once made, so it is returned as it is: a plan against a database hashes the introspected model, which is
 * already canonical, and that walk was a tenth of a warm `schema plan` at a thousand tables.
 */
const canonicalModels = new WeakSet<Model>();

/**
 * The canonical form of a model: collections sorted by (qualified) name, absent optional fields removed.
 * Every source (compile, introspect, JSON) passes its model through here, so equal schemas are equal data.
 */
export function normalizeModel(model: Model): Model {
  if (canonicalModels.has(model)) return model;
  const normalized = canonicalForm(model);
  canonicalModels.add(normalized);
  return normalized;
}

function canonicalForm(model: Model): Model {
  return compact({
    dialect: model.dialect,
    ...(model.schemas ? { schemas: [...new Set(model.schemas)].sort(compareStrings) } : {}),
    extensions: [...new Set(model.extensions)].sort(compareStrings),
    enums: model.enums.map(normalizeEnum).sort(byQualifiedName),
    tables: model.tables.map(normalizeTable).sort(byQualifiedName),
    // Absent rather than empty, so models (and generated files) without views read as before views existed.
    views: model.views?.length ? model.views.map(normalizeView).sort(byQualifiedName) : undefined,
    notManaged: model.notManaged?.length ? normalizeNotManaged(model.notManaged) : undefined,
    sequences: model.sequences?.length ? model.sequences.map(normalizeSequence).sort(byQualifiedName) : undefined,
    schemaComments: normalizeSchemaComments(model.schemaComments),
  });
}

/** Schema comments keyed in sorted order, empty comments left out; undefined when none. */
function normalizeSchemaComments(comments: Model['schemaComments']): Model['schemaComments'] {
  if (!comments) return undefined;
  const entries = Object.entries(comments)
    .filter(([, comment]) => comment !== undefined && comment !== '')
    .sort(([a], [b]) => compareStrings(a, b));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** One entry per schema and kind, sorted by schema (database-wide first) then kind, names sorted; none empty. */
/** Entries of one schema and kind merged, names sorted and unique, sorted by schema then kind; undefined when empty. */
export function normalizeNotManaged(entries: readonly NotManaged[]): NotManaged[] | undefined {
  const merged = new Map<string, NotManaged>();
  for (const entry of entries) {
    const key = `${entry.schema ?? ''}\u0000${entry.kind}`;
    const names = [...(merged.get(key)?.names ?? []), ...entry.names];
    merged.set(key, compact({ schema: entry.schema, kind: entry.kind, names }));
  }
  const out = [...merged]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, entry]) => ({ ...entry, names: [...new Set(entry.names)].sort(compareStrings) }))
    .filter((entry) => entry.names.length > 0);
  return out.length > 0 ? out : undefined;
}

/** Deterministic JSON (two-space indent, trailing newline) of a normalised model or model document. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
