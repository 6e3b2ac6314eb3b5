/**
 * `@RenamedFrom`: declares, next to the entity, that a table, column, enum type or enum label had another name in the
 * database. It lives with the schema and survives review; schemaplan reads it when compiling. Once every database is
 * migrated the decorator is inert (the old name no longer exists) and can be removed.
 *
 *   @RenamedFrom('user')                         class User            table "user" is now "users"
 *   @RenamedFrom('name')                         fullName              column "name" is now "full_name"
 *   @RenamedFrom({ enum: 'level' })              level                 the column's enum type was "level"
 *   @RenamedFrom({ values: { A0: 'A1' } })       level                 label 'A0' of the column's enum becomes 'A1'
 *
 * This module is imported by users' entity files: it must stay free of dependencies.
 */
export interface RenamedFromOptions {
  /** The previous database name of the column (on a property) or table (on a class, `schema.name` allowed). */
  readonly name?: string;
  /** The previous name of the enum type the column uses (PostgreSQL). */
  readonly enum?: string;
  /** Labels of the column's enum that changed, `{ previous: current }`: renamed, or mapped onto a kept label. */
  readonly values?: Readonly<Record<string, string>>;
}

export interface RenamedFromRecord {
  readonly target: Function;
  /** Absent for a class decorator. */
  readonly property?: string;
  readonly options: RenamedFromOptions;
}

const REGISTRY = Symbol.for('schemaplan.renamedFrom');

/** Shared through `globalThis`, so entity files and the CLI agree even when they load different copies of this module. */
export function renamedFromRecords(): RenamedFromRecord[] {
  const global = globalThis as { [REGISTRY]?: RenamedFromRecord[] };
  return (global[REGISTRY] ??= []);
}

export function RenamedFrom(previous: string | RenamedFromOptions): ClassDecorator & PropertyDecorator {
  const options = typeof previous === 'string' ? { name: previous } : previous;
  return (target: object, property?: string | symbol): void => {
    if (typeof property === 'symbol') throw new TypeError('@RenamedFrom cannot decorate a symbol-named property');
    const record: RenamedFromRecord =
      property === undefined
        ? { target: target as Function, options }
        : { target: (target as { constructor: Function }).constructor, property, options };
    renamedFromRecords().push(record);
  };
}
