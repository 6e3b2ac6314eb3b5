/**
 * Details of a database model that TypeORM entities cannot state, reported per object so that `inspect --format
 * typeorm` never flattens them silently: comments on indexes, constraints, enum types, views and schemas; deferrable
 * primary keys; `MATCH FULL`; NULLS NOT DISTINCT uniques; view options; and every attribute the model itself does not
 * describe (partly managed objects, see `UnmodelledAttribute`). A plan against the generated entities removes the
 * modelled ones (resets them to what entities declare) and leaves the unmodelled ones alone.
 * (Indexes whose definition entities cannot state are reported where they are planned: table-constraints.ts.)
 */
import type { Model, Table, UnmodelledAttribute } from '../../model';
import { qualifiedKey } from '../../model';
import type { Diagnostic } from '../../plan/types';

const PLAN_RESETS =
  'A plan against the generated entities resets it: set it again by hand after such a plan, or keep it out of the plan.';
const LEFT_ALONE = 'Plans leave it as it is (schemaplan does not manage it).';

function detail(location: string, what: string, hint: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'ENTITY_DETAIL_NOT_DECLARED',
    message: `${what}: entities cannot declare it`,
    location,
    hint,
  };
}

function unmodelled(location: string, object: string, list: readonly UnmodelledAttribute[] | undefined): Diagnostic[] {
  return (list ?? []).map((entry) => detail(location, `${object} has ${entry.attribute} ${entry.value}`, LEFT_ALONE));
}

function tableDetails(table: Table): Diagnostic[] {
  const key = qualifiedKey(table);
  const at = `table ${key}`;
  const out: Diagnostic[] = [...unmodelled(at, `table ${key}`, table.unmodelled)];
  for (const column of table.columns) out.push(...unmodelled(at, `column ${key}.${column.name}`, column.unmodelled));
  const pk = table.primaryKey;
  if (pk?.deferrable) out.push(detail(at, `primary key of ${key} is DEFERRABLE ${pk.deferrable}`, PLAN_RESETS));
  for (const constraint of [pk, ...table.uniques, ...table.checks, ...table.foreignKeys]) {
    if (constraint?.comment)
      out.push(detail(at, `constraint ${constraint.name ?? ''} on ${key} has a comment`, PLAN_RESETS));
  }
  if (pk) out.push(...unmodelled(at, `primary key of ${key}`, pk.unmodelled));
  for (const unique of table.uniques) {
    if (unique.nullsNotDistinct)
      out.push(detail(at, `unique constraint ${unique.name} on ${key} is NULLS NOT DISTINCT`, PLAN_RESETS));
    out.push(...unmodelled(at, `unique constraint ${unique.name} on ${key}`, unique.unmodelled));
  }
  for (const fk of table.foreignKeys) {
    if (fk.match) out.push(detail(at, `foreign key ${fk.name} on ${key} is MATCH ${fk.match}`, PLAN_RESETS));
    out.push(...unmodelled(at, `foreign key ${fk.name} on ${key}`, fk.unmodelled));
  }
  for (const index of table.indexes) {
    if (index.comment) out.push(detail(at, `index ${index.name} on ${key} has a comment`, PLAN_RESETS));
    out.push(...unmodelled(at, `index ${index.name} on ${key}`, index.unmodelled));
  }
  return out;
}

/** One warning per detail the entities generated from `model` cannot state (see the module comment). */
export function undeclaredDetails(model: Model, tables: readonly Table[]): Diagnostic[] {
  const out = tables.flatMap(tableDetails);
  for (const type of model.enums) {
    const at = `enum ${qualifiedKey(type)}`;
    if (type.comment) out.push(detail(at, `enum type ${qualifiedKey(type)} has a comment`, PLAN_RESETS));
    out.push(...unmodelled(at, `enum type ${qualifiedKey(type)}`, type.unmodelled));
  }
  for (const view of model.views ?? []) {
    const at = `view ${qualifiedKey(view)}`;
    if (view.comment) out.push(detail(at, `view ${qualifiedKey(view)} has a comment`, PLAN_RESETS));
    if (view.options?.length)
      out.push(detail(at, `view ${qualifiedKey(view)} has options ${view.options.join(', ')}`, PLAN_RESETS));
    out.push(...unmodelled(at, `view ${qualifiedKey(view)}`, view.unmodelled));
    for (const index of view.indexes ?? []) {
      if (index.comment)
        out.push(detail(at, `index ${index.name} on ${qualifiedKey(view)} has a comment`, PLAN_RESETS));
      out.push(...unmodelled(at, `index ${index.name} on ${qualifiedKey(view)}`, index.unmodelled));
    }
  }
  for (const schema of Object.keys(model.schemaComments ?? {})) {
    out.push(
      detail(`schema ${schema}`, `schema ${schema} has a comment`, 'Plans from entities leave schema comments alone.'),
    );
  }
  return out;
}
