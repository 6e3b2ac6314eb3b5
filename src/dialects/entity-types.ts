import type { Column, ColumnType } from '../model';

/**
 * Column types as TypeORM takes them on a dialect, for the entities `generate` writes (src/generate/typeorm): the model
 * spells types the way the dialect's catalog does, and TypeORM's drivers accept (and compare) exactly those spellings
 * for the types they support.
 */
export interface EntityTypes {
  /** The types TypeORM's driver accepts (`supportedDataTypes`), in the catalog's spelling. */
  readonly supported: ReadonlySet<string>;
  /** The property's TypeScript type by column type; absent: `string`. */
  readonly tsTypes: Readonly<Record<string, string>>;
  /** Types whose default may be written as a number. */
  readonly numeric: ReadonlySet<string>;
  /**
   * How the catalog prints defaults: typed (PostgreSQL: `'2.5'::real`, booleans `true`/`false`, JSON as JSON text,
   * expressions with an operator in parentheses) or by storage affinity (SQLite: booleans `1`/`0`, numbers bare).
   */
  readonly typedDefaults: boolean;
  /** The type TypeORM accepts that is nearest to a column's type it does not accept. */
  nearest(column: Column, isSolePrimaryKey: boolean): NearestType;
}

/** A type TypeORM accepts in place of one it does not, and why it is the nearest. */
export interface NearestType {
  readonly type: ColumnType;
  /** Why the column's own type cannot be declared as it is; absent: TypeORM does not accept it on the dialect. */
  readonly problem?: string;
  /** `same NUMERIC affinity`: what makes it the nearest, for the comment and the diagnostic. */
  readonly because: string;
  /** What a plan against the generated entities then does to the column. */
  readonly consequence: string;
}
