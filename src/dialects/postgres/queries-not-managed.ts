/** Catalog queries for what the model does not manage: the user schemas, and the objects a plan leaves alone. */

/** Schemas a user made: not PostgreSQL's own (`pg_*`, `information_schema`), not created by an extension. */
export const USER_SCHEMAS_SQL = `
SELECT n.nspname AS name
FROM pg_catalog.pg_namespace n
WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend e
    WHERE e.classid = 'pg_catalog.pg_namespace'::regclass AND e.objid = n.oid AND e.deptype = 'e')
ORDER BY n.nspname`;

/** `AND NOT EXISTS (...)`: the object (`classid`, `objid`) is not a member of an extension (the extension owns it). */
const notExtensionMember = (catalog: string, oid: string) => `NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend e
    WHERE e.classid = 'pg_catalog.${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;

/**
 * Everything of the read schemas (`$1`) the model does not describe, in one query: routines, non-internal triggers,
 * policies, tables with row level security, privileges granted on relations or schemas (beyond those initdb set, per
 * `pg_init_privs`), partitions (tables, not their indexes; a foreign table attached as a partition is one), domains, composite and range types, foreign tables, rules other than views' own, TypeORM's bookkeeping tables (`$2`), and database-wide event triggers and
 * publications; objects of extensions aside. Plus every extension (but plpgsql) with the schema it is installed in.
 * One row per schema and kind, with the object names sorted.
 */
export const NOT_MANAGED_SQL = `
WITH ns AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY($1::text[])),
rel AS (
  SELECT c.oid, ns.nspname, c.relname, c.relkind, c.relispartition, c.relrowsecurity, c.relacl
  FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace
  WHERE ${notExtensionMember('pg_class', 'c.oid')}),
objects(schema, kind, name) AS (
  SELECT ns.nspname,
    CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
    p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
  FROM pg_catalog.pg_proc p JOIN ns ON ns.oid = p.pronamespace
  WHERE ${notExtensionMember('pg_proc', 'p.oid')}
  UNION ALL
  SELECT rel.nspname, 'trigger', rel.relname || '.' || t.tgname
  FROM pg_catalog.pg_trigger t JOIN rel ON rel.oid = t.tgrelid WHERE NOT t.tgisinternal
  UNION ALL
  SELECT rel.nspname, 'policy', rel.relname || '.' || pol.polname
  FROM pg_catalog.pg_policy pol JOIN rel ON rel.oid = pol.polrelid
  UNION ALL
  SELECT rel.nspname, 'row level security', rel.relname FROM rel WHERE rel.relrowsecurity
  UNION ALL
  SELECT rel.nspname, 'privilege', rel.relname FROM rel WHERE rel.relacl IS NOT NULL AND rel.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  UNION ALL
  SELECT n.nspname, 'privilege', 'schema ' || n.nspname
  FROM pg_catalog.pg_namespace n JOIN ns ON ns.oid = n.oid
  WHERE n.nspacl IS NOT NULL AND n.nspacl IS DISTINCT FROM (
    SELECT ip.initprivs FROM pg_catalog.pg_init_privs ip
    WHERE ip.objoid = n.oid AND ip.classoid = 'pg_catalog.pg_namespace'::regclass AND ip.objsubid = 0)
  UNION ALL
  SELECT rel.nspname, 'partition', rel.relname FROM rel WHERE rel.relispartition AND rel.relkind IN ('r', 'p', 'f')
  UNION ALL
  SELECT rel.nspname, 'foreign table', rel.relname FROM rel WHERE rel.relkind = 'f' AND NOT rel.relispartition
  UNION ALL
  SELECT rel.nspname, 'typeorm table', rel.relname FROM rel
  WHERE rel.relkind IN ('r', 'p') AND NOT rel.relispartition AND rel.relname = ANY($2::text[])
  UNION ALL
  SELECT rel.nspname, 'rule', rel.relname || '.' || r.rulename
  FROM pg_catalog.pg_rewrite r JOIN rel ON rel.oid = r.ev_class WHERE r.rulename <> '_RETURN'
  UNION ALL
  SELECT ns.nspname, CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, t.typname
  FROM pg_catalog.pg_type t JOIN ns ON ns.oid = t.typnamespace
  WHERE (t.typtype IN ('d', 'r') OR (t.typtype = 'c' AND EXISTS (
      SELECT 1 FROM pg_catalog.pg_class tc WHERE tc.oid = t.typrelid AND tc.relkind = 'c')))
    AND ${notExtensionMember('pg_type', 't.oid')}
  UNION ALL
  SELECT NULL, 'event trigger', et.evtname FROM pg_catalog.pg_event_trigger et
  WHERE ${notExtensionMember('pg_event_trigger', 'et.oid')}
  UNION ALL
  SELECT NULL, 'publication', pub.pubname FROM pg_catalog.pg_publication pub
  UNION ALL
  SELECT n.nspname, 'extension', x.extname
  FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
  WHERE x.extname <> 'plpgsql')
SELECT schema, kind, array_agg(name ORDER BY name)::text[] AS names
FROM objects GROUP BY schema, kind ORDER BY schema NULLS FIRST, kind`;
