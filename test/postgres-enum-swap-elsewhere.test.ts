/**
 * An enum type swap (`enum.recreate`: a label removed or the labels reordered) converts the columns of the schemas
 * the plan reads, then drops the old type. When columns of other schemas use the type too, that DROP TYPE fails and
 * the whole plan rolls back at its end. The plan finds them up front, with one catalog query for every swapped type,
 * and refuses in one line naming them.
 */
import 'reflect-metadata';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { compileEntities } from '../src/compile/compile';
import { postgresDialect } from '../src/dialects/postgres';
import { withoutSequences } from '../src/model';
import { createPlan, planProbes } from '../src/plan/plan';
import { managedSchemas } from '../src/workflow/plan-database';
import { applyTowards, planTowards } from './support/apply-model';
import { usePostgresTestDatabase } from './support/postgres';

enum Before {
  Calm = 'calm',
  Angry = 'angry',
  Happy = 'happy',
}
enum After {
  Calm = 'calm',
  Happy = 'happy',
}

@Entity('people')
class PersonBefore {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'enum', enum: Before, enumName: 'mood', nullable: true }) mood!: Before | null;
}

@Entity('people')
class PersonAfter {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'enum', enum: After, enumName: 'mood', nullable: true }) mood!: After | null;
}

describe('an enum swap whose type is used in a schema the plan does not read', () => {
  const pg = usePostgresTestDatabase('enum_swap_elsewhere');

  test('is refused up front, in one line naming the columns, with one catalog query; nothing is applied', async () => {
    await applyTowards(pg.session, (await compileEntities([PersonBefore], 'postgres')).model);
    await pg.raw.query(`
      INSERT INTO "people" ("mood") VALUES ('calm'), ('happy');
      CREATE SCHEMA "other";
      CREATE TABLE "other"."profiles" ("id" integer, "mood" "public"."mood", "moods" "public"."mood"[]);
      CREATE VIEW "other"."calm" AS SELECT "mood" FROM "other"."profiles";`);
    const target = (await compileEntities([PersonAfter], 'postgres')).model;

    const plan = await planTowards(pg.session, target);
    expect(plan.changes.map((c) => c.kind)).toContain('enum.recreate');
    expect(plan.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'ENUM_USED_ELSEWHERE',
        message:
          'enum public.mood cannot be swapped: other.calm.mood, other.profiles.mood, other.profiles.moods use it, in schema other ' +
          'the plan does not read, so its final DROP TYPE would fail',
        location: 'enum public.mood',
        hint:
          'Declare the entities of other too (the plan then converts those columns), convert them to another type first, ' +
          'or keep the labels of public.mood in order and only add new ones.',
      },
    ]);
    await expect(applyTowards(pg.session, target)).rejects.toThrow(
      /^plan has errors: enum public.mood cannot be swapped/,
    );

    // One catalog query answers the uses of every swapped type.
    const current = withoutSequences(await pg.session.introspect({ schemas: managedSchemas(target) }));
    const probes = planProbes({ from: current, to: target, dialect: postgresDialect }).filter(
      (p) => p.kind === 'enumUses',
    );
    expect(probes).toEqual([{ kind: 'enumUses', enum: { schema: 'public', name: 'mood' }, schemas: ['public'] }]);
    const before = pg.session.queryCount;
    await pg.session.measure(probes);
    expect(pg.session.queryCount - before).toBe(1);

    // What the refusal prevents: the same plan, unchecked, fails at its very end and rolls back.
    const unchecked = createPlan({ from: current, to: target, dialect: postgresDialect });
    await expect(pg.session.apply(unchecked.statements)).rejects.toThrow(
      /statement 4 of 4 failed: cannot drop type mood_old because other objects depend on it/,
    );
    const { rows } = await pg.raw.query(`SELECT enum_range(NULL::"public"."mood")::text AS labels`);
    expect(rows).toEqual([{ labels: '{calm,angry,happy}' }]);
  });

  test('plans and applies once nothing outside uses the type', async () => {
    await pg.raw.query('DROP SCHEMA "other" CASCADE');
    const target = (await compileEntities([PersonAfter], 'postgres')).model;
    const plan = await applyTowards(pg.session, target);
    expect(plan.diagnostics).toEqual([]);
    expect((await planTowards(pg.session, target)).changes).toEqual([]);
    const { rows } = await pg.raw.query(`SELECT "mood"::text FROM "people" ORDER BY "id"`);
    expect(rows).toEqual([{ mood: 'calm' }, { mood: 'happy' }]);
  });
});
