/**
 * Partly managed objects: those with attributes the model does not describe (`UnmodelledAttribute`: a table's
 * storage parameters, a column's storage mode, an index's tablespace...). The diff never compares those attributes,
 * so a plan says, for every one the database has, that it is there and not compared; when the target is read too (a
 * database or a `.sql` file) and states something else, that the database differs in what the plan cannot change;
 * and it refuses every change that would re-create such an object (the new one would lose the attribute).
 */
import type { Change } from '../diff/changes';
import { qualifiedKey, type Model, type UnmodelledAttribute } from '../model';
import type { Diagnostic, PartlyManaged, Plan } from './types';

/** `object` -> its unmodelled attributes, for every object of the model that has some. */
function unmodelledObjects(model: Model): Map<string, readonly UnmodelledAttribute[]> {
  const out = new Map<string, readonly UnmodelledAttribute[]>();
  const put = (object: string, list: readonly UnmodelledAttribute[] | undefined) => {
    if (list && list.length > 0) out.set(object, list);
  };
  for (const table of model.tables) {
    const key = qualifiedKey(table);
    put(`table ${key}`, table.unmodelled);
    for (const column of table.columns) put(`column ${key}.${column.name}`, column.unmodelled);
    if (table.primaryKey) put(`primary key ${key}.${table.primaryKey.name ?? ''}`, table.primaryKey.unmodelled);
    for (const fk of table.foreignKeys) put(`foreign key ${key}.${fk.name}`, fk.unmodelled);
    for (const unique of table.uniques) put(`unique constraint ${key}.${unique.name}`, unique.unmodelled);
    for (const index of table.indexes) put(`index ${key}.${index.name}`, index.unmodelled);
  }
  for (const view of model.views ?? []) {
    const key = qualifiedKey(view);
    put(`${view.materialized ? 'materialized view' : 'view'} ${key}`, view.unmodelled);
    for (const index of view.indexes ?? []) put(`index ${key}.${index.name}`, index.unmodelled);
  }
  for (const sequence of model.sequences ?? []) put(`sequence ${qualifiedKey(sequence)}`, sequence.unmodelled);
  for (const type of model.enums) put(`type ${qualifiedKey(type)}`, type.unmodelled);
  return out;
}

const byAttribute = (list: readonly UnmodelledAttribute[]) =>
  new Map(list.map((entry) => [entry.attribute, entry.value]));

/**
 * Every unmodelled attribute of `from` (the database), and, when `to` is read as a whole (`compareTarget`), every one
 * `to` states otherwise (`differs`). Sorted by object, then attribute; absent when there is none.
 */
export function partlyManagedBy(from: Model, to: Model, compareTarget: boolean): PartlyManaged[] | undefined {
  const [current, target] = [unmodelledObjects(from), unmodelledObjects(to)];
  const entries: PartlyManaged[] = [];
  const objects = [...new Set([...current.keys(), ...(compareTarget ? target.keys() : [])])].sort();
  for (const object of objects) {
    const have = byAttribute(current.get(object) ?? []);
    const want = byAttribute(compareTarget ? (target.get(object) ?? []) : []);
    for (const attribute of [...new Set([...have.keys(), ...want.keys()])].sort()) {
      const [value, wanted] = [have.get(attribute), want.get(attribute)];
      const differs = compareTarget && value !== wanted;
      entries.push({
        object,
        attribute,
        ...(value !== undefined ? { value } : {}),
        ...(differs ? { differs: true as const, ...(wanted !== undefined ? { target: wanted } : {}) } : {}),
      });
    }
  }
  return entries.length > 0 ? entries : undefined;
}

/** What a pair of changes re-creates: `kind key` of an object dropped and created again by the plan. */
function recreatedKey(change: Change): { key: string; side: 'drop' | 'create' } | undefined {
  switch (change.kind) {
    case 'index.drop':
    case 'index.create':
      return {
        key: `index ${qualifiedKey(change.table)}.${change.index.name}`,
        side: change.kind === 'index.drop' ? 'drop' : 'create',
      };
    case 'unique.drop':
    case 'unique.add':
      return {
        key: `unique constraint ${qualifiedKey(change.table)}.${change.unique.name}`,
        side: change.kind === 'unique.drop' ? 'drop' : 'create',
      };
    case 'primaryKey.drop':
    case 'primaryKey.add':
      return {
        key: `primary key ${qualifiedKey(change.table)}`,
        side: change.kind === 'primaryKey.drop' ? 'drop' : 'create',
      };
    case 'foreignKey.drop':
    case 'foreignKey.add':
      return {
        key: `foreign key ${qualifiedKey(change.table)}.${change.foreignKey.name}`,
        side: change.kind === 'foreignKey.drop' ? 'drop' : 'create',
      };
    case 'view.drop':
    case 'view.create':
      return { key: `view ${qualifiedKey(change.view)}`, side: change.kind === 'view.drop' ? 'drop' : 'create' };
    default:
      return undefined;
  }
}

/** The unmodelled attributes of the object a drop change removes (the current definition it carries). */
function unmodelledOfDropped(change: Change): readonly UnmodelledAttribute[] | undefined {
  switch (change.kind) {
    case 'index.drop':
      return change.index.unmodelled;
    case 'unique.drop':
      return change.unique.unmodelled;
    case 'primaryKey.drop':
      return change.primaryKey.unmodelled;
    case 'foreignKey.drop':
      return change.foreignKey.unmodelled;
    case 'view.drop':
      return [
        ...(change.view.unmodelled ?? []),
        ...(change.view.indexes ?? []).flatMap((index) => index.unmodelled ?? []),
      ];
    case 'table.rebuild':
      return [...(change.from.unmodelled ?? []), ...change.from.columns.flatMap((column) => column.unmodelled ?? [])];
    case 'enum.recreate':
      return change.from.unmodelled;
    default:
      return undefined;
  }
}

/** Changes that re-create their object by themselves (a SQLite table rebuild, an enum type swap), and its name. */
function selfRecreated(change: Change): string | undefined {
  if (change.kind === 'table.rebuild') return `table ${qualifiedKey(change.from)}`;
  if (change.kind === 'enum.recreate') return `type ${qualifiedKey(change.from)}`;
  return undefined;
}

/**
 * Attributes an `ALTER COLUMN ... TYPE` loses: PostgreSQL resets storage and compression to the new type's defaults,
 * and the new type, written from the model, has no interval fields.
 */
const RESET_BY_RETYPE: ReadonlySet<string> = new Set(['storage', 'compression', 'interval fields']);

/** A column type change loses the column's storage mode, compression and interval fields: refused when it has one. */
function retypeLosses(change: Extract<Change, { kind: 'column.alter' }>): Diagnostic[] {
  const lost = (change.from.unmodelled ?? []).filter((entry) => RESET_BY_RETYPE.has(entry.attribute));
  if (lost.length === 0) return [];
  const object = `column ${qualifiedKey(change.table)}.${change.from.name}`;
  return [
    {
      severity: 'error',
      code: 'PARTLY_MANAGED_RECREATE',
      message: `${object} changes type (${change.reason}), which resets what schemaplan does not manage: ${describe(lost)}`,
      location: object,
      hint: 'Make this change by hand (setting those attributes again), or reset them first; then plan again.',
    },
  ];
}

const describe = (list: readonly UnmodelledAttribute[]): string =>
  list.map((entry) => `${entry.attribute} ${entry.value}`).join('; ');

export interface Recreations {
  /** One error per object the plan would re-create (or retype) and so lose what it does not manage. */
  readonly diagnostics: Diagnostic[];
  /** The changes refused for it (a drop and its create, a swap, a retype): the plan renders no SQL for them. */
  readonly refused: ReadonlySet<Change>;
}

/**
 * Errors for the changes that would lose an unmodelled attribute: an object dropped and created again (its new
 * definition cannot carry what the model does not describe), a SQLite table rebuild or an enum type swap of such an
 * object, a column type change that resets its storage. Those changes are refused: no format prints their SQL.
 */
export function partlyManagedRecreations(changes: readonly Change[]): Recreations {
  const creates = new Map(
    changes.flatMap((change) => {
      const found = recreatedKey(change);
      return found?.side === 'create' ? [[found.key, change] as const] : [];
    }),
  );
  const refused = new Set<Change>();
  const diagnostics = changes.flatMap((change): Diagnostic[] => {
    if (change.kind === 'column.alter' && change.fields.includes('type')) {
      const losses = retypeLosses(change);
      if (losses.length > 0) refused.add(change);
      return losses;
    }
    const lost = unmodelledOfDropped(change);
    if (!lost || lost.length === 0) return [];
    const found = recreatedKey(change);
    const itself = selfRecreated(change);
    if (itself === undefined && (found === undefined || !creates.has(found.key))) return [];
    const object = itself ?? found!.key;
    refused.add(change);
    if (found) refused.add(creates.get(found.key)!);
    return [
      {
        severity: 'error',
        code: 'PARTLY_MANAGED_RECREATE',
        message: `${object} would be re-created (${change.reason}), which would lose what schemaplan does not manage: ${describe(lost)}`,
        location: object,
        hint: 'Make this change by hand (keeping those attributes), or remove them first; then plan again.',
      },
    ];
  });
  return { diagnostics, refused };
}

/** `index public.t.i: tablespace fast (not compared)`, or with the target's value when it differs. */
export function describePartlyManaged(entry: PartlyManaged): string {
  const value = entry.value ?? '(none)';
  if (!entry.differs) return `${entry.object}: ${entry.attribute} ${value} (not compared)`;
  return `${entry.object}: ${entry.attribute} ${value}, target ${entry.target ?? '(none)'} (differs; not managed, change it by hand)`;
}

/** Whether the target states, for some partly managed object, what the database does not have. */
export function partlyManagedDiffers(plan: Pick<Plan, 'partlyManaged'>): boolean {
  return (plan.partlyManaged ?? []).some((entry) => entry.differs);
}

/** The headline of a plan without changes whose database still differs in what it does not manage. */
export const NO_CHANGES_BUT_DIFFERS =
  'No changes schemaplan can make, but the database differs from the schema in attributes it does not manage (below).';
