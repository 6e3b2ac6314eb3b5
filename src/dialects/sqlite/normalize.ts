/**
 * SQLite's canonical spelling of a model, applied to both sides before diffing (compiled from TypeORM and
 * introspected), so that schemas SQLite treats the same are the same data. The canonical spelling is TypeORM's
 * (what `Table.create` produces and what its schema builder reads back), so rendering a normalised model gives DDL
 * TypeORM considers in sync.
 */
import type { Check, Column, ForeignKey, Index, Model, ReferentialAction, Table, View } from '../../model';
import { indexKeys, isExpressionKey, normalizeModel, respellReferences, withIndexKeys } from '../../model';
import { canonicalType } from './column-types';
import { memoizeByModel } from '../memo';
import { trimFractionZeros } from '../number-literal';
import { stripOuterParens } from './tokenize';

/**
 * A column default as SQLite stores it (`dflt_value` is the text inside `DEFAULT (...)`): redundant parentheses
 * removed; `NULL` is no default; `TRUE`/`FALSE` are the integers SQLite reads them as (and TypeORM writes); no
 * trailing zeros in a number's fraction.
 */
export function normalizeDefault(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = stripOuterParens(value);
  if (text === '' || /^null$/i.test(text)) return undefined;
  if (/^true$/i.test(text)) return '1';
  if (/^false$/i.test(text)) return '0';
  // `1.50` and `1.5` are the same REAL before any column affinity applies.
  return trimFractionZeros(text);
}

/**
 * A column's collating sequence, named as SQLite compares names (ASCII case-insensitively: upper case here, the
 * spelling of its built-in `NOCASE` and `RTRIM`); `BINARY`, the default, is no collation.
 */
export function normalizeCollation(name: string | undefined): string | undefined {
  const text = name?.trim().replace(/[a-z]/g, (c) => c.toUpperCase());
  return text && text !== 'BINARY' ? text : undefined;
}

function normalizeColumn(column: Column, table: Table): Column {
  const pk = table.primaryKey?.columns ?? [];
  const isSolePrimaryKey = pk.length === 1 && pk[0] === column.name;
  const type = canonicalType(column, isSolePrimaryKey);
  // An INTEGER PRIMARY KEY is the rowid: it can never hold NULL, whether or not NOT NULL is declared.
  const rowid = isSolePrimaryKey && type.type === 'integer';
  return {
    name: column.name,
    type: type.type,
    length: type.length,
    precision: type.precision,
    scale: type.scale,
    enumValues: column.enumValues ? [...column.enumValues] : undefined,
    nullable: rowid ? false : column.nullable,
    // A generated column has its expression (compared exactly, as TypeORM does on SQLite) instead of a default.
    default: column.computed ? undefined : normalizeDefault(column.default),
    // SQLite has no identity columns: TypeORM declares one as a plain column (an INTEGER PRIMARY KEY still numbers
    // new rows itself, as the rowid). Only AUTOINCREMENT is stored.
    generated: !column.computed && column.generated === 'increment' ? 'increment' : undefined,
    computed: column.computed && { expression: column.computed.expression, stored: column.computed.stored },
    collation: normalizeCollation(column.collation),
    // SQLite has no comments, no arrays and no named enum types: they cannot differ.
  };
}

const ACTIONS: readonly ReferentialAction[] = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'];

function normalizeAction(action: string): ReferentialAction {
  const upper = action.trim().toUpperCase().replace(/\s+/g, ' ') as ReferentialAction;
  return ACTIONS.includes(upper) ? upper : 'NO ACTION';
}

function normalizeForeignKey(fk: ForeignKey): ForeignKey {
  return {
    name: fk.name,
    columns: [...fk.columns],
    referencedTable: fk.referencedTable,
    referencedColumns: [...fk.referencedColumns],
    onDelete: normalizeAction(fk.onDelete),
    onUpdate: normalizeAction(fk.onUpdate),
    // SQLite defers a foreign key check only when it is DEFERRABLE INITIALLY DEFERRED; DEFERRABLE INITIALLY
    // IMMEDIATE behaves exactly as not deferrable (SQLite has no SET CONSTRAINTS).
    deferrable: fk.deferrable === 'INITIALLY DEFERRED' ? fk.deferrable : undefined,
  };
}

const normalizeCheck = (check: Check): Check => ({ name: check.name, expression: stripOuterParens(check.expression) });

/**
 * SQLite has one index method, and no NULLS FIRST/LAST in an index (it always sorts nulls as the smallest values):
 * a key keeps only `desc`. Expression keys without enclosing parentheses.
 */
function normalizeIndex(index: Index): Index {
  const where = index.where === undefined ? undefined : stripOuterParens(index.where);
  const keys = indexKeys(index).map((key) => {
    const order = { desc: key.desc };
    return isExpressionKey(key)
      ? { expression: stripOuterParens(key.expression), ...order }
      : { column: key.column, ...order };
  });
  return withIndexKeys({ name: index.name, columns: [], unique: index.unique, where: where || undefined }, keys);
}

function normalizeTable(table: Table): Table {
  return {
    name: table.name,
    columns: table.columns.map((column) => normalizeColumn(column, table)),
    // A primary key's name is not stored by TypeORM on SQLite and cannot be referenced: only its columns matter.
    primaryKey:
      table.primaryKey && table.primaryKey.columns.length > 0
        ? { columns: [...table.primaryKey.columns], anyOrder: table.primaryKey.anyOrder }
        : undefined,
    foreignKeys: table.foreignKeys.map(normalizeForeignKey),
    uniques: table.uniques.map((unique) => ({ name: unique.name, columns: [...unique.columns] })),
    checks: table.checks.map(normalizeCheck),
    indexes: table.indexes.map(normalizeIndex),
    strict: table.strict || undefined,
    withoutRowid: table.withoutRowid || undefined,
    triggers: table.triggers, // not managed: carried as stored, so a rebuild recreates them
  };
}

/** Views: no schemas, no materialized views; TypeORM compares expressions trimmed. */
function normalizeView(view: View): View {
  return {
    name: view.name,
    expression: view.expression.trim(),
    dependsOn: view.dependsOn.map((d) => ({ name: d.name })),
  };
}

/** The canonical SQLite model (remembered per model: see `memoizeByModel`). */
export const normalizeSqliteModel: (model: Model) => Model = memoizeByModel(canonicalSqliteModel);

function canonicalSqliteModel(model: Model): Model {
  // A reference spelled in another case than the object it names (`REFERENCES Users` for `users`) is the same one.
  return normalizeModel(
    respellReferences({
      dialect: 'sqlite',
      extensions: model.extensions,
      enums: model.enums,
      tables: model.tables.map(normalizeTable),
      views: model.views?.map(normalizeView),
      notManaged: model.notManaged,
    }),
  );
}
