import { DefaultNamingStrategy, type NamingStrategyInterface, type Table } from 'typeorm';

const snake = (text: string): string => text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const tableOf = (table: Table | string): string => (typeof table === 'string' ? table : table.name).split('.').pop()!;

/**
 * A snake_case naming strategy, as a TypeORM project writes one: tables and columns in snake case, and primary and
 * foreign keys named after their table and columns (TypeORM's default hashes them).
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName: string | undefined): string {
    return customName ?? snake(className);
  }

  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snake(prefixes.join('_')) + (customName ?? snake(propertyName));
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }

  override primaryKeyName(table: Table | string, columnNames: string[]): string {
    return `pk_${tableOf(table)}_${columnNames.join('_')}`;
  }

  override foreignKeyName(table: Table | string, columnNames: string[]): string {
    return `fk_${tableOf(table)}_${columnNames.join('_')}`;
  }
}
