import 'reflect-metadata';
import {
  Check,
  Column,
  CreateDateColumn,
  DataSource,
  DeleteDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { compileEntities } from '../src/compile/compile';
import type { Change } from '../src/diff/changes';
import { parseDatabaseUrl } from '../src/connect/url';
import { postgresDialect } from '../src/dialects/postgres';
import type { Model } from '../src/model';
import { managedPart } from '../src/model';
import { createTestDatabase, type TestPostgresDatabase } from './support/postgres';
import { oneQueryAtATimePg } from './support/typeorm-oracle';

/**
 * TypeORM's PostgreSQL column types and defaults, beyond the example schema: what synchronize() builds must
 * introspect equal to what compiles from the same entities.
 */

enum Mood {
  HAPPY = 'happy',
  SAD = "it's sad",
}

enum Priority {
  LOW = 1,
  HIGH = 2,
}

@Entity('kitchen_sink')
@Check('CHK_sink_mood', `"label" IN ('a', 'b') OR "label" LIKE 'x%'`)
@Check('CHK_sink_range', '"smallNumber" BETWEEN -5 AND 5')
@Unique('UQ_sink_pair', ['label', 'smallNumber'])
@Index('IDX_sink_partial', ['label'], { where: `"label" <> 'zzz' AND "deletedAt" IS NULL` })
export class KitchenSink {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'int', default: -1 })
  int: number;

  @Column({ type: 'smallint', default: 3 })
  smallNumber: number;

  @Column({ type: 'bigint', nullable: true })
  big: string | null;

  @Column({ type: 'float', default: 1.25 })
  float: number;

  @Column({ type: 'double precision', nullable: true })
  double: number | null;

  @Column({ type: 'decimal', nullable: true })
  unconstrained: string | null;

  @Column({ type: 'numeric', precision: 10, default: 5 })
  tenDigits: string;

  @Column({ type: 'char', length: 2, default: 'ab' })
  twoChars: string;

  @Column({ type: 'char', nullable: true })
  oneChar: string | null;

  @Column({ type: 'varchar', nullable: true, comment: `it's "commented"` })
  label: string | null;

  @Column({ type: 'date', default: () => 'CURRENT_DATE' })
  day: string;

  @Column({ type: 'time', nullable: true })
  time: string | null;

  @Column({ type: 'timetz', nullable: true })
  timetz: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  precise: Date;

  @Column({ type: 'timestamp', default: () => 'CURRENT_TIMESTAMP' })
  stamp: Date;

  @Column({ type: 'interval', nullable: true })
  interval: string | null;

  @Column({ type: 'boolean', default: true })
  flag: boolean;

  @Column({ type: 'bytea', nullable: true })
  bytes: Buffer | null;

  @Column({ type: 'jsonb', default: { theme: 'dark', list: [1, 2] } })
  settings: object;

  @Column({ type: 'json', nullable: true })
  json: object | null;

  @Column({ type: 'uuid', default: () => 'gen_random_uuid()' })
  token: string;

  @Column({ type: 'inet', nullable: true })
  address: string | null;

  @Column({ type: 'simple-array', nullable: true })
  simpleArray: string[] | null;

  @Column({ type: 'simple-json', nullable: true })
  simpleJson: object | null;

  @Column({ type: 'text', array: true, default: ['a', 'b'] })
  textArray: string[];

  @Column({ type: 'int', array: true, nullable: true })
  intArray: number[] | null;

  @Column({ type: 'enum', enum: Mood, default: Mood.HAPPY })
  mood: Mood;

  @Column({ type: 'enum', enum: Mood, enumName: 'mood_type', array: true, default: [Mood.HAPPY] })
  moods: Mood[];

  @Column({ type: 'enum', enum: Priority, default: Priority.HIGH })
  priority: Priority;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40, default: 'Γεια' })
  greek: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ precision: 3 })
  updatedAt: Date;

  @DeleteDateColumn()
  deletedAt: Date | null;

  @VersionColumn()
  version: number;
}

@Entity('tags')
export class Tag {
  @PrimaryColumn({ type: 'varchar', length: 30 })
  name: string;

  @PrimaryColumn({ type: 'int' })
  namespace: number;

  @ManyToOne(() => Tag, { nullable: true, onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  parent: Tag | null;

  @ManyToMany(() => KitchenSink)
  @JoinTable()
  sinks: KitchenSink[];
}

@Entity({ name: 'notes', schema: 'app' })
export class Note {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: Mood, default: Mood.HAPPY })
  mood: Mood;

  @ManyToOne(() => Tag, { onDelete: 'CASCADE' })
  tag: Tag;
}

const ENTITIES = [KitchenSink, Tag, Note];

/** The SQL TypeORM's schema builder would still run against `url` (empty: it considers the database in sync). */
async function typeormPending(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    driver: oneQueryAtATimePg(),
    entities: ENTITIES,
    logging: false,
  });
  await dataSource.initialize();
  try {
    return (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}

let theirs: TestPostgresDatabase;
let ours: TestPostgresDatabase;
let compiled: Model;

beforeAll(async () => {
  compiled = postgresDialect.normalize((await compileEntities(ENTITIES, 'postgres')).model);
  theirs = await createTestDatabase('typeorm_types');
  const dataSource = new DataSource({
    type: 'postgres',
    url: theirs.url,
    driver: oneQueryAtATimePg(),
    entities: ENTITIES,
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.query('CREATE SCHEMA app'); // TypeORM does not create schemas either
    await dataSource.synchronize();
  } finally {
    await dataSource.destroy();
  }
  ours = await createTestDatabase('typeorm_types_ours');
  const session = await postgresDialect.connect(parseDatabaseUrl(ours.url));
  try {
    // Creating schemas is not a change the model has: the schema must exist.
    await session.apply([{ sql: 'CREATE SCHEMA app', hazards: [], transactional: true }]);
    const context = { from: { ...compiled, extensions: [], enums: [], tables: [] }, to: compiled };
    const changes: Change[] = [
      ...compiled.extensions.map((name): Change => ({ kind: 'extension.create', name, reason: 't' })),
      ...compiled.enums.map((e): Change => ({ kind: 'enum.create', enum: e, reason: 't' })),
      ...compiled.tables.map((table): Change => ({ kind: 'table.create', table, reason: 't' })),
      ...compiled.tables.flatMap((table) =>
        table.foreignKeys.map((foreignKey): Change => ({ kind: 'foreignKey.add', table, foreignKey, reason: 't' })),
      ),
    ];
    await session.apply(changes.flatMap((change) => postgresDialect.render(change, context)));
  } finally {
    await session.close();
  }
});

afterAll(async () => {
  await theirs?.drop();
  await ours?.drop();
});

async function introspect(url: string): Promise<Model> {
  const session = await postgresDialect.connect(parseDatabaseUrl(url));
  try {
    return await session.introspect({ schemas: ['app', 'public'] });
  } finally {
    await session.close();
  }
}

test('what TypeORM synchronize() builds introspects equal to the compiled model', async () => {
  const introspected = await introspect(theirs.url);
  expect(managedPart(introspected)).toEqual(compiled);
  expect(introspected.tables.map((t) => [t.name, t.columns.length])).toEqual([
    ['notes', 4],
    ['kitchen_sink', 35],
    ['tags', 4],
    ['tags_sinks_kitchen_sink', 3],
  ]);
});

test('what we render from the compiled model introspects equal to it too', async () => {
  expect(managedPart(await introspect(ours.url))).toEqual(compiled);
});

test("TypeORM's schema builder wants exactly the same of our database as of its own", async () => {
  const own = await typeormPending(theirs.url);
  // TypeORM 1.1 never considers a uuid column with a gen_random_uuid() default in sync, even right after its own
  // synchronize(): it reads that default back as a uuid generation strategy.
  expect(own).toEqual([
    'ALTER TABLE "kitchen_sink" ALTER COLUMN "token" DROP DEFAULT',
    'ALTER TABLE "kitchen_sink" ALTER COLUMN "token" SET DEFAULT gen_random_uuid()',
  ]);
  expect(await typeormPending(ours.url)).toEqual(own);
});
