import { SchemaplanError } from '../../errors/errors';
import type { Column, IdentityOptions } from '../../model';

/** Every option of an identity sequence, defaults filled in (decimal text; `cycle` a boolean). */
export interface EffectiveIdentity {
  readonly start: string;
  readonly increment: string;
  readonly minValue: string;
  readonly maxValue: string;
  readonly cache: string;
  readonly cycle: boolean;
}

const BOUNDS: Readonly<Record<string, readonly [bigint, bigint]>> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

function parse(text: string | undefined): bigint | undefined {
  if (text === undefined) return undefined;
  try {
    return BigInt(text.trim());
  } catch {
    return undefined;
  }
}

/** The options PostgreSQL gives an identity sequence of `type` (`CREATE SEQUENCE` defaults) where `options` say nothing. */
export function effectiveIdentity(type: string, options: IdentityOptions = {}): EffectiveIdentity {
  const [lowest, highest] = BOUNDS[type] ?? BOUNDS.bigint!;
  const increment = parse(options.increment) ?? 1n;
  const ascending = increment > 0n;
  const minValue = parse(options.minValue) ?? (ascending ? 1n : lowest);
  const maxValue = parse(options.maxValue) ?? (ascending ? highest : -1n);
  const start = parse(options.start) ?? (ascending ? minValue : maxValue);
  return {
    start: String(start),
    increment: String(increment),
    minValue: String(minValue),
    maxValue: String(maxValue),
    cache: String(parse(options.cache) ?? 1n),
    cycle: options.cycle === true,
  };
}

/** The options that differ from the defaults, or `undefined` when none does (what the model keeps). */
export function normalizeIdentity(type: string, options: IdentityOptions | undefined): IdentityOptions | undefined {
  if (options === undefined) return undefined;
  const actual = effectiveIdentity(type, options);
  const increment = BigInt(actual.increment);
  const defaults = effectiveIdentity(type, { increment: actual.increment });
  const startDefault = increment > 0n ? actual.minValue : actual.maxValue;
  const result: { -readonly [K in keyof IdentityOptions]: IdentityOptions[K] } = {};
  if (actual.increment !== '1') result.increment = actual.increment;
  if (actual.minValue !== defaults.minValue) result.minValue = actual.minValue;
  if (actual.maxValue !== defaults.maxValue) result.maxValue = actual.maxValue;
  if (actual.start !== startDefault) result.start = actual.start;
  if (actual.cache !== '1') result.cache = actual.cache;
  if (actual.cycle) result.cycle = true;
  return Object.keys(result).length > 0 ? result : undefined;
}

/** A whole number for the DDL (never other text: the option values are written unquoted). */
function wholeNumber(text: string): string {
  const value = parse(text);
  if (value === undefined) {
    throw new SchemaplanError(`identity sequence option ${JSON.stringify(text)} is not a whole number`);
  }
  return String(value);
}

/** `(START WITH 3 INCREMENT BY 4 ...)` for CREATE/ADD with the options the column sets, or '' when all are default. */
export function identityOptionsClause(column: Column): string {
  const options = column.identity;
  if (!options) return '';
  const parts: string[] = [];
  if (options.start !== undefined) parts.push(`START WITH ${wholeNumber(options.start)}`);
  if (options.increment !== undefined) parts.push(`INCREMENT BY ${wholeNumber(options.increment)}`);
  if (options.minValue !== undefined) parts.push(`MINVALUE ${wholeNumber(options.minValue)}`);
  if (options.maxValue !== undefined) parts.push(`MAXVALUE ${wholeNumber(options.maxValue)}`);
  if (options.cache !== undefined) parts.push(`CACHE ${wholeNumber(options.cache)}`);
  if (options.cycle) parts.push('CYCLE');
  return parts.length > 0 ? ` (${parts.join(' ')})` : '';
}

/**
 * `SET INCREMENT BY 4 SET MINVALUE 1 ...`: the options of an identity column that change from `from` to `to`, as
 * one `ALTER COLUMN` action list (applied together, so a new START may lie outside the old bounds); '' when none.
 * PostgreSQL also requires the sequence's current value to lie within the new bounds: see `narrowedIdentityBounds`.
 */
export function identityOptionChanges(from: Column, to: Column): string {
  const a = effectiveIdentity(from.type, from.identity);
  const b = effectiveIdentity(to.type, to.identity);
  const parts: string[] = [];
  if (a.increment !== b.increment) parts.push(`SET INCREMENT BY ${b.increment}`);
  if (a.minValue !== b.minValue) parts.push(`SET MINVALUE ${b.minValue}`);
  if (a.maxValue !== b.maxValue) parts.push(`SET MAXVALUE ${b.maxValue}`);
  if (a.start !== b.start) parts.push(`SET START WITH ${b.start}`);
  if (a.cache !== b.cache) parts.push(`SET CACHE ${b.cache}`);
  if (a.cycle !== b.cycle) parts.push(b.cycle ? 'SET CYCLE' : 'SET NO CYCLE');
  return parts.join(' ');
}

/**
 * The new bounds of an identity sequence when they do not contain the old ones, so the sequence's current value
 * (anywhere within the old bounds) may lie outside them: PostgreSQL then refuses the change ("RESTART value (-200)
 * cannot be less than MINVALUE (-100)") unless it also restarts the sequence. `undefined` when every value the
 * sequence can be at stays within the new bounds.
 */
export function narrowedIdentityBounds(
  from: Column,
  to: Column,
): { minValue: string; maxValue: string; start: string } | undefined {
  const a = effectiveIdentity(from.type, from.identity);
  const b = effectiveIdentity(to.type, to.identity);
  if (BigInt(a.minValue) >= BigInt(b.minValue) && BigInt(a.maxValue) <= BigInt(b.maxValue)) return undefined;
  return { minValue: b.minValue, maxValue: b.maxValue, start: b.start };
}
