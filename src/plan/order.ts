import type { Change, ChangeKind, ChangeOf } from '../diff/changes';
import { qualifiedKey, referencedTableKey, type ForeignKey } from '../model';
import {
  columnsOf,
  enumsReleasedBy,
  enumsUsedBy,
  objectNameOf,
  sequenceOwnerTables,
  sequencesReleasedBy,
  sequencesUsedBy,
  tableOf,
} from '../diff/change-facts';
import { factsOf } from '../diff/change-kinds';
import { DependencyCycleError, topologicalSort, type SortNode } from './graph';
import { viewEdges } from './view-order';

const ADDS = new Set<ChangeKind>([
  'primaryKey.add',
  'foreignKey.add',
  'unique.add',
  'check.add',
  'exclusion.add',
  'index.create',
]);
const DROPS = new Set<ChangeKind>([
  'primaryKey.drop',
  'foreignKey.drop',
  'unique.drop',
  'check.drop',
  'exclusion.drop',
  'index.drop',
]);
const RENAMES = new Set<ChangeKind>(['constraint.rename', 'index.rename']);
const KEY_ADDS = new Set<ChangeKind>(['primaryKey.add', 'unique.add', 'index.create']);
const KEY_DROPS = new Set<ChangeKind>(['primaryKey.drop', 'unique.drop', 'index.drop']);

const tableKeyOf = (change: Change): string => {
  const table = tableOf(change);
  return table ? qualifiedKey(table) : '';
};

/** The schema a change creates its object in, if it creates a table or an enum type. */
function schemaCreatedIn(change: Change): string | undefined {
  if (change.kind === 'table.create') return change.table.schema;
  if (change.kind === 'enum.create') return change.enum.schema;
  if (change.kind === 'sequence.create') return change.sequence.schema;
  if (change.kind === 'extension.create') return change.schema;
  return undefined;
}

/** The schema the object a change acts on lives in (a table's, an enum type's, a view's, an extension's). */
function schemaActedIn(change: Change): string | undefined {
  const table = tableOf(change);
  if (table) return table.schema;
  switch (change.kind) {
    case 'enum.create':
    case 'enum.drop':
    case 'enum.value.add':
    case 'enum.value.rename':
      return change.enum.schema;
    case 'enum.rename':
    case 'enum.recreate':
      return change.from.schema;
    case 'view.create':
    case 'view.drop':
      return change.view.schema;
    case 'extension.drop':
      return change.schema;
    case 'sequence.create':
    case 'sequence.drop':
      return change.sequence.schema;
    case 'sequence.alter':
      return change.from.schema;
    default:
      return undefined;
  }
}

/** Kinds an extension is dropped after: every change but those on schemas and extensions themselves. */
const usesExtensions = (change: Change): boolean =>
  !change.kind.startsWith('schema.') && !change.kind.startsWith('extension.');

/** The enum type (qualified key) a change creates or changes, so that columns using it come after. */
function enumProvidedBy(change: Change): string | undefined {
  switch (change.kind) {
    case 'enum.create':
      return qualifiedKey(change.enum);
    case 'enum.value.add':
    case 'enum.value.rename':
      return qualifiedKey(change.enum);
    case 'enum.rename':
    case 'enum.recreate':
      return qualifiedKey(change.to);
    default:
      return undefined;
  }
}

/** Whether `x` must run before `y` because of an enum rename or swap (renames first, swaps between table changes). */
function enumMustPrecede(x: Change, y: Change): boolean {
  const renamed = (c: Change) => (c.kind === 'enum.rename' ? qualifiedKey(c.to) : undefined);
  const onType = (c: Change) =>
    c.kind === 'enum.value.add' || c.kind === 'enum.value.rename'
      ? qualifiedKey(c.enum)
      : c.kind === 'enum.recreate'
        ? qualifiedKey(c.from)
        : undefined;
  // A type is renamed before its labels change; a label is renamed before labels are added next to it or the type is swapped.
  if (renamed(x) !== undefined && renamed(x) === onType(y)) return true;
  if (
    x.kind === 'enum.value.rename' &&
    (y.kind === 'enum.value.add' || y.kind === 'enum.recreate') &&
    onType(x) === onType(y)
  )
    return true;
  // A label is added before the labels that go right before it (`ADD VALUE 'b' BEFORE 'c'` needs 'c').
  if (x.kind === 'enum.value.add' && y.kind === 'enum.value.add' && onType(x) === onType(y) && y.before === x.value)
    return true;
  // A name is freed (dropped, renamed away) before it is taken.
  if (x.kind === 'enum.drop' && renamed(y) === qualifiedKey(x.enum)) return true;
  if (x.kind === 'enum.rename' && y.kind === 'enum.create' && qualifiedKey(x.from) === qualifiedKey(y.enum))
    return true;
  // A swap comes after the columns that stop using the type, and after constraints on converted tables are dropped;
  // the constraints that come back are added after it.
  if (y.kind === 'enum.recreate') {
    const key = qualifiedKey(y.from);
    if (enumsReleasedBy(x).includes(key) && !enumsUsedBy(x).includes(key)) return true;
    if (DROPS.has(x.kind) && swappedTables(y).includes(tableKeyOf(x))) return true;
  }
  if (x.kind === 'enum.recreate' && ADDS.has(y.kind) && swappedTables(x).includes(tableKeyOf(y))) return true;
  return false;
}

const swappedTables = (change: ChangeOf<'enum.recreate'>): string[] => change.columns.map((c) => qualifiedKey(c.table));

export interface Indexed {
  readonly change: Change;
  readonly i: number;
  readonly table: string;
}

/** Whether `a` must run before `b`, from what each creates, uses and removes. Pure; see `candidatePairs`. */
export function mustPrecede(a: Indexed, b: Indexed): boolean {
  const x = a.change;
  const y = b.change;
  const intersects = (p: readonly string[], q: readonly string[]) => p.some((v) => q.includes(v));
  // Schemas exist before the tables and enum types created in them.
  if (x.kind === 'schema.create' && schemaCreatedIn(y) === x.name) return true;
  // A schema is dropped (RESTRICT) after everything in it; an extension after everything that may use it.
  if (y.kind === 'schema.drop' && x.kind !== 'schema.drop' && schemaActedIn(x) === y.name) return true;
  if (y.kind === 'extension.drop' && usesExtensions(x)) return true;
  // Enum types exist (under their new name, with their labels) before use, and are dropped after their last use.
  const provided = enumProvidedBy(x);
  if (provided !== undefined && enumsUsedBy(y).includes(provided)) return true;
  if (y.kind === 'enum.drop' && enumsReleasedBy(x).includes(qualifiedKey(y.enum))) return true;
  if (enumMustPrecede(x, y)) return true;
  if (sequenceMustPrecede(a, b)) return true;
  // Tables exist before foreign keys point at them or live on them.
  if (x.kind === 'table.create' && y.kind === 'foreignKey.add') {
    if (referencedTableKey(y.foreignKey) === a.table || b.table === a.table) return true;
  }
  // Referencing foreign keys go before the table they reference is dropped.
  if (y.kind === 'table.drop' && x.kind === 'foreignKey.drop' && referencedTableKey(x.foreignKey) === b.table)
    return true;
  // A foreign key needs the referenced key first; dropping that key needs the foreign key gone first.
  if (y.kind === 'foreignKey.add' && KEY_ADDS.has(x.kind) && referencedTableKey(y.foreignKey) === a.table) return true;
  if (
    x.kind === 'foreignKey.drop' &&
    (KEY_DROPS.has(y.kind) || y.kind === 'column.alter' || y.kind === 'column.drop')
  ) {
    if (referencedTableKey(x.foreignKey) === b.table) return true;
  }
  // A dropped table's foreign keys go with it, so it is dropped before the keys they reference go, and before the
  // columns they reference are dropped or changed (other changes of that table need not wait).
  if (x.kind === 'table.drop' && a.table !== b.table) {
    const column = y.kind === 'column.drop' ? y.column.name : y.kind === 'column.alter' ? y.from.name : undefined;
    const references = (fk: ForeignKey) =>
      referencedTableKey(fk) === b.table &&
      (KEY_DROPS.has(y.kind) || (column !== undefined && fk.referencedColumns.includes(column)));
    if (x.table.foreignKeys.some(references)) return true;
  }
  // A renamed table or column is renamed before anything uses its new name: every change on that table, and
  // foreign keys of other tables pointing at it.
  if (x.kind === 'table.rename' || x.kind === 'column.rename') {
    const onTable =
      a.table === b.table && y.kind !== 'table.rename' && !(x.kind === 'column.rename' && y.kind === 'column.rename');
    const referencing =
      y.kind === 'foreignKey.add' &&
      referencedTableKey(y.foreignKey) === a.table &&
      (x.kind === 'table.rename' || y.foreignKey.referencedColumns.includes(x.to));
    if (onTable || referencing) return true;
  }
  // A name is freed before a rename reuses it.
  if (DROPS.has(x.kind) && RENAMES.has(y.kind) && a.table === b.table && objectNameOf(x) === objectNameOf(y))
    return true;
  if (a.table !== b.table || a.table === '') return false;
  // Same table: columns exist before constraints use them; constraints go before their columns change or go.
  if (
    (x.kind === 'column.add' || x.kind === 'column.alter') &&
    ADDS.has(y.kind) &&
    intersects(columnsOf(x), columnsOf(y))
  )
    return true;
  if (
    DROPS.has(x.kind) &&
    (y.kind === 'column.drop' || y.kind === 'column.alter') &&
    intersects(columnsOf(x), columnsOf(y))
  ) {
    return true;
  }
  // The same name is freed before it is reused.
  if (DROPS.has(x.kind) && ADDS.has(y.kind) && objectNameOf(x) === objectNameOf(y)) return true;
  return x.kind === 'primaryKey.drop' && y.kind === 'primaryKey.add';
}

/** The standalone sequence a change creates, changes or drops. */
function sequenceOf(change: Change): string | undefined {
  if (change.kind === 'sequence.create' || change.kind === 'sequence.drop') return qualifiedKey(change.sequence);
  if (change.kind === 'sequence.alter') return qualifiedKey(change.to);
  return undefined;
}

/** Changes that make a table or one of its columns exist under the name an owner (`OWNED BY`) gives. */
const MAKES_OWNER = new Set<ChangeKind>(['table.create', 'table.rename', 'column.add', 'column.rename']);

/**
 * Sequences: created before the defaults that call them and before they are altered; owned (`OWNED BY`) once the
 * owning table and column exist, and given up by a column before it changes or it or its table is dropped; dropped
 * after the last default calling them is gone.
 */
function sequenceMustPrecede(a: Indexed, b: Indexed): boolean {
  const x = a.change;
  const y = b.change;
  if (x.kind === 'sequence.create') {
    const key = qualifiedKey(x.sequence);
    if (sequencesUsedBy(y).includes(key) || (y.kind === 'sequence.alter' && sequenceOf(y) === key)) return true;
  }
  if (y.kind === 'sequence.drop' && sequencesReleasedBy(x).includes(qualifiedKey(y.sequence))) return true;
  if (y.kind === 'sequence.alter' && MAKES_OWNER.has(x.kind) && sequenceOwnerTables(y).to === a.table) return true;
  // Before the old owner's column changes too: a serial column that stops being one drops the sequence it owns.
  if (
    x.kind === 'sequence.alter' &&
    (y.kind === 'table.drop' || y.kind === 'column.drop' || y.kind === 'column.alter')
  ) {
    if (sequenceOwnerTables(x).from === b.table) return true;
  }
  return false;
}

/** Sequences (qualified keys) a change creates, changes, drops, uses or releases. */
function sequenceKeysOf(change: Change): string[] {
  const own = sequenceOf(change);
  return [...sequencesUsedBy(change), ...sequencesReleasedBy(change), ...(own === undefined ? [] : [own])];
}

/** Enum types (qualified keys) a change creates, changes, uses or releases. */
function enumKeysOf(change: Change): string[] {
  const keys = [...enumsUsedBy(change), ...enumsReleasedBy(change)];
  const provided = enumProvidedBy(change);
  if (provided !== undefined) keys.push(provided);
  if (change.kind === 'enum.drop') keys.push(qualifiedKey(change.enum));
  if (change.kind === 'enum.rename' || change.kind === 'enum.recreate') keys.push(qualifiedKey(change.from));
  return keys;
}

const isEnumKind = (change: Change): boolean => change.kind.startsWith('enum.');

/**
 * The unordered pairs `mustPrecede` can relate, found through indexes instead of comparing every pair, so ordering
 * stays near-linear on big plans: changes of one table; a foreign key change, or a dropped table's foreign keys,
 * with the changes of the table it references; an enum change with the changes using its type (and, for a swap, the
 * changes of the converted tables); a created schema with what is created in it; a dropped schema with what acts in
 * it; a dropped extension with every change; a sequence change with the changes whose defaults call the sequence,
 * and with the changes of the tables owning it. Every edge `mustPrecede` can give lies in one of these.
 */
export function candidatePairs(indexed: readonly Indexed[]): [Indexed, Indexed][] {
  const push = <K>(map: Map<K, Indexed[]>, key: K, item: Indexed) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  const byTable = new Map<string, Indexed[]>();
  const byEnum = new Map<string, Indexed[]>();
  const bySchema = new Map<string, Indexed[]>();
  const actedIn = new Map<string, Indexed[]>();
  const bySequence = new Map<string, Indexed[]>();
  for (const item of indexed) {
    const inSchema = schemaActedIn(item.change);
    if (inSchema !== undefined) push(actedIn, inSchema, item);
    if (item.table) push(byTable, item.table, item);
    for (const key of new Set(sequenceKeysOf(item.change))) push(bySequence, key, item);
    for (const key of new Set(enumKeysOf(item.change))) push(byEnum, key, item);
    const schema = schemaCreatedIn(item.change);
    if (schema !== undefined) push(bySchema, schema, item);
  }
  const pairs = new Map<string, [Indexed, Indexed]>();
  const add = (a: Indexed, b: Indexed) => {
    if (a.i === b.i) return;
    const [p, q] = a.i < b.i ? [a, b] : [b, a];
    pairs.set(`${p.i},${q.i}`, [p, q]);
  };
  for (const list of byTable.values()) for (const a of list) for (const b of list) if (a.i < b.i) add(a, b);
  for (const a of indexed) {
    const x = a.change;
    if (x.kind === 'foreignKey.add' || x.kind === 'foreignKey.drop') {
      for (const b of byTable.get(referencedTableKey(x.foreignKey)) ?? []) add(a, b);
    }
    if (x.kind === 'table.drop') {
      for (const fk of x.table.foreignKeys) for (const b of byTable.get(referencedTableKey(fk)) ?? []) add(a, b);
    }
    if (isEnumKind(x)) {
      for (const key of new Set(enumKeysOf(x))) for (const b of byEnum.get(key) ?? []) add(a, b);
      if (x.kind === 'enum.recreate')
        for (const table of swappedTables(x)) for (const b of byTable.get(table) ?? []) add(a, b);
    }
    if (x.kind === 'schema.create') for (const b of bySchema.get(x.name) ?? []) add(a, b);
    if (x.kind === 'schema.drop') for (const b of actedIn.get(x.name) ?? []) add(a, b);
    if (x.kind === 'extension.drop') for (const b of indexed) add(a, b);
    const sequence = sequenceOf(x);
    if (sequence !== undefined) for (const b of bySequence.get(sequence) ?? []) add(a, b);
    const owners = sequenceOwnerTables(x);
    for (const owner of new Set([owners.from, owners.to]))
      if (owner !== undefined) for (const b of byTable.get(owner) ?? []) add(a, b);
  }
  return [...pairs.values()];
}

/** Edges `[before, after]` between change indexes, from what each change creates, uses and removes. */
export function dependencyEdges(changes: readonly Change[]): [number, number][] {
  const indexed = changes.map((change, i): Indexed => ({ change, i, table: tableKeyOf(change) }));
  const edges: [number, number][] = [];
  for (const [a, b] of candidatePairs(indexed)) {
    if (mustPrecede(a, b)) edges.push([a.i, b.i]);
    if (mustPrecede(b, a)) edges.push([b.i, a.i]);
  }
  edges.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return [...edges, ...viewEdges(changes)];
}

/**
 * Orderings that hold whenever they can but give way when they would form a cycle:
 * - a created table whose inline foreign keys (SQLite) point at another created table comes after it;
 * - a dropped table that references another dropped table goes first. Where foreign keys are enforced during the
 *   drop (PostgreSQL) the diff has already dropped the foreign keys that close a cycle, so this never gives way there;
 *   SQLite applies with enforcement off, where the order does not matter.
 */
export function preferenceEdges(changes: readonly Change[]): [number, number][] {
  const created = new Map<string, number>();
  const dropped = new Map<string, number>();
  const droppedForeignKeys = new Set<string>();
  changes.forEach((change, i) => {
    if (change.kind === 'table.create') created.set(qualifiedKey(change.table), i);
    if (change.kind === 'table.drop') dropped.set(qualifiedKey(change.table), i);
    if (change.kind === 'foreignKey.drop')
      droppedForeignKeys.add(`${qualifiedKey(change.table)}/${change.foreignKey.name}`);
  });
  const edges: [number, number][] = [];
  changes.forEach((change, i) => {
    if (change.kind === 'table.create') {
      for (const fk of change.table.foreignKeys) {
        const parent = created.get(referencedTableKey(fk));
        if (parent !== undefined && parent !== i) edges.push([parent, i]);
      }
    }
    if (change.kind === 'table.drop') {
      for (const fk of change.table.foreignKeys) {
        const parent = dropped.get(referencedTableKey(fk));
        if (parent === undefined || parent === i) continue;
        if (!droppedForeignKeys.has(`${qualifiedKey(change.table)}/${fk.name}`)) edges.push([i, parent]);
      }
    }
  });
  return edges;
}

/** Orders changes so every dependency runs first; ties follow the kind's rank (change-kinds.ts), then table, then object name. */
export function orderChanges(changes: readonly Change[]): Change[] {
  const nodes: SortNode[] = changes.map((change, id) => ({
    id,
    priority: [factsOf(change.kind).rank, tableKeyOf(change), objectNameOf(change)],
    label: [change.kind, tableKeyOf(change), objectNameOf(change)]
      .filter((part, i, all) => part && all.indexOf(part) === i)
      .join(' '),
  }));
  const required = dependencyEdges(changes);
  try {
    return topologicalSort(nodes, [...required, ...preferenceEdges(changes)]).map((id) => changes[id]!);
  } catch (error) {
    if (!(error instanceof DependencyCycleError)) throw error;
    return topologicalSort(nodes, required).map((id) => changes[id]!);
  }
}
