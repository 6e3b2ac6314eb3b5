import { createHash } from 'node:crypto';
import { existsSync, mkdir, readFileSync, rename, writeFile } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where schemaplan's caches of a project live (undefined: caching is off): `$SCHEMAPLAN_CACHE_DIR` (empty: off),
 * else `node_modules/.cache/schemaplan` of the project, else a directory of the user's in the temp directory.
 */
export function cacheBaseDir(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SCHEMAPLAN_CACHE_DIR === '') return undefined;
  if (env.SCHEMAPLAN_CACHE_DIR) return path.resolve(cwd, env.SCHEMAPLAN_CACHE_DIR);
  const modules = path.join(cwd, 'node_modules');
  const base = existsSync(modules)
    ? path.join(modules, '.cache')
    : path.join(os.tmpdir(), `schemaplan-${os.userInfo().uid}`);
  return path.join(base, 'schemaplan');
}

/**
 * A content-addressed cache of transpiled entity files, so a second `schema plan` does not pay for TypeScript
 * again. The key covers the compiler version and options, the file name (it appears in source maps and errors) and
 * the source text; an entry is never invalidated, only superseded. Best effort: any I/O failure means "no cache".
 *
 * Location: `$SCHEMAPLAN_CACHE_DIR`, else `node_modules/.cache/schemaplan` of the project, else the temp directory.
 */
export class TranspileCache {
  /** Directories of entries known to exist. */
  private readonly made = new Set<string>();

  constructor(private readonly dir: string | undefined) {}

  static forProject(cwd: string, env: NodeJS.ProcessEnv = process.env): TranspileCache {
    const base = cacheBaseDir(cwd, env);
    return new TranspileCache(base && path.join(base, 'transpile'));
  }

  /** The cached output for this input, or the result of `transpile` (then stored). */
  get(salt: string, filename: string, source: string, transpile: () => string): string {
    if (!this.dir) return transpile();
    const key = createHash('sha256')
      .update(salt)
      .update('\0')
      .update(filename)
      .update('\0')
      .update(source)
      .digest('hex');
    const file = path.join(this.dir, key.slice(0, 2), `${key}.js`);
    try {
      return readFileSync(file, 'utf8');
    } catch {
      // not cached yet (or unreadable): transpile and store
    }
    const output = transpile();
    // Stored in the background (the process waits for it before exiting): a first run writes a thousand files while
    // it goes on loading and planning. A read-only or full disk only costs the next run a transpile.
    const temporary = `${file}.${process.pid}.tmp`;
    const store = () =>
      writeFile(temporary, output, (error) => {
        if (!error) rename(temporary, file, () => undefined);
      });
    const dir = path.dirname(file);
    if (this.made.has(dir)) store();
    else {
      mkdir(dir, { recursive: true }, (error) => {
        if (error) return;
        this.made.add(dir);
        store();
      });
    }
    return output;
  }
}
