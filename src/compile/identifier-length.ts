import { CompileError } from '../errors/errors';
import type { Dialect } from '../dialects/dialect';
import type { Model } from '../model';
import type { EntityNames } from '../diff/diff-renames';

/**
 * Where identifiers have a maximum length (`Capabilities.identifierMaxLength`; PostgreSQL's NAMEDATALEN - 1 = 63
 * bytes), a longer one is truncated (UTF-8 bytes, not characters: an emoji is 4) with only a NOTICE, and a longer
 * enum label rejected; the database would then never match the entities. Refuses such a name, naming the entity it
 * comes from.
 */
export function checkIdentifierLengths(model: Model, names: EntityNames, dialect: Dialect): void {
  const max = dialect.capabilities.identifierMaxLength;
  if (max === undefined) return;
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  forEachName(model, names, (what, name, owner) => {
    if (name === undefined || bytes(name) <= max) return;
    throw new CompileError(
      `${what} "${name}" of ${owner} is ${bytes(name)} bytes long; ${dialect.displayName} allows ${max} and would truncate it`,
      'Give it a shorter name in the entity (table, column, constraint, index or enum name); count bytes, not characters.',
    );
  });
}

/**
 * A NUL character in a name: PostgreSQL rejects it, and SQLite's C interface silently cuts the name there (a table
 * `bad\0name` would be created as `bad`). Refused on every dialect before anything is opened or written.
 */
export function checkIdentifierCharacters(model: Model, names: EntityNames): void {
  forEachName(model, names, (what, name, owner) => {
    if (name === undefined || !name.includes('\u0000')) return;
    throw new CompileError(
      `${what} ${JSON.stringify(name)} of ${owner} contains a NUL character, which no database accepts in a name`,
      'Remove the \\0 from the name in the entity.',
    );
  });
}

/** Calls `check` with every name of the model that reaches the database (enum labels included), and its owner. */
function forEachName(
  model: Model,
  names: EntityNames,
  check: (what: string, name: string | undefined, owner: string) => void,
): void {
  for (const type of model.enums) {
    check('enum type', type.name, `schema ${type.schema ?? 'public'}`);
    for (const label of type.values) check('label', label, `enum ${type.name}`);
  }
  for (const table of model.tables) {
    const key = table.schema ? `${table.schema}.${table.name}` : table.name;
    const entity = names.tables[key] ? `entity ${names.tables[key]}` : `table ${key}`;
    check('table name', table.name, entity);
    for (const column of table.columns) check('column name', column.name, entity);
    check('primary key', table.primaryKey?.name, entity);
    for (const fk of table.foreignKeys) check('foreign key', fk.name, entity);
    for (const unique of table.uniques) check('unique constraint', unique.name, entity);
    for (const c of table.checks) check('check constraint', c.name, entity);
    for (const index of table.indexes) check('index', index.name, entity);
  }
  for (const view of model.views ?? []) check('view name', view.name, `view ${view.name}`);
}
