import type { Column } from '../../model';
import type { EntityTypes, NearestType } from '../entity-types';

/** TypeORM's PostgresDriver `supportedDataTypes`, in the catalog's spelling (synonyms left out). */
const POSTGRES_TYPES: ReadonlySet<string> = new Set([
  'smallint',
  'integer',
  'bigint',
  'numeric',
  'real',
  'double precision',
  'money',
  'character varying',
  'character',
  'text',
  'citext',
  'hstore',
  'bytea',
  'bit',
  'bit varying',
  'timestamp without time zone',
  'timestamp with time zone',
  'date',
  'time without time zone',
  'time with time zone',
  'interval',
  'boolean',
  'enum',
  'point',
  'line',
  'lseg',
  'box',
  'path',
  'polygon',
  'circle',
  'cidr',
  'inet',
  'macaddr',
  'macaddr8',
  'tsvector',
  'tsquery',
  'uuid',
  'xml',
  'json',
  'jsonb',
  'jsonpath',
  'int4range',
  'int8range',
  'numrange',
  'tsrange',
  'tstzrange',
  'daterange',
  'int4multirange',
  'int8multirange',
  'nummultirange',
  'tsmultirange',
  'tstzmultirange',
  'datemultirange',
  'cube',
  'ltree',
  'vector',
  'halfvec',
]);

const POSTGRES_TS_TYPES: Readonly<Record<string, string>> = {
  smallint: 'number',
  integer: 'number',
  real: 'number',
  'double precision': 'number',
  // node-postgres returns these as strings: they may not fit a JavaScript number.
  bigint: 'string',
  numeric: 'string',
  money: 'string',
  boolean: 'boolean',
  'timestamp without time zone': 'Date',
  'timestamp with time zone': 'Date',
  bytea: 'Buffer',
  json: 'unknown',
  jsonb: 'unknown',
  hstore: 'Record<string, string>',
};

/**
 * PostgreSQL: `text` (an array of it for an array), which every value converts to and from through its text form.
 * Domains never get here: they are declared as their base type first.
 */
function nearestPostgresType(column: Column): NearestType {
  return {
    type: { type: 'text', array: column.array },
    because: 'every value has a text form',
    consequence:
      'a plan against the generated entities changes the column to text (ALTER COLUMN ... TYPE text: the values are kept as text)',
  };
}

/** PostgreSQL's column types as TypeORM takes them (see `EntityTypes`). */
export const postgresEntityTypes: EntityTypes = {
  supported: POSTGRES_TYPES,
  tsTypes: POSTGRES_TS_TYPES,
  numeric: new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision']),
  typedDefaults: true,
  nearest: (column) => nearestPostgresType(column),
};
