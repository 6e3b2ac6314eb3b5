import { managedPart } from '../src/model';
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { compileEntities } from '../src/compile/compile';
import { parseDatabaseUrl } from '../src/connect/url';
import type { DatabaseSession } from '../src/dialects/dialect';
import { postgresDialect } from '../src/dialects/postgres';
import { CardStatistics } from '../schema/card-statistics';
import { Card } from '../schema/card';
import { Deck } from '../schema/deck';
import { RefreshToken } from '../schema/refresh-token';
import { Review } from '../schema/review';
import { UserDeckProgress } from '../schema/user-deck-progress';
import { UserSettings } from '../schema/user-settings';
import { User } from '../schema/user';
import { createTestDatabase, type TestPostgresDatabase } from './support/postgres';
import { oneQueryAtATimePg } from './support/typeorm-oracle';

/**
 * TypeORM's own synchronize() is the reference: the database it builds from the example entities must introspect
 * to exactly the model compiled from the same entities.
 */
const ENTITIES = [User, Deck, Card, CardStatistics, Review, RefreshToken, UserDeckProgress, UserSettings];

let db: TestPostgresDatabase;
let session: DatabaseSession | undefined;

beforeAll(async () => {
  db = await createTestDatabase('typeorm');
  const dataSource = new DataSource({
    type: 'postgres',
    url: db.url,
    driver: oneQueryAtATimePg(),
    entities: ENTITIES,
    synchronize: false,
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.synchronize();
  } finally {
    await dataSource.destroy();
  }
  session = await postgresDialect.connect(parseDatabaseUrl(db.url));
});

afterAll(async () => {
  await session?.close();
  await db?.drop();
});

test('the database TypeORM synchronizes introspects equal to the compiled model', async () => {
  const introspected = await session!.introspect();
  const { model: compiled } = await compileEntities(ENTITIES, 'postgres');
  expect(managedPart(postgresDialect.normalize(introspected))).toEqual(postgresDialect.normalize(compiled));
  expect(introspected.tables.map((t) => t.name)).toEqual([
    'card_statistics',
    'cards',
    'decks',
    'refresh_tokens',
    'reviews',
    'user_deck_progress',
    'user_settings',
    'users',
  ]);
});

test('TypeORM considers a database built from the compiled model in sync', async () => {
  const { model } = await compileEntities(ENTITIES, 'postgres');
  const fresh = await createTestDatabase('typeorm_ours');
  const ours = await postgresDialect.connect(parseDatabaseUrl(fresh.url));
  try {
    const context = { from: { ...model, extensions: [], enums: [], tables: [] }, to: postgresDialect.normalize(model) };
    const target = context.to;
    const changes = [
      ...target.extensions.map((name) => ({ kind: 'extension.create' as const, name, reason: 't' })),
      ...target.enums.map((e) => ({ kind: 'enum.create' as const, enum: e, reason: 't' })),
      ...target.tables.map((table) => ({ kind: 'table.create' as const, table, reason: 't' })),
      ...target.tables.flatMap((table) =>
        table.foreignKeys.map((foreignKey) => ({ kind: 'foreignKey.add' as const, table, foreignKey, reason: 't' })),
      ),
    ];
    await ours.apply(changes.flatMap((change) => postgresDialect.render(change, context)));
    expect(managedPart(await ours.introspect())).toEqual(target);

    const dataSource = new DataSource({
      type: 'postgres',
      url: fresh.url,
      driver: oneQueryAtATimePg(),
      entities: ENTITIES,
      logging: false,
    });
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await ours.close();
    await fresh.drop();
  }
});

/**
 * pg 8 warns (and pg 9 refuses) when a query is sent on a client already running one; TypeORM's schema builder does
 * that unless its driver runs one query at a time (`oneQueryAtATimePg`, given in every DataSource above). Every
 * query of this file is watched, per client.
 */
const running = new WeakMap<object, number>();
const overlaps: string[] = [];
const query = Client.prototype.query;
beforeAll(() => {
  Client.prototype.query = function watched(this: Client, ...args: unknown[]) {
    const now = running.get(this) ?? 0;
    if (now > 0)
      overlaps.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text).slice(0, 60));
    running.set(this, now + 1);
    const done = () => running.set(this, (running.get(this) ?? 1) - 1);
    const result = (query as (...a: unknown[]) => unknown).apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function')
      (result as Promise<unknown>).then(done, done);
    else done();
    return result;
  } as typeof query;
});
afterAll(() => {
  Client.prototype.query = query;
});

test('no query was sent on a pg client already running one', () => {
  expect(overlaps).toEqual([]);
});
