import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runCli } from './support/cli';
import { tempDir } from './support/temp';

/** Every file of a directory tree, relative paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('transpile cache', () => {
  it('stores each transpiled entity file once, reads it back on the next run without loading the compiler, and misses when the source changes', () => {
    const project = tempDir('transpile-cache');
    try {
      const schema = path.join(project.dir, 'schema');
      const cache = path.join(project.dir, 'cache');
      mkdirSync(schema);
      copyFileSync(path.join(REPO_ROOT, 'fixtures/nullability-default/to/item.ts'), path.join(schema, 'item.ts'));
      // A preloaded probe reports, at exit, whether the process loaded a transpiler (SWC, or the TypeScript compiler).
      const probe = path.join(project.dir, 'report-transpiler.js');
      writeFileSync(
        probe,
        `process.on('exit', () => process.stderr.write(Object.keys(require.cache).some((f) => /\\/node_modules\\/(typescript|@swc\\/core)\\//.test(f)) ? 'transpiler loaded\\n' : ''));\n`,
      );
      const plan = () =>
        runCli(['plan', '--url', 'sqlite::memory:', '--format', 'sql', '--entities', 'schema/*.ts'], {
          cwd: project.dir,
          env: {
            SCHEMAPLAN_CACHE_DIR: cache,
            NODE_PATH: path.join(REPO_ROOT, 'node_modules'),
            NODE_OPTIONS: `--require ${probe}`,
          },
        });

      // Each run names its database first; the probe's report comes at exit.
      const named = 'Database: sqlite::memory: (from --url)\n';
      const first = plan();
      expect(first.stderr).toBe(`${named}transpiler loaded\n`);
      expect(first.stdout).toContain('CREATE TABLE "items"');
      // The transpiled file (the compiled-model cache keeps its own entries beside, in model/).
      const transpiled = path.join(cache, 'transpile');
      const entries = filesUnder(transpiled);
      expect(entries).toHaveLength(1);

      // The second run executes the cached output, not a fresh transpile: a marked entry shows through. (The compiled
      // model, cached beside, is removed: it would otherwise serve this run without loading the file at all.)
      writeFileSync(entries[0]!, readFileSync(entries[0]!, 'utf8').replace("'items'", "'cached_items'"));
      rmSync(path.join(cache, 'model'), { recursive: true });
      const second = plan();
      expect(second.stdout).toContain('CREATE TABLE "cached_items"');
      expect(second.stderr).toBe(named); // every file came from the cache: no transpiler was loaded
      expect(filesUnder(transpiled)).toHaveLength(1);

      // An edited source is a new key: transpiled again, the marked entry is not used.
      writeFileSync(path.join(schema, 'item.ts'), `${readFileSync(path.join(schema, 'item.ts'), 'utf8')}\n// edited\n`);
      const third = plan();
      expect(third.stdout).toContain('CREATE TABLE "items"');
      expect(third.stderr).toBe(`${named}transpiler loaded\n`);
      expect(filesUnder(transpiled)).toHaveLength(2);
    } finally {
      project.remove();
    }
  });
});
