/**
 * Which records of TypeORM's `typeorm_metadata` table a change writes. TypeORM keeps there the expression of every
 * view (type `VIEW` / `MATERIALIZED_VIEW`) and of every generated column (`GENERATED_COLUMN`), and compares entities
 * with those records rather than with the catalog; renderers keep them in step with the schema.
 */
import { assertNever, type Change } from './changes';
import type { Column, QualifiedName, Table, View } from '../model';

export interface GeneratedColumnRecord {
  readonly table: QualifiedName;
  readonly column: string;
  readonly expression: string;
}

export interface MetadataRecords {
  readonly deleteViews: readonly View[];
  readonly insertViews: readonly View[];
  readonly deleteColumns: readonly GeneratedColumnRecord[];
  readonly insertColumns: readonly GeneratedColumnRecord[];
}

const NONE: MetadataRecords = { deleteViews: [], insertViews: [], deleteColumns: [], insertColumns: [] };

const ref = (table: QualifiedName): QualifiedName => ({ schema: table.schema, name: table.name });

function recordsOf(table: QualifiedName, columns: readonly Column[]): GeneratedColumnRecord[] {
  return columns.flatMap((c) =>
    c.computed ? [{ table: ref(table), column: c.name, expression: c.computed.expression }] : [],
  );
}

/** Records to replace when a column goes from `from` to `to` (either may be absent). */
function columnDelta(table: QualifiedName, from: Column | undefined, to: Column | undefined): MetadataRecords {
  if (from?.computed?.expression === to?.computed?.expression) return NONE;
  return {
    ...NONE,
    deleteColumns: from ? recordsOf(table, [from]) : [],
    insertColumns: to ? recordsOf(table, [to]) : [],
  };
}

function tableDelta(from: Table, to: Table): MetadataRecords {
  const names = [...new Set([...from.columns, ...to.columns].map((c) => c.name))];
  const deltas = names.map((name) =>
    columnDelta(
      to,
      from.columns.find((c) => c.name === name),
      to.columns.find((c) => c.name === name),
    ),
  );
  return {
    ...NONE,
    deleteColumns: deltas.flatMap((d) => d.deleteColumns),
    insertColumns: deltas.flatMap((d) => d.insertColumns),
  };
}

export function metadataRecordsOf(change: Change): MetadataRecords {
  switch (change.kind) {
    case 'view.create':
      return { ...NONE, insertViews: [change.view] };
    case 'view.drop':
      return { ...NONE, deleteViews: [change.view] };
    case 'table.create':
      return { ...NONE, insertColumns: recordsOf(change.table, change.table.columns) };
    case 'table.drop':
      return { ...NONE, deleteColumns: recordsOf(change.table, change.table.columns) };
    case 'table.rebuild':
      return tableDelta(change.from, change.to);
    case 'table.rename':
      // TypeORM's records name the table: they follow the rename.
      return {
        ...NONE,
        deleteColumns: recordsOf(change.from, change.table.columns),
        insertColumns: recordsOf(change.to, change.table.columns),
      };
    case 'column.rename':
      return {
        ...NONE,
        deleteColumns: recordsOf(change.table, [change.column]),
        insertColumns: recordsOf(change.table, [{ ...change.column, name: change.to }]),
      };
    case 'column.add':
      return columnDelta(change.table, undefined, change.column);
    case 'column.drop':
      return columnDelta(change.table, change.column, undefined);
    case 'column.alter':
      return columnDelta(change.table, change.from, change.to);
    case 'schema.create':
    case 'schema.drop':
    case 'extension.create':
    case 'extension.drop':
    case 'enum.create':
    case 'enum.drop':
    case 'enum.value.add':
    case 'enum.rename':
    case 'enum.value.rename':
    case 'enum.recreate':
    case 'table.comment':
    case 'primaryKey.add':
    case 'primaryKey.drop':
    case 'foreignKey.add':
    case 'foreignKey.drop':
    case 'foreignKey.alter':
    case 'unique.add':
    case 'unique.drop':
    case 'check.add':
    case 'check.drop':
    case 'exclusion.add':
    case 'exclusion.drop':
    case 'index.create':
    case 'index.drop':
    case 'typeormMetadata.create':
    case 'constraint.rename':
    case 'constraint.validate':
    case 'index.rename':
    case 'sequence.create':
    case 'sequence.alter':
    case 'sequence.drop':
    case 'comment.set':
      return NONE;
    default:
      return assertNever(change);
  }
}

export function writesMetadata(change: Change): boolean {
  const records = metadataRecordsOf(change);
  return Object.values(records).some((list: readonly unknown[]) => list.length > 0);
}
