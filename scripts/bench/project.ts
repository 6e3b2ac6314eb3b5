/**
 * A benchmark project on disk, as a user's would be: `entities/*.ts` and a `node_modules` link to the repository's
 * (so the files resolve `typeorm`). The transpile cache lives in the project (`.cache`), so the first `schema plan`
 * transpiles and the next ones read the cache.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface BenchProject {
  readonly dir: string;
  /** The glob `schema plan --entities` takes, relative to `dir`. */
  readonly entities: string;
  /** `SCHEMAPLAN_CACHE_DIR` for runs in this project. */
  readonly cacheDir: string;
}

/** The TypeORM line a project installs: 1.x (the repository's `typeorm`) or 0.3 (its `typeorm-0.3` dev alias). */
export type BenchTypeormLine = '1' | '0.3';

export function writeProject(
  dir: string,
  files: ReadonlyMap<string, string>,
  repositoryRoot: string,
  line: BenchTypeormLine = '1',
): BenchProject {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'entities'), { recursive: true });
  const modules = path.join(repositoryRoot, 'node_modules');
  if (line === '1') symlinkSync(modules, path.join(dir, 'node_modules'), 'dir');
  else {
    // The repository's packages, with `typeorm` being TypeORM 0.3 (as an app on 0.3 installs it).
    mkdirSync(path.join(dir, 'node_modules'));
    for (const name of readdirSync(modules)) {
      if (name === 'typeorm' || name === '.bin' || name === '.cache') continue;
      symlinkSync(path.join(modules, name), path.join(dir, 'node_modules', name), 'dir');
    }
    symlinkSync(path.join(modules, 'typeorm-0.3'), path.join(dir, 'node_modules', 'typeorm'), 'dir');
  }
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
