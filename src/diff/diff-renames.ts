/**
 * Renames of tables and columns: declared ones are applied, look-alike drop + add pairs become questions.
 *
 * Declared renames (`@RenamedFrom`, `schema/renames.json`) apply only while they are pending: `from` exists in the
 * current model, `to` does not, and `to` is in the target. After apply the declaration is inert, so it can stay in the
 * code. The current model is rewritten as if the renames had run (names, and every key and foreign key that lists
 * them); the ordinary diff then compares that against the target, so a renamed column whose type changed is a rename
 * and an alter.
 *
 * Renames are never guessed. Without a declaration, a dropped and an added object that look alike are a `Decision`
 * (see `findLookAlikes` for the heuristic) and the drop and the add of both are withheld from the plan until the user
 * answers; a pair declared `rename: false` is a drop and an add, without question.
 */
import type { Model, QualifiedName, Renames, Table } from '../model';
import type { Decision, EntityNames } from '../model';
import { compareStrings, normalizeModel, qualifiedKey, referencedTableKey, tableKey } from '../model';
import type { Change } from './changes';
import { columnsOf, tableOf } from './change-facts';
import { pairByKey } from './compare-named';
import { columnLikeness, tableLikeness } from './rename-likeness';

export type { EntityNames } from '../model';

export interface DeclaredRenames {
  /** The current model with the pending renames applied: what every other change starts from. */
  readonly from: Model;
  /** `table.rename` and `column.rename` changes. */
  readonly changes: readonly Change[];
  /** Target keys of the tables renamed or with renamed columns: their constraints and indexes are paired by definition. */
  readonly touched: ReadonlySet<string>;
}

const ref = (table: QualifiedName): QualifiedName => ({ schema: table.schema, name: table.name });

export function applyDeclaredRenames(from: Model, to: Model, renames: Renames): DeclaredRenames {
  const current = new Map(from.tables.map((t) => [tableKey(t), t]));
  const target = new Map(to.tables.map((t) => [tableKey(t), t]));
  const changes: Change[] = [];

  // Tables: old key -> new name.
  const tableNames = new Map<string, QualifiedName>();
  const claimed = new Set<string>();
  for (const r of renames.tables) {
    const [fromKey, toKey] = [qualifiedKey(r.from), qualifiedKey(r.to)];
    if (!r.rename || !current.has(fromKey) || current.has(toKey) || !target.has(toKey) || claimed.has(toKey)) continue;
    claimed.add(toKey);
    tableNames.set(fromKey, ref(target.get(toKey)!));
    changes.push({
      kind: 'table.rename',
      from: ref(current.get(fromKey)!),
      to: ref(target.get(toKey)!),
      table: current.get(fromKey)!,
      reason: `table ${fromKey} is renamed to ${toKey} (declared by ${r.source})`,
    });
  }
  const newKey = (key: string): string => {
    const renamed = tableNames.get(key);
    return renamed ? qualifiedKey(renamed) : key;
  };

  // Columns: new table key -> old column -> new column.
  const columnNames = new Map<string, Map<string, string>>();
  const byNewKey = new Map([...current.entries()].map(([key, table]) => [newKey(key), table]));
  for (const r of renames.columns) {
    const key = qualifiedKey(r.table);
    const table = byNewKey.get(key);
    const wanted = target.get(key);
    if (!r.rename || !table || !wanted) continue;
    const has = (t: Table, name: string) => t.columns.some((c) => c.name === name);
    const map = columnNames.get(key) ?? new Map<string, string>();
    if (!has(table, r.from) || has(table, r.to) || !has(wanted, r.to) || [...map.values()].includes(r.to)) continue;
    map.set(r.from, r.to);
    columnNames.set(key, map);
    changes.push({
      kind: 'column.rename',
      table: ref(wanted),
      from: r.from,
      to: r.to,
      column: table.columns.find((c) => c.name === r.from)!,
      reason: `column ${key}.${r.from} is renamed to ${r.to} (declared by ${r.source})`,
    });
  }

  if (changes.length === 0) return { from, changes, touched: new Set() };
  const column = (key: string) => (name: string) => columnNames.get(key)?.get(name) ?? name;
  const tables = from.tables.map((table): Table => {
    const key = newKey(tableKey(table));
    const name = tableNames.get(tableKey(table)) ?? ref(table);
    const own = column(key);
    return {
      ...table,
      schema: name.schema,
      name: name.name,
      columns: table.columns.map((c) => ({ ...c, name: own(c.name) })),
      primaryKey: table.primaryKey && { ...table.primaryKey, columns: table.primaryKey.columns.map(own) },
      uniques: table.uniques.map((u) => ({ ...u, columns: u.columns.map(own) })),
      // Column keys (with their order, operator class or collation) and INCLUDE columns follow the renamed columns too.
      indexes: table.indexes.map((i) => ({
        ...i,
        columns: i.columns.map(own),
        keys: i.keys?.map((k) => ('column' in k ? { ...k, column: own(k.column) } : k)),
        include: i.include?.map(own),
      })),
      foreignKeys: table.foreignKeys.map((fk) => {
        const referenced = newKey(referencedTableKey(fk));
        const renamed = tableNames.get(referencedTableKey(fk));
        return {
          ...fk,
          columns: fk.columns.map(own),
          ...(renamed ? { referencedSchema: renamed.schema, referencedTable: renamed.name } : {}),
          referencedColumns: fk.referencedColumns.map(column(referenced)),
        };
      }),
    };
  });
  // A sequence owned by a renamed table or column follows it (`SET SCHEMA` moves the table's owned sequences too).
  const sequences = from.sequences?.map((sequence) => {
    if (!sequence.ownedBy) return sequence;
    const ownerKey = qualifiedKey({ schema: sequence.schema, name: sequence.ownedBy.table });
    const owner = tableNames.get(ownerKey) ?? { schema: sequence.schema, name: sequence.ownedBy.table };
    return {
      ...sequence,
      schema: owner.schema,
      ownedBy: { table: owner.name, column: column(newKey(ownerKey))(sequence.ownedBy.column) },
    };
  });
  const touched = new Set([...[...tableNames.values()].map(qualifiedKey), ...columnNames.keys()]);
  return { from: normalizeModel({ ...from, tables, ...(sequences ? { sequences } : {}) }), changes, touched };
}

/** A dropped/added pair the user has to confirm, and what the plan leaves out until then. */
export interface LookAlikes {
  readonly decisions: readonly Decision[];
  /** Table keys on either side whose drop or creation is withheld. */
  readonly tables: ReadonlySet<string>;
  /** `<table key>` -> column names (either side) whose drop or add is withheld. */
  readonly columns: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The heuristic, deterministic, asking only about pairs that plausibly are one object renamed (see
 * rename-likeness.ts: names and definitions are weighed, so unrelated pairs of the same type are not asked about):
 * - a dropped and an added table look alike when they share most of their columns (`tableLikeness`);
 * - in a table that is kept, a dropped and an added column look alike when their base types are the same and their
 *   names or definitions are alike enough (`columnLikeness`).
 * Pairs are taken best first (ties: by dropped, then added, in table or column order); each object is in at most one
 * question. Pairs declared `rename: false` are never asked about.
 */
export function findLookAlikes(from: Model, to: Model, renames: Renames, names: EntityNames | undefined): LookAlikes {
  const decisions: Decision[] = [];
  const tables = new Set<string>();
  const columns = new Map<string, Set<string>>();
  const delta = pairByKey(from.tables, to.tables, tableKey);

  const declined = new Set(
    renames.tables.filter((r) => !r.rename).map((r) => `${qualifiedKey(r.from)} -> ${qualifiedKey(r.to)}`),
  );
  const candidates = delta.dropped
    .flatMap((a) => delta.added.map((b) => ({ a, b, likeness: tableLikeness(a, b) })))
    .filter(({ a, b, likeness }) => likeness.plausible && !declined.has(`${tableKey(a)} -> ${tableKey(b)}`))
    .sort(
      (x, y) =>
        y.likeness.score - x.likeness.score ||
        compareStrings(tableKey(x.a), tableKey(y.a)) ||
        compareStrings(tableKey(x.b), tableKey(y.b)),
    );
  for (const { a, b } of candidates) {
    const [fromKey, toKey] = [tableKey(a), tableKey(b)];
    if (tables.has(fromKey) || tables.has(toKey)) continue;
    tables.add(fromKey);
    tables.add(toKey);
    const previous = a.schema === b.schema ? a.name : fromKey;
    decisions.push({
      code: 'RENAME_OR_DROP',
      object: 'table',
      from: fromKey,
      to: toKey,
      question: `Is table ${toKey} renamed from ${fromKey}?`,
      entry: { section: 'tables', value: { from: fromKey, to: toKey } },
      decorator: `@RenamedFrom(${quoteTs(previous)}) on ${names?.tables[toKey] ? `class ${names.tables[toKey]}` : `the entity of ${toKey}`}`,
    });
  }

  const declinedColumns = new Set(
    renames.columns.filter((r) => !r.rename).map((r) => `${qualifiedKey(r.table)}.${r.from} -> ${r.to}`),
  );
  for (const { from: a, to: b } of delta.kept) {
    const key = tableKey(b);
    const added = b.columns.filter((c) => !a.columns.some((d) => d.name === c.name));
    const dropped = a.columns.filter((c) => !b.columns.some((d) => d.name === c.name));
    const pairs = dropped
      .flatMap((old, i) => added.map((match, j) => ({ old, match, i, j, likeness: columnLikeness(old, match) })))
      .filter(
        ({ old, match, likeness }) => likeness.plausible && !declinedColumns.has(`${key}.${old.name} -> ${match.name}`),
      )
      .sort((x, y) => y.likeness.score - x.likeness.score || x.i - y.i || x.j - y.j);
    const taken = new Set<string>();
    for (const { old, match } of pairs) {
      if (taken.has(`-${old.name}`) || taken.has(`+${match.name}`)) continue;
      taken.add(`-${old.name}`).add(`+${match.name}`);
      const set = columns.get(key) ?? new Set<string>();
      set.add(old.name).add(match.name);
      columns.set(key, set);
      const property = names?.columns[`${key}.${match.name}`];
      decisions.push({
        code: 'RENAME_OR_DROP',
        object: 'column',
        from: `${key}.${old.name}`,
        to: `${key}.${match.name}`,
        question: `Is column ${key}.${match.name} renamed from ${key}.${old.name}?`,
        entry: { section: 'columns', value: { table: key, from: old.name, to: match.name } },
        decorator: `@RenamedFrom(${quoteTs(old.name)}) on ${property ?? `the property of ${key}.${match.name}`}`,
      });
    }
  }
  return { decisions, tables, columns };
}

/** A TypeScript string literal in single quotes. */
function quoteTs(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Leaves out the changes that drop or create the objects of an open question, and those that only follow from them. */
export function withholdLookAlikes(changes: readonly Change[], lookAlikes: LookAlikes): Change[] {
  if (lookAlikes.decisions.length === 0) return [...changes];
  const { tables, columns } = lookAlikes;
  return changes.filter((change) => {
    const table = tableOf(change);
    const key = table ? qualifiedKey(table) : '';
    if (tables.has(key)) return false;
    if (change.kind === 'foreignKey.add' || change.kind === 'foreignKey.drop') {
      const referenced = referencedTableKey(change.foreignKey);
      if (tables.has(referenced)) return false;
      const held = columns.get(referenced);
      if (held && change.foreignKey.referencedColumns.some((c) => held.has(c))) return false;
    }
    const held = columns.get(key);
    return !held || !columnsOf(change).some((c) => held.has(c));
  });
}
