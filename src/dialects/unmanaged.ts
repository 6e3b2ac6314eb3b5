/**
 * Tables that exist in a TypeORM database but are not part of the user's schema: TypeORM's own bookkeeping.
 * Introspection skips them, so a plan never drops or alters them.
 */
export const UNMANAGED_TABLES: readonly string[] = ['migrations', 'typeorm_metadata', 'query-result-cache'];

export function isManagedTable(name: string): boolean {
  return !UNMANAGED_TABLES.includes(name) && !name.startsWith('sqlite_');
}
