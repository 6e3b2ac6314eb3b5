/**
 * A universe (universe.ts) as a fuzz case: the two models, the rows of A, and what the plan is expected to do to the
 * values (type conversions, enum labels mapped by declaration). Everything the drawing could make inconsistent is
 * resolved here, always the same way, so every case is a valid pair of schemas with rows that satisfy the
 * constraints of both sides (see RELIABILITY.md, "Convergence fuzzing", for what the generator leaves out and why).
 */
import type {
  Column,
  DialectName,
  EnumType,
  EnumValueRename,
  ForeignKey,
  Index,
  Model,
  ReferentialAction,
  Renames,
  Table,
} from '../../src/model';
import { catalogue, fuzzType, type FuzzType } from './catalog';
import type { UForeignKey, Universe, UTable } from './universe';

export type Value = string | null;
export type Row = Readonly<Record<string, Value>>;

/** A column whose values the plan converts: A's type id -> B's (`enum:<name>` for an enum). */
export interface ConvertedColumn {
  readonly table: string;
  readonly column: string;
  readonly from: string;
  readonly to: string;
}

/** Rows holding `from` in `table.column` hold `to` after the plan (a removed label mapped by declaration). */
export interface MappedLabel {
  readonly table: string;
  readonly column: string;
  readonly from: string;
  readonly to: string;
}

export interface FuzzCase {
  readonly dialect: DialectName;
  readonly from: Model;
  readonly to: Model;
  /** The declarations a user would write: enum labels removed in B that rows may hold, mapped onto a kept label. */
  readonly renames: Renames;
  /** A's rows by table, values as text literals (NULL as null), inserted in this order. */
  readonly rows: Readonly<Record<string, readonly Row[]>>;
  readonly converted: readonly ConvertedColumn[];
  readonly mapped: readonly MappedLabel[];
}

type Side = 0 | 1;
const SIDES: readonly Side[] = [0, 1];
const ACTIONS: readonly ReferentialAction[] = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'];
/** `UForeignKey.deferrable` 1 and 2. */
const DEFERRABLE = ['INITIALLY DEFERRED', 'INITIALLY IMMEDIATE'] as const;
const ID_TYPES: Readonly<Record<DialectName, readonly string[]>> = {
  postgres: ['int4', 'int8', 'text', 'uuid', 'varchar32'],
  sqlite: ['integer', 'text', 'varchar32'],
};
/** What an enum column becomes when its conversion is drawn. */
const ENUM_TARGET = 'text';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const present = (side: Side, thing: { inA: boolean; inB: boolean }) => (side === 0 ? thing.inA : thing.inB);

/** A small deterministic generator (mulberry32), so rows follow from the universe's seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ResolvedEnum {
  readonly name: string;
  /** Labels per side, in order. */
  readonly labels: readonly [readonly string[], readonly string[]];
  /** Labels of A that B removes and rows may hold, each mapped onto the first label (kept on both sides). */
  readonly mapped: ReadonlyMap<string, string>;
  /** Labels of A that B removes without a declaration: no row holds them. */
  readonly unheld: ReadonlySet<string>;
}

function resolveEnums(universe: Universe): ResolvedEnum[] {
  return universe.enums.map((type, e) => {
    // The first label is kept on both sides: an enum always has a label, and mapped labels have one to go to.
    const labels = type.labels.map((label, j) => (j === 0 ? { ...label, inA: true, inB: true } : label));
    const inA = labels.flatMap((label, j) => (label.inA ? [`l${j}`] : []));
    const inB = labels.flatMap((label, j) => (label.inA && label.inB ? [`l${j}`] : []));
    labels.forEach((label, j) => {
      if (!label.inA && label.inB) inB.splice(label.position % (inB.length + 1), 0, `l${j}`);
    });
    const removed = labels.flatMap((label, j) =>
      label.inA && !label.inB ? [{ name: `l${j}`, mapped: label.mapped }] : [],
    );
    return {
      name: `e${e}`,
      labels: [inA, inB],
      mapped: new Map(removed.filter((r) => r.mapped).map((r) => [r.name, 'l0'])),
      unheld: new Set(removed.filter((r) => !r.mapped).map((r) => r.name)),
    };
  });
}

/** A column's type on each side: a catalogue type or an enum. */
type ColumnType =
  { readonly kind: 'plain'; readonly type: FuzzType } | { readonly kind: 'enum'; readonly enum: ResolvedEnum };

const typeId = (t: ColumnType) => (t.kind === 'plain' ? t.type.id : `enum:${t.enum.name}`);
const distinct = (t: ColumnType) => t.kind === 'plain' && t.type.distinct;
const numeric = (t: ColumnType) => t.kind === 'plain' && t.type.numeric;

interface ResolvedColumn {
  readonly name: string;
  readonly inA: boolean;
  readonly inB: boolean;
  readonly types: readonly [ColumnType, ColumnType];
  readonly nullable: readonly [boolean, boolean];
  readonly defaults: readonly [number, number];
  readonly unique: readonly [boolean, boolean];
  readonly deferrable?: readonly [boolean, boolean];
  readonly check: readonly [boolean, boolean];
  readonly comment?: readonly [boolean, boolean];
  /** Foreign key column: values come from the parent's ids. */
  readonly foreignKey?: { readonly parent: number; readonly spec: UForeignKey; readonly index: number };
}

function columnTypes(
  dialect: DialectName,
  types: readonly FuzzType[],
  enums: readonly ResolvedEnum[],
  type: number,
  conversion: number,
): [ColumnType, ColumnType] {
  const slot = type % (types.length + enums.length);
  if (slot >= types.length) {
    const a: ColumnType = { kind: 'enum', enum: enums[slot - types.length]! };
    return [a, conversion === 0 ? a : { kind: 'plain', type: fuzzType(dialect, ENUM_TARGET) }];
  }
  const a = types[slot]!;
  const options = a.conversions;
  const b =
    conversion === 0 || options.length === 0 ? a : fuzzType(dialect, options[(conversion - 1) % options.length]!.to);
  return [
    { kind: 'plain', type: a },
    { kind: 'plain', type: b },
  ];
}

/** The column has a default on that side (a type without defaults, such as SQLite's blob, never has one). */
function hasDefault(c: ResolvedColumn, side: Side): boolean {
  const type = c.types[side];
  return !c.foreignKey && c.defaults[side] >= 0 && (type.kind === 'enum' || type.type.defaults.length > 0);
}

function resolveColumns(
  dialect: DialectName,
  universe: Universe,
  t: number,
  enums: readonly ResolvedEnum[],
): ResolvedColumn[] {
  const table = universe.tables[t]!;
  const types = catalogue(dialect);
  const idType: ColumnType = {
    kind: 'plain',
    type: fuzzType(dialect, ID_TYPES[dialect][table.idType % ID_TYPES[dialect].length]!),
  };
  const keyType: ColumnType = { kind: 'plain', type: fuzzType(dialect, dialect === 'postgres' ? 'int4' : 'integer') };
  const fixed = (name: string, type: ColumnType): ResolvedColumn => ({
    name,
    inA: true,
    inB: true,
    types: [type, type],
    nullable: [false, false],
    defaults: [-1, -1],
    unique: [false, false],
    check: [false, false],
  });
  const plain = table.columns.map((u, j): ResolvedColumn => ({
    name: `c${j}`,
    inA: u.inA,
    inB: u.inB,
    types: columnTypes(dialect, types, enums, u.type, u.conversion),
    nullable: u.nullable,
    defaults: u.defaults,
    unique: u.unique,
    deferrable: u.deferrable,
    check: u.check,
    comment: u.comment,
  }));
  const foreign = table.foreignKeys.map((fk, n): ResolvedColumn => {
    const parent = fk.parent % (t + 1);
    const parentId = fuzzType(dialect, ID_TYPES[dialect][universe.tables[parent]!.idType % ID_TYPES[dialect].length]!);
    const type: ColumnType = { kind: 'plain', type: parentId };
    return {
      name: `f${n}`,
      inA: fk.columnInA,
      inB: fk.columnInB,
      types: [type, type],
      nullable: [fk.nullable, fk.nullable],
      defaults: [-1, -1],
      unique: [false, false],
      check: [false, false],
      foreignKey: { parent, spec: fk, index: n },
    };
  });
  // A column added to an existing table is NOT NULL only with a default: without one, the rows it already has
  // cannot be filled (the plan says so with a NOT_NULL_VIOLATION hazard, and apply would fail, as it should).
  const fillable = (c: ResolvedColumn): ResolvedColumn =>
    table.inA && !c.inA && c.inB && !c.nullable[1] && !hasDefault(c, 1) ? { ...c, nullable: [c.nullable[0], true] } : c;
  return [fixed('id', idType), fixed('k', keyType), ...plain.map(fillable), ...foreign.map(fillable)];
}

function modelColumn(dialect: DialectName, column: ResolvedColumn, side: Side): Column {
  const type = column.types[side];
  const nullable = column.nullable[side];
  const d = column.defaults[side];
  if (type.kind === 'enum') {
    const labels = type.enum.labels[side];
    const fallback = d >= 0 ? literal(labels[d % labels.length]!) : undefined;
    return dialect === 'postgres'
      ? { name: column.name, type: 'enum', enum: { name: type.enum.name }, nullable, default: fallback }
      : { name: column.name, type: 'varchar', enumValues: labels, nullable, default: fallback };
  }
  const defaults = type.type.defaults;
  return {
    name: column.name,
    ...type.type.column,
    nullable,
    default: d >= 0 && defaults.length > 0 ? defaults[d % defaults.length] : undefined,
  };
}

/** The `*_pattern_ops` operator class of PostgreSQL's string types (by the model's type name). */
const PATTERN_OPS: Readonly<Record<string, string>> = {
  text: 'text_pattern_ops',
  'character varying': 'varchar_pattern_ops',
  character: 'bpchar_pattern_ops',
};

/** A PostgreSQL index with one of the details `UIndex.detail` draws (one a key's type cannot take is no detail). */
function withIndexDetail(index: Index, detail: number, firstType: ColumnType): Index {
  const first = index.columns[0]!;
  const rest = index.columns.slice(1).map((column) => ({ column }));
  const stringType =
    firstType.kind === 'plain' && !firstType.type.column.array ? PATTERN_OPS[firstType.type.column.type] : undefined;
  switch (detail) {
    case 1:
      return { ...index, options: ['fillfactor=70'] };
    case 2:
      return index.columns.includes('id') ? index : { ...index, include: ['id'] };
    case 3:
      return { ...index, comment: `index ${index.name}` };
    case 4:
      return { ...index, keys: [{ column: first, desc: true }, ...rest] };
    case 5:
      // A key in its column's own collation names none (the model spells only a different one).
      return stringType && firstType.kind === 'plain' && firstType.type.column.collation !== 'C'
        ? { ...index, keys: [{ column: first, collation: 'C' }, ...rest] }
        : index;
    case 6:
      return stringType ? { ...index, keys: [{ column: first, opclass: stringType }, ...rest] } : index;
    default:
      return index;
  }
}

function resolveTable(
  dialect: DialectName,
  universe: Universe,
  t: number,
  columns: readonly ResolvedColumn[],
  side: Side,
): Table {
  const table = universe.tables[t]!;
  const name = `t${t}`;
  const here = columns.filter((c) => present(side, c));
  const both = (c: ResolvedColumn, test: (type: ColumnType) => boolean) =>
    (!c.inA || test(c.types[0])) && (!c.inB || test(c.types[1]));
  // A column added to a table with rows holds one value (its default, or NULL) in all of them: never unique.
  const uniqueable = (c: ResolvedColumn) => !c.foreignKey && !(table.inA && !c.inA) && both(c, distinct);
  const pk = table.primaryKey[side];
  const foreignKeys: ForeignKey[] = here.flatMap((c) => {
    const fk = c.foreignKey;
    if (!fk || !fk.spec.constraint[side]) return [];
    const parent = universe.tables[fk.parent]!;
    if (!present(side, parent) || parent.primaryKey[side] !== 'single') return [];
    return [
      {
        name: `fk_${name}_${fk.index}`,
        columns: [c.name],
        referencedTable: `t${fk.parent}`,
        referencedColumns: ['id'],
        onDelete: ACTIONS[fk.spec.onDelete[side] % ACTIONS.length]!,
        onUpdate: ACTIONS[fk.spec.onUpdate % ACTIONS.length]!,
        ...(dialect === 'postgres' && fk.spec.matchFull?.[side] ? { match: 'FULL' as const } : {}),
        ...(dialect === 'postgres' && fk.spec.deferrable?.[side]
          ? { deferrable: DEFERRABLE[fk.spec.deferrable[side] % 2] }
          : {}),
      },
    ];
  });
  const indexes: Index[] = table.indexes.flatMap((u, n) => {
    if (!present(side, u)) return [];
    const picked = [...new Set(u.columns.map((i) => columns[i % columns.length]!))];
    if (!picked.every((c) => present(side, c))) return [];
    // An index on a type without a btree operator class (json) cannot be built, on either side.
    if (picked.some((c) => !both(c, (t) => t.kind === 'enum' || t.type.indexable !== false))) return [];
    // Values are distinct per row in distinct-typed columns, not in foreign key columns (they repeat parent ids).
    const unique = u.unique && picked.some(uniqueable);
    const plainIndex: Index = { name: `ix_${name}_${n}`, columns: picked.map((c) => c.name), unique };
    const index =
      dialect === 'postgres' ? withIndexDetail(plainIndex, u.detail?.[side] ?? 0, picked[0]!.types[side]) : plainIndex;
    return [u.partial ? { ...index, where: `${quote(picked[0]!.name)} IS NOT NULL` } : index];
  });
  const postgres = dialect === 'postgres';
  const tableComment = postgres ? (table.comment?.[side] ?? 0) : 0;
  const exclusion = postgres ? (table.exclusion?.[side] ?? 0) % 4 : 0;
  return {
    name,
    ...(tableComment > 0 ? { comment: `table ${name}, comment ${tableComment}` } : {}),
    columns: here.map((c) => {
      const column = modelColumn(dialect, c, side);
      return postgres && c.comment?.[side] ? { ...column, comment: `column ${c.name}` } : column;
    }),
    ...(exclusion > 0
      ? {
          exclusions: [
            {
              name: `ex_${name}`,
              method: 'btree',
              elements: [{ column: 'id', operator: '=' }],
              ...(exclusion === 2 ? { comment: `exclusion ex_${name}` } : {}),
              ...(exclusion === 3 ? { deferrable: 'INITIALLY DEFERRED' as const } : {}),
            },
          ],
        }
      : {}),
    primaryKey: pk === 'none' ? undefined : { name: `pk_${name}`, columns: pk === 'single' ? ['id'] : ['id', 'k'] },
    foreignKeys,
    uniques: here
      .filter((c) => c.unique[side] && uniqueable(c))
      .map((c) => ({
        name: `uq_${name}_${c.name}`,
        columns: [c.name],
        ...(dialect === 'postgres' && c.deferrable?.[side] ? { deferrable: 'INITIALLY DEFERRED' as const } : {}),
      })),
    checks: here
      .filter((c) => c.check[side] && numeric(c.types[side]))
      .map((c) => ({ name: `ck_${name}_${c.name}`, expression: `${quote(c.name)} >= 0` })),
    indexes,
  };
}

/** A's rows for one table: constraints of both sides hold (see the module comment); FK values from the parents' ids. */
function tableRows(
  dialect: DialectName,
  table: UTable,
  t: number,
  columns: readonly ResolvedColumn[],
  ids: ReadonlyMap<number, readonly string[]>,
  next: () => number,
): Row[] {
  const rows: Row[] = [];
  const own: string[] = [];
  for (let i = 0; i < table.rows; i++) {
    const row: Record<string, Value> = {};
    for (const column of columns) {
      if (!column.inA) continue;
      const r = Math.floor(next() * 1000);
      // NULL only where B takes it too: a column becoming NOT NULL keeps its values (see RELIABILITY.md).
      const nullable = column.nullable[0] && (!column.inB || column.nullable[1]);
      if (column.foreignKey) {
        const parent = column.foreignKey.parent;
        const candidates = parent === t ? own : (ids.get(parent) ?? []);
        if (candidates.length > 0 && (!nullable || next() < 0.8)) row[column.name] = candidates[r % candidates.length]!;
        else if (nullable) row[column.name] = null;
        else return rows; // no parent to point at: the table keeps the rows it has so far
        continue;
      }
      if (column.name !== 'id' && column.name !== 'k' && nullable && next() < 0.25) {
        row[column.name] = null;
        continue;
      }
      const type = column.types[0];
      if (column.name === 'k') row.k = String(i);
      else if (type.kind === 'enum') {
        const held = type.enum.labels[0].filter((label) => !type.enum.unheld.has(label));
        row[column.name] = held[r % held.length]!;
      } else row[column.name] = type.type.value(i, r);
    }
    rows.push(row);
    own.push(row.id!);
  }
  void dialect;
  return rows;
}

function enumModel(e: ResolvedEnum, side: Side): EnumType {
  return { name: e.name, values: e.labels[side] };
}

export function resolveCase(dialect: DialectName, universe: Universe): FuzzCase {
  const enums = resolveEnums(universe);
  const columns = universe.tables.map((_, t) => resolveColumns(dialect, universe, t, enums));
  const [from, to] = SIDES.map((side): Model => {
    const tables = universe.tables.flatMap((table, t) =>
      present(side, table) ? [resolveTable(dialect, universe, t, columns[t]!, side)] : [],
    );
    const used = new Set(
      universe.tables.flatMap((table, t) =>
        present(side, table)
          ? columns[t]!.filter((c) => present(side, c)).flatMap((c) =>
              c.types[side].kind === 'enum' ? [typeId(c.types[side])] : [],
            )
          : [],
      ),
    );
    return {
      dialect,
      extensions: [],
      enums:
        dialect === 'postgres' ? enums.filter((e) => used.has(`enum:${e.name}`)).map((e) => enumModel(e, side)) : [],
      tables,
    };
  }) as [Model, Model];

  const next = random(universe.seed);
  const rows: Record<string, Row[]> = {};
  const ids = new Map<number, string[]>();
  universe.tables.forEach((table, t) => {
    if (!table.inA) return;
    const made = tableRows(dialect, table, t, columns[t]!, ids, next);
    rows[`t${t}`] = made;
    ids.set(
      t,
      made.map((row) => row.id!),
    );
  });

  // What the plan does to kept values: type conversions, and labels mapped onto another.
  const converted: ConvertedColumn[] = [];
  const mapped: MappedLabel[] = [];
  const enumValues: EnumValueRename[] = [];
  universe.tables.forEach((table, t) => {
    if (!table.inA || !table.inB) return;
    for (const column of columns[t]!) {
      if (!column.inA || !column.inB) continue;
      const [a, b] = column.types;
      if (typeId(a) !== typeId(b))
        converted.push({ table: `t${t}`, column: column.name, from: typeId(a), to: typeId(b) });
      if (a.kind !== 'enum' || b.kind !== 'enum') continue;
      for (const [label, target] of a.enum.mapped) {
        mapped.push({ table: `t${t}`, column: column.name, from: label, to: target });
        if (dialect === 'sqlite') {
          enumValues.push({
            enum: { name: `t${t}.${column.name}` },
            from: label,
            to: target,
            rename: true,
            source: 'fuzz case',
            columns: [{ table: { name: `t${t}` }, column: column.name }],
          });
        }
      }
    }
  });
  if (dialect === 'postgres') {
    for (const e of enums) {
      const users = to.tables.flatMap((table) =>
        table.columns
          .filter((c) => c.enum?.name === e.name)
          .map((c) => ({ table: { schema: 'public', name: table.name }, column: c.name })),
      );
      if (users.length === 0 || !from.enums.some((x) => x.name === e.name)) continue;
      for (const [label, target] of e.mapped) {
        enumValues.push({
          enum: { schema: 'public', name: e.name },
          from: label,
          to: target,
          rename: true,
          source: 'fuzz case',
          columns: users,
        });
      }
    }
  }
  return { dialect, from, to, renames: { tables: [], columns: [], enums: [], enumValues }, rows, converted, mapped };
}
