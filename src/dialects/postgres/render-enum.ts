/** PostgreSQL enum type changes beyond CREATE/DROP/ADD VALUE: renames and the type swap. */
import type { ChangeOf, EnumSwapColumn, EnumValueMapping } from '../../diff/changes';
import type { QualifiedName } from '../../model';
import { enumColumnRemovals, enumRemovalHazards } from '../measure';
import type { Statement } from '../../model';
import type { RenderContext } from '../dialect';
import { hazard, label } from './hazards';
import { DEFAULT_SCHEMA } from './normalize';
import { quoteIdentifier, quoteLiteral, quoteQualified } from './quote';
import { qualifiedTable, renderDefault, statement } from './render-column';
import { renderColumnType } from './types';

const qualified = (name: QualifiedName): QualifiedName => ({ schema: name.schema ?? DEFAULT_SCHEMA, name: name.name });

export function renderEnumRename(change: ChangeOf<'enum.rename'>): Statement[] {
  const from = qualified(change.from);
  const to = qualified(change.to);
  const statements = [statement(`ALTER TYPE ${quoteQualified(from)} RENAME TO ${quoteIdentifier(to.name)}`)];
  if (from.schema !== to.schema) {
    statements.push(
      statement(
        `ALTER TYPE ${quoteQualified({ schema: from.schema, name: to.name })} SET SCHEMA ${quoteIdentifier(to.schema!)}`,
      ),
    );
  }
  return statements;
}

export function renderEnumValueRename(change: ChangeOf<'enum.value.rename'>): Statement[] {
  return [
    statement(
      `ALTER TYPE ${quoteQualified(qualified(change.enum))} RENAME VALUE ${quoteLiteral(change.from)} TO ${quoteLiteral(change.to)}`,
    ),
  ];
}

/** `<name>_old`, made unique among the enum types of its schema on either side. */
function asideName(type: QualifiedName, context: RenderContext): string {
  const schema = type.schema ?? DEFAULT_SCHEMA;
  const taken = new Set(
    [...context.from.enums, ...context.to.enums]
      .filter((e) => (e.schema ?? DEFAULT_SCHEMA) === schema)
      .map((e) => e.name),
  );
  let name = `${type.name}_old`;
  for (let i = 2; taken.has(name); i++) name = `${type.name}_old${i}`;
  return name;
}

/** The old value as text with declared mappings applied: `CASE "c"::text WHEN 'A0' THEN 'A1' ELSE "c"::text END`. */
function mappedText(column: string, array: boolean, mappings: readonly EnumValueMapping[]): string {
  const text = `${quoteIdentifier(column)}::${array ? 'text[]' : 'text'}`;
  if (mappings.length === 0) return text;
  if (array) {
    return mappings.reduce((expr, m) => `array_replace(${expr}, ${quoteLiteral(m.from)}, ${quoteLiteral(m.to)})`, text);
  }
  const whens = mappings.map((m) => `WHEN ${quoteLiteral(m.from)} THEN ${quoteLiteral(m.to)}`).join(' ');
  return `CASE ${text} ${whens} ELSE ${text} END`;
}

function usingSwap(column: EnumSwapColumn, mappings: readonly EnumValueMapping[]): string {
  const { from, to } = column;
  const type = renderColumnType(to);
  const source = mappedText(from.name, from.array ?? false, mappings);
  if (!from.array && to.array) {
    return `CASE WHEN ${quoteIdentifier(from.name)} IS NULL THEN NULL ELSE ARRAY[${source}]::${type} END`;
  }
  if (from.array && !to.array) return `(${source})[1]::${type}`;
  return `${source.startsWith('CASE') || source.startsWith('array_replace') ? `(${source})` : source}::${type}`;
}

/**
 * The swap TypeORM performs for changed enum labels: rename the old type aside, create the new one, convert each
 * column through text (defaults dropped first: they are typed by the old type), re-set defaults, drop the old type.
 */
export function renderEnumRecreate(change: ChangeOf<'enum.recreate'>, context: RenderContext): Statement[] {
  const type = qualified(change.from);
  const aside = asideName(type, context);
  const statements: Statement[] = [
    statement(`ALTER TYPE ${quoteQualified(type)} RENAME TO ${quoteIdentifier(aside)}`),
    statement(
      `CREATE TYPE ${quoteQualified(qualified(change.to))} AS ENUM (${change.to.values.map(quoteLiteral).join(', ')})`,
    ),
  ];
  const removals = enumColumnRemovals(change);
  for (const column of change.columns) {
    const table = qualifiedTable(column.table);
    const alter = (action: string, hazards: Statement['hazards'] = []) =>
      statement(
        `ALTER TABLE ${quoteQualified(table)} ALTER COLUMN ${quoteIdentifier(column.to.name)} ${action}`,
        hazards,
      );
    if (column.from.default !== undefined) statements.push(alter('DROP DEFAULT'));
    const removal = removals.find((r) => label(r.table) === label(table) && r.column === column.from.name);
    statements.push(
      alter(`TYPE ${renderColumnType(column.to)} USING ${usingSwap(column, change.mappings)}`, [
        hazard.lock(
          `converting ${label(table)}.${column.to.name} holds an ACCESS EXCLUSIVE lock on ${label(table)}: reads and writes wait`,
        ),
        hazard.rewrite(
          `converting ${label(table)}.${column.to.name} to the new enum type rewrites every row of ${label(table)} (and rebuilds its indexes)`,
        ),
        ...(removal ? enumRemovalHazards(removal, context.measurements) : []),
      ]),
    );
    if (column.to.default !== undefined) statements.push(alter(`SET DEFAULT ${renderDefault(column.to)}`));
  }
  statements.push(statement(`DROP TYPE ${quoteQualified({ schema: type.schema, name: aside })}`));
  return statements;
}
