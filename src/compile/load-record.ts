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

/**
 * What every earlier load in this process read. A later load finds those modules in Node's module cache and does not
 * run them again (an entity file compiled for PostgreSQL is already loaded when the same files are compiled for
 * SQLite), so it depends on them without reading them: each record carries everything read so far.
 */
const readSoFar = { files: new Set<string>(), names: new Set<string>(), all: false };

/** Whether modules load through Node's own loader here (not Jest's registry, which the records below cannot see). */
export function nodeLoaderInUse(): boolean {
  return require.cache === (moduleCache as unknown);
}

/**
 * Runs `work` while recording what it reads: modules added to Node's module cache, files read through
 * `fs.readFileSync` (Node's loader reads `.js` and `.json` files with it; our `.ts` hook too), and the environment
 * variables read through `process.env` (a listing of the environment, e.g. `{ ...process.env }`, records `all`).
 * The record also holds what earlier loads in this process read (`readSoFar`). Over-recording is harmless (a cache
 * entry is only invalidated more often); `process.env` and `fs.readFileSync` are restored afterwards whatever happens.
 */
export async function recordLoad<T>(
  work: () => Promise<T>,
): Promise<{ readonly value: T; readonly record: LoadRecord }> {
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
  const remember = () => {
    for (const key of Object.keys(moduleCache)) if (!before.has(key)) files.add(key);
    for (const file of files) readSoFar.files.add(file);
    for (const name of names) readSoFar.names.add(name);
    readSoFar.all ||= all;
  };
  try {
    const value = await work();
    remember();
    return {
      value,
      record: { files: [...readSoFar.files].sort(), env: { all: readSoFar.all, names: [...readSoFar.names].sort() } },
    };
  } catch (error) {
    remember(); // what a failed load ran stays loaded, and later loads depend on it
    throw error;
  } finally {
    process.env = realEnv;
    fs.readFileSync = realReadFileSync;
  }
}
