import { DependencyError } from '../errors/errors';
import { loadedTypeorm } from '../typeorm/runtime';

/** The database driver packages schemaplan's own sessions use: optional peer dependencies, installed by the app. */
export type DriverPackage = 'pg' | 'sqlite3';

const DATABASE: Record<DriverPackage, string> = { pg: 'PostgreSQL', sqlite3: 'SQLite' };

/**
 * Loads a driver package from the app, on the first connection to its kind of database: as the app's TypeORM would
 * load it (from TypeORM's own directory, which in a monorepo may be a package's node_modules), else from the working
 * directory, else from where schemaplan is installed (inside the app, the same tree).
 */
export function requireDriver<T>(name: DriverPackage, cwd: string = process.cwd()): T {
  const anchors = [loadedTypeorm()?.packageDir, cwd, __dirname].filter((dir): dir is string => dir !== undefined);
  const file = resolveDriver(name, anchors, cwd);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the app's driver, resolved at run time from the app's tree
  return withNavigator(() => require(file) as T);
}

/**
 * Runs `load` with `globalThis.navigator` defined as Node 21 and later define it (`{ userAgent: 'Node.js/<major>' }`)
 * where Node (20) does not, then removes it again. `pg` asks at load time whether it runs in a Cloudflare Worker:
 * without `navigator` it builds a fetch `Response` to find out, which loads Node's whole fetch implementation
 * (undici: about 20 ms of every PostgreSQL run) for nothing.
 */
function withNavigator<T>(load: () => T): T {
  if ('navigator' in globalThis) return load();
  const userAgent = `Node.js/${process.versions.node.split('.')[0]}`;
  Object.defineProperty(globalThis, 'navigator', { value: { userAgent }, configurable: true, writable: true });
  try {
    return load();
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
}

/**
 * The driver's file as resolved from the first of `anchors` that has it; else a DependencyError that names the
 * package, the app (`appDir`) and the command that installs it.
 */
export function resolveDriver(name: DriverPackage, anchors: readonly string[], appDir: string): string {
  for (const anchor of anchors) {
    try {
      return require.resolve(name, { paths: [anchor] });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  throw new DependencyError(
    `${DATABASE[name]} needs the driver package "${name}", which is not installed in ${appDir}`,
    `npm install ${name}`,
  );
}
