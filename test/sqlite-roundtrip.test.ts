import type { Model } from '../src/model';
import { diffModels } from '../src/diff/diff';
import { sqliteDialect } from '../src/dialects/sqlite';
import { emptyModel, openSession, planSqlite, rawSqlite, tempSqlite, type TempSqlite } from './support/sqlite';

/** A hand-written model using every feature the SQLite dialect supports, written as a user or compile might. */
const featureModel: Model = {
  dialect: 'sqlite',
  extensions: [],
  enums: [],
  tables: [
    {
      name: 'users',
      comment: 'comments do not exist on SQLite',
      columns: [
        { name: 'id', type: 'uuid', nullable: false, comment: 'a uuid is a varchar on SQLite' },
        { name: 'email', type: 'varchar', length: 255, nullable: false },
        { name: 'bio', type: 'text', nullable: true },
        { name: 'locale', type: 'varchar', length: 8, nullable: true, default: "'en'" },
        { name: 'greeting', type: 'varchar', length: 100, nullable: false, default: "'Γεια σου, κόσμε'" },
        { name: 'isActive', type: 'boolean', nullable: false, default: 'false' },
        { name: 'createdAt', type: 'datetime', nullable: false, default: "datetime('now')" },
        {
          name: 'role',
          type: 'varchar',
          enumValues: ['admin', 'member', "it's"],
          nullable: false,
          default: "'member'",
        },
        { name: 'settings', type: 'json', nullable: true },
        { name: 'age', type: 'integer', length: 11, nullable: true },
      ],
      primaryKey: { name: 'PK_users', columns: ['id'] },
      foreignKeys: [],
      uniques: [{ name: 'UQ_users_email', columns: ['email'] }],
      checks: [],
      indexes: [],
    },
    {
      name: 'decks',
      columns: [
        { name: 'id', type: 'integer', nullable: false, generated: 'increment' },
        { name: 'ownerId', type: 'varchar', nullable: true },
        { name: 'parentId', type: 'integer', nullable: true },
        { name: 'title', type: 'varchar', length: 200, nullable: false },
        { name: 'price', type: 'decimal', precision: 10, scale: 2, nullable: false, default: '(0)' },
        { name: 'rating', type: 'real', nullable: false, default: '2.5' },
        { name: 'level', type: 'simple-enum', enumValues: ['A1', 'A2', 'B1'], nullable: false, default: "'A1'" },
        { name: 'isPublic', type: 'boolean', nullable: false, default: '0' },
      ],
      primaryKey: { columns: ['id'] },
      foreignKeys: [
        {
          name: 'FK_decks_owner',
          columns: ['ownerId'],
          referencedTable: 'users',
          referencedColumns: ['id'],
          onDelete: 'SET NULL',
          onUpdate: 'NO ACTION',
        },
        {
          name: 'FK_decks_parent',
          columns: ['parentId'],
          referencedTable: 'decks',
          referencedColumns: ['id'],
          onDelete: 'CASCADE',
          onUpdate: 'NO ACTION',
        },
      ],
      uniques: [{ name: 'UQ_decks_owner_title', columns: ['ownerId', 'title'] }],
      checks: [{ name: 'CHK_decks_price', expression: '"price" >= 0' }],
      indexes: [
        { name: 'IDX_decks_public_title', columns: ['title'], unique: false, where: '"isPublic" = 1' },
        { name: 'IDX_decks_owner_level', columns: ['ownerId', 'level'], unique: true },
      ],
    },
    {
      name: 'memberships',
      columns: [
        { name: 'userId', type: 'varchar', nullable: false },
        { name: 'deckId', type: 'integer', nullable: false },
        { name: 'joinedAt', type: 'datetime', nullable: true },
        { name: 'score', type: 'decimal', precision: 5, nullable: true },
      ],
      primaryKey: { name: 'PK_memberships', columns: ['userId', 'deckId'] },
      foreignKeys: [
        {
          name: 'FK_memberships_user',
          columns: ['userId'],
          referencedTable: 'users',
          referencedColumns: ['id'],
          onDelete: 'CASCADE',
          onUpdate: 'CASCADE',
        },
        {
          name: 'FK_memberships_deck',
          columns: ['deckId'],
          referencedTable: 'decks',
          referencedColumns: ['id'],
          onDelete: 'CASCADE',
          onUpdate: 'NO ACTION',
        },
      ],
      uniques: [],
      checks: [{ name: 'CHK_memberships_score', expression: '("score" IS NULL OR "score" BETWEEN 0 AND 100)' }],
      indexes: [{ name: 'IDX_memberships_deck_joined', columns: ['deckId', 'joinedAt'], unique: false }],
    },
    {
      name: 'Weird "name"',
      columns: [
        { name: 'id', type: 'integer', nullable: false, generated: 'increment' },
        { name: 'Col "x"', type: 'varchar', nullable: true },
        { name: 'enum col', type: 'varchar', enumValues: ["a'b", 'c,d', 'e"f'], nullable: true },
        { name: 'user id', type: 'varchar', nullable: true },
      ],
      primaryKey: { columns: ['id'] },
      foreignKeys: [
        {
          name: 'FK weird "user"',
          columns: ['user id'],
          referencedTable: 'users',
          referencedColumns: ['id'],
          onDelete: 'NO ACTION',
          onUpdate: 'NO ACTION',
        },
      ],
      uniques: [{ name: 'UQ weird "col"', columns: ['Col "x"'] }],
      checks: [{ name: 'CHK weird', expression: `"Col ""x""" <> 'it''s, (not) allowed'` }],
      indexes: [{ name: 'IDX weird "enum"', columns: ['enum col'], unique: false, where: `"enum col" <> 'c,d'` }],
    },
  ],
};

describe('SQLite round trip', () => {
  let db: TempSqlite;
  beforeEach(() => {
    db = tempSqlite('roundtrip');
  });
  afterEach(() => db.remove());

  it('applies the creation plan of every feature and reads back exactly the normalised model', async () => {
    const expected = sqliteDialect.normalize(featureModel);
    const plan = planSqlite(emptyModel, featureModel);
    // Foreign keys are folded into CREATE TABLE: SQLite cannot add them later.
    expect(plan.changes.map((c) => c.kind).sort()).toEqual([
      'table.create',
      'table.create',
      'table.create',
      'table.create',
    ]);
    const session = await openSession(db.file);
    try {
      await session.apply(plan.statements);
      const actual = await session.introspect();
      expect(actual).toEqual(expected);
      expect(diffModels(actual, expected, { enums: sqliteDialect.enums }).changes).toEqual([]);
      expect(sqliteDialect.normalize(actual)).toEqual(actual); // idempotent
      expect(planSqlite(actual, featureModel).statements).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('renders CREATE TABLE in the exact format TypeORM writes and parses', () => {
    const sql = planSqlite(emptyModel, featureModel).statements.map((s) => s.sql);
    expect(sql).toContain(
      'CREATE TABLE "decks" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ownerId" varchar, "parentId" integer, ' +
        '"title" varchar(200) NOT NULL, "price" decimal(10,2) NOT NULL DEFAULT (0), "rating" real NOT NULL DEFAULT (2.5), ' +
        `"level" varchar CHECK( "level" IN ('A1','A2','B1') ) NOT NULL DEFAULT ('A1'), "isPublic" boolean NOT NULL DEFAULT (0), ` +
        'CONSTRAINT "UQ_decks_owner_title" UNIQUE ("ownerId", "title"), CONSTRAINT "CHK_decks_price" CHECK ("price" >= 0), ' +
        'CONSTRAINT "FK_decks_owner" FOREIGN KEY ("ownerId") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, ' +
        'CONSTRAINT "FK_decks_parent" FOREIGN KEY ("parentId") REFERENCES "decks" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    expect(sql).toContain('CREATE INDEX "IDX_decks_public_title" ON "decks" ("title") WHERE "isPublic" = 1');
    expect(sql.find((s) => s.startsWith('CREATE TABLE "memberships"'))).toMatch(
      /, PRIMARY KEY \("userId", "deckId"\)\)$/,
    );
  });

  it('stores data that honours the constraints it created', async () => {
    const session = await openSession(db.file);
    await session.apply(planSqlite(emptyModel, featureModel).statements);
    await session.close();
    await rawSqlite(
      db.file,
      `INSERT INTO users (id, email) VALUES ('u1', 'a@example.com');
       INSERT INTO decks (ownerId, title) VALUES ('u1', 'Greek');
       INSERT INTO decks (ownerId, parentId, title, level) VALUES ('u1', 1, 'Greek 2', 'A2');`,
    );
    const [user] = await rawSqlite<{ greeting: string; role: string; isActive: number }>(
      db.file,
      'SELECT * FROM users',
    );
    expect(user).toMatchObject({ greeting: 'Γεια σου, κόσμε', role: 'member', isActive: 0 });
    await expect(rawSqlite(db.file, `UPDATE users SET role = 'owner'`)).rejects.toThrow(/CHECK constraint failed/);
    await expect(rawSqlite(db.file, `UPDATE decks SET price = -1`)).rejects.toThrow(
      /CHECK constraint failed: CHK_decks_price/,
    );
    await rawSqlite(db.file, `DELETE FROM decks WHERE id = 1`); // self-reference cascades
    expect(await rawSqlite(db.file, 'SELECT COUNT(*) AS n FROM decks')).toEqual([{ n: 0 }]);
  });
});
