import { existsSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { createPathsMatcher, getTsconfig, type PathsMatcher } from 'get-tsconfig';
import { EntityLoadError } from '../errors/errors';

type Resolve = (
  this: unknown,
  request: string,
  parent: NodeJS.Module | undefined,
  isMain: boolean,
  options?: { paths?: string[] },
) => string;

const loader = Module as unknown as { _resolveFilename: Resolve };
let installed = false;
/** The project root, for file names in messages (the first registration's). */
let projectRoot = '';

/** The tsconfig that governs a directory: its path and its `paths`/`baseUrl` matcher (null: it maps nothing). */
interface Governing {
  readonly file: string;
  readonly matcher: PathsMatcher | null;
}

/** get-tsconfig's own cache (directory lookups and parsed files), shared by every lookup of the run. */
const tsconfigCache = new Map<string, unknown>();
/** The tsconfig (or its failure to parse) that governs each directory a user file was loaded from. */
const governing = new Map<string, Governing | { readonly file: string; readonly error: string } | null>();

/** The directories whose governing tsconfig was looked up (the compiled-model cache checks those tsconfigs). */
export function governedDirectories(): string[] {
  return [...governing.keys()];
}

const inNodeModules = (file: string): boolean => file.split(path.sep).includes('node_modules');

/**
 * The tsconfig.json TypeScript would use for a file in `directory`: the nearest one walking up (as `tsc` finds it),
 * with its `extends` chain resolved (relative files and packages such as `@tsconfig/node20`). A tsconfig that cannot
 * be read is remembered with its error, reported only if an import then fails to resolve.
 */
function governingTsconfig(directory: string): Governing | { readonly file: string; readonly error: string } | null {
  let found = governing.get(directory);
  if (found !== undefined) return found;
  try {
    const tsconfig = getTsconfig(directory, 'tsconfig.json', tsconfigCache);
    found = tsconfig ? { file: tsconfig.path, matcher: createPathsMatcher(tsconfig) } : null;
  } catch (error) {
    const file = nearestTsconfigFile(directory);
    found = {
      file: file ?? path.join(directory, 'tsconfig.json'),
      error: error instanceof Error ? error.message : String(error),
    };
  }
  governing.set(directory, found);
  return found;
}

/** The nearest tsconfig.json walking up from `directory`, found without parsing it (to name one that fails to parse). */
function nearestTsconfigFile(directory: string): string | undefined {
  for (let dir = directory; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A module specifier `paths` and `baseUrl` may map: not relative, not absolute, not a Node built-in. */
function isBare(request: string): boolean {
  return !request.startsWith('.') && !path.isAbsolute(request) && !Module.isBuiltin(request);
}

/**
 * The files TypeScript would try for `request` imported from `fromFile`, in order: the `paths` patterns of the
 * tsconfig that governs the file, then its `baseUrl`. Candidates inside `node_modules` are left out: packages resolve
 * as Node resolves them (and `typeorm` as `shareModules` says), a mapping like `"*": ["node_modules/*"]` included.
 */
export function tsconfigCandidates(request: string, fromFile: string): string[] {
  if (!isBare(request) || inNodeModules(fromFile)) return [];
  const tsconfig = governingTsconfig(path.dirname(fromFile));
  if (!tsconfig || !('matcher' in tsconfig) || !tsconfig.matcher) return [];
  return tsconfig.matcher(request).filter((candidate) => !inNodeModules(candidate));
}

/** `./user.js` written for `./user.ts` (TypeScript's rule for ES module output): the TypeScript files it may name. */
function typescriptTwins(request: string): string[] {
  const match = /\.([cm]?)js$/.exec(request);
  if (!match) return [];
  const stem = request.slice(0, -match[0].length);
  return match[1] ? [`${stem}.${match[1]}ts`] : [`${stem}.ts`, `${stem}.tsx`];
}

const notFound = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'MODULE_NOT_FOUND';

/**
 * Makes `require()` from the user's files (entities, a data source, a config file; not from node_modules) resolve
 * imports as TypeScript does in their project: `paths` and `baseUrl` of the tsconfig.json nearest to the importing
 * file (its `extends` chain resolved by get-tsconfig, as `tsc` resolves it), so `@app/entities/user` loads; and an
 * import written `./user.js` loads `./user.ts`. Anything else resolves as before (through `shareModules`, for one).
 * Resolved mappings are cached per tsconfig and request. Idempotent; Node's own loader only (Jest resolves modules
 * itself).
 */
export function registerTsconfigPaths(cwd: string): void {
  if (installed) return;
  installed = true;
  projectRoot = cwd;
  const previous = loader._resolveFilename;
  const mapped = new Map<string, string | null>();

  loader._resolveFilename = function resolveLikeTypeScript(request, parent, isMain, options) {
    const from = parent?.filename;
    if (!from || inNodeModules(from)) return previous.call(this, request, parent, isMain, options);
    const attempt = (specifier: string): string | undefined => {
      for (const each of [specifier, ...typescriptTwins(specifier)]) {
        try {
          return previous.call(this, each, parent, isMain, options);
        } catch (error) {
          if (!notFound(error)) throw error;
        }
      }
      return undefined;
    };
    if (isBare(request)) {
      const tsconfig = governingTsconfig(path.dirname(from));
      if (tsconfig && 'matcher' in tsconfig && tsconfig.matcher) {
        const key = `${tsconfig.file}\0${request}`;
        let file = mapped.get(key);
        if (file === undefined) {
          file = null;
          for (const candidate of tsconfigCandidates(request, from)) {
            file = attempt(candidate) ?? null;
            if (file) break;
          }
          mapped.set(key, file);
        }
        if (file) return file;
      }
      try {
        return previous.call(this, request, parent, isMain, options);
      } catch (error) {
        if (notFound(error) && tsconfig && 'error' in tsconfig) {
          const shown = (file: string) => path.relative(projectRoot, file) || file;
          throw new EntityLoadError(
            `${shown(from)}: cannot find module '${request}', and ${shown(tsconfig.file)} cannot be read to map it: ${tsconfig.error}`,
            'Fix the tsconfig (an "extends" must name an existing file or an installed package), as `tsc` needs it too.',
            { cause: error },
          );
        }
        throw error;
      }
    }
    const resolved = attempt(request);
    if (resolved !== undefined) return resolved;
    return previous.call(this, request, parent, isMain, options);
  };
}
