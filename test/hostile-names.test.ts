import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { compileEntities, type CompiledSchema } from '../src/compile/compile';
import type { DatabaseSession } from '../src/dialects/dialect';
import { dialectFor } from '../src/dialects/registry';
import { CompileError } from '../src/errors/errors';
import type { Model } from '../src/model';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { DIALECTS, freshDatabase, type TestDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { rawQuery } from './support/raw-query';
import { typeormPendingQueries } from './support/typeorm-oracle';
import { HOSTILE_DEFAULT, Hostile, Mood, TypeormReadable, X } from './entities/hostile/hostile';

const HOSTILE_TABLE = 'Select "Table"; -- x';
const READABLE_TABLE = 'Order; -- Ωmega 🙂 /* x */';
const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** The model as the planner compares it: the dialect's canonical spelling, without the introspected schema list. */
const canonical = (model: Model): Model => {
  const { schemas: _schemas, ...rest } = dialectFor(model.dialect).normalize(model);
  return rest;
};

describe.each(DIALECTS)('hostile names and values on %s', (dialect) => {
  let classes: readonly Function[];
  let compiled: CompiledSchema;
  let db: TestDatabase;
  let session: DatabaseSession;

  beforeAll(async () => {
    classes = await entityClasses('test/entities/hostile');
    compiled = await compileEntities(classes, dialect);
    db = await freshDatabase(dialect, 'hostile');
    session = await connect(db.url);
    // Table x (the payload's target) exists, with a row, before the hostile DDL runs.
    const onlyX = { ...compiled.model, enums: [], tables: compiled.model.tables.filter((t) => t.name === 'x') };
    await applyTowards(session, onlyX);
    await rawQuery(db, 'INSERT INTO x (id) VALUES (7)');
    await applyTowards(session, compiled.model, { entityNames: compiled.entityNames });
  });
  afterAll(async () => {
    await session?.close();
    await db?.drop();
  });

  it('compiles string and enum defaults to escaped literals of the values the entities declare', () => {
    const column = (table: string, name: string) =>
      compiled.model.tables.find((t) => t.name === table)!.columns.find((c) => c.name === name)!;
    expect(column(HOSTILE_TABLE, 'Naïve Ωmega 🙂').default).toBe("'it''s \\ $$ -- /* x */ ;'");
    expect(column(HOSTILE_TABLE, 'order').default).toBe("'a''); DROP TABLE x; --'");
    expect(column(READABLE_TABLE, 'plain').default).toBe("'no quote \\ $$ -- /* x */ ;'");
  });

  it('applies, re-plans empty, and introspects equal to the compiled model, every name exact', async () => {
    expect((await planTowards(session, compiled.model, { entityNames: compiled.entityNames })).changes).toEqual([]);
    const current = await session.introspect({});
    expect(canonical(current)).toEqual(canonical(compiled.model));
    expect(current.tables.map((t) => t.name).sort()).toEqual([READABLE_TABLE, HOSTILE_TABLE, 'x'].sort());
    const hostile = current.tables.find((t) => t.name === HOSTILE_TABLE)!;
    expect(hostile.columns.map((c) => c.name).sort()).toEqual(['ID', 'Naïve Ωmega 🙂', 'order', 'semi;colon'].sort());
    expect(hostile.indexes.map((i) => i.name)).toEqual(['IDX /* ünï */ "q"']);
    expect(hostile.checks).toEqual([
      { name: 'CHK "q"; -- x', expression: `"semi;colon" <> 'it''s; DROP TABLE x; --'` },
    ]);
    if (dialect === 'postgres') {
      expect(current.enums.map((e) => e.name).sort()).toEqual(['Mood -- x', 'mood "q"']);
      expect(hostile.comment).toBe('table\'s "comment" $$ -- ; /* x */ \\');
      expect(hostile.columns.find((c) => c.name === 'Naïve Ωmega 🙂')!.comment).toBe(
        'comment with \' and " and $$ -- ; /* x */',
      );
    }
  });

  it('keeps the injection label as data: table x and its row survive, the label is in pg_enum / the CHECK', async () => {
    expect(await rawQuery(db, 'SELECT id FROM x')).toEqual([{ id: 7 }]);
    if (dialect === 'postgres') {
      const labels = await rawQuery<{ enumlabel: string }>(
        db,
        `SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'mood "q"' ORDER BY e.enumsortorder`,
      );
      expect(labels.map((l) => l.enumlabel)).toEqual(Object.values(Mood));
    } else {
      const [table] = await rawQuery<{ sql: string }>(
        db,
        `SELECT sql FROM sqlite_master WHERE name = '${HOSTILE_TABLE}'`,
      );
      expect(table!.sql).toContain(`"order" IN ('calm','a''); DROP TABLE x; --','say "hi"',`);
    }
    // The defaults are the declared values, byte for byte; the CHECK built from the labels accepts each of them.
    await rawQuery(db, `INSERT INTO ${q(HOSTILE_TABLE)} DEFAULT VALUES`);
    for (const label of Object.values(Mood)) {
      await rawQuery(db, `INSERT INTO ${q(HOSTILE_TABLE)} ("order") VALUES ('${label.replace(/'/g, "''")}')`);
    }
    const rows = await rawQuery<{ order: string; naive: string }>(
      db,
      `SELECT "order", ${q('Naïve Ωmega 🙂')} AS naive FROM ${q(HOSTILE_TABLE)} ORDER BY ${q('ID')}`,
    );
    expect(rows).toEqual([Mood.Injection, ...Object.values(Mood)].map((order) => ({ order, naive: HOSTILE_DEFAULT })));
    await expect(rawQuery(db, `INSERT INTO ${q(HOSTILE_TABLE)} ("order") VALUES ('a')`)).rejects.toThrow();
    expect(await rawQuery(db, 'SELECT id FROM x')).toEqual([{ id: 7 }]);
  });

  /*
   * TypeORM as the oracle, with its own limitations pinned (RELIABILITY.md, "Hostile names and values"): it renders a
   * string or enum default as '${value}' unescaped, so for a default containing a quote its schema builder always
   * proposes to "set" it again, with broken (injectable) SQL; and it splices names into its catalog queries, so it
   * cannot read a SQLite table or a PostgreSQL enum type whose name contains a double quote.
   */
  it('TypeORM: nothing pending but the defaults with a quote it cannot compare, on the names it can read', async () => {
    const pending = await typeormPendingQueries(db.oracle, [X, TypeormReadable]);
    if (dialect === 'postgres') {
      expect(pending).toEqual([
        `ALTER TABLE ${q(READABLE_TABLE)} ALTER COLUMN "quoted "column"" SET DEFAULT 'it's \\ $$ -- /* x */ ;'`,
        `ALTER TABLE ${q(READABLE_TABLE)} ALTER COLUMN "mood" SET DEFAULT 'a'); DROP TABLE x; --'`,
      ]);
    } else {
      // SQLite cannot alter a default: TypeORM rebuilds the table, its CREATE carrying the same unescaped defaults.
      expect(pending).toHaveLength(6);
      expect(pending[1]).toContain(`"quoted "column"" varchar(50) NOT NULL DEFAULT ('it's \\ $$ -- /* x */ ;')`);
      expect(pending[1]).toContain(`NOT NULL DEFAULT ('a'); DROP TABLE x; --')`);
      expect(pending.map((sql) => sql.split(' (')[0])).toEqual([
        'DROP INDEX "IDX; -- Καλημέρα"',
        `CREATE TABLE "temporary_${READABLE_TABLE}"`,
        `INSERT INTO "temporary_${READABLE_TABLE}"("Key", "quoted "column"", "plain", "mood", "calm") SELECT "Key", "quoted "column"", "plain", "mood", "calm" FROM "${READABLE_TABLE}"`,
        `DROP TABLE "${READABLE_TABLE}"`,
        `ALTER TABLE "temporary_${READABLE_TABLE}" RENAME TO "${READABLE_TABLE}"`,
        `CREATE INDEX "IDX; -- Καλημέρα" ON "${READABLE_TABLE}"`,
      ]);
    }
  });

  it('TypeORM cannot read the names with a double quote at all (its catalog queries break on them)', async () => {
    await expect(typeormPendingQueries(db.oracle, [Hostile])).rejects.toThrow(
      dialect === 'postgres' ? 'syntax error at or near "q"' : 'near "Table": syntax error',
    );
  });
});

describe('PostgreSQL identifier length', () => {
  it('refuses a name over 63 bytes (counting bytes: 16 emoji are 64), naming the entity, instead of letting PostgreSQL truncate it', async () => {
    @Entity('short')
    class Long {
      @PrimaryGeneratedColumn() id!: number;
      @Column({ name: '🙂'.repeat(16) }) emoji!: string;
    }
    await expect(compileEntities([Long], 'postgres')).rejects.toThrow(
      new CompileError(
        `column name "${'🙂'.repeat(16)}" of entity Long is 64 bytes long; PostgreSQL allows 63 and would truncate it`,
      ),
    );
    @Entity('fits')
    class Fits {
      @PrimaryGeneratedColumn() id!: number;
      @Column({ name: 'é'.repeat(31) + 'x' }) col!: string;
    }
    await expect(compileEntities([Fits], 'postgres')).resolves.toBeDefined();
    await expect(compileEntities([Long], 'sqlite')).resolves.toBeDefined();
  });
});
