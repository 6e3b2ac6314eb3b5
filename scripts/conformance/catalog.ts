/**
 * An independent check of the migrated database: a description of its catalog read with the engine's own printers
 * (`pg_get_indexdef`, `pg_get_constraintdef`, `format_type`, SQLite's pragmas), not through schemaplan's
 * introspector. Comparing it with the target's catalog catches what the model does not carry (index key order,
 * operator classes and their options, storage parameters, tablespaces, comments of every object, column storage,
 * NOT VALID, NO INHERIT, UNLOGGED, replica identity, STRICT...), which would otherwise look converged.
 * Order-insensitive: a set of lines.
 */
import { Client } from 'pg';
import sqlite3 from 'sqlite3';
import { isManagedTable, UNMANAGED_TABLES } from '../../src/dialects/unmanaged';
import { foldCase } from '../../src/model';
import { canonicalOption } from '../../src/dialects/postgres/render-options';

/**
 * Expression texts (defaults, CHECK expressions, index keys and predicates) are the model's business, which compares
 * them normalised; here only what surrounds them is compared, as the catalog stores it.
 */
const POSTGRES_CATALOG_SQL = `
WITH rel AS (
  SELECT c.oid, n.nspname, c.relname, c.relkind, c.relpersistence, c.reloptions, c.reltablespace, c.relreplident,
    c.relforcerowsecurity
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    AND NOT (c.relname = ANY($2::text[]) AND n.nspname = 'public')
)
SELECT format('relation %I.%I kind=%s persistence=%s options=%s tablespace=%s replident=%s forcerls=%s', nspname, relname,
  relkind, relpersistence, COALESCE(array_to_string(reloptions, ','), '-'),
  COALESCE((SELECT spcname FROM pg_catalog.pg_tablespace WHERE oid = reltablespace), '-'), relreplident, relforcerowsecurity) AS line
FROM rel
UNION ALL
SELECT format('column %I.%I.%I %s notnull=%s default=%s identity=%s generated=%s collation=%s storage=%s compression=%s stattarget=%s options=%s',
  r.nspname, r.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef,
  a.attidentity, a.attgenerated, CASE WHEN a.attcollation <> t.typcollation THEN co.collname ELSE '-' END,
  a.attstorage, COALESCE(NULLIF(to_jsonb(a) ->> 'attcompression', ''), '-'), COALESCE(to_jsonb(a) ->> 'attstattarget', '-'),
  COALESCE((SELECT string_agg(o, ',' ORDER BY o) FROM unnest(a.attoptions) AS o WHERE o NOT LIKE 'pg\\_%'), '-'))
FROM rel r
JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
WHERE r.relkind <> 'S'
UNION ALL
SELECT format('constraint %I.%I.%I type=%s validated=%s noinherit=%s deferrable=%s deferred=%s match=%s delete_set=%s',
  r.nspname, r.relname, con.conname, con.contype, con.convalidated, con.connoinherit, con.condeferrable,
  con.condeferred, con.confmatchtype, COALESCE(to_jsonb(con) ->> 'confdelsetcols', '-'))
FROM rel r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid
UNION ALL
SELECT format('index %I.%I on %I method=%s unique=%s nulls_not_distinct=%s valid=%s partial=%s keys=%s options=%s storage=%s tablespace=%s clustered=%s replident=%s opclass_options=%s opclasses=%s collations=%s include=%s',
  r.nspname, i.relname, r.relname, am.amname, x.indisunique, x.indnullsnotdistinct, x.indisvalid, x.indpred IS NOT NULL,
  x.indnkeyatts, x.indoption::text, COALESCE(array_to_string(i.reloptions, ','), '-'),
  COALESCE((SELECT spcname FROM pg_catalog.pg_tablespace WHERE oid = i.reltablespace), '-'), x.indisclustered, x.indisreplident,
  (SELECT string_agg(COALESCE(array_to_string(ia.attoptions, ';'), '-'), ',' ORDER BY ia.attnum) FROM pg_catalog.pg_attribute ia
    WHERE ia.attrelid = x.indexrelid),
  (SELECT string_agg(op.opcname, ',' ORDER BY k.ord) FROM unnest(x.indclass::oid[]) WITH ORDINALITY AS k(oid, ord)
    JOIN pg_catalog.pg_opclass op ON op.oid = k.oid),
  (SELECT string_agg(COALESCE(cl.collname, '-'), ',' ORDER BY k.ord) FROM unnest(x.indcollation::oid[]) WITH ORDINALITY AS k(oid, ord)
    LEFT JOIN pg_catalog.pg_collation cl ON cl.oid = k.oid),
  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum WHERE k.ord > x.indnkeyatts))
FROM rel r
JOIN pg_catalog.pg_index x ON x.indrelid = r.oid
JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = i.relam
UNION ALL
SELECT format('sequence %I.%I type=%s start=%s increment=%s min=%s max=%s cache=%s cycle=%s owned_by=%s',
  r.nspname, r.relname, format_type(sq.seqtypid, NULL), sq.seqstart, sq.seqincrement, sq.seqmin, sq.seqmax,
  sq.seqcache, sq.seqcycle,
  (SELECT format('%I.%I', oc.relname, oa.attname) FROM pg_catalog.pg_depend dep
    JOIN pg_catalog.pg_class oc ON oc.oid = dep.refobjid
    JOIN pg_catalog.pg_attribute oa ON oa.attrelid = dep.refobjid AND oa.attnum = dep.refobjsubid
    WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = r.oid
      AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.deptype IN ('a', 'i') LIMIT 1))
FROM rel r JOIN pg_catalog.pg_sequence sq ON sq.seqrelid = r.oid
UNION ALL
SELECT format('view %I.%I %s', nspname, relname, pg_catalog.pg_get_viewdef(oid)) FROM rel WHERE relkind IN ('v', 'm')
UNION ALL
SELECT format('comment %I.%I%s %L', r.nspname, r.relname,
  CASE WHEN d.objsubid = 0 THEN '' ELSE '.' || quote_ident(a.attname) END, d.description)
FROM rel r JOIN pg_catalog.pg_description d ON d.objoid = r.oid AND d.classoid = 'pg_catalog.pg_class'::regclass
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum = d.objsubid
UNION ALL
SELECT format('comment index %I.%I %L', r.nspname, i.relname, d.description)
FROM rel r JOIN pg_catalog.pg_index x ON x.indrelid = r.oid JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_description d ON d.objoid = i.oid AND d.classoid = 'pg_catalog.pg_class'::regclass
UNION ALL
SELECT format('comment constraint %I.%I.%I %L', r.nspname, r.relname, con.conname, d.description)
FROM rel r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid
JOIN pg_catalog.pg_description d ON d.objoid = con.oid AND d.classoid = 'pg_catalog.pg_constraint'::regclass
UNION ALL
SELECT format('comment schema %I %L', n.nspname, d.description)
FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_description d
  ON d.objoid = n.oid AND d.classoid = 'pg_catalog.pg_namespace'::regclass
WHERE n.nspname = ANY($1::text[])
UNION ALL
SELECT format('comment type %I.%I %L', n.nspname, t.typname, d.description)
FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_type'::regclass
WHERE t.typtype = 'e' AND n.nspname = ANY($1::text[])
UNION ALL
SELECT format('type %I.%I privileges=%s enum %s', n.nspname, t.typname, t.typacl IS NOT NULL,
  (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid))
FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND n.nspname = ANY($1::text[])`;

/** The catalog lines of the `schemas` of a PostgreSQL database (TypeORM's bookkeeping tables left out), sorted. */
export async function postgresCatalog(url: string, schemas: readonly string[]): Promise<string[]> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const result = await client.query<{ line: string }>(POSTGRES_CATALOG_SQL, [[...schemas], [...UNMANAGED_TABLES]]);
    return result.rows.map((row) => byValue(row.line)).sort();
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Storage parameters and options compared by value: each canonical (`deduplicate_items=on` is
 * `deduplicate_items=true`, `fillfactor=070` is `fillfactor=70`: PostgreSQL keeps the spelling it was given, and
 * reads both the same), in name order (their order means nothing).
 */
export function byValue(line: string): string {
  return line.replace(/ (options|storage)=(\S+)/g, (_whole, key: string, list: string) =>
    list.includes('=') ? ` ${key}=${list.split(',').map(canonicalOption).sort().join(',')}` : ` ${key}=${list}`,
  );
}

type Row = Record<string, unknown>;

function all(db: sqlite3.Database, sql: string): Promise<Row[]> {
  return new Promise((resolve, reject) => db.all<Row>(sql, (error, rows) => (error ? reject(error) : resolve(rows))));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The catalog lines of an SQLite database file, read through its pragmas (TypeORM's tables left out), sorted. */
export async function sqliteCatalog(file: string): Promise<string[]> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)));
  });
  try {
    const lines: string[] = [];
    const tables = (await all(db, 'PRAGMA main.table_list')).filter(
      (t) => t.schema === 'main' && isManagedTable(String(t.name)),
    );
    for (const table of tables) {
      const name = String(table.name);
      // SQLite's names are case-insensitive: `USERS` is the target's `users`, so names are compared folded.
      const id = foldCase(name);
      lines.push(`relation ${id} type=${String(table.type)} without_rowid=${String(table.wr)} strict=${String(table.strict)}`);
      const columns = await all(db, `PRAGMA main.table_xinfo(${quote(name)})`);
      // The rowid alias (a single INTEGER PRIMARY KEY of a rowid table) can never hold NULL, declared NOT NULL or not.
      const keyColumns = columns.filter((c) => Number(c.pk) > 0);
      const rowidAlias =
        Number(table.wr) === 0 && keyColumns.length === 1 && String(keyColumns[0]!.type).toLowerCase() === 'integer'
          ? String(keyColumns[0]!.name)
          : undefined;
      for (const c of columns) {
        const notNull = String(c.name) === rowidAlias ? '(rowid)' : String(c.notnull);
        lines.push(
          `column ${id}.${foldCase(String(c.name))} ${String(c.type).toLowerCase()} notnull=${notNull} default=${c.dflt_value !== null} ` +
            `pk=${String(c.pk)} hidden=${String(c.hidden)}`,
        );
      }
      if (table.type !== 'table') continue;
      for (const index of await all(db, `PRAGMA main.index_list(${quote(name)})`)) {
        const keys = (await all(db, `PRAGMA main.index_xinfo(${quote(String(index.name))})`))
          .filter((k) => Number(k.key) === 1)
          .map((k) => `${k.name === null ? '<expr>' : foldCase(String(k.name))} ${Number(k.desc) ? 'DESC' : 'ASC'} ${String(k.coll)}`);
        // Indexes SQLite makes for PRIMARY KEY / UNIQUE are named by position (sqlite_autoindex_t_2): not compared by name.
        const label = String(index.origin) === 'c' ? foldCase(String(index.name)) : `<${String(index.origin)}>`;
        lines.push(`index ${id}.${label} unique=${String(index.unique)} partial=${String(index.partial)} (${keys.join(', ')})`);
      }
      const keys = new Map<string, Row[]>();
      for (const fk of await all(db, `PRAGMA main.foreign_key_list(${quote(name)})`)) {
        const id = String(fk.id);
        keys.set(id, [...(keys.get(id) ?? []), fk]);
      }
      for (const parts of keys.values()) {
        const first = parts[0]!;
        lines.push(
          `foreign key ${id} (${parts.map((p) => foldCase(String(p.from))).join(', ')}) -> ${foldCase(String(first.table))} ` +
            `(${parts.map((p) => foldCase(String(p.to))).join(', ')}) on update ${String(first.on_update)} on delete ${String(first.on_delete)}`,
        );
      }
    }
    return lines.sort();
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** `kind name`: what a catalog line describes (the name may hold quoted parts with spaces: `"a b".t`). */
const objectOf = (line: string) => /^\S+ (?:"(?:[^"]|"")*"|[^\s"])+/.exec(line)?.[0] ?? line;

/**
 * The first difference of two catalogs: for an object both have, the settings that differ
 * (`constraint public.t.c: noinherit=t (target) vs noinherit=f`); else the line only one of them has.
 */
export function catalogDifference(migrated: readonly string[], target: readonly string[]): string | undefined {
  const have = new Set(migrated);
  const want = new Set(target);
  const missing = target.filter((line) => !have.has(line));
  const extra = migrated.filter((line) => !want.has(line));
  // Whole relations first: a table that is not WITHOUT ROWID says more than each of its columns.
  const rank = (line: string) => (line.startsWith('relation ') ? 0 : 1);
  for (const line of [...missing].sort((a, b) => rank(a) - rank(b))) {
    const counterpart = extra.find((other) => objectOf(other) === objectOf(line));
    if (counterpart === undefined) continue;
    const object = objectOf(line);
    const [a, b] = [line.slice(object.length).split(' '), counterpart.slice(object.length).split(' ')];
    if (a.length === b.length) {
      const fields = a.flatMap((token, i) => (token === b[i] ? [] : [`${token} (target) vs ${b[i]}`]));
      return `${object}: ${fields.join(', ')}`;
    }
    return `${object}: target has${line.slice(object.length)}; migrated has${counterpart.slice(object.length)}`;
  }
  if (missing.length > 0) return `only the target has ${missing[0]}`;
  if (extra.length > 0) return `only the migrated database has ${extra[0]}`;
  return undefined;
}
