/** PostgreSQL standalone sequences: their canonical form and their DDL. */
import { SchemaplanError } from '../../errors/errors';
import type { QualifiedName, Sequence, SequenceType } from '../../model';
import { qualifiedKey } from '../../model';
import { effectiveIdentity, normalizeIdentity } from './identity';
import { quoteIdentifier, quoteQualified } from './quote';

const DEFAULT_SCHEMA = 'public';
const TYPES: readonly SequenceType[] = ['smallint', 'integer', 'bigint'];
const TYPE_SYNONYMS: Readonly<Record<string, SequenceType>> = {
  int2: 'smallint',
  int4: 'integer',
  int: 'integer',
  int8: 'bigint',
};

/** `bigint` when not said; synonyms (`int4`) in the catalog's spelling. */
export function sequenceType(text: string | undefined): SequenceType {
  const type = text?.trim().toLowerCase() ?? 'bigint';
  const known = TYPE_SYNONYMS[type] ?? TYPES.find((t) => t === type);
  if (known === undefined)
    throw new SchemaplanError(`sequence type ${JSON.stringify(text)} is not smallint, integer or bigint`);
  return known;
}

/** The schema made explicit, the type in catalog spelling, only the options that are not the default kept. */
export function normalizeSequence(sequence: Sequence): Sequence {
  const type = sequenceType(sequence.type);
  const { start, increment, minValue, maxValue, cache, cycle } = sequence;
  const options = normalizeIdentity(type, { start, increment, minValue, maxValue, cache, cycle: cycle || undefined });
  return {
    schema: sequence.schema ?? DEFAULT_SCHEMA,
    name: sequence.name,
    type,
    ...options,
    ownedBy: sequence.ownedBy,
    comment: sequence.comment || undefined,
    unmodelled: sequence.unmodelled,
  };
}

/** Qualified keys of the model's standalone sequences. */
export function sequenceKeys(sequences: readonly Sequence[] | undefined): ReadonlySet<string> {
  return new Set((sequences ?? []).map((s) => qualifiedKey({ schema: s.schema ?? DEFAULT_SCHEMA, name: s.name })));
}

export function qualifiedSequence(sequence: QualifiedName): string {
  return quoteQualified({ schema: sequence.schema ?? DEFAULT_SCHEMA, name: sequence.name });
}

/** `"public"."orders"."id"` for `OWNED BY`, or `NONE`. */
export function ownerClause(sequence: Sequence): string {
  const owner = sequence.ownedBy;
  if (!owner) return 'NONE';
  return `${quoteQualified({ schema: sequence.schema ?? DEFAULT_SCHEMA, name: owner.table })}.${quoteIdentifier(owner.column)}`;
}

/** `CREATE SEQUENCE ... AS ... [options]`; ownership is set by a separate change, once the owning column exists. */
export function createSequenceSql(sequence: Sequence): string {
  const type = sequenceType(sequence.type);
  const options = effectiveIdentity(type, sequence);
  const defaults = effectiveIdentity(type, { increment: options.increment });
  const parts = [`CREATE SEQUENCE ${qualifiedSequence(sequence)} AS ${type}`];
  if (options.increment !== '1') parts.push(`INCREMENT BY ${options.increment}`);
  if (options.minValue !== defaults.minValue) parts.push(`MINVALUE ${options.minValue}`);
  if (options.maxValue !== defaults.maxValue) parts.push(`MAXVALUE ${options.maxValue}`);
  if (options.start !== (BigInt(options.increment) > 0n ? options.minValue : options.maxValue))
    parts.push(`START WITH ${options.start}`);
  if (options.cache !== '1') parts.push(`CACHE ${options.cache}`);
  if (options.cycle) parts.push('CYCLE');
  return parts.join(' ');
}

/**
 * The `ALTER SEQUENCE` clauses that turn `from` into `to` (type, options, owner), applied together so that new bounds
 * and a new start are checked against each other; '' when nothing differs. Every option whose effective value
 * changes is said explicitly: a type change alone moves the default bounds, which PostgreSQL then also moves.
 */
export function alterSequenceClauses(from: Sequence, to: Sequence): string {
  const fromType = sequenceType(from.type);
  const toType = sequenceType(to.type);
  const a = effectiveIdentity(fromType, from);
  const b = effectiveIdentity(toType, to);
  const parts: string[] = [];
  if (fromType !== toType) parts.push(`AS ${toType}`);
  if (a.increment !== b.increment) parts.push(`INCREMENT BY ${b.increment}`);
  if (a.minValue !== b.minValue || fromType !== toType) parts.push(`MINVALUE ${b.minValue}`);
  if (a.maxValue !== b.maxValue || fromType !== toType) parts.push(`MAXVALUE ${b.maxValue}`);
  if (a.start !== b.start) parts.push(`START WITH ${b.start}`);
  if (a.cache !== b.cache) parts.push(`CACHE ${b.cache}`);
  if (a.cycle !== b.cycle) parts.push(b.cycle ? 'CYCLE' : 'NO CYCLE');
  if (ownerClause(from) !== ownerClause(to)) parts.push(`OWNED BY ${ownerClause(to)}`);
  return parts.join(' ');
}
