import fs from 'node:fs';
import Module from 'node:module';

/** What loading the entities read besides the entity files' names: for the compiled-model cache's validation. */
export interface LoadRecord {
  /** Absolute paths of every module loaded and every file read with `fs.readFileSync` while loading. */
  readonly files: readonly string[];
  /** Environment variables read while loading (by name; `null`: unset); `all`: the whole environment was listed. */
  readonly env: { readonly all: boolean; readonly names: readonly string[] };
}

const moduleCache = (Module as unknown as { _cache: Record<string, unknown> })._cache;

/** Whether modules load through Node's own loader here (not Jest's registry, which the records below cannot see). */
export function nodeLoaderInUse(): boolean {
  return require.cache === (moduleCache as unknown);
}

/**
 * Runs `work` while recording what it reads: modules added to Node's module cache, files read through
 * `fs.readFileSync` (Node's loader reads `.js` and `.json` files with it; our `.ts` hook too), and the environment
 * variables read through `process.env` (a listing of the environment, e.g. `{ ...process.env }`, records `all`).
 * Over-recording is harmless (a cache entry is only invalidated more often); `process.env` and `fs.readFileSync` are
 * restored afterwards whatever happens.
 */
export async function recordLoad<T>(work: () => Promise<T>): Promise<{ readonly value: T; readonly record: LoadRecord }> {
  const before = new Set(Object.keys(moduleCache));
  const files = new Set<string>();
  const names = new Set<string>();
  let all = false;
  const realEnv = process.env;
  const realReadFileSync = fs.readFileSync;
  const note = (key: string | symbol) => {
    if (typeof key === 'string') names.add(key);
  };
  process.env = new Proxy(realEnv, {
    get(target, key) {
      note(key);
      return Reflect.get(target, key);
    },
    has(target, key) {
      note(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      note(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      all = true;
      return Reflect.ownKeys(target);
    },
  });
  fs.readFileSync = function recordingReadFileSync(this: unknown, ...args: unknown[]) {
    const file = args[0];
    if (typeof file === 'string') files.add(file);
    else if (file instanceof URL && file.protocol === 'file:') files.add(decodeURIComponent(file.pathname));
    return (realReadFileSync as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof fs.readFileSync;
  try {
    const value = await work();
    for (const key of Object.keys(moduleCache)) if (!before.has(key)) files.add(key);
    return { value, record: { files: [...files].sort(), env: { all, names: [...names].sort() } } };
  } finally {
    process.env = realEnv;
    fs.readFileSync = realReadFileSync;
  }
}
