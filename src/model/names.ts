import type { QualifiedName, Table } from './types';

/** A stable, human-readable key for a possibly schema-qualified object: `public.users` or `users`. */
export function qualifiedKey(object: QualifiedName): string {
  return object.schema === undefined ? object.name : `${object.schema}.${object.name}`;
}

export function tableKey(table: Pick<Table, 'schema' | 'name'>): string {
  return qualifiedKey(table);
}

/** The key of the table a foreign key points at, in the same form as `tableKey`. */
export function referencedTableKey(fk: { referencedSchema?: string; referencedTable: string }): string {
  return qualifiedKey({ schema: fk.referencedSchema, name: fk.referencedTable });
}
