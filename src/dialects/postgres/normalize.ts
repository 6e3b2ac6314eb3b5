import type {
  Check,
  Column,
  ColumnDomain,
  ColumnType,
  EnumType,
  ForeignKey,
  Index,
  Model,
  Table,
  View,
} from '../../model';
import {
  indexKeys,
  isExpressionKey,
  normalizeModel,
  qualifiedKey,
  sequenceOfDefault,
  withIndexKeys,
} from '../../model';
import { stripEnclosingParens } from '../index-expression';
import { memoizeByModel } from '../memo';
import { trimFractionZeros } from '../number-literal';
import { canonicalizeExpression, canonicalizeKeyExpression, isEmptyArray, isNumberText, unquote } from './expression';
import { normalizeExclusion } from './exclusion';
import { normalizeIdentity } from './identity';
import { quoteLiteral } from './quote';
import { canonicalOptions } from './render-options';
import { normalizeSequence, sequenceKeys } from './sequence';
import {
  DEFAULT_LENGTH,
  INTEGER_TYPES,
  JSON_TYPES,
  LENGTH_TYPES,
  NUMERIC_TYPES,
  PRECISION_TYPES,
  parseTypeName,
  type ParsedType,
} from './types';

/** The schema unqualified names live in (the first entry of PostgreSQL's default `search_path`). */
export const DEFAULT_SCHEMA = 'public';

/** `nextval('users_id_seq'::regclass)`, possibly schema-qualified and quoted: the default of a serial column. */
const SEQUENCE_DEFAULT = /^nextval\('(?:[^']|'')+'(?:::regclass)?\)$/i;

/**
 * The canonical PostgreSQL model: what a compiled model (TypeORM's `Table.create`) and an introspected one (the
 * catalog) look like when they mean the same schema.
 *
 * - types: synonyms to the catalog's spelling (`int4` -> `integer`, `timestamptz` -> `timestamp with time zone`),
 *   `serial` to `integer` + `generated: 'increment'`, modifiers that cannot apply or that the catalog
 *   stores as if absent dropped (`char(1)` is `char`, no length on `integer`; `timestamp(6)` stays, its `atttypmod`
 *   is 6 where `timestamp`'s is -1), `numeric(p)` is `numeric(p,0)`;
 * - defaults: literal casts removed (`'en'::character varying` -> `'en'`), an empty array in one spelling
 *   (`ARRAY[]::integer[]` -> `'{}'`), numbers unquoted on numeric columns
 *   (`'20'` -> `20`), booleans and JSON literals in one spelling, `CURRENT_TIMESTAMP` -> `now()`,
 *   `CURRENT_DATE` -> `('now'::text)::date` (TypeORM's spelling), `NULL` kept or dropped as PostgreSQL stores it
 *   (see `normalizeDefault`), and a serial's `nextval(...)` -> `generated: 'increment'` (unless it calls one of the
 *   model's standalone `sequences`: then it stays a default, which needs that sequence);
 * - sequences: the schema made explicit, the type in catalog spelling, default options absent;
 * - CHECK and index predicates: see `canonicalizeExpression`;
 * - implied facts made explicit: the schema (`public`), NOT NULL on primary-key and generated columns, the schemas
 *   the model's objects live in (and `public`); `public`'s comment from initdb (`standard public schema`) left out.
 *
 * Idempotent; the result is valid SQL to render from. A model this returned is returned as it is, and a model given
 * before gets the same answer again (models are never changed once made): planning normalises both sides, the
 * introspected side already is canonical, and the desired side is normalised while the catalog queries run.
 */
export const normalizePostgresModel: (model: Model) => Model = memoizeByModel(canonicalPostgresModel);

function canonicalPostgresModel(model: Model): Model {
  const enums = model.enums.map(normalizeEnum);
  const sequences = model.sequences?.map(normalizeSequence);
  const standalone = sequenceKeys(sequences);
  const tables = model.tables.map((table) => normalizeTable(table, standalone));
  const views = model.views?.map(normalizeView);
  return normalizeModel({
    dialect: 'postgres',
    schemas: [
      ...(model.schemas ?? []),
      DEFAULT_SCHEMA,
      ...tables.map((t) => t.schema!),
      ...enums.map((e) => e.schema!),
      ...(views ?? []).map((v) => v.schema!),
      ...(sequences ?? []).map((s) => s.schema!),
    ],
    extensions: model.extensions.filter((name) => name !== 'plpgsql'),
    enums,
    tables,
    views,
    notManaged: model.notManaged,
    sequences,
    schemaComments: withoutInitdbComment(model.schemaComments),
  });
}

/** The comment initdb gives `public`: every database has it, so it means no comment (as entities, which cannot state one). */
const PUBLIC_SCHEMA_COMMENT = 'standard public schema';

function withoutInitdbComment(comments: Model['schemaComments']): Model['schemaComments'] {
  if (comments?.[DEFAULT_SCHEMA] !== PUBLIC_SCHEMA_COMMENT) return comments;
  const { [DEFAULT_SCHEMA]: _initdb, ...rest } = comments;
  return rest;
}

/** Views: the schema made explicit, for the view and for what it reads; TypeORM compares expressions trimmed. */
function normalizeView(view: View): View {
  return {
    ...view,
    schema: view.schema ?? DEFAULT_SCHEMA,
    expression: view.expression.trim(),
    indexes:
      view.materialized && view.indexes && view.indexes.length > 0 ? view.indexes.map(normalizeIndex) : undefined,
    options: canonicalOptions(view.options),
    dependsOn: view.dependsOn.map((d) => ({ schema: d.schema ?? DEFAULT_SCHEMA, name: d.name })),
  };
}

function normalizeEnum(type: EnumType): EnumType {
  return { ...type, schema: type.schema ?? DEFAULT_SCHEMA };
}

/** `standalone`: qualified keys of the model's standalone sequences (see `normalizeColumn`). */
export function normalizeTable(table: Table, standalone: ReadonlySet<string> = NO_SEQUENCES): Table {
  const primary = new Set(table.primaryKey?.columns ?? []);
  return {
    ...table,
    schema: table.schema ?? DEFAULT_SCHEMA,
    columns: table.columns.map((column) => normalizeColumn(column, primary.has(column.name), standalone)),
    foreignKeys: table.foreignKeys.map(normalizeForeignKey),
    checks: table.checks.map(normalizeCheck),
    indexes: table.indexes.map(normalizeIndex),
    exclusions: table.exclusions?.length ? table.exclusions.map(normalizeExclusion) : undefined,
    comment: table.comment || undefined,
  };
}

function normalizeForeignKey(fk: ForeignKey): ForeignKey {
  return {
    ...fk,
    referencedSchema: fk.referencedSchema ?? DEFAULT_SCHEMA,
    onDelete: fk.onDelete ?? 'NO ACTION',
    onUpdate: fk.onUpdate ?? 'NO ACTION',
  };
}

function normalizeCheck(check: Check): Check {
  return { ...check, expression: canonicalizeExpression(check.expression) };
}

/**
 * Index predicates in canonical spelling, storage parameters too (`canonicalOption`); expression keys only without enclosing parentheses (an index expression
 * is not canonicalised: `(id)::text` indexes text, not `id`); the method in lower case, `btree` (the default) absent.
 */
function normalizeIndex(index: Index): Index {
  const where = index.where?.trim() ? canonicalizeExpression(index.where) : undefined;
  const keys = indexKeys(index).map((key) =>
    isExpressionKey(key) ? { ...key, expression: stripEnclosingParens(key.expression) } : key,
  );
  const method = index.method?.trim().toLowerCase();
  const options = canonicalOptions(index.options);
  return withIndexKeys({ ...index, where, method: method === 'btree' || !method ? undefined : method, options }, keys);
}

const NO_SEQUENCES: ReadonlySet<string> = new Set();

/**
 * One column in canonical form. A `nextval(...)` default on an integer column means a serial column, unless the
 * sequence it calls is one of `standalone` (qualified keys of the model's standalone sequences).
 */
export function normalizeColumn(
  column: Column,
  inPrimaryKey: boolean,
  standalone: ReadonlySet<string> = NO_SEQUENCES,
): Column {
  const parsed = parseTypeName(column.type);
  const { type, length, precision, scale, array } = normalizeType(column, parsed);
  let generated = column.generated ?? (parsed.serial ? 'increment' : undefined);
  // A domain's values are its base type's: a default on a column of one reads as on a column of that type.
  const domain = column.domain && normalizeDomain(column.domain);
  const valueType = domain?.base.type ?? type;
  const valueArray = array || domain?.base.array;

  let defaultValue = column.default?.trim() || undefined;
  if (
    defaultValue !== undefined &&
    SEQUENCE_DEFAULT.test(defaultValue) &&
    INTEGER_TYPES.has(type) &&
    !array &&
    !isStandalone(defaultValue, standalone)
  ) {
    generated ??= 'increment';
    defaultValue = undefined;
  }
  // A generated column has its expression instead of a default; TypeORM compares the expression trimmed.
  const computed = column.computed && { expression: column.computed.expression.trim(), stored: true };
  if (computed) generated = undefined;
  if (generated !== undefined || computed) defaultValue = undefined;
  if (defaultValue !== undefined) {
    defaultValue = normalizeDefault(defaultValue, valueType, valueArray ?? false, {
      keepsNull: keepsNullDefault(type, length, precision, domain !== undefined),
    });
  }

  return {
    name: column.name,
    type,
    length,
    precision,
    scale,
    array,
    enum:
      type === 'enum' && column.enum
        ? { schema: column.enum.schema ?? DEFAULT_SCHEMA, name: column.enum.name }
        : undefined,
    nullable: inPrimaryKey || generated !== undefined ? false : column.nullable,
    default: defaultValue,
    generated,
    identity:
      generated === 'identity-always' || generated === 'identity-by-default'
        ? normalizeIdentity(type, column.identity)
        : undefined,
    computed,
    comment: column.comment || undefined,
    // `default` is the type's default collation, which is what no collation means.
    collation: column.collation && column.collation !== 'default' ? column.collation : undefined,
    domain,
    unmodelled: column.unmodelled,
  };
}

/**
 * A type's modifiers in canonical form: those that cannot apply or that PostgreSQL stores as if absent dropped
 * (`char(1)` is `char`, no length on `integer`), `numeric(p)` is `numeric(p,0)`; `timestamp(6)` is not `timestamp`.
 */
function normalizeType(
  column: ColumnType,
  parsed: ParsedType = parseTypeName(column.type),
): Required<Pick<ColumnType, 'type'>> & Omit<ColumnType, 'type' | 'enum'> {
  const type = parsed.type;
  const array = column.array || parsed.array || undefined;
  const [firstModifier, secondModifier] = parsed.modifiers;

  let length = column.length ?? (LENGTH_TYPES.has(type) ? firstModifier : undefined);
  if (!LENGTH_TYPES.has(type) || length === DEFAULT_LENGTH[type]) length = undefined;

  // A date/time precision is kept even when it is the one PostgreSQL applies without one: `time(6)` and `time`
  // behave alike but are not the same column (`atttypmod` 6 and -1, `format_type` tells them apart).
  let precision = column.precision ?? (PRECISION_TYPES.has(type) ? firstModifier : undefined);
  if (!PRECISION_TYPES.has(type)) precision = undefined;
  let scale = column.scale ?? (type === 'numeric' ? secondModifier : undefined);
  if (type !== 'numeric' || precision === undefined) scale = undefined;
  else scale ??= 0;
  return { type, length, precision, scale, array };
}

/** A domain's base type in canonical form (as a column of that type would have it). */
function normalizeDomain(domain: ColumnDomain): ColumnDomain {
  const base = normalizeType(domain.base);
  const enumType =
    base.type === 'enum' && domain.base.enum
      ? { schema: domain.base.enum.schema ?? DEFAULT_SCHEMA, name: domain.base.enum.name }
      : undefined;
  return { schema: domain.schema, name: domain.name, base: { ...base, enum: enumType } };
}

function isStandalone(defaultValue: string, standalone: ReadonlySet<string>): boolean {
  if (standalone.size === 0) return false;
  const sequence = sequenceOfDefault(defaultValue);
  return sequence !== undefined && standalone.has(qualifiedKey(sequence));
}

/** Date/time types with a time zone, and their counterparts without one. */
const ZONED: Readonly<Record<string, string>> = {
  'timestamp with time zone': 'timestamp without time zone',
  'time with time zone': 'time without time zone',
};

/**
 * A string literal cast to the date/time type on the other side of the time zone from the column's
 * (`'0001-01-01 00:00:00'::timestamp without time zone` on a `timestamp with time zone` column): the cast is not
 * implied, it changes the value (the literal is read without a zone, then converted in the inserting session's
 * zone). Returns the default with its cast, or undefined when that is not the case.
 */
function zoneChangingCast(expression: string, type: string): string | undefined {
  const kept = canonicalizeKeyExpression(expression);
  const cast = /^'(?:[^']|'')*'::([a-z ()0-9]+)$/.exec(kept)?.[1];
  if (cast === undefined) return undefined;
  const target = parseTypeName(cast).type;
  return (ZONED[type] ?? '') === target || ZONED[target] === type ? kept : undefined;
}

/**
 * Whether PostgreSQL keeps `DEFAULT NULL` on a column of this type (a `pg_attrdef` row, `atthasdef`): only when
 * making the NULL a value of the column's type takes more than a typed constant, which PostgreSQL does not store
 * ("the default behavior is equivalent"): a length or precision to apply (`character varying(16)`, `numeric(10,2)`,
 * `timestamp(3)`, `character` and `bit`, whose length is 1 unless given; not `interval(6)`, whose input takes the
 * precision itself), or a domain to check.
 */
function keepsNullDefault(
  type: string,
  length: number | undefined,
  precision: number | undefined,
  domain: boolean,
): boolean {
  if (domain) return true;
  if (type === 'interval') return false;
  return length !== undefined || precision !== undefined || type === 'character' || type === 'bit';
}

/**
 * A default expression in canonical spelling. A `NULL` default is what PostgreSQL makes of it on the column (see
 * `keepsNullDefault`; without `column`, a column of `type` as such, which keeps none): kept, it is the default `NULL`
 * (the value no default gives, but a default in the catalog, so not the same as none); otherwise none. A NULL cast
 * through another type than the column's (`NULL::text` on a `character varying` column), which PostgreSQL keeps,
 * keeps its cast.
 */
export function normalizeDefault(
  expression: string,
  type: string,
  array: boolean,
  column: { readonly keepsNull: boolean } = { keepsNull: false },
): string | undefined {
  const zoned = array ? undefined : zoneChangingCast(expression, type);
  if (zoned !== undefined) return zoned;
  const text = canonicalizeExpression(expression);
  if (text === 'NULL') return nullDefault(expression, type, array, column.keepsNull);
  // `ARRAY[]::integer[]`, `'{}'::integer[]` and `'{}'` all default an array column to its empty array.
  if (array && isEmptyArray(text)) return "'{}'";
  const literal = unquote(text);
  // A number on a numeric column is its value: `'1.50'`, `1.50` and `1.5` alike.
  if (literal === undefined && !array && NUMERIC_TYPES.has(type) && isNumberText(text)) return trimFractionZeros(text);
  if (literal === undefined || array) return text;
  if (NUMERIC_TYPES.has(type) && isNumberText(literal.trim())) return trimFractionZeros(literal.trim());
  if (type === 'boolean' && /^(true|false)$/i.test(literal.trim())) return literal.trim().toLowerCase();
  if (JSON_TYPES.has(type)) {
    try {
      return quoteLiteral(canonicalJson(JSON.parse(literal), type === 'jsonb'));
    } catch {
      return text;
    }
  }
  return text;
}

function nullDefault(expression: string, type: string, array: boolean, keepsNull: boolean): string | undefined {
  const written = canonicalizeKeyExpression(expression);
  const cast = /^NULL::(.+)$/s.exec(written)?.[1];
  if (cast !== undefined && type !== 'enum') {
    const parsed = parseTypeName(cast.replace(/"/g, ''));
    if (parsed.type !== type || parsed.array !== array) return written;
  }
  return keepsNull ? 'NULL' : undefined;
}

/** Compact JSON; `jsonb` does not keep key order, so its keys are sorted. */
function canonicalJson(value: unknown, sortKeys: boolean): string {
  if (!sortKeys) return JSON.stringify(value);
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((key) => [key, sort((v as Record<string, unknown>)[key])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value));
}
