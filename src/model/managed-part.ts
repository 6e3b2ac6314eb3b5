import type { Model, UnmodelledAttribute } from './types';

type WithUnmodelled = { readonly unmodelled?: readonly UnmodelledAttribute[] };

/** The object without its `unmodelled` attributes. */
function modelled<T extends WithUnmodelled>(item: T): T {
  if (item.unmodelled === undefined) return item;
  const { unmodelled: _unmodelled, ...rest } = item;
  return rest as T;
}

/**
 * The part of a model that schemaplan manages as entities can declare it: the model without `notManaged` (the
 * inventory of what else the database holds), without the `unmodelled` attributes of its objects (partly managed:
 * never compared, see `UnmodelledAttribute`), and without schema comments (compared only against a target read as a
 * whole: `public` has one in every database). A model compiled from entities has none of these, so two models
 * describe the same managed schema when their managed parts are equal.
 */
export function managedPart(model: Model): Model {
  const { notManaged: _unmanaged, schemaComments: _comments, ...managed } = model;
  return {
    ...managed,
    enums: managed.enums.map(modelled),
    tables: managed.tables.map((table) => ({
      ...modelled(table),
      columns: table.columns.map(modelled),
      primaryKey: table.primaryKey && modelled(table.primaryKey),
      foreignKeys: table.foreignKeys.map(modelled),
      uniques: table.uniques.map(modelled),
      indexes: table.indexes.map(modelled),
    })),
    ...(managed.views
      ? { views: managed.views.map((view) => ({ ...modelled(view), indexes: view.indexes?.map(modelled) })) }
      : {}),
    ...(managed.sequences ? { sequences: managed.sequences.map(modelled) } : {}),
  };
}
