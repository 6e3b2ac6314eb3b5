import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getTsconfig } from 'get-tsconfig';
import { cacheBaseDir } from './transpile-cache';
import type { LoadRecord } from './load-record';

/**
 * The compiled-model cache: the result of compiling a project's entity files, reused while nothing it was made from
 * changed, so a warm `schema plan` loads neither TypeORM nor the entity files. An entry is keyed by what the caller
 * knows before loading (`ModelCacheKey`: schemaplan's own build, TypeORM's version and location, dialect, compile
 * options, the entity file list) and validated by what loading read (`LoadRecord`): the contents of every module
 * loaded and file read (their stat, else their contents; the stat alone inside node_modules), the values of the environment
 * variables read (all of them when the environment was listed), and the tsconfig that governs each directory a user
 * file imported a package from. Any difference, or any doubt (a file gone, an unreadable entry), is a miss.
 *
 * Same location and opt-out as the transpile cache (`SCHEMAPLAN_CACHE_DIR`, empty to disable), in `model/`.
 */
export interface ModelCacheKey {
  readonly [name: string]: unknown;
}

interface Entry {
  readonly key: string;
  readonly files: readonly (readonly [string, readonly [string, string] | null])[];
  readonly env: { readonly all: string | null; readonly values: readonly (readonly [string, string | null])[] };
  readonly tsconfigs: readonly (readonly [string, string])[];
  readonly result: { readonly value: unknown; readonly undefinedAt: readonly (readonly (string | number)[])[] };
}

/** schemaplan's own code (dist/, or src/ when run from source): its build is part of the key, not a dependency. */
const OWN_CODE = path.resolve(__dirname, '..');

/** schemaplan's version, from the nearest package.json above its code. */
function ownVersion(): string {
  for (let dir = OWN_CODE; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'schemaplan') return manifest.version ?? 'unknown';
    } catch {
      // not here
    }
  }
  return 'unknown';
}

/**
 * A file as it is now: `[stat, contents]`. `stat` is its inode, size and modification and change times (any write
 * changes the change time); `contents` a hash of its bytes, except inside node_modules (packages change by being
 * reinstalled, which changes the stat). Null: missing or unreadable.
 */
function fileStamp(file: string): readonly [string, string] | null {
  try {
    const stat = statSync(file, { bigint: true });
    const statStamp = `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
    if (file.split(path.sep).includes('node_modules')) return [statStamp, ''];
    return [statStamp, createHash('sha1').update(readFileSync(file)).digest('hex')];
  } catch {
    return null;
  }
}

/**
 * Whether a file is as stamped: the same stat (unchanged since), else the same contents (touched, not changed); null:
 * it was missing when read (a read that failed), and still is.
 */
function unchanged(file: string, stamp: readonly [string, string] | null): boolean {
  if (stamp === null) return !existsSync(file);
  const [statStamp, contents] = stamp;
  try {
    const stat = statSync(file, { bigint: true });
    if (`${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}` === statStamp) return true;
    if (contents === '' || !stat.isFile()) return false;
    return createHash('sha1').update(readFileSync(file)).digest('hex') === contents;
  } catch {
    return false;
  }
}

/** The tsconfig TypeScript would use in `directory`, resolved (`extends` merged), as text; `-` for none. */
function tsconfigStamp(directory: string): string {
  try {
    const found = getTsconfig(directory, 'tsconfig.json', new Map());
    return found ? JSON.stringify([found.path, found.config]) : '-';
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const envHash = (env: NodeJS.ProcessEnv): string =>
  createHash('sha1')
    .update(
      JSON.stringify(
        Object.keys(env)
          .sort()
          .map((name) => [name, env[name]]),
      ),
    )
    .digest('hex');

/** This build of schemaplan: its version, and the size and time of each of its own code files (a rebuild is new). */
let selfStampMemo: string | undefined;
function selfStamp(): string {
  if (selfStampMemo) return selfStampMemo;
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|ts)$/.test(entry.name)) {
        const stat = statSync(full);
        hash.update(`${full}\0${stat.size}\0${stat.mtimeMs}\0`);
      }
    }
  };
  walk(OWN_CODE);
  return (selfStampMemo = `${ownVersion()}:${hash.digest('hex')}`);
}

export class ModelCache {
  constructor(private readonly dir: string | undefined) {}

  static forProject(cwd: string, env: NodeJS.ProcessEnv = process.env): ModelCache {
    const base = cacheBaseDir(cwd, env);
    return new ModelCache(base && path.join(base, 'model'));
  }

  get enabled(): boolean {
    return this.dir !== undefined;
  }

  private keyText(key: ModelCacheKey): string {
    return JSON.stringify({ ...key, schemaplan: selfStamp(), node: process.version });
  }

  private entryFile(keyText: string): string {
    return path.join(this.dir!, `${createHash('sha256').update(keyText).digest('hex')}.json`);
  }

  /** The cached result for `key`, when every recorded input is unchanged; else undefined. */
  lookup(key: ModelCacheKey, env: NodeJS.ProcessEnv = process.env): unknown {
    if (!this.dir) return undefined;
    try {
      const keyText = this.keyText(key);
      const entry = JSON.parse(readFileSync(this.entryFile(keyText), 'utf8')) as Entry;
      if (entry.key !== keyText) return undefined;
      if (entry.env.all !== null && entry.env.all !== envHash(env)) return undefined;
      for (const [name, value] of entry.env.values) if ((env[name] ?? null) !== value) return undefined;
      for (const [directory, stamp] of entry.tsconfigs) if (tsconfigStamp(directory) !== stamp) return undefined;
      for (const [file, stamp] of entry.files) if (!unchanged(file, stamp)) return undefined;
      return decode(entry.result);
    } catch {
      return undefined;
    }
  }

  /**
   * Stores `result` for `key` with what loading read (`record`, `tsconfigDirectories`). Files of schemaplan itself
   * and of the TypeORM package (`typeormDir`) are covered by the key. Best effort; a result that JSON cannot carry
   * exactly is not stored.
   */
  store(
    key: ModelCacheKey,
    record: LoadRecord,
    tsconfigDirectories: readonly string[],
    typeormDir: string,
    result: unknown,
  ): void {
    if (!this.dir) return;
    try {
      this.write(key, record, tsconfigDirectories, typeormDir, result);
    } catch {
      // best effort: the next run compiles again
    }
  }

  private write(
    key: ModelCacheKey,
    record: LoadRecord,
    tsconfigDirectories: readonly string[],
    typeormDir: string,
    result: unknown,
  ): void {
    const encoded = encode(result);
    if (!encoded) return;
    const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);
    const files: [string, readonly [string, string] | null][] = [];
    for (const file of record.files) {
      // The caches' own files (transpiled entity files: derived from the sources, which are recorded) are not inputs.
      if (
        !path.isAbsolute(file) ||
        inside(file, typeormDir) ||
        inside(file, OWN_CODE) ||
        inside(file, path.dirname(this.dir!))
      )
        continue;
      files.push([file, fileStamp(file)]);
    }
    const keyText = this.keyText(key);
    const entry: Entry = {
      key: keyText,
      files,
      env: {
        all: record.env.all ? envHash(process.env) : null,
        values: record.env.names.map((name) => [name, process.env[name] ?? null] as const),
      },
      tsconfigs: [...new Set(tsconfigDirectories)]
        .sort()
        .map((directory) => [directory, tsconfigStamp(directory)] as const),
      result: encoded,
    };
    const file = this.entryFile(keyText);
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, file);
  }
}

/**
 * Plain data for JSON, exactly: `undefined` members and items, which JSON drops (members) or turns into null (items),
 * are listed by path and put back by `decode`. Anything else JSON would change (a class instance, a Map, a function,
 * a non-finite number or -0, a `__proto__` member) makes the value unstorable (null).
 */
function encode(
  value: unknown,
): { readonly value: unknown; readonly undefinedAt: readonly (readonly (string | number)[])[] } | null {
  const undefinedAt: (string | number)[][] = [];
  const check = (item: unknown, at: (string | number)[]): boolean => {
    if (item === undefined) {
      undefinedAt.push(at);
      return true;
    }
    if (item === null || typeof item === 'boolean' || typeof item === 'string') return true;
    if (typeof item === 'number') return Number.isFinite(item) && !Object.is(item, -0);
    if (Array.isArray(item)) return item.every((each, i) => check(each, [...at, i]));
    if (typeof item === 'object') {
      const proto = Object.getPrototypeOf(item);
      if (proto !== Object.prototype && proto !== null) return false;
      return Object.entries(item).every(([name, member]) => name !== '__proto__' && check(member, [...at, name]));
    }
    return false;
  };
  return check(value, []) ? { value, undefinedAt } : null;
}

function decode(stored: {
  readonly value: unknown;
  readonly undefinedAt: readonly (readonly (string | number)[])[];
}): unknown {
  const { value } = stored;
  for (const at of stored.undefinedAt) {
    let parent = value as Record<string | number, unknown>;
    for (const step of at.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    parent[at[at.length - 1]!] = undefined;
  }
  return value;
}
