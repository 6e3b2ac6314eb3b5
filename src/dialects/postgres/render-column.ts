import type { ChangeOf } from '../../diff/changes';
import { SchemaplanError } from '../../errors/errors';
import { qualifiedKey, sequenceOfDefault, type Column, type QualifiedName } from '../../model';
import { addNotNullColumnHazards, backfillHazards, notNullHazards } from '../measured-hazards';
import { tableRows } from '../row-counts';
import { defaultGivesValue, isNotNullWithoutDefault } from '../table-probes';
import type { Hazard, Statement } from '../../model';
import type { RenderContext } from '../dialect';
import { hazard, isEpochConversion, label, tableExists, typeChangeHazards } from './hazards';
import { DEFAULT_SCHEMA } from './normalize';
import { defaultOperand, isNumberText } from './expression';
import { identityOptionChanges, identityOptionsClause, narrowedIdentityBounds } from './identity';
import { deepEqual } from '../../diff/compare-named';
import { quoteIdentifier, quoteLiteral, quoteQualified } from './quote';
import { renderBaseType, renderColumnType, serialTypeFor } from './types';

export function statement(sql: string, hazards: readonly Hazard[] = []): Statement {
  return { sql, hazards, transactional: true };
}

export function qualifiedTable(table: QualifiedName): QualifiedName {
  return { schema: table.schema ?? DEFAULT_SCHEMA, name: table.name };
}

/**
 * A default as DDL: numbers are written as quoted literals, the way TypeORM writes them (`DEFAULT '20'`), so the
 * catalog stores what TypeORM's schema builder expects to read back (`'2.5'::real`, not `2.5`); an expression that is
 * not a `b_expr` in parentheses (`DEFAULT (1 IS NOT NULL)`, see `defaultOperand`).
 */
export function renderDefault(column: Column): string {
  const value = column.default!;
  return isNumberText(value) ? quoteLiteral(value) : defaultOperand(value);
}

/** ` COLLATE "C"`, or nothing for the type's default collation. */
function collateClause(column: Column): string {
  return column.collation ? ` COLLATE ${quoteIdentifier(column.collation)}` : '';
}

function isIdentity(generated: Column['generated']): generated is 'identity-always' | 'identity-by-default' {
  return generated === 'identity-always' || generated === 'identity-by-default';
}

function identityKind(generated: 'identity-always' | 'identity-by-default'): string {
  return generated === 'identity-always' ? 'ALWAYS' : 'BY DEFAULT';
}

function serialType(column: Column, table: string): string {
  const serial = column.array ? undefined : serialTypeFor(column.type);
  if (!serial) {
    throw new SchemaplanError(
      `${table}.${column.name}: a sequence-generated column must be smallint, integer or bigint, not ${renderColumnType(column)}`,
      'Use an integer type for generated columns.',
    );
  }
  return serial;
}

/** `"id" SERIAL NOT NULL`, `"name" character varying(100) NOT NULL DEFAULT 'x'`: TypeORM's column syntax. */
export function renderColumnDefinition(column: Column, table: string): string {
  let sql = quoteIdentifier(column.name);
  if (column.generated === 'increment') sql += ` ${serialType(column, table)}`;
  else if (isIdentity(column.generated)) {
    sql += ` ${renderColumnType(column)} GENERATED ${identityKind(column.generated)} AS IDENTITY${identityOptionsClause(column)}`;
  } else sql += ` ${renderColumnType(column)}${collateClause(column)}`;
  if (column.computed) sql += ` GENERATED ALWAYS AS (${column.computed.expression}) STORED`;
  if (!column.nullable) sql += ' NOT NULL';
  if (column.default !== undefined && column.generated === undefined && !column.computed) {
    sql += ` DEFAULT ${renderDefault(column)}`;
  }
  return sql;
}

export function renderColumnComment(table: QualifiedName, column: string, comment: string | undefined): Statement {
  const target = `${quoteQualified(qualifiedTable(table))}.${quoteIdentifier(column)}`;
  return statement(`COMMENT ON COLUMN ${target} IS ${comment ? quoteLiteral(comment) : 'NULL'}`);
}

/** Volatile defaults are evaluated per existing row when the column is added: the table is rewritten. */
const VOLATILE_DEFAULT = /\b(uuid_generate_v\d\w*|gen_random_uuid|random|nextval|clock_timestamp|timeofday)\s*\(/i;

export function renderColumnAdd(change: ChangeOf<'column.add'>, context: RenderContext): Statement[] {
  const { column } = change;
  const table = qualifiedTable(change.table);
  const name = quoteQualified(table);
  const hazards: Hazard[] = [];
  if (isNotNullWithoutDefault(column)) {
    hazards.push(...addNotNullColumnHazards(column.name, label(table), tableRows(context.measurements, table)));
  }
  if (
    column.generated !== undefined ||
    column.computed !== undefined ||
    (column.default !== undefined && VOLATILE_DEFAULT.test(column.default))
  ) {
    hazards.push(hazard.rewrite(`filling ${column.name} computes a value for every existing row of ${label(table)}`));
    hazards.push(hazard.lock(`${label(table)} is locked (ACCESS EXCLUSIVE) while it is rewritten`));
  }
  const statements = [statement(`ALTER TABLE ${name} ADD COLUMN ${renderColumnDefinition(column, name)}`, hazards)];
  if (column.comment) statements.push(renderColumnComment(table, column.name, column.comment));
  return statements;
}

/**
 * Column changes involving a generated (computed) column, which PostgreSQL 15 cannot alter in place except to turn
 * it into an ordinary column (`DROP EXPRESSION`, values kept). A new or changed expression, or a new type, means
 * dropping the column and adding it again: its values are computed again from the other columns, so nothing is lost
 * unless the column held ordinary values before. `undefined`: not such a change (see `renderColumnAlter`).
 */
export function renderComputedColumnAlter(
  change: ChangeOf<'column.alter'>,
  context: RenderContext,
): Statement[] | undefined {
  const { from, to } = change;
  if (!from.computed && !to.computed) return undefined;
  const table = qualifiedTable(change.table);
  const name = quoteQualified(table);
  if (from.computed && !to.computed) {
    const rest = change.fields.filter((field) => field !== 'computed');
    const plain = { ...from, computed: undefined };
    const dropExpression = statement(`ALTER TABLE ${name} ALTER COLUMN ${quoteIdentifier(to.name)} DROP EXPRESSION`);
    if (rest.length === 0) return [dropExpression];
    return [dropExpression, ...renderColumnAlter({ ...change, from: plain, fields: rest }, context)];
  }
  if (from.computed && to.computed && !change.fields.includes('computed') && !change.fields.includes('type')) {
    return undefined; // nullability or comment: altered in place
  }
  const hazards: Hazard[] = from.computed
    ? [
        hazard.rewrite(`adding ${to.name} again computes its value for every row of ${label(table)}`),
        hazard.lock(`${label(table)} is locked (ACCESS EXCLUSIVE) while it is rewritten`),
      ]
    : [hazard.dataLoss(`the values of ${label(table)}.${to.name} are replaced by ones computed from its expression`)];
  const statements = [
    statement(`ALTER TABLE ${name} DROP COLUMN ${quoteIdentifier(from.name)}`, hazards),
    statement(`ALTER TABLE ${name} ADD COLUMN ${renderColumnDefinition(to, name)}`),
  ];
  if (to.comment) statements.push(renderColumnComment(table, to.name, to.comment));
  return statements;
}

/**
 * The type a `USING` expression casts to: the target without its length or precision. An explicit cast to
 * `character varying(n)` silently truncates longer values; casting to the unmodified type leaves the modifier to
 * the column's assignment coercion, which rejects a value that does not fit (numerics are rounded either way).
 * `character` and `bit` without a length mean length 1, so their unmodified forms are `bpchar` and `bit varying`.
 */
function castType(column: Column): string {
  const unmodified = { ...column, length: undefined, precision: undefined, scale: undefined };
  if (column.type === 'character') unmodified.type = 'bpchar';
  if (column.type === 'bit') unmodified.type = 'bit varying';
  return renderColumnType(unmodified);
}

/** `USING` expression converting the old values: through text for enums, wrapped/unwrapped for arrays. */
function usingExpression(from: Column, to: Column): string {
  const column = quoteIdentifier(to.name);
  const target = castType(to);
  const viaText = from.type === 'enum' || to.type === 'enum';
  if (isEpochConversion(from, to)) {
    // No integer -> timestamp cast: epoch milliseconds (fractions kept), in UTC whatever the session's time zone.
    const instant = `to_timestamp(${column} / 1000.0)`;
    return to.type === 'timestamp with time zone' ? instant : `${instant} AT TIME ZONE 'UTC'`;
  }
  if (!from.array && to.array) {
    const element = castType({ ...to, array: false });
    const value = viaText ? `${column}::text::${element}` : `${column}::${element}`;
    return `CASE WHEN ${column} IS NULL THEN NULL ELSE ARRAY[${value}] END`;
  }
  if (from.array && !to.array) return viaText ? `${column}[1]::text::${target}` : `${column}[1]::${target}`;
  if (viaText) {
    const text = from.array ? 'text[]' : 'text';
    return target === text ? `${column}::${text}` : `${column}::${text}::${target}`;
  }
  return `${column}::${target}`;
}

/** An anonymous block: the one way to act on a serial column's sequence, whose name only the catalog knows. */
export function doBlock(body: string): string {
  return `DO ${quoteLiteral(body)}`;
}

export function serialSequenceExpression(table: QualifiedName, column: string): string {
  return `pg_get_serial_sequence(${quoteLiteral(quoteQualified(table))}, ${quoteLiteral(column)})`;
}

/**
 * `ALTER COLUMN ... SET INCREMENT BY ...` for an identity column. When the new bounds may not hold the sequence's
 * current value (`narrowed`), a DO block reads that value when the plan runs: within the new bounds the options are
 * set as they are; outside them PostgreSQL takes the change only with a RESTART, which restarts the sequence at its
 * (new) START, the value a new sequence with these options would give first.
 */
function identityOptionsAlter(
  table: QualifiedName,
  column: string,
  options: string,
  narrowed: { minValue: string; maxValue: string; start: string } | undefined,
): Statement {
  const alter = `ALTER TABLE ${quoteQualified(table)} ALTER COLUMN ${quoteIdentifier(column)} ${options}`;
  if (!narrowed) return statement(alter);
  return statement(
    doBlock(
      `DECLARE v bigint; BEGIN EXECUTE ${quoteLiteral('SELECT last_value FROM ')} || ${serialSequenceExpression(table, column)} INTO v; ` +
        `IF v BETWEEN ${narrowed.minValue} AND ${narrowed.maxValue} THEN ${alter}; ELSE ${alter} RESTART; END IF; END`,
    ),
    [
      hazard.restart(
        `the identity of ${label(table)}.${column} gets bounds ${narrowed.minValue} to ${narrowed.maxValue}: if its ` +
          `current value is outside them, its sequence restarts at ${narrowed.start}, and rows already holding the ids ` +
          `it then issues make new inserts fail`,
      ),
    ],
  );
}

function restartSequenceAfterMax(table: QualifiedName, column: string, sequence: string): Statement {
  return statement(
    `SELECT setval(${sequence}, COALESCE(MAX(${quoteIdentifier(column)}), 0) + 1, false) FROM ${quoteQualified(table)}`,
  );
}

/**
 * One column's changes, in the order PostgreSQL accepts them: the old generator and default go first (they may not
 * convert), then the type (in place, `USING`), NOT NULL before an identity is added, the new default and generator,
 * then DROP NOT NULL and the comment.
 */
export function renderColumnAlter(change: ChangeOf<'column.alter'>, context: RenderContext): Statement[] {
  const { from, to } = change;
  const table = qualifiedTable(change.table);
  const name = quoteQualified(table);
  const alter = (action: string, hazards: readonly Hazard[] = []) =>
    statement(`ALTER TABLE ${name} ALTER COLUMN ${quoteIdentifier(to.name)} ${action}`, hazards);
  const fromType = renderColumnType(from);
  const toType = renderColumnType(to);
  const typeChanged = fromType !== toType;
  const generatedChanged = from.generated !== to.generated;
  const defaultChanged = from.default !== to.default;
  const out: Statement[] = [];

  if (generatedChanged && from.generated === 'increment') {
    out.push(alter('DROP DEFAULT'));
    out.push(
      statement(
        doBlock(
          `DECLARE s text := ${serialSequenceExpression(table, from.name)}; ` +
            `BEGIN IF s IS NOT NULL THEN EXECUTE ${quoteLiteral('DROP SEQUENCE ')} || s; END IF; END`,
        ),
      ),
    );
  } else if (generatedChanged && isIdentity(from.generated) && !isIdentity(to.generated)) {
    out.push(alter('DROP IDENTITY'));
  }

  const setsDefault =
    to.default !== undefined &&
    to.generated === undefined &&
    (defaultChanged || typeChanged || from.generated !== undefined);
  // The old default goes when it is not simply replaced by SET DEFAULT below (it may not convert to the new type).
  if (from.default !== undefined && from.generated === undefined && (typeChanged || (defaultChanged && !setsDefault))) {
    out.push(alter('DROP DEFAULT'));
  }

  const rows = tableRows(context.measurements, table);
  if (typeChanged) {
    const hazards = typeChangeHazards(label(table), from, to, fromType, toType, context, rows);
    out.push(alter(`TYPE ${toType}${collateClause(to)} USING ${usingExpression(from, to)}`, hazards));
    if (from.generated === 'increment' && to.generated === 'increment') {
      out.push(
        statement(
          doBlock(
            `BEGIN EXECUTE ${quoteLiteral('ALTER SEQUENCE ')} || ${serialSequenceExpression(table, to.name)} || ` +
              `${quoteLiteral(` AS ${renderBaseType(to)}`)}; END`,
          ),
        ),
      );
    }
  }

  if (!typeChanged && from.collation !== to.collation) {
    // Same type, other collation: no rewrite, but the column's indexes are rebuilt.
    out.push(alter(`TYPE ${toType} COLLATE ${quoteIdentifier(to.collation ?? 'default')}`));
  }
  if (setsDefault) out.push(alter(`SET DEFAULT ${renderDefault(to)}`));

  if (from.nullable && !to.nullable) {
    const existing = tableExists(context.from, table);
    const fill = defaultGivesValue(to) && to.generated === undefined;
    const subject = `sets ${label(table)}.${to.name} NOT NULL`;
    if (fill && existing) {
      // Like the SQLite rebuild's COALESCE: rows holding NULL take the column's default, so SET NOT NULL holds.
      const column = quoteIdentifier(to.name);
      out.push(
        statement(
          `UPDATE ${name} SET ${column} = DEFAULT WHERE ${column} IS NULL`,
          backfillHazards(subject, from.name, rows),
        ),
      );
    }
    out.push(alter('SET NOT NULL', existing && !fill ? notNullHazards(subject, from.name, rows) : []));
  }

  const sequence = { schema: table.schema, name: `${table.name}_${to.name}_seq` };
  const fromSequence = from.generated === undefined ? sequenceOfDefault(from.default) : undefined;
  if (
    generatedChanged &&
    to.generated === 'increment' &&
    fromSequence &&
    qualifiedKey(fromSequence) === qualifiedKey(sequence)
  ) {
    // The column already draws from the sequence a serial has: that (standalone) sequence becomes the serial's
    // (`sequence.alter` gives it the column as owner); the default stays.
    out.push(alter(`SET DEFAULT nextval(${quoteLiteral(quoteQualified(sequence))}::regclass)`));
  } else if (generatedChanged && to.generated === 'increment') {
    const sequenceLiteral = quoteLiteral(quoteQualified(sequence));
    out.push(
      statement(
        `CREATE SEQUENCE ${quoteQualified(sequence)} AS ${renderBaseType(to)} OWNED BY ${name}.${quoteIdentifier(to.name)}`,
      ),
    );
    out.push(alter(`SET DEFAULT nextval(${sequenceLiteral}::regclass)`));
    out.push(restartSequenceAfterMax(table, to.name, sequenceLiteral));
  } else if (generatedChanged && isIdentity(to.generated)) {
    if (isIdentity(from.generated)) out.push(alter(`SET GENERATED ${identityKind(to.generated)}`));
    else {
      out.push(alter(`ADD GENERATED ${identityKind(to.generated)} AS IDENTITY${identityOptionsClause(to)}`));
      out.push(restartSequenceAfterMax(table, to.name, serialSequenceExpression(table, to.name)));
    }
  }

  if (isIdentity(from.generated) && isIdentity(to.generated) && !deepEqual(from.identity, to.identity)) {
    const options = identityOptionChanges(from, to);
    if (options) out.push(identityOptionsAlter(table, to.name, options, narrowedIdentityBounds(from, to)));
  }

  if (!from.nullable && to.nullable) out.push(alter('DROP NOT NULL'));

  if ((from.comment ?? '') !== (to.comment ?? '')) out.push(renderColumnComment(table, to.name, to.comment));

  if (out.length === 0) {
    throw new SchemaplanError(
      `internal error: column.alter on ${name}.${to.name} changes nothing PostgreSQL can express (${change.fields.join(', ')})`,
    );
  }
  return out;
}
