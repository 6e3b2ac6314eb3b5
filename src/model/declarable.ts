import { withoutSequences } from './sequences';
import type { Column, Model, Table } from './types';

/**
 * The model as entities could declare it, for a plan whose desired side comes from entities (`schema plan`, `apply`,
 * `diff` with an `entities:` side): what TypeORM cannot declare is left alone rather than planned away.
 * - standalone sequences move to `notManaged` (`withoutSequences`);
 * - a partitioned table reads as an ordinary one (its partitions are already listed as not managed): entities
 *   cannot say `PARTITION BY`, and converting a table needs a rebuild no plan should do on its own;
 * - a column of a domain reads as a column of the domain's base type (domains are listed as not managed): an entity
 *   declares the base type, and turning the column into it would drop the domain's constraints from it.
 * Pure; returns `model` itself when there is nothing to leave out.
 */
export function declarableByEntities(model: Model): Model {
  const touched = model.tables.some((table) => table.partitioning !== undefined || table.columns.some((c) => c.domain));
  const tables = touched ? model.tables.map(declarableTable) : model.tables;
  return withoutSequences(touched ? { ...model, tables } : model);
}

function declarableTable(table: Table): Table {
  const { partitioning: _partitioning, ...rest } = table;
  return { ...rest, columns: table.columns.map(asBaseType) };
}

/** A column of a domain as a column of the domain's base type (an array of a domain: an array of the base type). */
export function asBaseType(column: Column): Column {
  if (!column.domain) return column;
  const {
    domain,
    type: _type,
    length: _length,
    precision: _precision,
    scale: _scale,
    array,
    enum: _enum,
    ...rest
  } = column;
  const base = domain.base;
  const out: Record<string, unknown> = { ...rest, ...base, array: array || base.array || undefined };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as unknown as Column;
}
