import { qualifiedKey } from './names';
import type { Model, QualifiedName } from './types';

/**
 * Table names the tool never reads, plans or drops (the `exclude` setting), as simple globs: `*` is any run of
 * characters, `?` one character, everything else literal and case-sensitive. A pattern with a dot matches the
 * schema-qualified name (`audit.*`, `public.legacy_?`); one without matches the name in any schema (`audit_*`).
 */
export function exclusionMatcher(patterns: readonly string[]): (name: QualifiedName) => boolean {
  const compiled = patterns.map((pattern) => ({
    qualified: pattern.includes('.'),
    regexp: new RegExp(`^${pattern.split('').map(globChar).join('')}$`),
  }));
  return (name) => compiled.some(({ qualified, regexp }) => regexp.test(qualified ? qualifiedKey(name) : name.name));
}

function globChar(char: string): string {
  if (char === '*') return '.*';
  if (char === '?') return '.';
  return char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
}

/**
 * The model without the excluded tables and views, and without the enum types only excluded tables use: applied to
 * both sides before diffing, so an excluded table in the database is never dropped and an excluded entity never
 * created. Sequences owned by an excluded table (`OWNED BY`) are left out with it. Foreign keys of kept tables that point at an excluded table are kept (they are part of the kept table).
 * `exact` names more tables or views to leave out, literally (no globs). Pure; returns `model` itself when nothing is
 * excluded.
 */
export function excludeFromModel(
  model: Model,
  patterns: readonly string[],
  exact: readonly QualifiedName[] = [],
): Model {
  if (patterns.length === 0 && exact.length === 0) return model;
  const matches = exclusionMatcher(patterns);
  const names = new Set(exact.map(qualifiedKey));
  const excluded = (name: QualifiedName): boolean => matches(name) || names.has(qualifiedKey(name));
  const tables = model.tables.filter((table) => !excluded(table));
  const views = model.views?.filter((view) => !excluded(view));
  if (tables.length === model.tables.length && views?.length === model.views?.length) return model;
  const enumKeys = (list: Model['tables']) =>
    new Set(
      list.flatMap((table) => table.columns.flatMap((column) => (column.enum ? [qualifiedKey(column.enum)] : []))),
    );
  const kept = enumKeys(tables);
  const dropped = enumKeys(model.tables.filter((table) => excluded(table)));
  const enums = model.enums.filter((type) => kept.has(qualifiedKey(type)) || !dropped.has(qualifiedKey(type)));
  const sequences = model.sequences?.filter(
    (sequence) => !sequence.ownedBy || !excluded({ schema: sequence.schema, name: sequence.ownedBy.table }),
  );
  return { ...model, tables, enums, ...(views ? { views } : {}), ...(sequences ? { sequences } : {}) };
}
