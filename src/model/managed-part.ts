import type { Model } from './types';

/**
 * The part of a model that schemaplan manages: the model without `notManaged`, the inventory of what else the
 * database holds. Two models describe the same managed schema when their managed parts are equal (a model compiled
 * from entities never lists anything unmanaged; one read from a database lists its functions, TypeORM's tables...).
 */
export function managedPart(model: Model): Model {
  if (model.notManaged === undefined) return model;
  const { notManaged: _unmanaged, ...managed } = model;
  return managed;
}
