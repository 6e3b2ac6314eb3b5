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
  /** Entries stored so far (each writes its own temporary file). */
  private stores = 0;

  constructor(private readonly dir: string | undefined) {}

  static forProject(cwd: string, env: NodeJS.ProcessEnv = process.env): TranspileCache {
    const base = cacheBaseDir(cwd, env);
    return new TranspileCache(base && path.join(base, 'transpile'));
  }

  /** The cached output for this input, or the result of `transpile` (then stored). */
  get(salt: string, filename: string, source: string, transpile: () => string): string {
    const key = this.keyOf(salt, filename, source);
    if (key === undefined) return transpile();
    const cached = this.read(key);
    if (cached !== undefined) return cached;
    const output = transpile();
    this.store(key, output);
    return output;
  }

  /** The entry's key (undefined: caching is off). */
  keyOf(salt: string, filename: string, source: string): string | undefined {
    if (!this.dir) return undefined;
    return createHash('sha256').update(salt).update('\0').update(filename).update('\0').update(source).digest('hex');
  }

  /** The cached output under `key`; undefined when there is none (or it cannot be read). */
  read(key: string): string | undefined {
    try {
      return readFileSync(this.fileOf(key), 'utf8');
    } catch {
      return undefined;
    }
  }

  /**
   * Stores `output` under `key`, in the background (the process waits for it before exiting): a first run writes a
   * thousand files while it goes on loading and planning. A read-only or full disk only costs the next run a transpile.
   */
  store(key: string, output: string): void {
    const file = this.fileOf(key);
    // A name of its own: the same entry may be stored twice at once (a file transpiled ahead and by the hook).
    const temporary = `${file}.${process.pid}.${++this.stores}.tmp`;
    const write = () =>
      writeFile(temporary, output, (error) => {
        if (!error) rename(temporary, file, () => undefined);
      });
    const dir = path.dirname(file);
    if (this.made.has(dir)) write();
    else {
      mkdir(dir, { recursive: true }, (error) => {
        if (error) return;
        this.made.add(dir);
        write();
      });
    }
  }

  private fileOf(key: string): string {
    return path.join(this.dir!, key.slice(0, 2), `${key}.js`);
  }
}
