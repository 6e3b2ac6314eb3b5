import { ConfigError } from '../errors/errors';
import { parseConfig } from './settings';

const FILE = 'schema.config.json';

function failure(data: unknown): { message: string; hint?: string } {
  try {
    parseConfig(data, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return { message: (error as ConfigError).message, hint: (error as ConfigError).hint };
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('accepts every key, single strings for lists, and ignores $schema', () => {
    expect(
      parseConfig(
        {
          $schema: './schema.config.schema.json',
          url: 'postgres://app@db/app',
          entities: 'src/**/*.entity.ts',
          renames: 'db/renames.json',
          concurrently: true,
          migrations: { dir: 'src/migrations', template: '{epoch}-{slug}' },
          exclude: ['legacy_*', 'audit.events'],
          schemas: 'audit',
          dataSource: 'src/data-source.ts',
          dialects: 'postgres',
        },
        FILE,
      ),
    ).toEqual({
      url: 'postgres://app@db/app',
      entities: ['src/**/*.entity.ts'],
      renames: 'db/renames.json',
      concurrently: true,
      migrations: { dir: 'src/migrations', template: '{epoch}-{slug}' },
      exclude: ['legacy_*', 'audit.events'],
      schemas: ['audit'],
      dataSource: 'src/data-source.ts',
      dialects: ['postgres'],
    });
    expect(parseConfig({}, FILE)).toEqual({});
    expect(parseConfig({ dialects: ['sqlite', 'postgres', 'sqlite'] }, FILE)).toEqual({
      dialects: ['sqlite', 'postgres'],
    });
  });

  it.each([
    [[], 'schema.config.json: the configuration must be an object'],
    ['url', 'schema.config.json: the configuration must be an object'],
    [{ urll: 'x' }, 'schema.config.json: unknown key "urll"'],
    [{ url: '' }, 'schema.config.json: "url" must be a non-empty string'],
    [{ url: 5 }, 'schema.config.json: "url" must be a non-empty string'],
    [{ entities: [] }, 'schema.config.json: "entities" must be a glob or a list of globs'],
    [{ entities: ['a/*.ts', 3] }, 'schema.config.json: "entities" must be a glob or a list of globs'],
    [{ renames: true }, 'schema.config.json: "renames" must be a file path'],
    [{ concurrently: 'yes' }, 'schema.config.json: "concurrently" must be true or false'],
    [{ exclude: {} }, 'schema.config.json: "exclude" must be a table name or glob, or a list of them'],
    [{ schemas: [''] }, 'schema.config.json: "schemas" must be a schema name or a list of them'],
    [{ dataSource: ['a.ts'] }, 'schema.config.json: "dataSource" must be a file path'],
    [{ migrations: 'db' }, 'schema.config.json: "migrations" must be an object'],
    [{ dialects: 'mysql' }, 'schema.config.json: "dialects" must be "postgres" or "sqlite", or a list of them'],
    [{ dialects: [] }, 'schema.config.json: "dialects" must be "postgres" or "sqlite", or a list of them'],
    [
      { dialects: ['postgres', 'Postgres'] },
      'schema.config.json: "dialects" must be "postgres" or "sqlite", or a list of them',
    ],
    [{ migrations: { directory: 'db' } }, 'schema.config.json: unknown key "migrations.directory"'],
    [{ migrations: { dir: 1 } }, 'schema.config.json: "migrations.dir" must be a directory path'],
    [
      { migrations: { template: '{slug}' } },
      'schema.config.json: "migrations.template" must be a file name template using {timestamp}, {slug}, {epoch}',
    ],
    [
      { migrations: { template: '{timestamp}_{name}' } },
      'schema.config.json: "migrations.template" must be a file name template using {timestamp}, {slug}, {epoch}',
    ],
    [
      { migrations: { template: 'sub/{timestamp}' } },
      'schema.config.json: "migrations.template" must be a file name template using {timestamp}, {slug}, {epoch}',
    ],
  ])('%j: %s', (data, message) => {
    const { message: actual, hint } = failure(data);
    expect(actual).toBe(message);
    expect(hint).toMatch(/^(e\.g\. |Known keys: )/);
  });

  it('hints the known keys for an unknown one, and an example for a wrong type', () => {
    expect(failure({ entity: 'x' }).hint).toBe(
      'Known keys: url, entities, renames, concurrently, migrations, exclude, schemas, dataSource, dialects.',
    );
    expect(failure({ migrations: { dirr: 'x' } }).hint).toBe('Known keys: migrations.dir, migrations.template.');
    expect(failure({ exclude: 1 }).hint).toBe('e.g. "exclude": ["legacy_*", "audit.events"]');
  });
});
