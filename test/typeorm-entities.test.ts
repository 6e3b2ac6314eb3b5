import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileEntities } from '../src/compile/compile';
import { managedSchemas } from '../src/workflow/plan-database';
import type { Change } from '../src/diff/changes';
import { typeormEntityFiles } from '../src/generate/typeorm-entities';
import type { DialectName, Model } from '../src/model';
import type { Diagnostic } from '../src/plan/types';
import { appTypeorm } from '../src/typeorm/runtime';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { REPO_ROOT } from './support/cli';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import {
  loadWrittenEntities,
  typeCheckEntityFiles,
  writeEntityFiles,
  type WrittenEntities,
} from './support/entity-files';
import { rawQuery } from './support/raw-query';
import { HAND_WRITTEN, HAND_WRITTEN_VIEWS, NOT_DECLARABLE } from './support/hand-written-schemas';
import { synchronizeWithTypeorm, typeormPendingQueries } from './support/typeorm-oracle';
import { TEST_TYPEORM_LINE } from './support/typeorm-line';

/**
 * `typeormEntityFiles` is accepted when, for a real database, the entity files it writes load, compile back to a
 * model that plans nothing against that database, and leave TypeORM's own schema builder nothing to do either.
 */

interface RoundTrip {
  readonly files: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
  readonly changes: readonly Change[];
  readonly pending: readonly string[];
}

/** Every set of files written: type-checked together by the last test, then removed. */
const written: WrittenEntities[] = [];
afterAll(() => {
  for (const w of written) w.remove();
});

/** Every schema of a PostgreSQL database that is not the system's. */
async function userSchemas(db: TestDatabase): Promise<string[] | undefined> {
  if (db.dialect !== 'postgres') return undefined;
  const rows = await rawQuery<{ name: string }>(
    db,
    `SELECT nspname AS name FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

/** Introspects, generates, writes, loads and compiles the entities, then plans them against the same database. */
async function roundTrip(db: TestDatabase, label: string): Promise<RoundTrip> {
  const session = await connect(db.url);
  try {
    const model = await session.introspect({ schemas: await userSchemas(db) });
    const { files, diagnostics } = typeormEntityFiles(model, { typeorm: appTypeorm().line });
    const output = writeEntityFiles(files, `entities-${label}`);
    written.push(output);
    const classes = await loadWrittenEntities(output);
    const compiled = await compileEntities(classes, db.dialect);
    const plan = await planTowards(session, compiled.model);
    expect(plan.diagnostics).toEqual([]);
    return {
      files,
      diagnostics,
      changes: plan.changes,
      pending: await typeormPendingQueries(db.oracle, classes).catch((error: Error) => [
        `TypeORM failed: ${error.message}`,
      ]),
    };
  } finally {
    await session.close();
  }
}

/** Builds a database from a model the way `schema apply` does. */
async function databaseFrom(model: Model, dialect: DialectName, label: string): Promise<TestDatabase> {
  const db = await freshDatabase(dialect, label);
  const session = await connect(db.url);
  try {
    await applyTowards(session, model);
  } finally {
    await session.close();
  }
  return db;
}

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code);

function expectRoundTrip(result: RoundTrip): void {
  expect(codes(result.diagnostics)).toEqual([]);
  expect(result.changes).toEqual([]);
  expect(result.pending).toEqual([]);
}

describe.each(DIALECTS)('entities generated from a %s database', (dialect) => {
  it('round-trip the example schema: they plan nothing and TypeORM agrees', async () => {
    const source = (await compileEntities(await entityClasses('schema'), dialect)).model;
    const db = await databaseFrom(source, dialect, 'entities-schema');
    try {
      const result = await roundTrip(db, 'schema');
      expectRoundTrip(result);
      expect([...result.files.keys()]).toEqual([
        'card-statistics.ts',
        'cards.ts',
        'decks.ts',
        ...(dialect === 'postgres' ? ['enums.ts'] : []),
        'refresh-tokens.ts',
        'reviews.ts',
        'user-deck-progress.ts',
        'user-settings.ts',
        'users.ts',
      ]);
    } finally {
      await db.drop();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: every target schema of fixtures/, built by schemaplan; and every hand-written starting schema.

const FIXTURES = path.join(REPO_ROOT, 'fixtures');
const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A fixture's target runs where its starting point does: everywhere for entities, one dialect for SQL. */
const dialectsOf = (name: string): DialectName[] =>
  existsSync(path.join(FIXTURES, name, 'from'))
    ? [...DIALECTS]
    : DIALECTS.filter((dialect) => existsSync(path.join(FIXTURES, name, `from.${dialect}.sql`)));

interface Limit {
  /** The diagnostics (codes, in order) that explain why the case cannot round-trip... */
  readonly codes: readonly string[];
  /** ...the changes a plan then makes (see `describeChange`), sorted... */
  readonly changes: readonly string[];
  /** ...and what TypeORM's own schema builder still wants to run. */
  readonly typeorm: readonly string[];
}

/**
 * Cases that cannot round-trip, with the diagnostics that say so and the only changes a plan then makes. A case
 * listed here must produce exactly this; any other case no diagnostic and no change at all.
 */
/** TypeORM creates the views of hand-written SQL again: they have no record in its typeorm_metadata table. */
const UNRECORDED_VIEWS = [
  'CREATE MATERIALIZED VIEW "mv" AS SELECT id,\n    name\n   FROM people;',
  'INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (DEFAULT, $1, DEFAULT, $2, $3, $4)',
  'CREATE VIEW "v" AS SELECT id\n   FROM people;',
  'INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (DEFAULT, $1, DEFAULT, $2, $3, $4)',
];
/** TypeORM re-creates an unrecorded materialized view, then its declared index (0.3 writes one space less). */
const MV_NAME_INDEX =
  TEST_TYPEORM_LINE === '0.3'
    ? 'CREATE INDEX "mv_name" ON "mv" ("name") '
    : 'CREATE INDEX "mv_name" ON "mv"  ("name") ';
/** TypeORM drops the indexes the entities do not declare (whose key details TypeORM cannot state). */
const dropIndexes = (...names: string[]) => names.map((name) => `DROP INDEX "public"."${name}"`);

const LIMITS: Record<string, Limit> = {
  // Identity sequence options and NOT VALID / NO INHERIT have no entity option: the plan resets and validates them.
  'postgres-identity-options/sql/postgres': {
    codes: ['ENTITY_IDENTITY_OPTIONS_NOT_DECLARED'],
    changes: ['column.alter id'],
    typeorm: [],
  },
  // `DEFAULT NULL::text` on a character varying column: TypeORM reads the catalog's default with its casts cut
  // (`NULL`), so its schema builder keeps setting the declared `NULL::text` again; schemaplan plans nothing.
  'postgres-default-null-catalog/to-sql/postgres': {
    codes: [],
    changes: [],
    typeorm: ['ALTER TABLE "notes" ALTER COLUMN "body" SET DEFAULT NULL::text'],
  },
  'postgres-identity-narrowed-bounds/sql/postgres': {
    codes: Array(2).fill('ENTITY_IDENTITY_OPTIONS_NOT_DECLARED'),
    changes: ['column.alter id', 'column.alter volt'],
    typeorm: [],
  },
  'postgres-identity-narrowed-bounds/to-sql/postgres': {
    codes: Array(2).fill('ENTITY_IDENTITY_OPTIONS_NOT_DECLARED'),
    changes: ['column.alter id', 'column.alter volt'],
    typeorm: [],
  },
  'postgres-not-valid-constraints/sql/postgres': {
    codes: ['ENTITY_CONSTRAINT_OPTIONS_NOT_DECLARED', 'ENTITY_CONSTRAINT_OPTIONS_NOT_DECLARED'],
    changes: ['constraint.validate books', 'constraint.validate books'],
    typeorm: [],
  },
  // Standalone sequences have no entity: plans against entities leave them alone, so nothing changes.
  'postgres-standalone-sequences/sql/postgres': {
    codes: ['ENTITY_SEQUENCE_NOT_DECLARED', 'ENTITY_SEQUENCE_NOT_DECLARED'],
    changes: [],
    typeorm: [],
  },
  // STRICT has no entity option (WITHOUT ROWID has: `@Entity({ withoutRowid: true })`): the table is rebuilt plain.
  'sqlite-strict-without-rowid/sql/sqlite': {
    codes: ['ENTITY_STRICT_NOT_DECLARED'],
    changes: ['table.rebuild items'],
    typeorm: [],
  },
  // Expression keys (and a gin index on an expression): TypeORM declares index keys by column only.
  'index-expressions-and-methods/sql/postgres': {
    codes: Array(4).fill('ENTITY_INDEX_NOT_DECLARED'),
    changes: [
      'index.drop IDX_documents_email_lower',
      'index.drop IDX_documents_mixed',
      'index.drop IDX_documents_paren_expr',
      'index.drop IDX_documents_search',
    ],
    // TypeORM reads the mixed index (one column key, one expression key) as an index on "code" alone.
    typeorm: ['DROP INDEX "public"."IDX_documents_mixed"'],
  },
  'index-expressions-and-methods/sql/sqlite': {
    codes: Array(3).fill('ENTITY_INDEX_NOT_DECLARED'),
    changes: [
      'index.drop IDX_documents_email_lower',
      'index.drop IDX_documents_mixed',
      'index.drop IDX_documents_paren_expr',
    ],
    // TypeORM reads them as indexes without columns, which no entity declares.
    typeorm: [
      'DROP INDEX "IDX_documents_paren_expr"',
      'DROP INDEX "IDX_documents_mixed"',
      'DROP INDEX "IDX_documents_email_lower"',
    ],
  },
  // Keys sorting DESC / NULLS FIRST|LAST: TypeORM declares index keys by column only, without an order.
  'index-key-order/sql/postgres': {
    codes: Array(3).fill('ENTITY_INDEX_NOT_DECLARED'),
    changes: ['index.drop IDX_events_at', 'index.drop IDX_events_kind_score', 'index.drop IDX_events_score'],
    // Not declared, so TypeORM drops them too.
    typeorm: [
      'DROP INDEX "public"."IDX_events_at"',
      'DROP INDEX "public"."IDX_events_kind_score"',
      'DROP INDEX "public"."IDX_events_score"',
    ],
  },
  'index-key-order/sql/sqlite': {
    codes: Array(2).fill('ENTITY_INDEX_NOT_DECLARED'),
    changes: ['index.drop IDX_events_at', 'index.drop IDX_events_kind_score'],
    typeorm: ['DROP INDEX "IDX_events_kind_score"', 'DROP INDEX "IDX_events_at"'],
  },
  // Operator classes and collations of index keys, INCLUDE, storage parameters, NULLS NOT DISTINCT, deferrable primary
  // keys, MATCH FULL, comments of indexes, constraints, types, views and schemas, view options: entities cannot state
  // them. Each is reported; the plan then resets what it manages and leaves the rest alone. (The plain materialized
  // view index is not generated either: reverse generation of materialized view indexes is separate work.)
  'postgres-index-constraint-details/sql/postgres': {
    codes: ['ENTITY_SEQUENCE_NOT_DECLARED', ...Array(2).fill('ENTITY_INDEX_NOT_DECLARED')],
    changes: ['index.drop people_email_pattern', 'index.drop people_name_trgm'],
    typeorm: [...dropIndexes('people_name_trgm', 'people_email_pattern'), ...UNRECORDED_VIEWS, MV_NAME_INDEX],
  },
  'postgres-index-constraint-details-removed/to-sql/postgres': {
    codes: ['ENTITY_SEQUENCE_NOT_DECLARED', ...Array(2).fill('ENTITY_INDEX_NOT_DECLARED')],
    changes: ['index.drop people_email_pattern', 'index.drop people_name_trgm'],
    typeorm: [...dropIndexes('people_name_trgm', 'people_email_pattern'), ...UNRECORDED_VIEWS, MV_NAME_INDEX],
  },
  'postgres-index-constraint-details/to-sql/postgres': {
    codes: [
      'ENTITY_SEQUENCE_NOT_DECLARED',
      ...Array(14).fill('ENTITY_DETAIL_NOT_DECLARED'),
      ...Array(6).fill('ENTITY_INDEX_NOT_DECLARED'),
    ],
    changes: [
      'comment.set',
      'comment.set',
      'foreignKey.add people_org_fkey',
      'foreignKey.drop people_org_fkey',
      'index.drop people_email_pattern',
      'index.drop people_incl',
      'index.drop people_name_trgm',
      'index.drop people_nick_c',
      'index.drop people_uniq',
      'primaryKey.add people',
      'primaryKey.drop people',
      'typeormMetadata.create',
      'unique.add people_nick_key',
      'unique.drop people_nick_key',
      'view.create mv',
      'view.create v',
      'view.drop mv',
      'view.drop v',
    ],
    typeorm: [
      ...dropIndexes('people_name_trgm', 'people_email_pattern', 'people_nick_c', 'people_incl', 'people_uniq'),
      ...UNRECORDED_VIEWS,
    ],
  },
  'postgres-index-constraint-details-removed/sql/postgres': {
    codes: [
      'ENTITY_SEQUENCE_NOT_DECLARED',
      ...Array(14).fill('ENTITY_DETAIL_NOT_DECLARED'),
      ...Array(6).fill('ENTITY_INDEX_NOT_DECLARED'),
    ],
    changes: [
      'comment.set',
      'comment.set',
      'foreignKey.add people_org_fkey',
      'foreignKey.drop people_org_fkey',
      'index.drop people_email_pattern',
      'index.drop people_incl',
      'index.drop people_name_trgm',
      'index.drop people_nick_c',
      'index.drop people_uniq',
      'primaryKey.add people',
      'primaryKey.drop people',
      'typeormMetadata.create',
      'unique.add people_nick_key',
      'unique.drop people_nick_key',
      'view.create mv',
      'view.create v',
      'view.drop mv',
      'view.drop v',
    ],
    typeorm: [
      ...dropIndexes('people_name_trgm', 'people_email_pattern', 'people_nick_c', 'people_incl', 'people_uniq'),
      ...UNRECORDED_VIEWS,
    ],
  },
  // UNLOGGED, storage parameters, replica identity, column storage and statistics, CLUSTER: partly managed, reported
  // per object, and left as they are by the plan.
  'postgres-partly-managed/sql/postgres': {
    codes: Array(6).fill('ENTITY_DETAIL_NOT_DECLARED'),
    changes: [],
    typeorm: [],
  },
  // A uuid column defaulting to gen_random_uuid(): schemaplan keeps the default; TypeORM takes it for a generated
  // column, which its entity (a plain column with that default) is not.
  'postgres-function-defaults/sql/postgres': {
    codes: ['ENTITY_UUID_DEFAULT'],
    changes: [],
    typeorm: [
      'ALTER TABLE "visits" ALTER COLUMN "trace" DROP DEFAULT',
      'ALTER TABLE "visits" ALTER COLUMN "trace" SET DEFAULT gen_random_uuid()',
    ],
  },
};

/** `index.drop IDX_x`: a change by kind and the name of what it changes (a SQLite rebuild by what it folds). */
function describeChange(change: Change): string[] {
  if (change.kind === 'table.rebuild') {
    const inner = change.changes.flatMap(describeChange);
    return inner.length > 0 ? inner : [`table.rebuild ${change.to.name}`];
  }
  const c = change as unknown as Record<string, { name?: string } | string | undefined>;
  const named = ['column', 'to', 'index', 'foreignKey', 'unique', 'check', 'enum', 'view', 'table']
    .map((key) => c[key])
    .find((value) => typeof value === 'object' && value?.name !== undefined) as { name: string } | undefined;
  return [`${change.kind} ${named?.name ?? (typeof c.name === 'string' ? c.name : '')}`.trim()];
}

const describeChanges = (changes: readonly Change[]) => changes.flatMap(describeChange).sort();

function expectLimit(result: RoundTrip, limit: Limit): void {
  expect(codes(result.diagnostics)).toEqual(limit.codes);
  expect(describeChanges(result.changes)).toEqual([...limit.changes].sort());
  expect(result.pending).toEqual(limit.typeorm);
}

/** Fixtures whose target is entities (the others have a SQL target, `to.<dialect>.sql`: hand-written SQL below). */
const TARGETS = CASES.filter((name) => existsSync(path.join(FIXTURES, name, 'to'))).flatMap((name) =>
  dialectsOf(name).map((dialect) => [name, dialect] as const),
);

describe.each(TARGETS)('entities generated from the target of fixture %s on %s', (name, dialect) => {
  it('round-trip', async () => {
    const to = (await compileEntities(await entityClasses(`fixtures/${name}/to`), dialect)).model;
    const db = await databaseFrom(to, dialect, `entities-${name}`);
    try {
      await checkCase(`${name}/to/${dialect}`, await roundTrip(db, name));
    } finally {
      await db.drop();
    }
  });
});

/**
 * A database TypeORM's own `synchronize()` built (a team adopting schemaplan from TypeORM): its catalog text is
 * TypeORM's, not schemaplan's. Targets whose defaults, arrays, enums, views and schemas spell differently there.
 */
const SYNCHRONIZED = [
  'defaults',
  'enum-shared-array-default',
  'foreign-key-actions-deferrable',
  'generated-column',
  'index-kinds',
  'many-to-many',
  'postgres-arrays-json',
  'postgres-function-defaults',
  'schemas-create-alter-drop',
  'view-create-replace-drop',
];
const SYNCHRONIZE_FAILS_03 = new Set([
  'fixtures/postgres-arrays-json/to/postgres',
  'fixtures/enum-shared-array-default/to/sqlite',
]);
const SYNCHRONIZED_TARGETS: (readonly [string, DialectName])[] = [
  ...DIALECTS.map((dialect) => ['schema', dialect] as const),
  ...SYNCHRONIZED.flatMap((name) => dialectsOf(name).map((dialect) => [`fixtures/${name}/to`, dialect] as const)),
];

describe.each(SYNCHRONIZED_TARGETS)(
  "entities generated from the database TypeORM's synchronize() built for %s on %s",
  (folder, dialect) => {
    it('round-trip', async () => {
      const classes = await entityClasses(folder);
      const db = await freshDatabase(dialect, 'entities-sync');
      try {
        // TypeORM does not create schemas: its users create them first.
        if (dialect === 'postgres') {
          const { model } = await compileEntities(classes, dialect);
          for (const schema of managedSchemas(model)) await rawQuery(db, `CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        }
        // TypeORM 0.3 cannot build these (a default it writes as malformed SQL): see fixtures.test.ts.
        if (TEST_TYPEORM_LINE === '0.3' && SYNCHRONIZE_FAILS_03.has(`${folder}/${dialect}`)) {
          await expect(synchronizeWithTypeorm(db.oracle, classes)).rejects.toThrow();
          return;
        }
        await synchronizeWithTypeorm(db.oracle, classes);
        expectRoundTrip(await roundTrip(db, 'sync'));
      } finally {
        await db.drop();
      }
    });
  },
);

/** Hand-written SQL: starting schemas (`from.<dialect>.sql`, key `sql`) and SQL targets (`to.<dialect>.sql`, key `to-sql`). */
const SQL_CASES = CASES.flatMap((name) =>
  DIALECTS.flatMap((dialect) =>
    (['from', 'to'] as const)
      .filter((side) => existsSync(path.join(FIXTURES, name, `${side}.${dialect}.sql`)))
      .map((side) => [side === 'from' ? name : `${name} (to)`, dialect, side] as const),
  ),
);

describe.each(SQL_CASES)('entities generated from the hand-written SQL of fixture %s on %s', (label, dialect, side) => {
  it('round-trip', async () => {
    const name = label.replace(/ \(to\)$/, '');
    const db = await freshDatabase(dialect, `entities-sql-${name}`);
    try {
      await rawQuery(db, readFileSync(path.join(FIXTURES, name, `${side}.${dialect}.sql`), 'utf8'));
      await checkCase(`${name}/${side === 'from' ? 'sql' : 'to-sql'}/${dialect}`, await roundTrip(db, `sql-${name}`));
    } finally {
      await db.drop();
    }
  });
});

/** Where entities for TypeORM 0.3 (which the generator writes on that line) round-trip differently. */
const LIMITS_03: Record<string, Limit> = {
  // TypeORM 0.3 writes the JSON default holding a quote unescaped (schemaplan escapes it, see `repairedDefault`): its
  // schema builder wants to write it its own way (the statement fails).
  'postgres-arrays-json/to/postgres': {
    codes: [],
    changes: [],
    typeorm: [`ALTER TABLE "documents" ALTER COLUMN "meta" SET DEFAULT '{"note":"it's","version":1}'`],
  },
  // TypeORM 0.3 has no `type` option on `@Index`: the hash and BRIN indexes are not declared either (the GiST one is,
  // as `spatial`), so a plan drops them, and so does TypeORM.
  'index-expressions-and-methods/sql/postgres': {
    codes: Array(6).fill('ENTITY_INDEX_NOT_DECLARED'),
    changes: [
      ...LIMITS['index-expressions-and-methods/sql/postgres']!.changes,
      'index.drop IDX_documents_code_hash',
      'index.drop IDX_documents_created_brin',
    ],
    typeorm: [
      'DROP INDEX "public"."IDX_documents_code_hash"',
      'DROP INDEX "public"."IDX_documents_created_brin"',
      ...LIMITS['index-expressions-and-methods/sql/postgres']!.typeorm,
    ],
  },
};

async function checkCase(key: string, result: RoundTrip): Promise<void> {
  const limit = (TEST_TYPEORM_LINE === '0.3' ? LIMITS_03[key] : undefined) ?? LIMITS[key];
  if (limit) expectLimit(result, limit);
  else expectRoundTrip(result);
}

// ---------------------------------------------------------------------------------------------------------------
// Databases written by hand.

async function handWritten(dialect: DialectName, label: string, sql: string): Promise<RoundTrip> {
  const db = await freshDatabase(dialect, `entities-${label}`);
  try {
    await rawQuery(db, sql);
    return await roundTrip(db, label);
  } finally {
    await db.drop();
  }
}

/** What TypeORM alone reads differently in the hand-written databases (schemaplan plans nothing for them). */
const TYPEORM_DIFFERS: Record<DialectName, readonly string[]> = {
  postgres: [
    // CURRENT_DATE written by hand: TypeORM only ever compares its own spelling of it, ('now'::text)::date.
    `ALTER TABLE "warehouses" ALTER COLUMN "opened_on" SET DEFAULT ('now'::text)::date`,
    // A fraction written unquoted (DEFAULT 9.99) reads back unquoted; TypeORM expects its own quoted '9.99'.
    `ALTER TABLE "inventory"."stock" ALTER COLUMN "price" SET DEFAULT '9.99'`,
  ],
  sqlite: [],
};

/**
 * TypeORM 0.3 cannot declare the gin index of the hand-written database (1.x: `@Index({ type: 'gin' })`): the plan
 * drops it, and so does TypeORM. It writes the JSON default with a quote unescaped (schemaplan escapes it, see
 * `repairedDefault`), so its schema builder keeps wanting to write it its own way.
 */
const HAND_WRITTEN_03: Record<DialectName, Limit> = {
  postgres: {
    codes: ['ENTITY_INDEX_NOT_DECLARED'],
    changes: ['index.drop stock_tags_gin'],
    typeorm: [
      'DROP INDEX "inventory"."stock_tags_gin"',
      ...TYPEORM_DIFFERS.postgres,
      // The statement TypeORM 0.3 would run, and which fails.
      `ALTER TABLE "inventory"."stock" ALTER COLUMN "attrs" SET DEFAULT '{"color":"it's red","size":[1,2]}'`,
    ],
  },
  sqlite: { codes: [], changes: [], typeorm: [] },
};

/** Entities cannot declare these: the diagnostics say so, and a plan then changes exactly these. */
const NOT_DECLARED: Record<DialectName, Limit> = {
  postgres: {
    codes: [
      'ENTITY_NO_PRIMARY_KEY',
      'ENTITY_ENUM_UNUSED',
      'ENTITY_FOREIGN_KEY_COLUMN_ORDER',
      'ENTITY_TYPE_APPROXIMATED',
      'ENTITY_ENUM_OTHER_SCHEMA',
      'ENTITY_INDEX_NOT_DECLARED',
    ],
    changes: [
      'table.drop logs',
      'enum.drop mood',
      'foreignKey.drop pair_refs_pair_fkey',
      'foreignKey.add pair_refs_pair_fkey',
      // oid is declared as text (TypeORM does not know oid): converted, its values kept.
      'column.alter tid',
      'enum.create level',
      'column.alter level',
      'index.drop odd_email_lower',
    ],
    // TypeORM sees neither the expression index nor the foreign key's column order (it compares names only), and
    // replaces the column whose type changes (its schema builder drops and adds a column to change a type).
    typeorm: [
      'ALTER TABLE "odd" DROP COLUMN "tid"',
      'ALTER TABLE "odd" ADD "tid" text',
      'ALTER TABLE "odd" DROP COLUMN "level"',
      `CREATE TYPE "public"."level" AS ENUM('low', 'high')`,
      'ALTER TABLE "odd" ADD "level" "public"."level"',
    ],
  },
  sqlite: {
    codes: [
      'ENTITY_NO_PRIMARY_KEY',
      'ENTITY_FOREIGN_KEY_COLUMN_ORDER',
      'ENTITY_TYPE_APPROXIMATED',
      'ENTITY_INDEX_NOT_DECLARED',
    ],
    changes: [
      'table.drop logs',
      'foreignKey.drop FK_pair_refs_pair',
      'foreignKey.add FK_pair_refs_pair',
      // "some type" (NUMERIC affinity) is declared as numeric: the table is rebuilt with it, its values kept.
      'column.alter payload',
      'index.drop odd_email_lower',
    ],
    // TypeORM rebuilds the table twice: once for the index it reads without columns, once for the type.
    typeorm: [
      'DROP INDEX "odd_email_lower"',
      'CREATE TABLE "temporary_odd" ("id" integer PRIMARY KEY NOT NULL, "payload" some type, "email" text)',
      'INSERT INTO "temporary_odd"("id", "payload", "email") SELECT "id", "payload", "email" FROM "odd"',
      'DROP TABLE "odd"',
      'ALTER TABLE "temporary_odd" RENAME TO "odd"',
      'CREATE TABLE "temporary_odd" ("id" integer PRIMARY KEY NOT NULL, "payload" numeric, "email" text)',
      'INSERT INTO "temporary_odd"("id", "payload", "email") SELECT "id", "payload", "email" FROM "odd"',
      'DROP TABLE "odd"',
      'ALTER TABLE "temporary_odd" RENAME TO "odd"',
    ],
  },
};

describe.each(DIALECTS)('entities generated from a hand-written %s database', (dialect) => {
  it('round-trip composite and deferrable foreign keys, default expressions, checks, odd names and enum labels', async () => {
    const result = await handWritten(dialect, 'hand', HAND_WRITTEN[dialect]);
    if (TEST_TYPEORM_LINE === '0.3') {
      expectLimit(result, HAND_WRITTEN_03[dialect]);
      return;
    }
    expectRoundTrip({ ...result, pending: [] });
    expect(result.pending).toEqual(TYPEORM_DIFFERS[dialect]);
  });

  it('round-trip views and generated columns, which TypeORM cannot read without its records of them', async () => {
    const result = await handWritten(dialect, 'hand-views', HAND_WRITTEN_VIEWS[dialect]);
    expectRoundTrip({ ...result, pending: [] });
    expect(result.pending).toEqual([
      dialect === 'postgres'
        ? 'TypeORM failed: relation "typeorm_metadata" does not exist'
        : 'TypeORM failed: no such table: typeorm_metadata',
    ]);
  });

  it('report what entities cannot declare, and a plan then changes exactly that', async () => {
    const result = await handWritten(dialect, 'not-declarable', NOT_DECLARABLE[dialect]);
    // TypeORM 0.3 keeps a composite relation's columns in the declared order: that foreign key is declared as it is.
    const fkOrder = (text: string) =>
      /FOREIGN_KEY_COLUMN_ORDER|foreignKey\.(add|drop) (pair_refs_pair_fkey|FK_pair_refs_pair)/.test(text);
    const limit = NOT_DECLARED[dialect];
    expectLimit(
      result,
      TEST_TYPEORM_LINE === '0.3'
        ? { ...limit, codes: limit.codes.filter((c) => !fkOrder(c)), changes: limit.changes.filter((c) => !fkOrder(c)) }
        : limit,
    );
  });
});

describe('every generated file', () => {
  it('type-checks as strict TypeScript with decorators, unused names reported', () => {
    expect(written.length).toBeGreaterThan(0);
    expect(typeCheckEntityFiles(written)).toEqual([]);
  });
});
