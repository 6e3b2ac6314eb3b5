import type {
  Check,
  Column,
  EnumType,
  Exclusion,
  ForeignKey,
  Index,
  PrimaryKey,
  QualifiedName,
  Sequence,
  Table,
  Unique,
  View,
} from '../model';

/** Which attributes of a column differ; a `column.alter` carries the full before/after column too. */
export type ColumnField =
  'type' | 'nullable' | 'default' | 'generated' | 'comment' | 'enumValues' | 'computed' | 'collation';

/** Rows holding label `from` are converted to label `to`, which the enum keeps (declared; see `Renames.enumValues`). */
export interface EnumValueMapping {
  readonly from: string;
  readonly to: string;
  /** Where it was declared, for the plan's words (`@RenamedFrom on Card.level`, `schema/renames.json`). */
  readonly source: string;
}

/** A column converted by an enum type swap: its current and target definitions (defaults are re-set from `to`). */
export interface EnumSwapColumn {
  readonly table: QualifiedName;
  readonly from: Column;
  readonly to: Column;
}

/** Which attributes of a standalone sequence differ. */
export type SequenceField = 'type' | 'increment' | 'minValue' | 'maxValue' | 'start' | 'cache' | 'cycle' | 'ownedBy';

/**
 * PostgreSQL: an object whose comment a `comment.set` change sets (tables and columns have their own changes):
 * an index (of a table or materialized view) or a constraint of `table`, an enum type, a view, a sequence, a schema.
 */
export type CommentTarget =
  | { readonly kind: 'index' | 'constraint'; readonly table: QualifiedName; readonly name: string }
  | { readonly kind: 'type' | 'view' | 'materialized view' | 'sequence'; readonly object: QualifiedName }
  | { readonly kind: 'schema'; readonly name: string };

/** The named constraints of a table (a primary key is named too, on PostgreSQL). */
export type ConstraintType = 'primaryKey' | 'foreignKey' | 'unique' | 'check' | 'exclusion';

interface Base {
  /** Why the change exists, in words a reviewer understands; emitted as a SQL comment too. */
  readonly reason: string;
}

/**
 * Everything a plan can do, as data. Renderers, orderers and reports switch over `kind` exhaustively
 * (`assertNever` in the default branch), so adding a kind is a compile error everywhere it must be handled.
 */
export type Change =
  /** PostgreSQL: a schema the target's tables or enums live in does not exist (`CREATE SCHEMA IF NOT EXISTS`). */
  | (Base & { readonly kind: 'schema.create'; readonly name: string })
  /**
   * PostgreSQL: a schema the target (a full inventory, see `TargetScope`) does not have, dropped after everything in
   * it (`DROP SCHEMA`, RESTRICT: never planned while it holds objects the plan does not drop).
   */
  | (Base & { readonly kind: 'schema.drop'; readonly name: string })
  /** `schema`: where a full inventory has the extension installed (absent: the database's default, as entities need it). */
  | (Base & { readonly kind: 'extension.create'; readonly name: string; readonly schema?: string })
  /**
   * PostgreSQL: an extension the target (a full inventory) does not have, dropped after everything that may use it;
   * `schema` is where it is installed, when known.
   */
  | (Base & { readonly kind: 'extension.drop'; readonly name: string; readonly schema?: string })
  | (Base & { readonly kind: 'enum.create'; readonly enum: EnumType })
  | (Base & { readonly kind: 'enum.drop'; readonly enum: EnumType })
  /** PostgreSQL: `ALTER TYPE ... RENAME TO` (declared in `Renames.enums`); columns follow the type. */
  | (Base & { readonly kind: 'enum.rename'; readonly from: QualifiedName; readonly to: QualifiedName })
  /** PostgreSQL: `ALTER TYPE ... RENAME VALUE` (declared); rows, defaults and constraints follow the label. */
  | (Base & {
      readonly kind: 'enum.value.rename';
      readonly enum: QualifiedName;
      readonly from: string;
      readonly to: string;
    })
  /**
   * PostgreSQL: labels removed or reordered, which `ALTER TYPE` cannot do. The type is swapped as TypeORM does it:
   * the old type is renamed aside, the new one created, every column converted (`USING`, through text, with the
   * declared `mappings`), and the old type dropped. `from` is the type as it is when the swap runs (after renames).
   */
  | (Base & {
      readonly kind: 'enum.recreate';
      readonly from: EnumType;
      readonly to: EnumType;
      readonly columns: readonly EnumSwapColumn[];
      readonly mappings: readonly EnumValueMapping[];
    })
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
  | (Base & {
      readonly kind: 'table.rename';
      readonly from: QualifiedName;
      readonly to: QualifiedName;
      readonly table: Table;
    })
  | (Base & { readonly kind: 'table.create'; readonly table: Table })
  | (Base & { readonly kind: 'table.drop'; readonly table: Table })
  /** SQLite: a table recreated because SQLite cannot ALTER what changed; `changes` are the ones it replaces. */
  | (Base & {
      readonly kind: 'table.rebuild';
      readonly from: Table;
      readonly to: Table;
      readonly changes: readonly Change[];
    })
  | (Base & {
      readonly kind: 'table.comment';
      readonly table: QualifiedName;
      readonly from?: string;
      readonly to?: string;
    })
  /**
   * PostgreSQL `COMMENT ON <kind> ... IS ...` (`to` absent: `IS NULL`) for an object that exists and keeps its
   * definition; an object created or re-created gets its comment with it.
   */
  | (Base & {
      readonly kind: 'comment.set';
      readonly target: CommentTarget;
      readonly from?: string;
      readonly to?: string;
    })
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
      /** SQLite `enumValues`: labels the copied rows change (a declared rename or mapping). */
      readonly valueMap?: readonly EnumValueMapping[];
    })
  | (Base & { readonly kind: 'primaryKey.add'; readonly table: QualifiedName; readonly primaryKey: PrimaryKey })
  | (Base & { readonly kind: 'primaryKey.drop'; readonly table: QualifiedName; readonly primaryKey: PrimaryKey })
  | (Base & { readonly kind: 'foreignKey.add'; readonly table: QualifiedName; readonly foreignKey: ForeignKey })
  | (Base & { readonly kind: 'foreignKey.drop'; readonly table: QualifiedName; readonly foreignKey: ForeignKey })
  /**
   * PostgreSQL: a foreign key that differs only in its deferrability (`DEFERRABLE`, `INITIALLY DEFERRED`) is altered
   * in place (`ALTER CONSTRAINT`): no drop, no re-check of the rows. SQLite rebuilds the table.
   */
  | (Base & {
      readonly kind: 'foreignKey.alter';
      readonly table: QualifiedName;
      readonly from: ForeignKey;
      readonly to: ForeignKey;
    })
  | (Base & { readonly kind: 'unique.add'; readonly table: QualifiedName; readonly unique: Unique })
  | (Base & { readonly kind: 'unique.drop'; readonly table: QualifiedName; readonly unique: Unique })
  | (Base & { readonly kind: 'check.add'; readonly table: QualifiedName; readonly check: Check })
  | (Base & { readonly kind: 'check.drop'; readonly table: QualifiedName; readonly check: Check })
  /** PostgreSQL: an exclusion constraint; one whose definition changed is dropped and added again. */
  | (Base & { readonly kind: 'exclusion.add'; readonly table: QualifiedName; readonly exclusion: Exclusion })
  | (Base & { readonly kind: 'exclusion.drop'; readonly table: QualifiedName; readonly exclusion: Exclusion })
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
  /**
   * PostgreSQL: a foreign key or check that exists `NOT VALID` becomes valid (`VALIDATE CONSTRAINT`): existing rows
   * are checked, the constraint is not dropped and re-created.
   */
  | (Base & {
      readonly kind: 'constraint.validate';
      readonly table: QualifiedName;
      readonly constraintType: 'foreignKey' | 'check';
      readonly name: string;
    })
  /** An index that keeps its definition under another name (`IDX_` names, like constraint names, follow renames). */
  | (Base & { readonly kind: 'index.rename'; readonly table: QualifiedName; readonly from: Index; readonly to: Index })
  | (Base & { readonly kind: 'index.create'; readonly table: QualifiedName; readonly index: Index })
  | (Base & { readonly kind: 'index.drop'; readonly table: QualifiedName; readonly index: Index })
  /** A view replaced (new expression) is a `view.drop` then a `view.create`, as TypeORM does it. */
  | (Base & { readonly kind: 'view.create'; readonly view: View })
  | (Base & { readonly kind: 'view.drop'; readonly view: View })
  /**
   * PostgreSQL: a standalone sequence is created, without its owner (`OWNED BY` is a `sequence.alter` that follows
   * once the owning column exists, so a table whose default calls the sequence can be created in between).
   */
  | (Base & { readonly kind: 'sequence.create'; readonly sequence: Sequence })
  /** PostgreSQL: `ALTER SEQUENCE` to `to`'s type, options and owner; the current value is kept. */
  | (Base & {
      readonly kind: 'sequence.alter';
      readonly from: Sequence;
      readonly to: Sequence;
      readonly fields: readonly SequenceField[];
    })
  /** PostgreSQL: a standalone sequence (and its current value) is dropped. */
  | (Base & { readonly kind: 'sequence.drop'; readonly sequence: Sequence })
  /**
   * TypeORM's `typeorm_metadata` table (`CREATE TABLE IF NOT EXISTS`), where it records view and generated-column
   * expressions: planned before the changes that write those records.
   */
  | (Base & { readonly kind: 'typeormMetadata.create' });

export type ChangeKind = Change['kind'];
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
