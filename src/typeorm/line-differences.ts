import type { TypeormLine } from './versions';

/**
 * Where the TypeORM 0.3 and 1.x lines differ in something schemaplan must follow, in one place. (Most differences
 * need nothing here: schemaplan compiles through the app's own TypeORM metadata and `Table.create`, so names, types,
 * foreign-key actions and column orders are the app's line's by construction. Found by reading both lines' sources
 * and by the agreement tests, which run on both lines: see README "Install into an existing app".)
 *
 * Handled by compiling with the app's TypeORM, nothing to do here:
 * - Many-to-many junction tables: the foreign key to the inverse side is `ON DELETE/UPDATE CASCADE` in 1.x unless the
 *   inverse relation says otherwise, but takes the inverse relation's actions in 0.3 (`NO ACTION` when it declares
 *   none); 1.x also passes `deferrable` to junction keys. (This is why an app on 0.3 planned with a nested 1.x saw
 *   two foreign keys "changed" by its own TypeORM after apply.) With `@JoinTable` on both sides and no actions, the
 *   two sides therefore disagree on 0.3 (each side's key to the other table is NO ACTION), and TypeORM 0.3's own
 *   schema builder drops and re-adds both keys after its own `synchronize()`; declaring the actions on both relations
 *   makes them agree.
 * - Composite relations: 1.x lists the columns in the order of the referenced primary key, 0.3 as declared.
 * - Generated names (`PK_`, `FK_`, `UQ_`, `IDX_`, `CHK_`, `REL_`) hash the `encodeURIComponent` form of the key in 0.3
 *   and its UTF-8 bytes in 1.x: the same for names of letters, digits and `_`, different for a name that is not ASCII
 *   or a CHECK expression with a space (the SQLite introspector follows the line: see `./default-names`).
 * - PostgreSQL: 0.3 replaces a function default that merely mentions `CURRENT_TIMESTAMP` (and the like) by that
 *   function alone (`CURRENT_TIMESTAMP + interval '1 day'` becomes `now()`); 1.x only an exact match. A plan follows
 *   the app's line, which built its database; the dialect's `TypeormCompile.rewrittenDefault` says so in a warning.
 * - PostgreSQL `@Index({ type })` (gin, hash, brin, spgist) exists from 1.0; 0.3 builds a B-tree (its one method option
 *   is `spatial`, GiST).
 */
export interface LineDifferences {
  readonly line: TypeormLine;
  /** `@Index({ type })` builds an index with that access method (1.x); 0.3 has no such option. */
  readonly indexTypeOption: boolean;
  /** A composite relation's columns follow the referenced primary key's order (1.x), not the declared one (0.3). */
  readonly relationColumnsInPrimaryKeyOrder: boolean;
}

const LINES: Record<TypeormLine, LineDifferences> = {
  '0.3': { line: '0.3', indexTypeOption: false, relationColumnsInPrimaryKeyOrder: false },
  '1': { line: '1', indexTypeOption: true, relationColumnsInPrimaryKeyOrder: true },
};

export function lineDifferences(line: TypeormLine): LineDifferences {
  return LINES[line];
}
