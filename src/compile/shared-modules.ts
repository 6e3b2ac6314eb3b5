import Module from 'node:module';

type Resolve = (this: unknown, request: string, parent: NodeJS.Module | undefined, isMain: boolean, options?: { paths?: string[] }) => string;

const loader = Module as unknown as { _resolveFilename: Resolve };
/** `typeorm` and its subpaths, and the `reflect-metadata` polyfill its decorators write to. */
const SHARED = /^(?:typeorm|reflect-metadata)(?:\/.*)?$/;
let installed = false;

/**
 * Makes the user's files (entities, a data source, a config file) import the very `typeorm` (and `reflect-metadata`)
 * the compiler uses, whatever copy the project has installed, or none: one `DataSource` class, so a data source file's
 * instance is recognised; one decorator metadata storage; one `DefaultNamingStrategy` for a custom strategy to extend;
 * one `EntitySchema`. A subpath the compiler's TypeORM lacks resolves as the file asked. Idempotent.
 */
export function shareModules(): void {
  if (installed) return;
  installed = true;
  const original = loader._resolveFilename;
  // Where each shared request resolves from the compiler (null: our TypeORM lacks it), once per request: a schema of
  // a thousand entity files asks for `typeorm` a thousand times.
  const resolved = new Map<string, string | null>();
  // `require.resolve` below comes back through this hook: that inner call must resolve as the compiler asked.
  let resolving = false;
  loader._resolveFilename = function resolveShared(request, parent, isMain, options) {
    if (!resolving && SHARED.test(request)) {
      let file = resolved.get(request);
      if (file === undefined) {
        resolving = true;
        try {
          file = require.resolve(request);
        } catch {
          file = null; // not a file of our TypeORM: resolve it as the user's file asked
        } finally {
          resolving = false;
        }
        resolved.set(request, file);
      }
      if (file !== null) return file;
    }
    return original.call(this, request, parent, isMain, options);
  };
}
