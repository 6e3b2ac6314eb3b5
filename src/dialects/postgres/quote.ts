import { SchemaplanError } from '../../errors/errors';

/**
 * The one place PostgreSQL identifiers and literals are quoted. Every name and every literal value that reaches SQL
 * text goes through here.
 */

function rejectNul(value: string, what: string): void {
  if (value.includes('\u0000')) {
    throw new SchemaplanError(
      `${what} ${JSON.stringify(value)} contains a NUL byte, which PostgreSQL does not allow`,
      'Remove the NUL character from the name or value.',
    );
  }
}

/** `users` -> `"users"`, `a"b` -> `"a""b"`. Always quotes, so case and reserved words are preserved. */
export function quoteIdentifier(name: string): string {
  rejectNul(name, 'identifier');
  if (name.length === 0) throw new SchemaplanError('an identifier cannot be empty');
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A string literal under `standard_conforming_strings = on` (the default since PostgreSQL 9.1, and what sessions
 * set): quotes are doubled, backslashes are ordinary characters. `it's` -> `'it''s'`.
 */
export function quoteLiteral(value: string): string {
  rejectNul(value, 'literal');
  return `'${value.replace(/'/g, "''")}'`;
}

/** `"schema"."name"`, or `"name"` when the schema is unknown. */
export function quoteQualified(object: { readonly schema?: string; readonly name: string }): string {
  return object.schema === undefined
    ? quoteIdentifier(object.name)
    : `${quoteIdentifier(object.schema)}.${quoteIdentifier(object.name)}`;
}
