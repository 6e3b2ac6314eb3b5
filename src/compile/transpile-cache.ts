import { createHash } from 'node:crypto';
import { existsSync, mkdir, readdirSync, readFileSync, rename, unlink, writeFile } from 'node:fs';
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

/** Packs a run may find before it merges them into one (see `TranspileCache.flush`). */
const MAX_PACKS = 8;
const PACK_SUFFIX = '.pack.json';
/** Packs this process wrote (numbers its packs' names). */
let packsWritten = 0;

/**
 * A content-addressed cache of transpiled entity files, so a second `schema plan` does not pay for TypeScript
 * again. The key covers the compiler version and options, the file name (it appears in source maps and errors) and
 * the source text; an entry is never invalidated, only superseded. Best effort: any I/O failure means "no cache".
 *
 * Entries are kept in packs, one JSON file (`<time>-<pid>-<n>.pack.json`: key -> output) per run that transpiled
 * something, written once and never changed (renamed into place whole, so a reader sees all of one or none of it):
 * a thousand files of their own cost a first run about a third of a second of file creation here. A run that finds
 * `MAX_PACKS` packs or more writes what it used and made into one new pack and removes those it read (entries no run
 * used since go with them). Two runs at once each write their own pack; a pack removed under a reader is a miss.
 *
 * Location: `$SCHEMAPLAN_CACHE_DIR`, else `node_modules/.cache/schemaplan` of the project, else the temp directory.
 */
export class TranspileCache {
  /** The entries of the packs found (read on the first lookup). */
  private known?: Map<string, string>;
  /** The packs found, by file name. */
  private packs: string[] = [];
  /** Keys found in the packs and used by this run (kept when the packs are merged). */
  private readonly used = new Set<string>();
  /** Entries made by this run and not written yet. */
  private readonly fresh = new Map<string, string>();

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

  /** The cached output under `key`; undefined when there is none. */
  read(key: string): string | undefined {
    const made = this.fresh.get(key);
    if (made !== undefined) return made;
    const found = this.entries().get(key);
    if (found !== undefined) this.used.add(key);
    return found;
  }

  /** Keeps `output` under `key`, written with the others by `flush` (the loader calls it once a load is over). */
  store(key: string, output: string): void {
    if (this.dir) this.fresh.set(key, output);
  }

  /**
   * Writes the entries made since the last flush as one pack, in the background (the process waits for it before
   * exiting; the promise, which never rejects, says when it is done); when this run found `MAX_PACKS` packs or more,
   * the entries it used go into that pack too and the packs it found are removed.
   */
  flush(): Promise<void> {
    const dir = this.dir;
    const merge = this.packs.length >= MAX_PACKS;
    if (!dir || (this.fresh.size === 0 && !(merge && this.used.size > 0))) return Promise.resolve();
    const entries: Record<string, string> = {};
    if (merge) for (const key of this.used) entries[key] = this.known!.get(key)!;
    for (const [key, output] of this.fresh) entries[key] = output;
    this.fresh.clear();
    const obsolete = merge ? this.packs : [];
    if (merge) this.packs = [];
    const file = path.join(dir, `${Date.now()}-${process.pid}-${++packsWritten}${PACK_SUFFIX}`);
    const temporary = `${file}.tmp`;
    return new Promise((resolve) => {
      mkdir(dir, { recursive: true }, (error) => {
        if (error) return resolve();
        writeFile(temporary, JSON.stringify(entries), (writeError) => {
          if (writeError) return resolve();
          rename(temporary, file, (renameError) => {
            if (renameError) return resolve();
            let left = obsolete.length;
            if (left === 0) return resolve();
            for (const old of obsolete) unlink(path.join(dir, old), () => --left === 0 && resolve());
          });
        });
      });
    });
  }

  /**
   * The entries of every pack in the directory, read once; unreadable packs (being removed, damaged) are skipped, and
   * counted among those a merge removes.
   */
  private entries(): Map<string, string> {
    if (this.known) return this.known;
    this.known = new Map();
    let names: string[];
    try {
      names = readdirSync(this.dir!).filter((name) => name.endsWith(PACK_SUFFIX));
    } catch {
      return this.known; // no cache yet
    }
    for (const name of names.sort()) {
      this.packs.push(name);
      let pack: unknown;
      try {
        pack = JSON.parse(readFileSync(path.join(this.dir!, name), 'utf8'));
      } catch {
        continue;
      }
      if (pack === null || typeof pack !== 'object' || Array.isArray(pack)) continue;
      for (const [key, output] of Object.entries(pack as Record<string, unknown>))
        if (typeof output === 'string') this.known.set(key, output);
    }
    return this.known;
  }
}
