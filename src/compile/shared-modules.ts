import { existsSync, statSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { appTypeorm, RUNTIME_FILE } from '../typeorm/runtime';

type Resolve = (
  this: unknown,
  request: string,
  parent: NodeJS.Module | undefined,
  isMain: boolean,
  options?: { paths?: string[] },
) => string;

const loader = Module as unknown as { _resolveFilename: Resolve };
const TYPEORM = /^typeorm(?:\/(.*))?$/;
const REFLECT_METADATA = /^reflect-metadata(?:\/.*)?$/;
let installed = false;

/**
 * Makes the user's files (entities, a data source, a config file) import one `typeorm`: the app's own (see
 * `appTypeorm`), the copy schemaplan compiles with. The first file that imports it decides which copy that is (as
 * Node would resolve it from that file, else from the working directory); every later import of `typeorm` or a
 * subpath, from any file, gets the same copy: one `DataSource` class, so a data source file's instance is recognised;
 * one decorator metadata storage; one `DefaultNamingStrategy` for a custom strategy to extend. `reflect-metadata`
 * (which TypeORM's decorators write to) is schemaplan's own copy for everyone. A subpath the app's TypeORM lacks
 * resolves as the file asked. Idempotent. Only Node's loader consults this hook (Jest resolves with its own resolver).
 */
export function shareModules(): void {
  if (installed) return;
  installed = true;
  const original = loader._resolveFilename;
  // Each shared request is resolved once (null: not a file of the shared copy): a schema of a thousand entity files
  // asks for `typeorm` a thousand times.
  const resolved = new Map<string, string | null>();
  // Our own resolutions of the app's TypeORM and of our reflect-metadata pass through (loading the app's TypeORM does
  // not: its own `reflect-metadata` import is shared too).
  const exempt = new Set([__filename, RUNTIME_FILE]);
  loader._resolveFilename = function resolveShared(request, parent, isMain, options) {
    if (
      (TYPEORM.test(request) || REFLECT_METADATA.test(request)) &&
      !(parent?.filename && exempt.has(parent.filename))
    ) {
      let file = resolved.get(request);
      if (file === undefined) {
        file = sharedFile(request, parent);
        resolved.set(request, file);
      }
      if (file !== null) return file;
    }
    return original.call(this, request, parent, isMain, options);
  };
}

function sharedFile(request: string, parent: NodeJS.Module | undefined): string | null {
  const typeorm = TYPEORM.exec(request);
  if (!typeorm) {
    try {
      return require.resolve(request);
    } catch {
      return null;
    }
  }
  const runtime = appTypeorm(parent?.filename ? path.dirname(parent.filename) : undefined);
  const subpath = typeorm[1];
  if (subpath === undefined) return runtime.entry;
  // TypeORM's package exports map `typeorm/x` to `x.js` (0.3.x and 1.x alike).
  for (const candidate of [`${subpath}.js`, subpath, path.join(subpath, 'index.js')]) {
    const file = path.join(runtime.packageDir, candidate);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}
