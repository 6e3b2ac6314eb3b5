/**
 * Catalog queries for introspection. Each reads one kind of object for ALL managed tables at once, so the number of
 * queries is fixed whatever the size of the schema. `$1` is the array of schema names (tables, enums) or of table
 * OIDs (everything hanging off a table).
 *
 * The arrays of the queries with a row per table, column, constraint, index or enum come back as JSON
 * (`to_json(ARRAY(...))`): the driver parses `json` with `JSON.parse`, which gives the same strings, numbers and NULLs
 * as its parser of text arrays in about half the client time (some 40 ms at 1,000 tables: nine arrays per index, one
 * per column).
 */

/**
 * Catalog columns that not every server version has (`attcompression` from PostgreSQL 14, `indnullsnotdistinct` and
 * `confdelsetcols` from 15; `attstattarget` changed type in 17) are read directly on the versions known to have them
 * (`serverVersion`: `server_version_num`, which TABLES_SQL returns), else through `to_jsonb` of the whole row (absent:
 * NULL), which costs the server more than the rest of the query at a thousand tables (it serialises every column of
 * every row).
 */
function hasCurrentColumns(serverVersion: number | undefined): boolean {
  return typeof serverVersion === 'number' && serverVersion >= 150000 && serverVersion < 190000;
}

/** `alias.column` read directly when the server has it, else through `to_jsonb(alias)` (absent: NULL). */
function versionedColumn(alias: string, column: string, direct: boolean): string {
  return direct ? `${alias}.${column}::text` : `to_jsonb(${alias}) ->> '${column}'`;
}

/**
 * The schemas read that exist (with their comments), each with its ordinary and partitioned tables (not partitions,
 * not members of an extension) and their comments; a schema without tables is one row with a NULL table. A
 * partitioned table has its strategy and key (`RANGE (at)`, from `pg_get_partkeydef`) and its partitions with their
 * bounds. Also the server's version (`server_version_num`, for the queries that follow), and what a table has that the model does not describe (reported as partly managed, see
 * `UnmodelledAttribute`): storage parameters, tablespace, persistence, replica identity (and its index), inheritance
 * parents, forced row level security, table access method (when not `heap`), the composite type of a typed table.
 */
export const TABLES_SQL = `
SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name, d.description AS comment,
  sd.description AS schema_comment,
  to_json(c.reloptions::text[]) AS options, ts.spcname AS tablespace, c.relpersistence AS persistence,
  c.relreplident AS replica_identity,
  (SELECT ri.relname FROM pg_catalog.pg_index rx JOIN pg_catalog.pg_class ri ON ri.oid = rx.indexrelid
    WHERE rx.indrelid = c.oid AND rx.indisreplident LIMIT 1) AS replica_index,
  to_json(ARRAY(
    SELECT pn.nspname || '.' || pc.relname FROM pg_catalog.pg_inherits ih
    JOIN pg_catalog.pg_class pc ON pc.oid = ih.inhparent
    JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
    WHERE ih.inhrelid = c.oid ORDER BY ih.inhseqno)::text[]) AS inherits,
  CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
  CASE WHEN c.relkind = 'p' THEN COALESCE((
    SELECT jsonb_agg(jsonb_build_object('schema', pn.nspname, 'name', pc.relname,
      'bound', pg_catalog.pg_get_expr(pc.relpartbound, pc.oid)) ORDER BY pn.nspname, pc.relname)
    FROM pg_catalog.pg_inherits i
    JOIN pg_catalog.pg_class pc ON pc.oid = i.inhrelid AND pc.relispartition
    JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
    WHERE i.inhparent = c.oid), '[]'::jsonb) END AS partitions,
  c.relforcerowsecurity AS force_row_security,
  tam.amname AS access_method,
  CASE WHEN c.reloftype <> 0 THEN pg_catalog.format_type(c.reloftype, NULL) END AS of_type,
  pg_catalog.current_setting('server_version_num')::int AS server_version_num
FROM pg_catalog.pg_namespace n
LEFT JOIN pg_catalog.pg_description sd
  ON sd.objoid = n.oid AND sd.classoid = 'pg_catalog.pg_namespace'::regclass AND sd.objsubid = 0
LEFT JOIN pg_catalog.pg_class c
  ON c.relnamespace = n.oid
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend e
    WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace
LEFT JOIN pg_catalog.pg_am tam ON tam.oid = c.relam
WHERE n.nspname = ANY($1::text[])
ORDER BY n.nspname, c.relname`;

/**
 * Columns in ordinal order, with the sequence options of identity columns. For arrays the element type is reported with `is_array`; `typmod` applies to the element.
 * Generated (computed) columns report their expression in pg_attrdef too: it is not a default, so it goes to
 * `generation` instead. When the (element) type is a domain, `domain_*` describe the type the innermost domain is
 * over (its element type with `domain_is_array` when that is an array), with that domain's typmod. Also what the
 * model does not describe (partly managed): the storage mode when it is not the type's, compression, statistics
 * target, attribute options, and whether column privileges are granted. Columns that not every server version has
 * are read as `hasCurrentColumns` says.
 */
export function columnsSql(serverVersion?: number): string {
  const direct = hasCurrentColumns(serverVersion);
  return `
WITH RECURSIVE domain_chain(domain_oid, base_oid, typmod) AS (
  SELECT t.oid, t.typbasetype, t.typtypmod FROM pg_catalog.pg_type t WHERE t.typtype = 'd'
  UNION ALL
  SELECT dc.domain_oid, t.typbasetype, t.typtypmod
  FROM domain_chain dc JOIN pg_catalog.pg_type t ON t.oid = dc.base_oid AND t.typtype = 'd'),
domain_base AS (
  SELECT dc.domain_oid, dc.typmod, (bt.typcategory = 'A' AND bt.typelem <> 0) AS is_array,
    CASE WHEN bt.typcategory = 'A' AND bt.typelem <> 0 THEN bt.typelem ELSE bt.oid END AS element_oid
  FROM domain_chain dc JOIN pg_catalog.pg_type bt ON bt.oid = dc.base_oid AND bt.typtype <> 'd')
SELECT a.attrelid::int8 AS table_oid, a.attname AS name, a.attnotnull AS not_null, a.attidentity AS identity,
  a.atttypmod AS typmod, (t.typcategory = 'A' AND t.typelem <> 0) AS is_array,
  pg_catalog.format_type(et.oid, NULL) AS type, et.typtype AS typtype,
  etn.nspname AS type_schema, et.typname AS type_name,
  CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS default,
  CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generation,
  d.description AS comment,
  CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
  s.seqstart::text AS identity_start, s.seqincrement::text AS identity_increment, s.seqmin::text AS identity_min,
  s.seqmax::text AS identity_max, s.seqcache::text AS identity_cache, s.seqcycle AS identity_cycle,
  db.typmod AS domain_typmod, db.is_array AS domain_is_array, pg_catalog.format_type(dbt.oid, NULL) AS domain_type,
  dbt.typtype AS domain_typtype, dbn.nspname AS domain_type_schema, dbt.typname AS domain_type_name,
  a.attstorage AS storage, t.typstorage AS type_storage, ${versionedColumn('a', 'attcompression', direct)} AS compression,
  (${versionedColumn('a', 'attstattarget', direct)})::int AS statistics_target, to_json(a.attoptions::text[]) AS attribute_options,
  a.attacl IS NOT NULL AS has_privileges
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
JOIN pg_catalog.pg_type et
  ON et.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END
JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
LEFT JOIN domain_base db ON et.typtype = 'd' AND db.domain_oid = et.oid
LEFT JOIN pg_catalog.pg_type dbt ON dbt.oid = db.element_oid
LEFT JOIN pg_catalog.pg_namespace dbn ON dbn.oid = dbt.typnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
LEFT JOIN pg_catalog.pg_depend sd
  ON a.attidentity <> '' AND sd.classid = 'pg_catalog.pg_class'::regclass
  AND sd.refclassid = 'pg_catalog.pg_class'::regclass AND sd.refobjid = a.attrelid AND sd.refobjsubid = a.attnum
  AND sd.deptype = 'i'
LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = sd.objid
WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;
}

/**
 * Primary keys, foreign keys, uniques and checks, with their columns in key order, their comments, and for the keys
 * backed by an index (primary keys, uniques) that index's settings: NULLS NOT DISTINCT (modelled) and what the model
 * does not describe (INCLUDE columns, storage parameters, tablespace). Constraints with a parent are clones PostgreSQL
 * maintains itself (a foreign key to a partitioned table has one per partition): left out.
 */
export function constraintsSql(serverVersion?: number): string {
  const direct = hasCurrentColumns(serverVersion);
  return `
SELECT con.conrelid::int8 AS table_oid, con.conname AS name, con.contype AS type,
  to_json(ARRAY(
    SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
    ORDER BY k.ord)::text[]) AS columns,
  fn.nspname AS referenced_schema, fc.relname AS referenced_table,
  to_json(ARRAY(
    SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
    ORDER BY k.ord)::text[]) AS referenced_columns,
  con.confdeltype AS on_delete, con.confupdtype AS on_update, con.confmatchtype AS match,
  con.condeferrable AS deferrable, con.condeferred AS deferred,
  con.convalidated AS validated, con.connoinherit AS no_inherit,
  CASE WHEN con.contype IN ('c', 'x') THEN pg_catalog.pg_get_constraintdef(con.oid) END AS definition,
  d.description AS comment,
  to_json(ARRAY(
    SELECT a.attname FROM unnest((${versionedColumn('con', 'confdelsetcols', direct)})::int2[]) AS k(attnum)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum)::text[]) AS delete_set_columns,
  COALESCE((${versionedColumn('ix', 'indnullsnotdistinct', direct)})::boolean, false) AS nulls_not_distinct,
  to_json(ARRAY(
    SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
    WHERE k.ord > ix.indnkeyatts ORDER BY k.ord)::text[]) AS include,
  to_json(i.reloptions::text[]) AS index_options, its.spcname AS index_tablespace
FROM pg_catalog.pg_constraint con
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = con.oid AND d.classoid = 'pg_catalog.pg_constraint'::regclass AND d.objsubid = 0
LEFT JOIN pg_catalog.pg_index ix ON con.contype IN ('p', 'u') AND ix.indexrelid = con.conindid
LEFT JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid
LEFT JOIN pg_catalog.pg_tablespace its ON its.oid = i.reltablespace
WHERE con.conrelid = ANY($1::oid[]) AND con.contype IN ('p', 'f', 'u', 'c', 'x') AND con.conparentid = 0
ORDER BY con.conrelid, con.conname`;
}

/**
 * Indexes (of tables and of materialized views) that do not back a constraint of their table (those are read as constraints), with their access method.
 * Key columns in key order: `key_columns` has the column name of a column key and NULL for an expression key, whose
 * text (as `pg_get_indexdef` prints that one key) is at the same position of `key_expressions`; `key_options` has
 * each key's `indoption` bits (1: DESC, 2: NULLS FIRST), `key_opclasses` its operator class when it is not the
 * default for the key's type (the rule of `pg_get_indexdef`: the default class of the type for the method, or else
 * the one default class the type is binary-coercible to), `key_collations` its collation when it is not the column's
 * (of an expression key: its type's), `key_opclass_options` its operator class options; all by position. `include` has
 * the INCLUDE columns. Also the storage parameters, NULLS NOT DISTINCT, the comment, and what the model does not
 * describe (tablespace, CLUSTER mark, replica identity mark, statistics targets).
 */
export function indexesSql(serverVersion?: number): string {
  const direct = hasCurrentColumns(serverVersion);
  return `
SELECT ix.indrelid::int8 AS table_oid, i.relname AS name, ix.indisunique AS is_unique, am.amname AS method,
  NOT ix.indisvalid AS invalid,
  to_json(ARRAY(
    SELECT a.attname::text
    FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum AND k.attnum <> 0
    WHERE k.ord <= ix.indnkeyatts
    ORDER BY k.ord)::text[]) AS key_columns,
  to_json(ARRAY(
    SELECT CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(ix.indexrelid, k.ord::int, true) END
    FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
    WHERE k.ord <= ix.indnkeyatts
    ORDER BY k.ord)::text[]) AS key_expressions,
  to_json(ARRAY(
    SELECT o.option
    FROM unnest(ix.indoption::int2[]) WITH ORDINALITY AS o(option, ord)
    WHERE o.ord <= ix.indnkeyatts
    ORDER BY o.ord)::int4[]) AS key_options,
  to_json(ARRAY(
    SELECT CASE
      WHEN oc.opcdefault AND (
        oc.opcintype = kt.oid
        OR (k.attnum = 0 AND oc.opckeytype <> 0)
        OR (NOT EXISTS (
            SELECT 1 FROM pg_catalog.pg_opclass dc
            WHERE dc.opcmethod = oc.opcmethod AND dc.opcdefault AND dc.opcintype = kt.oid)
          AND (
            oc.opcintype = kt.typbasetype
            OR EXISTS (
              SELECT 1 FROM pg_catalog.pg_cast ca
              WHERE ca.castsource = kt.oid AND ca.casttarget = oc.opcintype AND ca.castmethod = 'b')
            OR (ot.typname = 'anyarray' AND kt.typcategory = 'A')
            OR (ot.typname = 'anyenum' AND kt.typtype = 'e')
            OR (ot.typname = 'anyrange' AND kt.typtype = 'r')
            OR (ot.typname = 'anymultirange' AND kt.typtype = 'm')
            OR ot.typname IN ('anyelement', 'anynonarray'))))
      THEN NULL ELSE oc.opcname END
    FROM unnest(ix.indkey::int2[], ix.indclass::oid[]) WITH ORDINALITY AS k(attnum, opclass, ord)
    JOIN pg_catalog.pg_opclass oc ON oc.oid = k.opclass
    JOIN pg_catalog.pg_type ot ON ot.oid = oc.opcintype
    JOIN pg_catalog.pg_attribute ia ON ia.attrelid = ix.indexrelid AND ia.attnum = k.ord
    LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = ix.indrelid AND ta.attnum = k.attnum AND k.attnum <> 0
    JOIN pg_catalog.pg_type kt ON kt.oid = COALESCE(ta.atttypid, ia.atttypid)
    WHERE k.ord <= ix.indnkeyatts
    ORDER BY k.ord)::text[]) AS key_opclasses,
  to_json(ARRAY(
    SELECT CASE WHEN k.coll <> 0 AND k.coll <> COALESCE(ta.attcollation, kt.typcollation) THEN co.collname END
    FROM unnest(ix.indkey::int2[], ix.indcollation::oid[]) WITH ORDINALITY AS k(attnum, coll, ord)
    JOIN pg_catalog.pg_attribute ia ON ia.attrelid = ix.indexrelid AND ia.attnum = k.ord
    LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = ix.indrelid AND ta.attnum = k.attnum AND k.attnum <> 0
    JOIN pg_catalog.pg_type kt ON kt.oid = COALESCE(ta.atttypid, ia.atttypid)
    LEFT JOIN pg_catalog.pg_collation co ON co.oid = k.coll
    WHERE k.ord <= ix.indnkeyatts
    ORDER BY k.ord)::text[]) AS key_collations,
  to_json(ARRAY(
    SELECT array_to_string(ia.attoptions, ',')
    FROM pg_catalog.pg_attribute ia
    WHERE ia.attrelid = ix.indexrelid AND ia.attnum <= ix.indnkeyatts
    ORDER BY ia.attnum)::text[]) AS key_opclass_options,
  to_json(ARRAY(
    SELECT (ia.attnum::text || '=' || (${versionedColumn('ia', 'attstattarget', direct)}))
    FROM pg_catalog.pg_attribute ia
    WHERE ia.attrelid = ix.indexrelid AND (${versionedColumn('ia', 'attstattarget', direct)})::int >= 0
    ORDER BY ia.attnum)::text[]) AS statistics_targets,
  to_json(ARRAY(
    SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
    WHERE k.ord > ix.indnkeyatts ORDER BY k.ord)::text[]) AS include,
  to_json(i.reloptions::text[]) AS options,
  COALESCE((${versionedColumn('ix', 'indnullsnotdistinct', direct)})::boolean, false) AS nulls_not_distinct,
  d.description AS comment, ts.spcname AS tablespace, ix.indisclustered AS clustered,
  ix.indisreplident AS replica_identity,
  pg_catalog.pg_get_expr(ix.indpred, ix.indrelid) AS predicate
FROM pg_catalog.pg_index ix
JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = i.relam
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = i.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = i.reltablespace
WHERE ix.indrelid = ANY($1::oid[])
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_constraint con
    WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u', 'x'))
ORDER BY ix.indrelid, i.relname`;
}

/**
 * Enum types of the managed schemas (not members of an extension), labels in their sort order, with their comments,
 * and the domains over each (over the enum or its array type). The domains are found for all enums at once, from the
 * domains (index lookups of their base type), aggregated per enum: a subquery per enum scanned all of pg_type each time.
 */
export const ENUMS_SQL = `
WITH enum_domain AS (
  SELECT et.oid AS enum_oid, dn.nspname || '.' || dt.typname AS name
  FROM pg_catalog.pg_type dt
  JOIN pg_catalog.pg_namespace dn ON dn.oid = dt.typnamespace
  JOIN pg_catalog.pg_type et ON et.oid = dt.typbasetype AND et.typtype = 'e'
  WHERE dt.typtype = 'd'
  UNION ALL
  SELECT et.oid, dn.nspname || '.' || dt.typname
  FROM pg_catalog.pg_type dt
  JOIN pg_catalog.pg_namespace dn ON dn.oid = dt.typnamespace
  JOIN pg_catalog.pg_type at ON at.oid = dt.typbasetype
  JOIN pg_catalog.pg_type et ON et.oid = at.typelem AND et.typarray = at.oid AND et.typtype = 'e'
  WHERE dt.typtype = 'd'),
enum_domains AS (
  SELECT enum_oid, array_agg(name ORDER BY name COLLATE "C") AS names FROM enum_domain GROUP BY enum_oid)
SELECT n.nspname AS schema, t.typname AS name,
  to_json(ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[]) AS values,
  d.description AS comment, t.typacl IS NOT NULL AS has_privileges,
  to_json(COALESCE(ed.names, '{}')::text[]) AS domains
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_type'::regclass AND d.objsubid = 0
LEFT JOIN enum_domains ed ON ed.enum_oid = t.oid
WHERE t.typtype = 'e' AND n.nspname = ANY($1::text[])
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend e
    WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
ORDER BY n.nspname, t.typname`;

/** Installed extensions; plpgsql is always there and never part of a schema. */
export const EXTENSIONS_SQL = `
SELECT extname AS name FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql' ORDER BY extname`;

/**
 * Views and materialized views of the managed schemas (not members of an extension), with the catalog's definition
 * and the relations their rewrite rule depends on, their comments, options (`reloptions`) and tablespace. When TypeORM's `typeorm_metadata` table exists (`metadataTable`,
 * quoted), the same query also returns the expression TypeORM recorded for each view, and its generated-column
 * records (kind `column`) for the current database. The records are read through `to_jsonb`, so a table of another
 * shape yields no values rather than an error.
 */
export function viewsSql(metadataTable?: string): string {
  const record = (condition: string) =>
    metadataTable === undefined
      ? 'NULL::text'
      : `(SELECT m.r->>'value' FROM (SELECT to_jsonb(t) AS r FROM ${metadataTable} t) m WHERE ${condition} LIMIT 1)`;
  const views = `
SELECT 'view' AS kind, c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name, NULL::text AS table_name,
  c.relkind = 'm' AS materialized,
  pg_catalog.pg_get_viewdef(c.oid) AS definition,
  d.description AS comment, c.reloptions::text[] AS options, ts.spcname AS tablespace,
  ${record(`m.r->>'type' = CASE WHEN c.relkind = 'm' THEN 'MATERIALIZED_VIEW' ELSE 'VIEW' END
    AND m.r->>'schema' = n.nspname AND m.r->>'name' = c.relname`)} AS recorded,
  COALESCE((
    SELECT jsonb_agg(DISTINCT jsonb_build_object('schema', rn.nspname, 'name', rc.relname))
    FROM pg_catalog.pg_rewrite rw
    JOIN pg_catalog.pg_depend dep
      ON dep.classid = 'pg_catalog.pg_rewrite'::regclass AND dep.objid = rw.oid
      AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid <> c.oid
    JOIN pg_catalog.pg_class rc ON rc.oid = dep.refobjid
    JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
    WHERE rw.ev_class = c.oid), '[]'::jsonb) AS depends_on
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace
WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY($1::text[])
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend e
    WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')`;
  if (metadataTable === undefined) return `${views}\nORDER BY 1, 3, 4`;
  return `${views}
UNION ALL
SELECT 'column', NULL::int8, m.r->>'schema', m.r->>'name', m.r->>'table', false, NULL, NULL, NULL::text[], NULL,
  m.r->>'value', '[]'::jsonb
FROM (SELECT to_jsonb(t) AS r FROM ${metadataTable} t) m
WHERE m.r->>'type' = 'GENERATED_COLUMN' AND m.r->>'database' = current_database()
ORDER BY 1, 3, 4`;
}

/**
 * Sequences of the managed schemas that no identity column implies (`deptype 'i'`) and no extension made, with their
 * options, comment, persistence and their owner (`OWNED BY`, `deptype 'a'`): `owner_default_calls` says whether the owning column's default
 * depends on the sequence (a serial column, when that default is a plain `nextval` on an integer column).
 */
export const SEQUENCES_SQL = `
SELECT n.nspname AS schema, c.relname AS name, pg_catalog.format_type(s.seqtypid, NULL) AS type,
  s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min_value,
  s.seqmax::text AS max_value, s.seqcache::text AS cache, s.seqcycle AS cycle,
  own.refobjid::int8 AS owner_oid, oc.relname AS owner_table, oa.attname AS owner_column,
  calls.seq IS NOT NULL AS owner_default_calls,
  d.description AS comment, c.relpersistence AS persistence
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
LEFT JOIN pg_catalog.pg_depend own
  ON own.classid = 'pg_catalog.pg_class'::regclass AND own.objid = c.oid
  AND own.refclassid = 'pg_catalog.pg_class'::regclass AND own.refobjsubid > 0 AND own.deptype = 'a'
LEFT JOIN pg_catalog.pg_class oc ON oc.oid = own.refobjid
LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = own.refobjid AND oa.attnum = own.refobjsubid
-- The column defaults that depend on a sequence, all at once (hashed; probing per sequence scans pg_depend each time).
LEFT JOIN (
  SELECT DISTINCT dd.refobjid AS seq, ad.adrelid, ad.adnum
  FROM pg_catalog.pg_depend dd JOIN pg_catalog.pg_attrdef ad ON ad.oid = dd.objid
  WHERE dd.classid = 'pg_catalog.pg_attrdef'::regclass AND dd.refclassid = 'pg_catalog.pg_class'::regclass
) calls ON calls.seq = c.oid AND calls.adrelid = own.refobjid AND calls.adnum = own.refobjsubid
WHERE n.nspname = ANY($1::text[])
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend e
    WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype IN ('i', 'e'))
ORDER BY n.nspname, c.relname`;

// Split by role; re-exported for the modules that read them from here.
export { NOT_MANAGED_SQL, USER_SCHEMAS_SQL } from './queries-not-managed';
