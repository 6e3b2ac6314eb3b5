import type {
  Check,
  Column,
  EnumType,
  ForeignKey,
  Index,
  PrimaryKey,
  QualifiedName,
  Table,
  Unique,
} from '../model';

/** Which attributes of a column differ; a `column.alter` carries the full before/after column too. */
export type ColumnField = 'type' | 'nullable' | 'default' | 'generated' | 'comment' | 'enumValues';

/** The named constraints of a table (a primary key is named too, on PostgreSQL). */
export type ConstraintType = 'primaryKey' | 'foreignKey' | 'unique' | 'check';

interface Base {
  /** Why the change exists, in words a reviewer understands; emitted as a SQL comment too. */
  readonly reason: string;
}

/**
 * Everything a plan can do, as data. Renderers, orderers and reports switch over `kind` exhaustively
 * (`assertNever` in the default branch), so adding a kind is a compile error everywhere it must be handled.
 */
export type Change =
  | (Base & { readonly kind: 'extension.create'; readonly name: string })
  | (Base & { readonly kind: 'enum.create'; readonly enum: EnumType })
  | (Base & { readonly kind: 'enum.drop'; readonly enum: EnumType })
  | (Base & {
      readonly kind: 'enum.value.add';
      readonly enum: QualifiedName;
      readonly value: string;
      /** The existing label the new one goes before; absent means "at the end". */
      readonly before?: string;
    })
  /**
   * A declared table rename. `table` is the table as it is before the rename; changes after it name the table by `to`.
   * Foreign keys of other tables follow the table (both dialects rewrite them).
   */
  | (Base & { readonly kind: 'table.rename'; readonly from: QualifiedName; readonly to: QualifiedName; readonly table: Table })
  | (Base & { readonly kind: 'table.create'; readonly table: Table })
  | (Base & { readonly kind: 'table.drop'; readonly table: Table })
  /** SQLite: a table recreated because SQLite cannot ALTER what changed; `changes` are the ones it replaces. */
  | (Base & { readonly kind: 'table.rebuild'; readonly from: Table; readonly to: Table; readonly changes: readonly Change[] })
  | (Base & { readonly kind: 'table.comment'; readonly table: QualifiedName; readonly from?: string; readonly to?: string })
  /** A declared column rename, in the table named by its target name; `column` is the column before the rename. */
  | (Base & {
      readonly kind: 'column.rename';
      readonly table: QualifiedName;
      readonly from: string;
      readonly to: string;
      readonly column: Column;
    })
  | (Base & { readonly kind: 'column.add'; readonly table: QualifiedName; readonly column: Column })
  | (Base & { readonly kind: 'column.drop'; readonly table: QualifiedName; readonly column: Column })
  | (Base & {
      readonly kind: 'column.alter';
      readonly table: QualifiedName;
      readonly from: Column;
      readonly to: Column;
      readonly fields: readonly ColumnField[];
    })
  | (Base & { readonly kind: 'primaryKey.add'; readonly table: QualifiedName; readonly primaryKey: PrimaryKey })
  | (Base & { readonly kind: 'primaryKey.drop'; readonly table: QualifiedName; readonly primaryKey: PrimaryKey })
  | (Base & { readonly kind: 'foreignKey.add'; readonly table: QualifiedName; readonly foreignKey: ForeignKey })
  | (Base & { readonly kind: 'foreignKey.drop'; readonly table: QualifiedName; readonly foreignKey: ForeignKey })
  | (Base & { readonly kind: 'unique.add'; readonly table: QualifiedName; readonly unique: Unique })
  | (Base & { readonly kind: 'unique.drop'; readonly table: QualifiedName; readonly unique: Unique })
  | (Base & { readonly kind: 'check.add'; readonly table: QualifiedName; readonly check: Check })
  | (Base & { readonly kind: 'check.drop'; readonly table: QualifiedName; readonly check: Check })
  /**
   * A constraint that keeps its definition under another name (TypeORM derives `PK_`, `FK_`, `UQ_`, `CHK_` names from
   * the table and column names, so they change when those are renamed).
   */
  | (Base & {
      readonly kind: 'constraint.rename';
      readonly table: QualifiedName;
      readonly constraint: ConstraintType;
      readonly from: string;
      readonly to: string;
    })
  /** An index that keeps its definition under another name (`IDX_` names, like constraint names, follow renames). */
  | (Base & { readonly kind: 'index.rename'; readonly table: QualifiedName; readonly from: Index; readonly to: Index })
  | (Base & { readonly kind: 'index.create'; readonly table: QualifiedName; readonly index: Index })
  | (Base & { readonly kind: 'index.drop'; readonly table: QualifiedName; readonly index: Index });

export type ChangeKind = Change['kind'];
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
