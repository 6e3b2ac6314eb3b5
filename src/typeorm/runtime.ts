import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Typeorm from 'typeorm';
import type { ConnectionMetadataBuilder } from 'typeorm/connection/ConnectionMetadataBuilder';
import type { DriverFactory } from 'typeorm/driver/DriverFactory';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { EntityMetadataValidator } from 'typeorm/metadata-builder/EntityMetadataValidator';
import type { InstanceChecker } from 'typeorm/util/InstanceChecker';
import { DependencyError } from '../errors/errors';
import { lineOf, SUPPORTED_RANGE, type TypeormLine } from './versions';

/**
 * The app's own TypeORM, loaded once: every runtime use of TypeORM in schemaplan goes through this handle (this is the
 * one module that loads `typeorm`; test/package-contract.test.ts checks the built code), and the app's entity, data
 * source and config files import the same copy (see `shareModules`). Types come from the TypeORM schemaplan is
 * developed against; the values are the app's (0.3.x or 1.x; `line` says which, see `./versions`). The members used
 * here have the same signatures on both lines; where the lines build different schemas, `./line-differences` holds
 * what schemaplan must do about it.
 */
export interface TypeormRuntime {
  /** `0.3.31`, `1.1.3`, ... */
  readonly version: string;
  readonly line: TypeormLine;
  /** The package directory (`.../node_modules/typeorm`). */
  readonly packageDir: string;
  /** The file `require('typeorm')` loads from the app (the package's CommonJS entry). */
  readonly entry: string;
  readonly DataSource: typeof Typeorm.DataSource;
  readonly Table: typeof Typeorm.Table;
  readonly TableForeignKey: typeof Typeorm.TableForeignKey;
  readonly getMetadataArgsStorage: typeof Typeorm.getMetadataArgsStorage;
  readonly ConnectionMetadataBuilder: typeof ConnectionMetadataBuilder;
  readonly EntityMetadataValidator: typeof EntityMetadataValidator;
  readonly DriverFactory: typeof DriverFactory;
  readonly InstanceChecker: typeof InstanceChecker;
  readonly PostgresQueryRunner: typeof PostgresQueryRunner;
  /** TypeORM's `MetadataUtils` (its metadata builder asks it whether an entity class inherits from another). */
  readonly MetadataUtils: { isInherited(target1: unknown, target2: unknown): boolean };
}

let loaded: TypeormRuntime | undefined;

/** This module's file: its resolution of the app's `typeorm` must not be redirected by `shareModules`. */
export const RUNTIME_FILE = __filename;

/**
 * The app's TypeORM. The first call loads it, resolved as a file in `from` would resolve `import 'typeorm'` (so a
 * package of a monorepo with its own node_modules gets its own copy, a hoisted install the root's), else from the
 * working directory; later calls return the same handle whatever they pass: one process, one TypeORM, one metadata
 * storage. Throws a `DependencyError` when no TypeORM can be resolved, or when it is outside `SUPPORTED_RANGE`.
 */
export function appTypeorm(from?: string): TypeormRuntime {
  if (loaded) return loaded;
  const { version, line, packageDir, entry } = locateTypeorm(from);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the app's TypeORM, resolved at run time
  const load = <T>(file: string): T => require(path.join(packageDir, file)) as T;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the app's TypeORM, resolved at run time
  const typeorm = require(entry) as typeof Typeorm;
  loaded = {
    version,
    line,
    packageDir,
    entry,
    DataSource: typeorm.DataSource,
    Table: typeorm.Table,
    TableForeignKey: typeorm.TableForeignKey,
    getMetadataArgsStorage: typeorm.getMetadataArgsStorage,
    ConnectionMetadataBuilder: load<{ ConnectionMetadataBuilder: typeof ConnectionMetadataBuilder }>(
      'connection/ConnectionMetadataBuilder.js',
    ).ConnectionMetadataBuilder,
    EntityMetadataValidator: load<{ EntityMetadataValidator: typeof EntityMetadataValidator }>(
      'metadata-builder/EntityMetadataValidator.js',
    ).EntityMetadataValidator,
    DriverFactory: load<{ DriverFactory: typeof DriverFactory }>('driver/DriverFactory.js').DriverFactory,
    InstanceChecker: load<{ InstanceChecker: typeof InstanceChecker }>('util/InstanceChecker.js').InstanceChecker,
    PostgresQueryRunner: load<{ PostgresQueryRunner: typeof PostgresQueryRunner }>(
      'driver/postgres/PostgresQueryRunner.js',
    ).PostgresQueryRunner,
    MetadataUtils: load<{ MetadataUtils: TypeormRuntime['MetadataUtils'] }>('metadata-builder/MetadataUtils.js')
      .MetadataUtils,
  };
  return loaded;
}

/** Where the app's TypeORM is and which version it is, without loading it (the loaded one, once there is one). */
export function locateTypeorm(from?: string): Pick<TypeormRuntime, 'version' | 'line' | 'packageDir' | 'entry'> {
  if (loaded) return loaded;
  const anchors = [...new Set([from, process.cwd()].filter((dir): dir is string => dir !== undefined))];
  const entry = resolveTypeorm(anchors);
  const packageDir = packageDirOf(entry);
  const version = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const line = lineOf(version);
  if (!line) {
    throw new DependencyError(
      `TypeORM ${version} (${packageDir}) is not supported: schemaplan works with TypeORM ${SUPPORTED_RANGE}`,
      'Upgrade the app: npm install typeorm@^0.3.17 (or typeorm@^1).',
    );
  }
  return { version, line, packageDir, entry };
}

/**
 * The app's TypeORM line, for what is written or read for the app without compiling (entity files, names of unnamed
 * constraints); the current line, 1.x, when the app has no TypeORM schemaplan can use.
 */
export function appTypeormLine(from?: string): TypeormLine {
  try {
    return locateTypeorm(from).line;
  } catch (error) {
    if (error instanceof DependencyError) return '1';
    throw error;
  }
}

/** The app's TypeORM if it is loaded already (nothing is resolved or loaded). */
export function loadedTypeorm(): TypeormRuntime | undefined {
  return loaded;
}

/** `require('typeorm')` as seen from the first of `anchors` that has one. */
function resolveTypeorm(anchors: readonly string[]): string {
  for (const anchor of anchors) {
    try {
      return require.resolve('typeorm', { paths: [anchor] });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  // The app's directory (the working directory, always the last place looked in).
  throw new DependencyError(
    `TypeORM is not installed in ${anchors[anchors.length - 1]}: schemaplan compiles the entities with the app's own TypeORM (${SUPPORTED_RANGE})`,
    'npm install typeorm',
  );
}

/** The directory holding the package.json of the package a resolved file belongs to. */
function packageDirOf(entry: string): string {
  let dir = path.dirname(entry);
  while (path.dirname(dir) !== dir) {
    try {
      readFileSync(path.join(dir, 'package.json'));
      return dir;
    } catch {
      dir = path.dirname(dir);
    }
  }
  return path.dirname(entry);
}
