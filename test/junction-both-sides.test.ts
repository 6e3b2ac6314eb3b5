/**
 * A many-to-many with `@JoinTable` on both sides under one name (a real pattern, issue 13): TypeORM builds two junction
 * metadatas, mirror images, and `synchronize()` creates the table from either (at random under TypeORM 0.3), so its
 * primary key may be in either column order. schemaplan compiles one table whose key order is not fixed: a database
 * built from either side plans as empty, our own create is the same whichever way the entities load, and TypeORM has
 * nothing pending after our apply. Declarations that disagree, and other tables of one name, are errors naming both.
 */
import { buildMetadata } from '../src/compile/build-metadata';
import { compileEntities } from '../src/compile/compile';
import { metadataToModel } from '../src/compile/metadata-to-model';
import { CompileError } from '../src/errors/errors';
import type { DialectName, Model } from '../src/model';
import { renderSql } from '../src/report/sql';
import { applyTowards, connect, planTowards } from './support/apply-model';
import { DIALECTS, freshDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { synchronizeWithTypeorm, typeormPendingQueries } from './support/typeorm-oracle';

const BOTH = 'test/entities/junctions/both-sides';
/** The same schema declared from one side only: TypeORM builds the junctions in one column order, then the other. */
const ONE_SIDE = { student: 'test/entities/junctions/student-side', course: 'test/entities/junctions/course-side' };

const junction = (model: Model, name: string) => model.tables.find((t) => t.name === name)!;

async function compileError(folder: string, dialect: DialectName): Promise<CompileError> {
  const error = await compileEntities(await entityClasses(folder), dialect).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CompileError);
  return error as CompileError;
}

describe.each(DIALECTS)('@JoinTable on both sides, on %s', (dialect) => {
  const key = (name: string) => (dialect === 'postgres' ? `public.${name}` : name);

  it('compiles one junction per name, whose key order is not fixed, the same whichever order the entities load in', async () => {
    const classes = await entityClasses(BOTH);
    const { model, entityNames } = await compileEntities(classes, dialect);
    expect(model.tables.map((t) => t.name)).toEqual(['courses', 'follows', 'student_courses', 'students', 'users']);
    // Hints name entity classes and properties; a junction has none (no `@RenamedFrom('x') on .studentsId`).
    expect(Object.values(entityNames.tables).sort()).toEqual(['Course', 'Student', 'User']);
    expect(Object.values(entityNames.columns).filter((name) => name.startsWith('.'))).toEqual([]);
    // The side whose entity table sorts first: courses for student_courses; users (both sides) then property order.
    expect(junction(model, 'student_courses').primaryKey).toEqual(
      expect.objectContaining({ columns: ['coursesId', 'studentsId'], anyOrder: true }),
    );
    expect(junction(model, 'follows').primaryKey).toEqual(
      expect.objectContaining({ columns: ['followeeId', 'followerId'], anyOrder: true }),
    );
    // Whichever side TypeORM built first (its metadata order; at random under 0.3), the model is the same.
    const built = await buildMetadata(classes, dialect, {});
    const junctions = built.entityMetadatas.filter((m) => m.tableType === 'junction');
    const swapped = [...built.entityMetadatas.filter((m) => m.tableType !== 'junction'), ...[...junctions].reverse()];
    expect(junctions[0]!.columns.map((c) => c.databaseName)).not.toEqual(
      swapped.find((m) => m.tableType === 'junction')!.columns.map((c) => c.databaseName),
    );
    expect(metadataToModel(built.dataSource, built.entityMetadatas, dialect).model).toEqual(model);
    expect(metadataToModel(built.dataSource, swapped, dialect).model).toEqual(model);
    // One side alone compiles to the same junction, in that side's order, with a fixed key.
    const student = (await compileEntities(await entityClasses(ONE_SIDE.student), dialect)).model;
    expect(junction(student, 'student_courses')).toEqual({
      ...junction(model, 'student_courses'),
      columns: [...junction(model, 'student_courses').columns].reverse(),
      primaryKey: {
        ...junction(model, 'student_courses').primaryKey,
        columns: ['studentsId', 'coursesId'],
        anyOrder: undefined,
      },
    });
  });

  it('merges mirror-image sides that do not name each other as inverse sides too: the table is the same', async () => {
    const { model } = await compileEntities(await entityClasses('test/entities/junctions/no-inverse'), dialect);
    expect(model.tables.map((t) => t.name)).toEqual(['courses', 'student_courses', 'students']);
    expect(junction(model, 'student_courses').primaryKey).toEqual(
      expect.objectContaining({ columns: ['coursesId', 'studentsId'], anyOrder: true }),
    );
  });

  it("plans as empty against databases TypeORM's synchronize() built from either side, whose keys are in other orders", async () => {
    const { model } = await compileEntities(await entityClasses(BOTH), dialect);
    const orders = new Set<string>();
    for (const folder of [ONE_SIDE.student, ONE_SIDE.course, BOTH]) {
      const db = await freshDatabase(dialect, 'junction-sync');
      try {
        await synchronizeWithTypeorm(db.oracle, await entityClasses(folder));
        const session = await connect(db.url);
        try {
          const current = await session.introspect();
          orders.add(
            JSON.stringify(['student_courses', 'follows'].map((name) => junction(current, name).primaryKey?.columns)),
          );
          const plan = await planTowards(session, model);
          expect({ folder, sql: renderSql(plan) }).toEqual({ folder, sql: '' });
          expect(plan.decisions).toEqual([]);
        } finally {
          await session.close();
        }
      } finally {
        await db.drop();
      }
    }
    // The test is only worth something if the databases differ: both key orders were built.
    expect(orders).toContain(
      JSON.stringify([
        ['studentsId', 'coursesId'],
        ['followerId', 'followeeId'],
      ]),
    );
    expect(orders).toContain(
      JSON.stringify([
        ['coursesId', 'studentsId'],
        ['followeeId', 'followerId'],
      ]),
    );
  });

  it('applies one junction per name; after apply nothing is left to plan and TypeORM has nothing pending, from either side', async () => {
    const classes = await entityClasses(BOTH);
    const { model } = await compileEntities(classes, dialect);
    const db = await freshDatabase(dialect, 'junction-apply');
    try {
      const session = await connect(db.url);
      try {
        const plan = await applyTowards(session, model);
        const creates = plan.changes
          .filter((c) => c.kind === 'table.create')
          .map((c) => (c.kind === 'table.create' ? c.table.name : ''));
        expect(creates.sort()).toEqual(['courses', 'follows', 'student_courses', 'students', 'users']);
        expect(renderSql(plan)).toContain('PRIMARY KEY ("coursesId", "studentsId")');
        expect((await planTowards(session, model)).changes).toEqual([]);
      } finally {
        await session.close();
      }
      expect(await typeormPendingQueries(db.oracle, classes)).toEqual([]);
      for (const folder of Object.values(ONE_SIDE)) {
        expect(await typeormPendingQueries(db.oracle, await entityClasses(folder))).toEqual([]);
      }
    } finally {
      await db.drop();
    }
  });

  it('refuses two sides that disagree, naming both entities and properties and what differs', async () => {
    const error = await compileError('test/entities/junctions/disagree', dialect);
    expect(error.message).toBe(
      `many-to-many junction ${key('student_courses')} is declared by @JoinTable of Course.students and by @JoinTable of ` +
        'Student.courses, and they disagree: columns (coursesId, studentsId) vs (course_id, student_id)',
    );
    expect(error.hint).toMatch(/^Declare @JoinTable on one side only .*mirror images/);
  });

  it('refuses two sides with the same column names that reference other columns, saying what differs', async () => {
    const error = await compileError('test/entities/junctions/disagree-reference', dialect);
    const varchar = dialect === 'postgres' ? 'character varying(20)' : 'varchar(20)';
    expect(error.message).toMatch(
      new RegExp(
        `^many-to-many junction ${key('student_courses').replace('.', '\\.')} is declared by @JoinTable of Course\\.students and by ` +
          `@JoinTable of Student\\.courses, and they disagree: column studentId integer NOT NULL vs ${varchar.replace(/[()]/g, '\\$&')} NOT NULL; ` +
          'foreign keys FK_\\w+ \\(studentId\\) -> students \\(id\\) ON DELETE CASCADE ON UPDATE CASCADE vs ' +
          'FK_\\w+ \\(studentId\\) -> students \\(code\\) ON DELETE CASCADE ON UPDATE CASCADE$',
      ),
    );
  });

  it('leaves a junction both sides declare with synchronize: false alone, once', async () => {
    const compiled = await compileEntities(await entityClasses('test/entities/junctions/unmanaged'), dialect);
    expect(compiled.model.tables.map((t) => t.name)).toEqual(['courses', 'students']);
    expect(compiled.unmanaged).toEqual([
      { schema: dialect === 'postgres' ? 'public' : undefined, name: 'student_courses' },
    ]);
    expect(compiled.diagnostics).toContainEqual({
      severity: 'info',
      code: 'NOT_SYNCHRONIZED',
      message:
        'student_courses is not managed: @JoinTable of Course.students has synchronize: false, so the plan leaves it as it is',
      location: '@JoinTable of Course.students',
    });
  });

  it('refuses an entity and a junction of one table name, naming the entity and the relation', async () => {
    const error = await compileError('test/entities/junctions/entity-clash', dialect);
    expect(error.message).toBe(
      `entity Enrollment and @JoinTable of Student.courses both map to table ${key('enrollments')}`,
    );
    expect(error.hint).toBe(
      'Each table needs one declaration: give entity Enrollment another @Entity() name, or give the @JoinTable of Student.courses another name.',
    );
  });

  it('refuses two unrelated relations whose junctions have one name, naming both', async () => {
    const error = await compileError('test/entities/junctions/two-relations', dialect);
    expect(error.message).toBe(
      `@JoinTable of Article.tags and @JoinTable of Post.tags both map to table ${key('taggings')}`,
    );
    expect(error.hint).toBe(
      'Each table needs one declaration: give the @JoinTable of Article.tags another name, or give the @JoinTable of Post.tags another name.',
    );
  });
});
