/** Applies a table-scoped change to a table value: how lower folds changes into a CREATE TABLE or a rebuild. */
import type { Change } from '../../diff/changes';
import { assertNever } from '../../diff/changes';
import type { Table } from '../../model';

const without = <T extends { name: string }>(items: readonly T[], name: string): T[] =>
  items.filter((i) => i.name !== name);

export function applyToTable(table: Table, change: Change): Table {
  switch (change.kind) {
    case 'column.add':
      return { ...table, columns: [...without(table.columns, change.column.name), change.column] };
    case 'column.drop':
      return { ...table, columns: without(table.columns, change.column.name) };
    case 'column.alter':
      return { ...table, columns: table.columns.map((c) => (c.name === change.from.name ? change.to : c)) };
    case 'primaryKey.add':
      return { ...table, primaryKey: change.primaryKey };
    case 'primaryKey.drop':
      return { ...table, primaryKey: undefined };
    case 'foreignKey.add':
      return { ...table, foreignKeys: [...without(table.foreignKeys, change.foreignKey.name), change.foreignKey] };
    case 'foreignKey.drop':
      return { ...table, foreignKeys: without(table.foreignKeys, change.foreignKey.name) };
    case 'foreignKey.alter':
      return { ...table, foreignKeys: table.foreignKeys.map((fk) => (fk.name === change.from.name ? change.to : fk)) };
    case 'unique.add':
      return { ...table, uniques: [...without(table.uniques, change.unique.name), change.unique] };
    case 'unique.drop':
      return { ...table, uniques: without(table.uniques, change.unique.name) };
    case 'check.add':
      return { ...table, checks: [...without(table.checks, change.check.name), change.check] };
    case 'check.drop':
      return { ...table, checks: without(table.checks, change.check.name) };
    case 'exclusion.add':
      return { ...table, exclusions: [...without(table.exclusions ?? [], change.exclusion.name), change.exclusion] };
    case 'exclusion.drop':
      return { ...table, exclusions: without(table.exclusions ?? [], change.exclusion.name) };
    case 'index.create':
      return { ...table, indexes: [...without(table.indexes, change.index.name), change.index] };
    case 'index.drop':
      return { ...table, indexes: without(table.indexes, change.index.name) };
    case 'table.comment':
      return { ...table, comment: change.to };
    case 'column.rename':
      return { ...table, columns: table.columns.map((c) => (c.name === change.from ? { ...c, name: change.to } : c)) };
    case 'index.rename':
      return { ...table, indexes: [...without(table.indexes, change.from.name), change.to] };
    case 'constraint.rename': {
      const rename = <T extends { name: string }>(items: readonly T[]): T[] =>
        items.map((item) => (item.name === change.from ? { ...item, name: change.to } : item));
      switch (change.constraint) {
        case 'primaryKey':
          return { ...table, primaryKey: table.primaryKey && { ...table.primaryKey, name: change.to } };
        case 'foreignKey':
          return { ...table, foreignKeys: rename(table.foreignKeys) };
        case 'unique':
          return { ...table, uniques: rename(table.uniques) };
        case 'check':
          return { ...table, checks: rename(table.checks) };
        case 'exclusion':
          return { ...table, exclusions: table.exclusions && rename(table.exclusions) };
        default:
          return assertNever(change.constraint);
      }
    }
    case 'table.rename':
    case 'table.create':
    case 'table.drop':
    case 'table.rebuild':
    case 'schema.create':
    case 'schema.drop':
    case 'extension.create':
    case 'extension.drop':
    case 'enum.create':
    case 'enum.drop':
    case 'enum.value.add':
    case 'view.create':
    case 'view.drop':
    case 'typeormMetadata.create':
    case 'enum.rename':
    case 'enum.value.rename':
    case 'enum.recreate':
    case 'sequence.create':
    case 'sequence.alter':
    case 'sequence.drop':
    case 'constraint.validate': // PostgreSQL only: SQLite constraints are never NOT VALID
    case 'comment.set': // PostgreSQL only
      throw new Error(`internal error: ${change.kind} is not a change to one table's definition`);
    default:
      return assertNever(change);
  }
}
