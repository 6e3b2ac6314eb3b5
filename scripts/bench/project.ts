/**
 * A benchmark project on disk, as a user's would be: `entities/*.ts` and a `node_modules` link to the repository's
 * (so the files resolve `typeorm`). The transpile cache lives in the project (`.cache`), so the first `schema plan`
 * transpiles and the next ones read the cache.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface BenchProject {
  readonly dir: string;
  /** The glob `schema plan --entities` takes, relative to `dir`. */
  readonly entities: string;
  /** `SCHEMAPLAN_CACHE_DIR` for runs in this project. */
  readonly cacheDir: string;
}

export function writeProject(dir: string, files: ReadonlyMap<string, string>, repositoryRoot: string): BenchProject {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'entities'), { recursive: true });
  symlinkSync(path.join(repositoryRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [file, source] of files) writeFileSync(path.join(dir, 'entities', file), source);
  return { dir, entities: 'entities/*.ts', cacheDir: path.join(dir, '.cache') };
}

export function clearCache(project: BenchProject): void {
  rmSync(project.cacheDir, { recursive: true, force: true });
}

/** Rewrites the entity files whose source differs (a user's edit); the others keep their cached transpilation. */
export function editProject(project: BenchProject, files: ReadonlyMap<string, string>): number {
  let edited = 0;
  for (const [file, source] of files) {
    const target = path.join(project.dir, 'entities', file);
    if (readFileSync(target, 'utf8') === source) continue;
    writeFileSync(target, source);
    edited++;
  }
  return edited;
}
