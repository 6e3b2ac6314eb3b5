import type { QualifiedName } from './types';

/**
 * What the user declared about objects that changed name, in database names of the dialect's model. Renames are
 * never guessed: without a declaration, a dropped and an added object that look alike are an unresolved decision.
 *
 * Every entry may say `rename: false`: the user declared that `from` is dropped and `to` is new, on purpose.
 */
export interface Renames {
  readonly tables: readonly TableRename[];
  readonly columns: readonly ColumnRename[];
  /** PostgreSQL enum types (on SQLite an enum has no name of its own). */
  readonly enums: readonly EnumRename[];
  /**
   * A label of an enum becomes another label. When `to` is a new label this is a rename (`RENAME VALUE`); when `to`
   * is a label the enum keeps, rows holding `from` are mapped onto `to` and `from` is removed.
   */
  readonly enumValues: readonly EnumValueRename[];
}

interface Declared {
  /** `false`: not a rename; drop `from` and create `to`. */
  readonly rename: boolean;
  /** Where it was declared (`schema/renames.json`, `@RenamedFrom on User.fullName`), for messages. */
  readonly source: string;
}

export interface TableRename extends Declared {
  readonly from: QualifiedName;
  readonly to: QualifiedName;
}

export interface ColumnRename extends Declared {
  /** The table, by its target name. */
  readonly table: QualifiedName;
  readonly from: string;
  readonly to: string;
}

export interface EnumRename extends Declared {
  readonly from: QualifiedName;
  readonly to: QualifiedName;
}

export interface EnumValueRename extends Declared {
  /** The enum by its target name (PostgreSQL type, or on SQLite the TypeORM enumName). */
  readonly enum: QualifiedName;
  readonly from: string;
  readonly to: string;
  /** Every column of the target schema that uses the enum (SQLite applies the mapping per column). */
  readonly columns: readonly { readonly table: QualifiedName; readonly column: string }[];
}

export const NO_RENAMES: Renames = { tables: [], columns: [], enums: [], enumValues: [] };
