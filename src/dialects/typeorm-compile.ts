import type { DataSource, EntityMetadata, Table as TypeormTable } from 'typeorm';
import type { Driver } from 'typeorm/driver/Driver';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { TableColumn } from 'typeorm/schema-builder/table/TableColumn';
import type { Column, Deferrable, EnumType, Exclusion } from '../model';

/** One table being compiled from TypeORM's metadata (`Table.create`), as a dialect's compile hooks see it. */
export interface TypeormTableScope {
  readonly table: TypeormTable;
  readonly metadata: EntityMetadata;
  readonly dataSource: DataSource;
  readonly schema: string | undefined;
  /** Named enum types met so far, by qualified key. */
  readonly enums: Map<string, EnumType>;
  /** Extensions the model needs so far. */
  readonly extensions: Set<string>;
}

/**
 * What compiling TypeORM metadata (src/compile) asks of a dialect: the parts of TypeORM's behaviour that only exist,
 * or only differ, on it. Absent hooks change nothing.
 */
export interface TypeormCompile {
  /** Completes a column from TypeORM's metadata (PostgreSQL: its named enum type, the extension a uuid default needs). */
  column?(column: Column, tc: TableColumn, scope: TypeormTableScope): Column;
  /** The table's `@Exclusion` constraints (TypeORM creates them on PostgreSQL only). */
  exclusions?(columns: readonly Column[], scope: TypeormTableScope): Exclusion[];
  /**
   * A default TypeORM 0.3 writes as malformed SQL, which TypeORM 1.x writes well-formed: the 1.x text, or `undefined`
   * where the 0.3 text is fine. Asked on TypeORM 0.3 only, for a default that is neither null nor undefined.
   */
  repairedDefault03?(column: ColumnMetadata, driver: Driver): string | undefined;
  /**
   * The SQL a function default declares, when TypeORM 0.3 writes another one in its place (`typeormText`);
   * `undefined` when it writes what is declared. Asked on TypeORM 0.3 only.
   */
  rewrittenDefault03?(column: ColumnMetadata, typeormText: unknown): string | undefined;
}

/** `DEFERRABLE INITIALLY ...` as TypeORM takes it (`deferrable: 'INITIALLY DEFERRED'`); anything else is none. */
export function deferrableOf(value: string | undefined): Deferrable | undefined {
  const upper = value?.trim().toUpperCase().replace(/\s+/g, ' ');
  return upper === 'INITIALLY IMMEDIATE' || upper === 'INITIALLY DEFERRED' ? upper : undefined;
}
