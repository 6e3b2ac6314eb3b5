import path from 'node:path';
import fg from 'fast-glob';
import { EntityLoadError, SchemaplanError } from '../errors/errors';
import { checkEntityClasses } from './entity-classes';
import { flushTranspiled, registerTypeScript, transpileAhead } from './register-typescript';
import { shareModules } from './shared-modules';
import { registerTsconfigPaths } from './tsconfig-paths';

/** How long loading entity files runs before it lets the event loop turn. */
const EVENT_LOOP_TURN_MS = 10;

export interface LoadedEntities {
  /** Every exported class (function) of the files; the metadata builder keeps those that are entities. */
  readonly classes: readonly Function[];
  readonly files: readonly string[];
}

/** Resolves entity globs (relative to `cwd`) to a sorted, de-duplicated list of absolute file paths. */
export async function findEntityFiles(globs: readonly string[], cwd: string): Promise<string[]> {
  const files = await fg([...globs], {
    cwd,
    absolute: true,
    onlyFiles: true,
    ignore: ['**/node_modules/**', '**/*.d.ts'],
  });
  return [...new Set(files)].sort();
}

/**
 * Loads the user's entity files (`.ts` transpiled on the fly, `.js` as is) and returns their exported classes.
 * Every failure names the file: a syntax error with line and column, an import that throws, a missing module.
 */
export async function loadEntities(globs: readonly string[], cwd: string): Promise<LoadedEntities> {
  const files = await findEntityFiles(globs, cwd);
  if (files.length === 0) {
    throw new EntityLoadError(
      `no entity files match ${globs.join(', ')} (in ${cwd})`,
      'Pass --entities with a glob that matches your TypeORM entity files, e.g. --entities "src/entities/**/*.ts".',
    );
  }
  const classes = new Set<Function>();
  const fileOf = new Map<Function, string>();
  let turn = performance.now();
  const transpiled = transpileAhead(files, cwd);
  try {
    for (const file of files) {
      await transpiled.ready(file);
      for (const value of Object.values(requireOne(file, cwd, 'entity file'))) {
        if (typeof value !== 'function') continue;
        classes.add(value);
        if (!fileOf.has(value)) fileOf.set(value, path.relative(cwd, file) || file);
      }
      // Loading is synchronous: the event loop is given a turn now and then, so that what runs beside it goes on
      // (the files transpiled ahead; planning connects and reads the database meanwhile, and the server's answers do
      // not wait in the socket).
      if (performance.now() - turn > EVENT_LOOP_TURN_MS) {
        await new Promise(setImmediate);
        turn = performance.now();
      }
    }
  } finally {
    transpiled.end();
    flushTranspiled();
  }
  checkEntityClasses([...classes], fileOf, globs);
  return { classes: [...classes], files };
}

/**
 * `require()`s one of the user's files (an entity file, a data source, a config file; `.ts` transpiled on the fly),
 * with the app's `typeorm`, the one schemaplan compiles with (see `shareModules`), imports resolved as TypeScript
 * resolves them in the project (tsconfig `paths` and `baseUrl`, see `registerTsconfigPaths`). Every failure names the
 * file: a syntax error with line and column, an import that throws, a missing module.
 */
export function requireUserFile(file: string, cwd: string, what: string): Record<string, unknown> {
  try {
    return requireOne(file, cwd, what);
  } finally {
    flushTranspiled();
  }
}

/** `requireUserFile` without writing what it transpiled to the cache (`loadEntities` does, once all are loaded). */
function requireOne(file: string, cwd: string, what: string): Record<string, unknown> {
  registerTypeScript(cwd);
  shareModules();
  registerTsconfigPaths(cwd);
  const shown = path.relative(cwd, file) || file;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the user's file, by a path known at run time, through Node's loader and our hooks
    return require(file) as Record<string, unknown>;
  } catch (error) {
    // A syntax error (transpiling), or the app's TypeORM missing or unsupported (resolving its `typeorm` import).
    if (error instanceof SchemaplanError) throw error;
    const err = error as NodeJS.ErrnoException;
    if (err?.code === 'MODULE_NOT_FOUND') {
      const missing = /Cannot find module '([^']+)'/.exec(err.message)?.[1] ?? 'a module';
      throw new EntityLoadError(
        `${shown}: cannot find module '${missing}'`,
        'Install the package or fix the import path.',
        { cause: error },
      );
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new EntityLoadError(`${shown}: loading the file threw: ${message}`, `Fix the error in the ${what}.`, {
      cause: error,
    });
  }
}
