import { DataSource, getMetadataArgsStorage } from 'typeorm';
import { compileEntities } from '../src/compile/compile';
import { appTypeorm } from '../src/typeorm/runtime';
import { lineOf } from '../src/typeorm/versions';
import { entityClasses } from './support/entities';
import { TEST_TYPEORM_LINE } from './support/typeorm-line';

/**
 * Each Jest project runs schemaplan with the TypeORM line it names (jest.config.js), and the oracle (the tests'
 * `typeorm`), the entity files and schemaplan's compiler share that one copy: a test of the 0.3 project that passed
 * while compiling with 1.x would prove nothing.
 */
describe(`the TypeORM of the typeorm-${TEST_TYPEORM_LINE} project`, () => {
  it('is the line the project names, loaded by schemaplan from the app (here the repository)', () => {
    const runtime = appTypeorm();
    expect(lineOf(runtime.version)).toBe(TEST_TYPEORM_LINE);
    expect(runtime.version).toMatch(TEST_TYPEORM_LINE === '0.3' ? /^0\.3\.31$/ : /^1\.\d+\.\d+$/);
    expect(runtime.packageDir).toMatch(
      TEST_TYPEORM_LINE === '0.3' ? /node_modules\/typeorm-0\.3$/ : /node_modules\/typeorm$/,
    );
  });

  it('is the copy the tests, the entity files and the compiler all use', async () => {
    const runtime = appTypeorm();
    expect(runtime.DataSource).toBe(DataSource);
    expect(runtime.getMetadataArgsStorage()).toBe(getMetadataArgsStorage());
    const entities = await entityClasses('test/entities/single-table-inheritance');
    expect(getMetadataArgsStorage().tables.some((table) => entities.includes(table.target as Function))).toBe(true);
    const { model } = await compileEntities(entities, 'sqlite');
    expect(model.tables.map((table) => table.name)).toEqual(['contents']);
  });
});
