/** What every object of the model uses: qualified names, and the attributes the model does not describe. */

/**
 * An attribute an object has that the model does not describe (a table's storage parameters, a column's storage
 * mode, an index's tablespace...): read so that the object is known to be *partly managed*. The diff never compares
 * it; a plan lists it (`Plan.partlyManaged`) and refuses to re-create the object, which would lose it.
 * Each object lists them sorted by `attribute`.
 */
export interface UnmodelledAttribute {
  /** What it is, in words: `storage parameters`, `tablespace`, `persistence`, `replica identity`... */
  readonly attribute: string;
  /** Its value as the catalog spells it: `fillfactor=70`, `unlogged`, `full`. */
  readonly value: string;
}
export interface QualifiedName {
  readonly schema?: string;
  readonly name: string;
}
