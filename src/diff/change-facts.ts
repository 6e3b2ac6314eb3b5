import type { Change } from './changes';
import { factsOf } from './change-kinds';
import { qualifiedKey, sequenceOfDefault, type Column, type QualifiedName, type Sequence } from '../model';

export { commentTargetName } from './change-kinds';

/** The table a change acts on (`undefined` for schema-level objects); see change-kinds.ts. */
export function tableOf(change: Change): QualifiedName | undefined {
  return factsOf(change.kind).table(change);
}

/** The name of the object a change acts on, for ordering and display. */
/**
 * Every table whose rows or columns a change touches: its table, and for an enum type swap each table with a column
 * it converts.
 */
export function tablesTouchedBy(change: Change): QualifiedName[] {
  if (change.kind === 'enum.recreate') return change.columns.map((c) => c.table);
  const table = tableOf(change);
  return table ? [table] : [];
}

export function objectNameOf(change: Change): string {
  return factsOf(change.kind).object(change);
}

/** Enum types (qualified keys) whose existence a change needs before it runs. */
export function enumsUsedBy(change: Change): string[] {
  const ofColumns = (columns: readonly Column[]) => columns.flatMap((c) => (c.enum ? [qualifiedKey(c.enum)] : []));
  switch (change.kind) {
    case 'table.create':
      return ofColumns(change.table.columns);
    case 'table.rebuild':
      return ofColumns(change.to.columns);
    case 'column.add':
      return ofColumns([change.column]);
    case 'column.alter':
      return ofColumns([change.to]);
    default:
      return [];
  }
}

/** Enum types (qualified keys) that stop being used once a change has run. */
export function enumsReleasedBy(change: Change): string[] {
  const ofColumns = (columns: readonly Column[]) => columns.flatMap((c) => (c.enum ? [qualifiedKey(c.enum)] : []));
  switch (change.kind) {
    case 'table.drop':
      return ofColumns(change.table.columns);
    case 'table.rebuild':
      return ofColumns(change.from.columns);
    case 'column.drop':
      return ofColumns([change.column]);
    case 'column.alter':
      return ofColumns([change.from]);
    default:
      return [];
  }
}

/** Columns of its table a change reads or defines (for "column exists before constraint" ordering). */
export function columnsOf(change: Change): readonly string[] {
  switch (change.kind) {
    case 'primaryKey.add':
    case 'primaryKey.drop':
      return change.primaryKey.columns;
    case 'foreignKey.add':
    case 'foreignKey.drop':
      return change.foreignKey.columns;
    case 'foreignKey.alter':
      return change.to.columns;
    case 'unique.add':
    case 'unique.drop':
      return change.unique.columns;
    case 'index.create':
    case 'index.drop':
      return change.index.columns;
    case 'column.add':
    case 'column.drop':
      return [change.column.name];
    case 'column.alter':
      return [change.to.name];
    case 'column.rename':
      return [change.to];
    case 'index.rename':
      return change.to.columns;
    case 'exclusion.add':
    case 'exclusion.drop':
      return change.exclusion.elements.flatMap((element) => ('column' in element ? [element.column] : []));
    default:
      return [];
  }
}

/** Qualified keys of the sequences the column defaults call (`nextval('s')`, PostgreSQL). */
function sequencesOfColumns(columns: readonly Column[]): string[] {
  return columns.flatMap((c) => {
    const sequence = c.generated === undefined ? sequenceOfDefault(c.default) : undefined;
    return sequence ? [qualifiedKey(sequence)] : [];
  });
}

/** Sequences (qualified keys) a change's column defaults call, which must exist before it runs. */
export function sequencesUsedBy(change: Change): string[] {
  switch (change.kind) {
    case 'table.create':
      return sequencesOfColumns(change.table.columns);
    case 'column.add':
      return sequencesOfColumns([change.column]);
    case 'column.alter':
      return sequencesOfColumns([change.to]);
    default:
      return [];
  }
}

/** Sequences (qualified keys) that column defaults stop calling once a change has run. */
export function sequencesReleasedBy(change: Change): string[] {
  switch (change.kind) {
    case 'table.drop':
      return sequencesOfColumns(change.table.columns);
    case 'column.drop':
      return sequencesOfColumns([change.column]);
    case 'column.alter':
      return sequencesOfColumns([change.from]);
    default:
      return [];
  }
}

/** The tables (qualified keys) owning the sequence a `sequence.alter` changes, before and after. */
export function sequenceOwnerTables(change: Change): { from?: string; to?: string } {
  if (change.kind !== 'sequence.alter') return {};
  const key = (sequence: Sequence) =>
    sequence.ownedBy ? qualifiedKey({ schema: sequence.schema, name: sequence.ownedBy.table }) : undefined;
  return { from: key(change.from), to: key(change.to) };
}

/** `public.users.users_email_idx`-style name of a comment's object: qualified, with its table for an index or constraint. */
