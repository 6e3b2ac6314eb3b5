/**
 * Who declares a table TypeORM builds, and what to do when two declarations map to one table name.
 *
 * An entity or a view entity declares its own table; a many-to-many junction is declared by the `@JoinTable` of a
 * relation (its metadata has no class: `targetName` is empty), a closure junction by its `@Tree('closure-table')`
 * entity. A many-to-many with `@JoinTable` on both sides under the same name (a real pattern) gives TypeORM two
 * junction metadatas for one table, mirror images of each other: the same columns, keys and indexes, only the
 * column order (and so the primary key's) swapped. Which one TypeORM's `synchronize()` creates the table from depends
 * on the order it loads the entities in (at random under TypeORM 0.3), so a database built by it may have the key in
 * either order. Both declarations are then one table whose key order is not fixed (`PrimaryKey.anyOrder`); when
 * they disagree, compiling fails naming both.
 */
import type { EntityMetadata } from 'typeorm';
import type { RelationMetadata } from 'typeorm/metadata/RelationMetadata';
import type { Column, ForeignKey, Index, Table } from '../model';
import { compareStrings } from '../model';
import { CompileError } from '../errors/errors';

/** The many-to-many relation whose `@JoinTable` built this junction metadata, whichever side TypeORM made the owner. */
export function junctionRelation(
  junction: EntityMetadata,
  metadatas: readonly EntityMetadata[],
): RelationMetadata | undefined {
  // A relation's join columns are columns of its own junction (`registerJoinColumns`), while `junctionEntityMetadata`
  // of both sides points at whichever junction TypeORM built last.
  return metadatas
    .flatMap((metadata) => metadata.relations)
    .find((relation) => relation.isManyToMany && relation.joinColumns[0]?.entityMetadata === junction);
}

const relationName = (relation: RelationMetadata): string =>
  `${relation.entityMetadata.targetName}.${relation.propertyPath}`;

/** How messages name the declaration of a table: `entity User`, `@JoinTable of Student.courses`, `the closure table of Category`. */
export function describeOwner(metadata: EntityMetadata, metadatas: readonly EntityMetadata[]): string {
  if (metadata.tableType === 'junction') {
    const relation = junctionRelation(metadata, metadatas);
    return relation ? `@JoinTable of ${relationName(relation)}` : `the junction table ${metadata.tableName}`;
  }
  if (metadata.tableType === 'closure-junction') {
    const parent = metadata.parentClosureEntityMetadata?.targetName;
    return parent ? `the closure table of ${parent}` : `the closure table ${metadata.tableName}`;
  }
  return `${metadata.tableType === 'view' ? 'view entity' : 'entity'} ${metadata.targetName}`;
}

/** What to change to give one of two clashing declarations another table name. */
function renameHint(metadata: EntityMetadata, metadatas: readonly EntityMetadata[]): string {
  if (metadata.tableType === 'junction') {
    const relation = junctionRelation(metadata, metadatas);
    return relation
      ? `give the @JoinTable of ${relationName(relation)} another name`
      : 'give the @JoinTable another name';
  }
  if (metadata.tableType === 'closure-junction') return `give ${describeOwner(metadata, metadatas)} another name`;
  return `give ${describeOwner(metadata, metadatas)} another ${metadata.tableType === 'view' ? '@ViewEntity()' : '@Entity()'} name`;
}

/** Two declarations map to one table, and they are not the two sides of one many-to-many: an error naming both. */
export function nameClash(
  key: string,
  first: EntityMetadata,
  second: EntityMetadata,
  metadatas: readonly EntityMetadata[],
): CompileError {
  const hints = [renameHint(first, metadatas), renameHint(second, metadatas)];
  return new CompileError(
    `${describeOwner(first, metadatas)} and ${describeOwner(second, metadatas)} both map to table ${key}`,
    `Each table needs one declaration: ${hints[0]}, or ${hints[1]}.`,
  );
}

/** True if two many-to-many relations are the two sides of one relation (each names the other as its inverse). */
export function areInverseSides(a: RelationMetadata | undefined, b: RelationMetadata | undefined): boolean {
  return !!a && !!b && a.inverseRelation === b && b.inverseRelation === a;
}

/** A junction metadata, with the table compiled from it; no table when `@JoinTable({ synchronize: false })`. */
export interface JunctionSide {
  readonly metadata: EntityMetadata;
  readonly table?: Table;
}

const byName = <T extends { name: string }>(items: readonly T[]): T[] =>
  [...items].sort((x, y) => compareStrings(x.name, y.name));
const list = (names: readonly string[]): string => `(${names.join(', ')})`;

/** A column as a reviewer reads it: `integer NOT NULL`, `character varying(36) DEFAULT 'x'`. */
function columnText(column: Column): string {
  const size = [column.length, column.precision, column.scale].filter((n) => n !== undefined);
  const rest = {
    ...column,
    name: undefined,
    type: undefined,
    length: undefined,
    precision: undefined,
    scale: undefined,
    nullable: undefined,
    default: undefined,
  };
  const extra = JSON.stringify(rest);
  return (
    `${column.type}${size.length > 0 ? `(${size.join(',')})` : ''}${column.array ? '[]' : ''}${column.nullable ? '' : ' NOT NULL'}` +
    `${column.default !== undefined ? ` DEFAULT ${column.default}` : ''}${extra === '{}' ? '' : ` ${extra}`}`
  );
}

const foreignKeyText = (fk: ForeignKey): string =>
  `${fk.name} ${list(fk.columns)} -> ${fk.referencedTable} ${list(fk.referencedColumns)} ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}` +
  (fk.deferrable ? ` DEFERRABLE ${fk.deferrable}` : '');
const indexText = (index: Index): string =>
  `${index.name} ${list(index.columns)}${index.unique ? ' unique' : ''}${index.where ? ` WHERE ${index.where}` : ''}`;

/** The table with its column order (and so its key order) left out: what both sides of one junction must agree on. */
function orderFree(table: Table): string {
  return JSON.stringify({
    ...table,
    columns: byName(table.columns),
    primaryKey: table.primaryKey && {
      ...table.primaryKey,
      columns: [...table.primaryKey.columns].sort(compareStrings),
    },
    foreignKeys: byName(table.foreignKeys),
    uniques: byName(table.uniques),
    checks: byName(table.checks),
    indexes: byName(table.indexes),
  });
}

/**
 * What two junction tables of one name disagree on, in words: `columns (coursesId, studentsId) vs (course_id,
 * student_id)`. Other column names are all that is said when they differ (keys and indexes follow from them).
 */
function differences(a: Table, b: Table): string[] {
  const names = (table: Table) => table.columns.map((c) => c.name).sort(compareStrings);
  if (JSON.stringify(names(a)) !== JSON.stringify(names(b))) return [`columns ${list(names(a))} vs ${list(names(b))}`];
  const result: string[] = [];
  for (const column of byName(a.columns)) {
    const other = b.columns.find((c) => c.name === column.name)!;
    if (columnText(other) !== columnText(column))
      result.push(`column ${column.name} ${columnText(column)} vs ${columnText(other)}`);
  }
  if (a.primaryKey?.name !== b.primaryKey?.name)
    result.push(`primary key ${a.primaryKey?.name ?? 'unnamed'} vs ${b.primaryKey?.name ?? 'unnamed'}`);
  const sets = <T extends { name: string }>(
    what: string,
    x: readonly T[],
    y: readonly T[],
    text: (item: T) => string,
  ) => {
    const [tx, ty] = [byName(x).map(text), byName(y).map(text)];
    const only = (p: string[], q: string[]) => p.filter((item) => !q.includes(item));
    const [ox, oy] = [only(tx, ty), only(ty, tx)];
    if (ox.length + oy.length > 0)
      result.push(`${what} ${ox.join(', ') || 'none other'} vs ${oy.join(', ') || 'none other'}`);
  };
  sets('foreign keys', a.foreignKeys, b.foreignKeys, foreignKeyText);
  sets('indexes', a.indexes, b.indexes, indexText);
  sets('unique constraints', a.uniques, b.uniques, (u) => `${u.name} ${list(u.columns)}`);
  sets('checks', a.checks, b.checks, (c) => `${c.name} (${c.expression})`);
  if (a.comment !== b.comment)
    result.push(`comment ${JSON.stringify(a.comment ?? null)} vs ${JSON.stringify(b.comment ?? null)}`);
  return result;
}

/** The key a side is chosen by: its relation's entity table, then property, so the choice never depends on load order. */
function sideKey(side: JunctionSide, metadatas: readonly EntityMetadata[]): string {
  const relation = junctionRelation(side.metadata, metadatas);
  return relation ? `${relation.entityMetadata.tablePath}\u0000${relation.propertyPath}` : '';
}

/**
 * One table for the junctions of one name. One side: its table. Two sides that agree (mirror images: the same table
 * but for the column order): the table of the side whose entity table sorts first (a fixed choice, whichever side
 * TypeORM picked), with a primary key whose column order is not fixed. Two sides of one relation that disagree: a
 * `CompileError` naming both and what differs; two unrelated relations: a name clash naming both.
 */
export function mergeJunctionSides(
  key: string,
  sides: readonly JunctionSide[],
  metadatas: readonly EntityMetadata[],
): JunctionSide {
  if (sides.length === 1) return sides[0]!;
  // In a fixed order (see `sideKey`), so the message and the choice never depend on the order TypeORM loaded them in.
  const sorted = [...sides].sort((p, q) => compareStrings(sideKey(p, metadatas), sideKey(q, metadatas)));
  const [first, second] = [sorted[0]!, sorted[1]!];
  if (sorted[2]) throw nameClash(key, second.metadata, sorted[2].metadata, metadatas);
  if (!first.table && !second.table) return first; // both left alone
  const what =
    first.table && second.table
      ? differences(first.table, second.table)
      : [`synchronize ${first.metadata.synchronize} vs ${second.metadata.synchronize}`];
  if (first.table && second.table && what.length === 0 && orderFree(first.table) === orderFree(second.table)) {
    const { primaryKey } = first.table;
    return {
      ...first,
      table: { ...first.table, primaryKey: primaryKey && { ...primaryKey, anyOrder: true as const } },
    };
  }
  const inverse = areInverseSides(
    junctionRelation(first.metadata, metadatas),
    junctionRelation(second.metadata, metadatas),
  );
  if (!inverse) throw nameClash(key, first.metadata, second.metadata, metadatas);
  const [x, y] = [describeOwner(first.metadata, metadatas), describeOwner(second.metadata, metadatas)];
  throw new CompileError(
    `many-to-many junction ${key} is declared by ${x} and by ${y}, and they disagree: ${what.join('; ') || 'their definitions differ'}`,
    'Declare @JoinTable on one side only (the other side stays @ManyToMany), or make both declarations mirror images: ' +
      'the same name, the joinColumn of one the inverseJoinColumn of the other.',
  );
}
