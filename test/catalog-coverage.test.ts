import * as queries from '../src/dialects/postgres/queries';
import { freshDatabase, type TestDatabase } from './support/databases';
import { rawQuery } from './support/raw-query';

/**
 * Every column of the PostgreSQL catalogs introspection reads is accounted for: modelled (where), reported as partly
 * managed or not managed (how), or irrelevant to a schema (why). The column lists come from the server at test time,
 * so a column a future server adds fails this test until someone decides where it goes: a detail the tool neither
 * models nor reports is a silent drop, and a plan that says "no changes" while the database differs.
 *
 * `modelled` and `reported` entries must also be read: the column's name appears in the catalog queries; `covered`
 * ones are read through what they name.
 */
type Coverage =
  | { readonly modelled: string }
  | { readonly reported: string }
  /** Read through another column or a catalog function, named here (`pg_get_indexdef`, `pg_attrdef`). */
  | { readonly covered: string }
  | { readonly irrelevant: string };

const OID = { irrelevant: 'an internal identifier: objects are matched by name' };
const STATS = { irrelevant: 'statistics or planner estimates maintained by the server, not schema' };
const STORAGE_INTERNAL = { irrelevant: 'physical storage bookkeeping (file node, toast relation, cache offsets)' };
const DERIVED = { irrelevant: 'derived by the server from other catalog entries that are read' };
const OWNER = { irrelevant: 'ownership: objects a plan creates belong to the role that applies it; not schema shape' };
const NOT_READ_KIND = { irrelevant: 'a property of an object kind schemaplan does not read (listed as not managed)' };

const COVERAGE: Readonly<Record<string, Readonly<Record<string, Coverage>>>> = {
  pg_class: {
    oid: OID,
    relname: { modelled: 'Table.name, View.name, Index.name, Sequence.name' },
    relnamespace: { modelled: 'schema of tables, views, sequences (by name)' },
    reltype: DERIVED,
    reloftype: { reported: 'table unmodelled "of type" (typed tables)' },
    relowner: OWNER,
    relam: { modelled: 'Index.method; for tables reported as unmodelled "access method" when not heap' },
    relfilenode: STORAGE_INTERNAL,
    reltablespace: { reported: 'unmodelled "tablespace" of tables, indexes, materialized views, key indexes' },
    relpages: STATS,
    reltuples: STATS,
    relallvisible: STATS,
    reltoastrelid: STORAGE_INTERNAL,
    relhasindex: DERIVED,
    relisshared: { irrelevant: 'only system catalogs are shared' },
    relpersistence: { reported: 'unmodelled "persistence" (UNLOGGED tables and sequences)' },
    relkind: {
      modelled: 'which object a relation is (table, partitioned table, view, materialized view, sequence, index)',
    },
    relnatts: DERIVED,
    relchecks: DERIVED,
    relhasrules: { covered: 'pg_rewrite: rules are listed as not managed (Model.notManaged "rule")' },
    relhastriggers: { covered: 'pg_trigger: triggers are listed as not managed (Model.notManaged "trigger")' },
    relhassubclass: DERIVED,
    relrowsecurity: { reported: 'Model.notManaged "row level security"' },
    relforcerowsecurity: { reported: 'table unmodelled "row level security" (forced for the owner)' },
    relispopulated: { irrelevant: 'data state of a materialized view (REFRESH populates it), not its definition' },
    relreplident: { reported: 'table unmodelled "replica identity"; the index one also on the index' },
    relispartition: { reported: 'partitions are not read as tables; listed as not managed ("partition")' },
    relrewrite: STORAGE_INTERNAL,
    relfrozenxid: STATS,
    relminmxid: STATS,
    relacl: { reported: 'Model.notManaged "privilege"' },
    reloptions: { modelled: 'Index.options, View.options; for tables reported as unmodelled "storage parameters"' },
    relpartbound: { covered: 'relispartition: partitions are listed as not managed ("partition")' },
  },
  pg_attribute: {
    attrelid: OID,
    attname: { modelled: 'Column.name, index keys and INCLUDE columns' },
    atttypid: { modelled: 'Column.type / enum / array' },
    attstattarget: { reported: 'column unmodelled "statistics target"; index keys likewise' },
    attlen: DERIVED,
    attnum: { modelled: 'column order, index key order' },
    attndims: { irrelevant: 'PostgreSQL does not enforce array dimensions; `int[][]` is `int[]`' },
    attcacheoff: STORAGE_INTERNAL,
    atttypmod: { modelled: 'Column.length / precision / scale; interval fields: column unmodelled "interval fields"' },
    attbyval: DERIVED,
    attalign: DERIVED,
    attstorage: { reported: 'column unmodelled "storage" when it is not the type\'s' },
    attcompression: { reported: 'column unmodelled "compression"' },
    attnotnull: { modelled: 'Column.nullable' },
    atthasdef: { covered: 'pg_attrdef: Column.default' },
    atthasmissing: { irrelevant: 'fast-default bookkeeping for rows written before a column was added' },
    attidentity: { modelled: 'Column.generated (identity)' },
    attgenerated: { modelled: 'Column.computed' },
    attisdropped: { irrelevant: 'dropped columns are not columns' },
    attislocal: { covered: 'pg_inherits: table unmodelled "inherits"' },
    attinhcount: { covered: 'pg_inherits: table unmodelled "inherits"' },
    attcollation: { modelled: 'Column.collation' },
    attacl: { reported: 'column unmodelled "privileges"' },
    attoptions: {
      reported:
        'column unmodelled "options" (n_distinct...); of an index key: "operator class options". `pg_` options are the server\'s own',
    },
    attfdwoptions: NOT_READ_KIND,
    attmissingval: { irrelevant: 'fast-default bookkeeping (the value rows written before the column existed read)' },
  },
  pg_index: {
    indexrelid: OID,
    indrelid: OID,
    indnatts: DERIVED,
    indnkeyatts: { modelled: 'split of key columns and Index.include' },
    indisunique: { modelled: 'Index.unique' },
    indnullsnotdistinct: { modelled: 'Index.nullsNotDistinct, Unique.nullsNotDistinct' },
    indisprimary: { covered: 'pg_constraint (contype p): primary keys are read as constraints' },
    indisexclusion: {
      covered: 'pg_constraint (contype x): the indexes of exclusion constraints are not read as indexes',
    },
    indimmediate: { covered: 'pg_constraint.condeferrable (Unique.deferrable, PrimaryKey.deferrable)' },
    indisclustered: { reported: 'index unmodelled "cluster"' },
    indisvalid: { modelled: 'Index.invalid' },
    indcheckxmin: STORAGE_INTERNAL,
    indisready: { irrelevant: 'transient state of a concurrent build' },
    indislive: { irrelevant: 'transient state of a concurrent drop' },
    indisreplident: { reported: 'index unmodelled "replica identity" (and the table\'s)' },
    indkey: { modelled: 'Index.columns / keys / include' },
    indcollation: { modelled: 'IndexKey.collation' },
    indclass: { modelled: 'IndexKey.opclass' },
    indoption: { modelled: 'IndexKey.desc / nulls' },
    indexprs: { covered: 'pg_get_indexdef: expression keys' },
    indpred: { modelled: 'Index.where' },
  },
  pg_constraint: {
    oid: OID,
    conname: { modelled: 'constraint names' },
    connamespace: DERIVED,
    contype: { modelled: 'primary key / foreign key / unique / check' },
    condeferrable: { modelled: 'ForeignKey/Unique/PrimaryKey/Exclusion.deferrable' },
    condeferred: { modelled: 'ForeignKey/Unique/PrimaryKey/Exclusion.deferrable (INITIALLY DEFERRED)' },
    convalidated: { modelled: 'ForeignKey.notValid, Check.notValid' },
    conrelid: OID,
    contypid: NOT_READ_KIND,
    conindid: { modelled: 'the key index of primary keys and uniques (its settings are read with the constraint)' },
    conparentid: { irrelevant: 'clones PostgreSQL maintains on partitions, left out' },
    confrelid: { modelled: 'ForeignKey.referencedSchema / referencedTable' },
    confupdtype: { modelled: 'ForeignKey.onUpdate' },
    confdeltype: { modelled: 'ForeignKey.onDelete' },
    confmatchtype: { modelled: 'ForeignKey.match' },
    conislocal: { covered: 'pg_inherits: table unmodelled "inherits"' },
    coninhcount: { covered: 'pg_inherits: table unmodelled "inherits"' },
    connoinherit: { modelled: 'Check.noInherit' },
    conkey: { modelled: 'constraint columns' },
    confkey: { modelled: 'ForeignKey.referencedColumns' },
    conpfeqop: DERIVED,
    conppeqop: DERIVED,
    conffeqop: DERIVED,
    confdelsetcols: { reported: 'foreign key unmodelled "on delete set columns"' },
    conexclop: {
      covered: 'contype x: exclusion constraints are not uniques, checks or indexes (modelled apart: @Exclusion)',
    },
    conbin: { covered: 'pg_get_constraintdef: Check.expression' },
  },
  pg_type: {
    oid: OID,
    typname: { modelled: 'EnumType.name, column types' },
    typnamespace: { modelled: 'EnumType.schema, column enum schema' },
    typowner: OWNER,
    typlen: DERIVED,
    typbyval: DERIVED,
    typtype: { modelled: 'enum types read; domains, composite and range types listed as not managed' },
    typcategory: { modelled: 'array columns (Column.array)' },
    typispreferred: DERIVED,
    typisdefined: DERIVED,
    typdelim: DERIVED,
    typrelid: DERIVED,
    typsubscript: DERIVED,
    typelem: { modelled: 'element type of array columns' },
    typarray: { reported: 'enum type unmodelled "domains" (a domain over its array type)' },
    typinput: DERIVED,
    typoutput: DERIVED,
    typreceive: DERIVED,
    typsend: DERIVED,
    typmodin: DERIVED,
    typmodout: DERIVED,
    typanalyze: DERIVED,
    typalign: DERIVED,
    typstorage: { modelled: 'the default a column storage mode is compared with' },
    typnotnull: NOT_READ_KIND,
    typbasetype: {
      modelled: 'default operator class of a domain key; Column.domain base; enum type unmodelled "domains"',
    },
    typtypmod: NOT_READ_KIND,
    typndims: NOT_READ_KIND,
    typcollation: { modelled: 'the default Column.collation and IndexKey.collation are compared with' },
    typdefaultbin: NOT_READ_KIND,
    typdefault: NOT_READ_KIND,
    typacl: { reported: 'enum type unmodelled "privileges"' },
  },
  pg_enum: {
    oid: OID,
    enumtypid: OID,
    enumsortorder: { modelled: 'EnumType.values order' },
    enumlabel: { modelled: 'EnumType.values' },
  },
  pg_description: {
    objoid: OID,
    classoid: { modelled: 'which kind of object a comment is on' },
    objsubid: { modelled: 'Column.comment (a column number)' },
    description: {
      modelled:
        'comment of tables, columns, indexes, constraints (exclusion constraints too), enum types, views, sequences, schemas (Model.schemaComments)',
    },
  },
  pg_collation: {
    oid: OID,
    collname: { modelled: 'Column.collation, IndexKey.collation' },
    collnamespace: {
      irrelevant: 'collations are named unqualified; user-made ones (CREATE COLLATION) are not managed objects',
    },
    collowner: OWNER,
    collprovider: NOT_READ_KIND,
    collisdeterministic: NOT_READ_KIND,
    collencoding: NOT_READ_KIND,
    collcollate: NOT_READ_KIND,
    collctype: NOT_READ_KIND,
    colliculocale: NOT_READ_KIND,
    colllocale: NOT_READ_KIND,
    collicurules: NOT_READ_KIND,
    collversion: NOT_READ_KIND,
  },
  pg_namespace: {
    oid: OID,
    nspname: { modelled: 'Model.schemas' },
    nspowner: OWNER,
    nspacl: { reported: 'Model.notManaged "privilege" (schema ...)' },
  },
  pg_sequence: {
    seqrelid: OID,
    seqtypid: { modelled: 'Sequence.type' },
    seqstart: { modelled: 'Sequence.start, IdentityOptions.start' },
    seqincrement: { modelled: 'increment' },
    seqmax: { modelled: 'maxValue' },
    seqmin: { modelled: 'minValue' },
    seqcache: { modelled: 'cache' },
    seqcycle: { modelled: 'cycle' },
  },
  pg_attrdef: {
    oid: OID,
    adrelid: OID,
    adnum: { modelled: 'the column a default belongs to' },
    adbin: { modelled: 'Column.default, Column.computed (through pg_get_expr)' },
  },
  pg_inherits: {
    inhrelid: { reported: 'table unmodelled "inherits"' },
    inhparent: { reported: 'table unmodelled "inherits"' },
    inhseqno: { reported: 'table unmodelled "inherits" (parents in order)' },
    inhdetachpending: { covered: 'relispartition: partitions are listed as not managed' },
  },
  pg_opclass: {
    oid: OID,
    opcmethod: { modelled: 'default operator class of a key type' },
    opcname: { modelled: 'IndexKey.opclass' },
    opcnamespace: {
      irrelevant: 'operator classes are named unqualified (those of extensions live where the extension is)',
    },
    opcowner: OWNER,
    opcfamily: DERIVED,
    opcintype: { modelled: 'default operator class of a key type' },
    opcdefault: { modelled: 'default operator class of a key type' },
    opckeytype: { modelled: 'default operator class of an expression key' },
  },
};

/** Every catalog query introspection sends, as one text. */
const QUERY_TEXT = Object.values(queries)
  .map((value) =>
    typeof value === 'function' ? (value as (table?: string) => string)('"public"."typeorm_metadata"') : String(value),
  )
  .join('\n');

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase('postgres', 'catalog-coverage');
});
afterAll(async () => {
  await db?.drop();
});

describe('PostgreSQL catalog coverage', () => {
  it('classifies every column of every catalog introspection reads, as the server lists them', async () => {
    const catalogs = Object.keys(COVERAGE);
    const rows = await rawQuery<{ catalog: string; column: string }>(
      db,
      `SELECT c.relname AS catalog, a.attname AS column
       FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'pg_catalog' AND c.relname = ANY('{${catalogs.join(',')}}'::text[]) AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY 1, a.attnum`,
    );
    expect(new Set(rows.map((row) => row.catalog))).toEqual(new Set(catalogs));
    const unclassified = rows
      .filter((row) => COVERAGE[row.catalog]?.[row.column] === undefined)
      .map((r) => `${r.catalog}.${r.column}`);
    expect(unclassified).toEqual([]);
  });

  it('reads every column it classifies as modelled or reported', () => {
    const unread = Object.entries(COVERAGE).flatMap(([catalog, columns]) =>
      Object.entries(columns)
        .filter(([, coverage]) => 'modelled' in coverage || 'reported' in coverage)
        .filter(([column]) => !new RegExp(`\\b${column}\\b`).test(QUERY_TEXT))
        .map(([column]) => `${catalog}.${column}`),
    );
    expect(unread).toEqual([]);
  });
});
