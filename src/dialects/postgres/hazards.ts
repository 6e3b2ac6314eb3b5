import type { Column, EnumType, Model, QualifiedName, Table } from '../../model';
import { asBaseType, qualifiedKey } from '../../model';
import { narrowingHazards } from '../measured-hazards';
import type { TableRows } from '../row-counts';
import type { Hazard } from '../../model';
import { DEFAULT_SCHEMA } from './normalize';
import { DEFAULT_LENGTH, DEFAULT_PRECISION, INTEGER_TYPES, LENGTH_TYPES, PRECISION_TYPES } from './types';

/** What a PostgreSQL statement risks, in words a reviewer acts on. */

export const hazard = {
  dataLoss: (message: string): Hazard => ({ code: 'DATA_LOSS', message }),
  rewrite: (message: string): Hazard => ({ code: 'TABLE_REWRITE', message }),
  lock: (message: string): Hazard => ({ code: 'ACCESS_EXCLUSIVE_LOCK', message }),
  restart: (message: string): Hazard => ({ code: 'SEQUENCE_RESTART', message }),
};

/** How messages name an object: `public.users` (no quotes; they are for people). */
export function label(object: QualifiedName): string {
  return qualifiedKey({ schema: object.schema ?? DEFAULT_SCHEMA, name: object.name });
}

export function findTable(model: Model, table: QualifiedName): Table | undefined {
  const key = label(table);
  return model.tables.find((t) => label(t) === key);
}

/** True if the table already exists in the database the plan starts from (so it may hold rows). */
export function tableExists(model: Model, table: QualifiedName): boolean {
  return findTable(model, table) !== undefined;
}

function findEnum(model: Model, name: QualifiedName | undefined): EnumType | undefined {
  if (!name) return undefined;
  const key = label(name);
  return model.enums.find((e) => label(e) === key);
}

const INTEGER_RANK: Readonly<Record<string, number>> = { smallint: 1, integer: 2, bigint: 3 };
/** Decimal digits an integer type can hold: `numeric(p,s)` with `p - s` at least this many takes every value. */
const INTEGER_DIGITS: Readonly<Record<string, number>> = { smallint: 5, integer: 10, bigint: 19 };

/** Every value of `from` converts to `to` without loss (it may still need a rewrite). */
function isWidening(from: Column, to: Column, context: { from: Model; to: Model }): boolean {
  // A value becomes an array of one element: lossless when the element type widens. The reverse keeps one element.
  if (!from.array && to.array) return isWidening(from, { ...to, array: undefined }, context);
  if (Boolean(from.array) !== Boolean(to.array)) return false;
  if (from.type === to.type) {
    if (from.type === 'enum') {
      const before = findEnum(context.from, from.enum);
      const after = findEnum(context.to, to.enum) ?? findEnum(context.from, to.enum);
      return !!before && !!after && before.values.every((v) => after.values.includes(v));
    }
    if (LENGTH_TYPES.has(from.type)) {
      if (to.length === undefined) return true;
      return from.length !== undefined && to.length >= from.length;
    }
    if (from.type === 'numeric') {
      if (to.precision === undefined) return true;
      if (from.precision === undefined) return false;
      const [fs, ts] = [from.scale ?? 0, to.scale ?? 0];
      return ts >= fs && to.precision - ts >= from.precision - fs;
    }
    if (PRECISION_TYPES.has(from.type)) {
      const fallback = DEFAULT_PRECISION[from.type] ?? 6;
      return (to.precision ?? fallback) >= (from.precision ?? fallback);
    }
    return true;
  }
  if (INTEGER_TYPES.has(from.type)) {
    if (INTEGER_TYPES.has(to.type)) return INTEGER_RANK[to.type]! >= INTEGER_RANK[from.type]!;
    if (to.type === 'numeric') {
      return to.precision === undefined || to.precision - (to.scale ?? 0) >= INTEGER_DIGITS[from.type]!;
    }
    if (to.type === 'double precision') return from.type !== 'bigint';
    if (to.type === 'real') return from.type === 'smallint';
  }
  if (from.type === 'real' && to.type === 'double precision') return true;
  if (to.type === 'text' || (to.type === 'character varying' && to.length === undefined)) return true;
  if (from.type === 'json' && to.type === 'jsonb') return true;
  if (from.type === 'timestamp without time zone' && to.type === 'timestamp with time zone') return true;
  if (from.type === 'date' && to.type.startsWith('timestamp')) return true;
  return false;
}

/**
 * An integer column becoming a timestamp: PostgreSQL has no cast, so the values are read as Unix epoch milliseconds
 * (UTC), the reading pg-schema-diff gives them (see `usingExpression` in render-column.ts).
 */
export function isEpochConversion(from: Column, to: Column): boolean {
  return (
    !from.array &&
    !to.array &&
    INTEGER_TYPES.has(from.type) &&
    (to.type === 'timestamp without time zone' || to.type === 'timestamp with time zone')
  );
}

/** Same type, modifiers, array-ness and enum type. */
function deepEqualType(a: Column, b: Column): boolean {
  return (
    a.type === b.type &&
    a.length === b.length &&
    a.precision === b.precision &&
    a.scale === b.scale &&
    Boolean(a.array) === Boolean(b.array) &&
    (a.enum === undefined) === (b.enum === undefined) &&
    (a.enum === undefined || label(a.enum) === label(b.enum!))
  );
}

/** PostgreSQL changes the type without rewriting the table (binary-coercible, looser or equal modifier). */
function isRewriteFree(from: Column, to: Column): boolean {
  if (Boolean(from.array) !== Boolean(to.array)) return false;
  const textual = (c: Column) => c.type === 'text' || c.type === 'character varying';
  if (textual(from) && textual(to)) {
    if (to.type === 'text' || to.length === undefined) return true;
    return from.type === 'character varying' && from.length !== undefined && to.length >= from.length;
  }
  if (from.type === 'numeric' && to.type === 'numeric') {
    if (to.precision === undefined) return true;
    return from.precision !== undefined && (from.scale ?? 0) === (to.scale ?? 0) && to.precision >= from.precision;
  }
  // Date/time precision: no rewrite when no value is rounded (PostgreSQL's `timestamp_support`, `time_support`,
  // `interval_support`): none given, or at least the old one (none given holds what precision 6 holds).
  if (from.type === to.type && from.type !== 'numeric' && PRECISION_TYPES.has(from.type)) {
    const fallback = DEFAULT_PRECISION[from.type] ?? 6;
    return to.precision === undefined || to.precision >= (from.precision ?? fallback);
  }
  return false;
}

/**
 * The length a textual column is narrowed to, when that is all the change can lose: `character varying` (or `text`)
 * to a shorter `character varying`, `character` to a shorter `character`. The conversion casts to the unmodified type
 * and lets the column's type check the length (see `castType`), so a value longer than it (trailing spaces aside)
 * fails the statement.
 */
export function narrowedLength(from: Column, to: Column): number | undefined {
  if (Boolean(from.array) !== Boolean(to.array)) return undefined;
  const textual =
    (to.type === 'character varying' && (from.type === 'character varying' || from.type === 'text')) ||
    (to.type === 'character' && from.type === 'character');
  if (!textual) return undefined;
  const length = (column: Column) => column.length ?? DEFAULT_LENGTH[column.type];
  const target = length(to);
  const source = length(from);
  if (target === undefined || (source !== undefined && source <= target)) return undefined;
  return target;
}

export function typeChangeHazards(
  table: string,
  from: Column,
  to: Column,
  fromType: string,
  toType: string,
  context: { from: Model; to: Model },
  rows: TableRows,
): Hazard[] {
  const hazards: Hazard[] = [
    hazard.lock(
      `changing the type of ${table}.${to.name} holds an ACCESS EXCLUSIVE lock on ${table}: reads and writes wait`,
    ),
  ];
  // A domain's values are values of its base type: a column leaving a domain converts from that type (to the base
  // type itself: no rewrite, nothing lost). One becoming a domain is checked against the domain's constraints, which
  // may refuse values: judged as the domain type itself.
  const source = from.domain && !to.domain ? asBaseType(from) : from;
  // To the domain's own base type: the domain's constraints no longer apply, every value stays as it is.
  if (from.domain !== undefined && !to.domain && deepEqualType(source, to)) return hazards;
  if (!isRewriteFree(source, to)) {
    hazards.push(hazard.rewrite(`${fromType} -> ${toType} rewrites every row of ${table} (and rebuilds its indexes)`));
  }
  const length = narrowedLength(source, to);
  if (isEpochConversion(source, to)) {
    hazards.push(
      hazard.dataLoss(
        `${fromType} -> ${toType} has no cast: the values of ${table}.${to.name} are read as Unix epoch milliseconds ` +
          '(UTC); if they hold seconds or another unit, convert them yourself before this plan',
      ),
    );
  } else if (length !== undefined) {
    const change = { name: from.name, from: fromType, to: toType, length, array: from.array ?? false };
    hazards.push(...narrowingHazards(`${table}.${to.name}`, change, rows));
  } else if (!isWidening(source, to, context)) {
    hazards.push(
      hazard.dataLoss(
        `${fromType} -> ${toType} narrows ${table}.${to.name}: values may be truncated or rounded, or fail to convert`,
      ),
    );
  }
  return hazards;
}
