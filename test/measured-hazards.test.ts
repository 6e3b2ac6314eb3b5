/**
 * Hazards measured against the live data: drops, NOT NULL, a narrowed length and index builds carry the counts of
 * the rows they concern, a measured zero removes the hazards only rows could trigger, large tables are estimated from
 * the catalog instead of scanned (and say so), and without a database the hazards say they were not counted.
 */
import { dialectFor } from '../src/dialects/registry';
import type { DatabaseSession } from '../src/dialects/dialect';
import { NO_RENAMES, type Column, type DialectName, type Model, type Renames, type Table } from '../src/model';
import { createPlan, planProbes } from '../src/plan/plan';
import type { Hazard, Measurement, Plan } from '../src/plan/types';
import { connect } from './support/apply-model';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases';
import { rawQuery } from './support/raw-query';

const SCHEMA: Record<DialectName, string> = {
  postgres: `
    CREATE TABLE "users" ("id" serial PRIMARY KEY, "name" character varying(200) NOT NULL, "bio" text, "rating" integer, "score" integer);
    CREATE TABLE "posts" ("id" serial PRIMARY KEY, "title" text);
    CREATE TABLE "tags" ("id" serial PRIMARY KEY);`,
  sqlite: `
    CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "bio" text, "rating" integer, "score" integer);
    CREATE TABLE "posts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" text);
    CREATE TABLE "tags" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL);`,
};

/** 1,234 users: 3 names longer than 50 characters, 34 NULL bios (1,200 non-null), 12 NULL ratings, 7 NULL scores. */
const SEED = `
  INSERT INTO "users" ("name", "bio", "rating", "score")
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1234)
  SELECT CASE WHEN i <= 3 THEN '${'x'.repeat(60)}' ELSE 'user' || i END,
         CASE WHEN i <= 34 THEN NULL ELSE 'bio' END,
         CASE WHEN i <= 12 THEN NULL ELSE 5 END,
         CASE WHEN i <= 7 THEN NULL ELSE 1 END
  FROM n;
  INSERT INTO "posts" ("title") VALUES ('a'), ('b'), ('c'), ('d'), ('e');`;

async function seededDatabase(dialect: DialectName, prefix: string): Promise<TestDatabase> {
  const db = await freshDatabase(dialect, prefix);
  await rawQuery(db, SCHEMA[dialect]);
  await rawQuery(db, SEED);
  return db;
}

const editTable = (model: Model, name: string, edit: (table: Table) => Table | undefined): Model => ({
  ...model,
  tables: model.tables.flatMap((table) => (table.name === name ? (edit(table) ?? []) : [table])),
});

const editColumn = (table: Table, name: string, patch: Partial<Column>): Table => ({
  ...table,
  columns: table.columns.map((column) => (column.name === name ? { ...column, ...patch } : column)),
});

/** Of another type than bio, so that dropping one and adding the other is not a question of renaming. */
const region: Column = { name: 'region', type: 'integer', nullable: false };
const nameIndex = { name: 'IDX_users_name', columns: ['name'], unique: false };

/**
 * Everything at once: bio and posts dropped, rating NOT NULL without a default, score NOT NULL with one, a NOT NULL
 * region without a default, name narrowed to 50 characters, an index on name.
 */
function target(current: Model): Model {
  const users = (table: Table): Table => {
    let next = editColumn(table, 'rating', { nullable: false });
    next = editColumn(next, 'score', { nullable: false, default: '0' });
    next = editColumn(next, 'name', { length: 50 });
    return {
      ...next,
      columns: [...next.columns.filter((c) => c.name !== 'bio'), region],
      indexes: [...next.indexes, nameIndex],
    };
  };
  return editTable(editTable(current, 'users', users), 'posts', () => undefined);
}

interface Measured {
  readonly plan: Plan;
  readonly measurements: readonly Measurement[];
  /** Queries `measure` sent. */
  readonly queries: number;
}

async function measuredPlan(
  session: DatabaseSession,
  to: (current: Model) => Model,
  options: { largeTableRows?: number; estimateAbove?: number; renames?: Renames } = {},
): Promise<Measured> {
  const current = await session.introspect();
  const { largeTableRows, renames } = options;
  const input = { from: current, to: to(current), dialect: dialectFor(session.dialect), largeTableRows, renames };
  const before = session.queryCount;
  const measurements = await session.measure(planProbes(input), { estimateAbove: options.estimateAbove });
  return { plan: createPlan({ ...input, measurements }), measurements, queries: session.queryCount - before };
}

/** The hazards whose weight depends on rows (not the locks, rewrites and rebuilds every such change carries). */
function rowHazards(plan: Plan): Hazard[] {
  return plan.statements
    .flatMap((s) => s.hazards)
    .filter(
      (h) =>
        h.code === 'DATA_LOSS' ||
        h.code === 'NOT_NULL_VIOLATION' ||
        h.code === 'INDEX_BUILD' ||
        (h.code === 'TABLE_REWRITE' && h.message.startsWith('sets ')),
    )
    .sort((a, b) => a.message.localeCompare(b.message));
}

const sorted = (hazards: Hazard[]): Hazard[] => [...hazards].sort((a, b) => a.message.localeCompare(b.message));

describe.each(DIALECTS)('hazards measured against the live data, on %s', (dialect) => {
  const pg = dialect === 'postgres';
  /** How messages name a table: schema-qualified on PostgreSQL. */
  const t = (name: string) => (pg ? `public.${name}` : name);
  const varchar = (n: number) => (pg ? `character varying(${n})` : `varchar(${n})`);

  it('counts drops, NULLs, longer values and a large index build exactly, with one aggregate query per table', async () => {
    const db = await seededDatabase(dialect, 'measured');
    const session = await connect(db.url);
    try {
      const { plan, queries } = await measuredPlan(session, target, { largeTableRows: 1000 });
      expect(plan.decisions).toEqual([]);
      const expected: Hazard[] = [
        { code: 'DATA_LOSS', message: `drops column ${t('users')}.bio: 1,200 non-null values` },
        { code: 'DATA_LOSS', message: `drops table ${t('posts')} with 5 rows` },
        {
          code: 'NOT_NULL_VIOLATION',
          message: `sets ${t('users')}.rating NOT NULL: 12 rows are NULL, apply will fail`,
          fails: true,
        },
        {
          code: 'NOT_NULL_VIOLATION',
          message: `adds NOT NULL column region without a default to ${t('users')}: ${t('users')} has 1,234 rows, apply will fail`,
          fails: true,
        },
      ];
      if (pg) {
        // PostgreSQL checks lengths and fills NULLs with the default in an UPDATE of its own; SQLite's rebuild copies
        // the values as they are (it does not enforce lengths), taking the default on the way (COALESCE), and
        // rebuilds the indexes with the table.
        expected.push(
          {
            code: 'TABLE_REWRITE',
            message: 'sets public.users.score NOT NULL: 7 rows are NULL and are set to its default first',
          },
          {
            code: 'DATA_LOSS',
            message: `narrows public.users.name ${varchar(200)} to ${varchar(50)}: 3 values are longer than 50 characters, apply will fail`,
            fails: true,
          },
          {
            code: 'INDEX_BUILD',
            message: 'index IDX_users_name builds over 1,234 rows of public.users, blocking writes meanwhile',
          },
        );
      }
      expect(rowHazards(plan)).toEqual(sorted(expected));
      // users and posts: one aggregate query each, after the catalog's estimates (none on SQLite: never analyzed).
      expect(queries).toBe(3);

      // "apply will fail" is true: the whole plan is rolled back.
      await expect(session.apply(plan.statements)).rejects.toThrow(/null|NULL/);
      expect(await rawQuery(db, 'SELECT count(*) AS n FROM "posts"')).toEqual([{ n: pg ? '5' : 5 }]);
    } finally {
      await session.close();
      await db.drop();
    }
  });

  it('drops hazards a measured zero rules out, keeps the drops with their count, and the plan applies', async () => {
    const db = await seededDatabase(dialect, 'measured-zero');
    const session = await connect(db.url);
    try {
      await rawQuery(
        db,
        `UPDATE "users" SET "rating" = 5 WHERE "rating" IS NULL; UPDATE "users" SET "score" = 1 WHERE "score" IS NULL;
        UPDATE "users" SET "name" = 'short' WHERE length("name") > 50; UPDATE "users" SET "bio" = NULL`,
      );
      // The NOT NULL column without a default goes to the empty table; the index is built on a table of 1,234 rows,
      // below the default threshold of a large table.
      const to = (current: Model) =>
        editTable(
          editTable(target(current), 'users', (table) => ({
            ...table,
            columns: table.columns.filter((c) => c.name !== 'region'),
          })),
          'tags',
          (table) => ({ ...table, columns: [...table.columns, region] }),
        );
      const { plan } = await measuredPlan(session, to);
      expect(rowHazards(plan)).toEqual(
        sorted([
          { code: 'DATA_LOSS', message: `drops column ${t('users')}.bio: 0 non-null values` },
          { code: 'DATA_LOSS', message: `drops table ${t('posts')} with 5 rows` },
        ]),
      );
      await session.apply(plan.statements);
      const again = await measuredPlan(session, to);
      expect(again.plan.changes).toEqual([]);
    } finally {
      await session.close();
      await db.drop();
    }
  });

  it('counts a table and column the plan renames first under the names the database has', async () => {
    const db = await seededDatabase(dialect, 'measured-renamed');
    const session = await connect(db.url);
    try {
      const members = pg ? { schema: 'public', name: 'members' } : { name: 'members' };
      const renames: Renames = {
        ...NO_RENAMES,
        tables: [
          {
            from: pg ? { schema: 'public', name: 'users' } : { name: 'users' },
            to: members,
            rename: true,
            source: 'test',
          },
        ],
        columns: [{ table: members, from: 'rating', to: 'stars', rename: true, source: 'test' }],
      };
      const to = (current: Model) =>
        editTable(current, 'users', (table) => ({
          ...table,
          name: 'members',
          columns: table.columns
            .filter((c) => c.name !== 'bio')
            .map((c) => (c.name === 'rating' ? { ...c, name: 'stars', nullable: false } : c)),
        }));
      const { plan, measurements } = await measuredPlan(session, to, { renames });
      expect(plan.decisions).toEqual([]);
      expect(
        measurements.map((m) => [
          m.probe.kind !== 'enumUses' && m.probe.table.name,
          m.probe.kind === 'tableRows' && m.probe.counts,
        ]),
      ).toEqual([
        [
          'users',
          {
            rows: { kind: 'rows' },
            'nonNull:bio': { kind: 'nonNull', column: 'bio' },
            'nonNull:stars': { kind: 'nonNull', column: 'rating' },
          },
        ],
      ]);
      expect(rowHazards(plan)).toEqual(
        sorted([
          { code: 'DATA_LOSS', message: `drops column ${t('members')}.bio: 1,200 non-null values` },
          {
            code: 'NOT_NULL_VIOLATION',
            message: `sets ${t('members')}.stars NOT NULL: 12 rows are NULL, apply will fail`,
            fails: true,
          },
        ]),
      );
    } finally {
      await session.close();
      await db.drop();
    }
  });

  it('estimates tables above the threshold from the catalog instead of scanning them, and says so', async () => {
    const db = await seededDatabase(dialect, 'measured-estimate');
    const session = await connect(db.url);
    try {
      await rawQuery(db, 'ANALYZE');
      const { plan, measurements, queries } = await measuredPlan(session, target, {
        estimateAbove: 100,
        largeTableRows: 1000,
      });
      const users = measurements.find((m) => m.probe.kind !== 'enumUses' && m.probe.table.name === 'users');
      const posts = measurements.find((m) => m.probe.kind !== 'enumUses' && m.probe.table.name === 'posts');
      expect(users?.estimated).toBe(true);
      expect(posts?.estimated).toBeUndefined(); // 5 rows: counted
      // The catalog (PostgreSQL: one query; SQLite: is there a sqlite_stat1, then read it), then posts only.
      expect(queries).toBe(pg ? 2 : 3);

      const estimated = '~1.2K rows, catalog estimate';
      const expected: Hazard[] = [{ code: 'DATA_LOSS', message: `drops table ${t('posts')} with 5 rows` }];
      if (pg) {
        // pg_stats knows the NULL fraction of each column.
        expected.push(
          { code: 'DATA_LOSS', message: 'drops column public.users.bio: ~1.2K non-null values (catalog estimate)' },
          // Estimated: likely, not certain, so a hazard like any other (no `fails`: --allow-hazards lets apply try).
          {
            code: 'NOT_NULL_VIOLATION',
            message: 'sets public.users.rating NOT NULL: ~12 rows are NULL (catalog estimate), apply will likely fail',
          },
          {
            code: 'NOT_NULL_VIOLATION',
            message:
              'adds NOT NULL column region without a default to public.users: public.users has ~1.2K rows (catalog estimate), apply will likely fail',
          },
          {
            code: 'TABLE_REWRITE',
            message:
              'sets public.users.score NOT NULL: ~7 rows are NULL (catalog estimate) and are set to its default first',
          },
          {
            code: 'DATA_LOSS',
            message: `narrows public.users.name ${varchar(200)} to ${varchar(50)}: apply fails if a value is longer than 50 characters (not counted: ${estimated})`,
          },
          {
            code: 'INDEX_BUILD',
            message:
              'index IDX_users_name builds over ~1.2K rows of public.users (catalog estimate), blocking writes meanwhile',
          },
        );
      } else {
        // sqlite_stat1 knows the rows of a table, not its NULLs.
        expected.push(
          { code: 'DATA_LOSS', message: `drops column users.bio and its values (not counted: ${estimated})` },
          {
            code: 'NOT_NULL_VIOLATION',
            message: `sets users.rating NOT NULL: apply fails if a row holds NULL (not counted: ${estimated})`,
          },
          {
            code: 'NOT_NULL_VIOLATION',
            message:
              'adds NOT NULL column region without a default to users: users has ~1.2K rows (catalog estimate), apply will likely fail',
          },
        );
      }
      expect(rowHazards(plan)).toEqual(sorted(expected));
      // Estimated or not, an exact zero is never assumed: the hazards stay.
    } finally {
      await session.close();
      await db.drop();
    }
  });

  it('marks a non-concurrent index build only on a large table, with its size', async () => {
    const db = await seededDatabase(dialect, 'measured-index');
    const session = await connect(db.url);
    try {
      const withIndex = (current: Model) =>
        editTable(current, 'users', (table) => ({ ...table, indexes: [...table.indexes, nameIndex] }));
      const small = await measuredPlan(session, withIndex);
      expect(small.plan.statements.flatMap((s) => s.hazards)).toEqual([]);
      expect(small.queries).toBe(2); // the catalog's estimates (none yet), then one count of users

      const large = await measuredPlan(session, withIndex, { largeTableRows: 1000 });
      expect(large.plan.statements.flatMap((s) => s.hazards)).toEqual([
        {
          code: 'INDEX_BUILD',
          message: `index IDX_users_name builds over 1,234 rows of ${t('users')}, blocking writes meanwhile`,
        },
      ]);

      await rawQuery(db, 'ANALYZE');
      const estimated = await measuredPlan(session, withIndex, { largeTableRows: 1000, estimateAbove: 100 });
      expect(estimated.plan.statements.flatMap((s) => s.hazards)).toEqual([
        {
          code: 'INDEX_BUILD',
          message: `index IDX_users_name builds over ~1.2K rows of ${t('users')} (catalog estimate), blocking writes meanwhile`,
        },
      ]);
      expect(estimated.queries).toBe(pg ? 1 : 2); // the catalog only: no scan of users
    } finally {
      await session.close();
      await db.drop();
    }
  });

  it('says what it could not count when planned without a database', async () => {
    const db = await seededDatabase(dialect, 'measured-offline');
    const session = await connect(db.url);
    let current: Model;
    try {
      current = await session.introspect();
    } finally {
      await session.close();
      await db.drop();
    }
    const plan = createPlan({ from: current, to: target(current), dialect: dialectFor(dialect) });
    const offline = '(not counted: planned without a database)';
    const expected: Hazard[] = [
      { code: 'DATA_LOSS', message: `drops column ${t('users')}.bio and its values ${offline}` },
      { code: 'DATA_LOSS', message: `drops table ${t('posts')} with all its rows ${offline}` },
      {
        code: 'NOT_NULL_VIOLATION',
        message: `sets ${t('users')}.rating NOT NULL: apply fails if a row holds NULL ${offline}`,
      },
      {
        code: 'NOT_NULL_VIOLATION',
        message: `adds NOT NULL column region without a default to ${t('users')}: apply fails if ${t('users')} has rows ${offline}`,
      },
    ];
    if (pg) {
      expected.push(
        {
          code: 'TABLE_REWRITE',
          message: `sets public.users.score NOT NULL: rows holding NULL are set to its default first ${offline}`,
        },
        {
          code: 'DATA_LOSS',
          message: `narrows public.users.name ${varchar(200)} to ${varchar(50)}: apply fails if a value is longer than 50 characters ${offline}`,
        },
        {
          code: 'INDEX_BUILD',
          message: `index IDX_users_name builds over every row of public.users, blocking writes meanwhile ${offline}`,
        },
      );
    }
    expect(rowHazards(plan)).toEqual(sorted(expected));
  });
});

describe.each(DIALECTS)('a primary key built over existing rows, on %s', (dialect) => {
  const pg = dialect === 'postgres';
  /** 6 enrollments; by course alone, keys 10 and 20 are each held by more than one row. */
  const SETUP = `
    CREATE TABLE "enrollments" ("studentId" integer NOT NULL, "courseId" integer NOT NULL, "grade" integer,
      CONSTRAINT "PK_enrollments" PRIMARY KEY ("studentId", "courseId"));
    INSERT INTO "enrollments" ("studentId", "courseId") VALUES (1, 10), (2, 10), (3, 10), (1, 20), (2, 20), (1, 30);`;
  const withKey = (columns: string[]) => (current: Model) =>
    editTable(current, 'enrollments', (table) => ({ ...table, primaryKey: { name: 'PK_enrollments', columns } }));
  const keyHazards = (plan: Plan): Hazard[] =>
    plan.statements
      .flatMap((s) => s.hazards)
      .filter((h) => h.code === 'UNIQUE_VIOLATION' || h.code === 'ACCESS_EXCLUSIVE_LOCK');
  const table = pg ? 'public.enrollments' : 'enrollments';
  const lock = (rows: string, from: string, to: string): Hazard => ({
    code: 'ACCESS_EXCLUSIVE_LOCK',
    message:
      `rebuilds the primary key of ${table}: PK_enrollments (${from}) -> PK_enrollments (${to}); its unique index is built over ` +
      `${rows} under an ACCESS EXCLUSIVE lock, reads and writes wait`,
  });
  const duplicates = (what: string): Hazard => ({
    code: 'UNIQUE_VIOLATION',
    message: pg
      ? `primary key PK_enrollments (courseId) of public.enrollments: ${what}`
      : `the new primary key (courseId) of enrollments: ${what}`,
  });

  it('counts the keys rows hold twice, in the same one query per table, and apply fails as it says', async () => {
    const db = await freshDatabase(dialect, 'measured-pk');
    await rawQuery(db, SETUP);
    const session = await connect(db.url);
    try {
      const { plan, measurements, queries } = await measuredPlan(session, withKey(['courseId']));
      expect(measurements.map((m) => m.probe.kind === 'tableRows' && m.probe.counts)).toEqual([
        expect.objectContaining({ 'duplicateKeys:["courseId"]': { kind: 'duplicateKeys', columns: ['courseId'] } }),
      ]);
      expect(queries).toBe(2);
      const expected = [
        { ...duplicates('2 keys are held by more than one row, apply will fail'), fails: true as const },
      ];
      // PostgreSQL builds the key's index in place under its heaviest lock; SQLite rebuilds the table (SQLITE_REBUILD).
      expect(keyHazards(plan)).toEqual(
        pg ? [lock('6 rows', 'studentId, courseId', 'courseId'), ...expected] : expected,
      );
      await expect(session.apply(plan.statements)).rejects.toThrow(/unique|duplicate/i);
      expect(await rawQuery(db, 'SELECT count(*) AS n FROM "enrollments"')).toEqual([{ n: pg ? '6' : 6 }]);

      // Offline, and estimated from the catalog: the hazard stays, saying it was not counted.
      const current = await session.introspect();
      const offline = createPlan({ from: current, to: withKey(['courseId'])(current), dialect: dialectFor(dialect) });
      const why = '(not counted: planned without a database)';
      expect(keyHazards(offline)).toEqual([
        ...(pg
          ? [
              {
                code: 'ACCESS_EXCLUSIVE_LOCK',
                message:
                  'rebuilds the primary key of public.enrollments: PK_enrollments (studentId, courseId) -> PK_enrollments (courseId); ' +
                  `its unique index is built over every row of public.enrollments under an ACCESS EXCLUSIVE lock, reads and writes wait ${why}`,
              },
            ]
          : []),
        duplicates(`apply fails if two rows hold the same key ${why}`),
      ]);
      await rawQuery(db, 'ANALYZE');
      const estimated = await measuredPlan(session, withKey(['courseId']), { estimateAbove: 1 });
      expect(keyHazards(estimated.plan)).toContainEqual(
        duplicates('apply fails if two rows hold the same key (not counted: ~6 rows, catalog estimate)'),
      );
    } finally {
      await session.close();
      await db.drop();
    }
  });

  it('rebuilds a key whose columns change order without counting duplicates (there can be none), and applies', async () => {
    const db = await freshDatabase(dialect, 'measured-pk-order');
    await rawQuery(db, SETUP);
    const session = await connect(db.url);
    try {
      const { plan, measurements } = await measuredPlan(session, withKey(['courseId', 'studentId']));
      expect(JSON.stringify(measurements)).not.toContain('duplicateKeys');
      expect(keyHazards(plan)).toEqual(pg ? [lock('6 rows', 'studentId, courseId', 'courseId, studentId')] : []);
      await session.apply(plan.statements);
      expect((await measuredPlan(session, withKey(['courseId', 'studentId']))).plan.changes).toEqual([]);
    } finally {
      await session.close();
      await db.drop();
    }
  });

  it('says nothing of duplicates when none is counted', async () => {
    const db = await freshDatabase(dialect, 'measured-pk-zero');
    await rawQuery(db, SETUP);
    await rawQuery(db, 'DELETE FROM "enrollments" WHERE "studentId" <> 1');
    const session = await connect(db.url);
    try {
      const { plan } = await measuredPlan(session, withKey(['courseId']));
      expect(keyHazards(plan)).toEqual(pg ? [lock('3 rows', 'studentId, courseId', 'courseId')] : []);
      await session.apply(plan.statements);
      expect((await measuredPlan(session, withKey(['courseId']))).plan.changes).toEqual([]);
    } finally {
      await session.close();
      await db.drop();
    }
  });
});

describe('hazards measured against the live data, PostgreSQL only', () => {
  it('counts rows whose array holds a longer element, and NULLs a new primary key rules out', async () => {
    const db = await freshDatabase('postgres', 'measured-pg');
    const session = await connect(db.url);
    try {
      await rawQuery(
        db,
        `CREATE TABLE "labels" ("a" integer, "tags" character varying(20)[]);
         INSERT INTO "labels" VALUES (1, ARRAY['abcdefgh', 'ab']), (2, ARRAY['abcdefgh']), (NULL, ARRAY['ab']), (NULL, NULL), (NULL, '{}');`,
      );
      const to = (current: Model) =>
        editTable(current, 'labels', (table) => ({
          ...editColumn(editColumn(table, 'tags', { length: 5 }), 'a', { nullable: false }),
          primaryKey: { name: 'PK_labels', columns: ['a'] },
        }));
      const { plan, queries } = await measuredPlan(session, to);
      expect(plan.decisions).toEqual([]);
      expect(queries).toBe(2);
      expect(rowHazards(plan)).toEqual(
        sorted([
          {
            code: 'DATA_LOSS',
            message:
              'narrows public.labels.tags character varying(20)[] to character varying(5)[]: 2 rows hold elements longer than 5 characters, apply will fail',
            fails: true,
          },
          {
            code: 'NOT_NULL_VIOLATION',
            message: 'sets public.labels.a NOT NULL: 3 rows are NULL, apply will fail',
            fails: true,
          },
          {
            code: 'NOT_NULL_VIOLATION',
            message: 'primary key PK_labels sets public.labels.a NOT NULL: 3 rows are NULL, apply will fail',
            fails: true,
          },
        ]),
      );
    } finally {
      await session.close();
      await db.drop();
    }
  });
});
