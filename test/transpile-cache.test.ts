import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TranspileCache } from '../src/compile/transpile-cache';
import { REPO_ROOT, runCli } from './support/cli';
import { tempDir } from './support/temp';

/** Every file of a directory tree, relative paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('transpile cache', () => {
  it('stores each transpiled entity file once (a pack per run), reads it back on the next run without loading the compiler, and misses when the source changes', () => {
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
      // The transpiled file, in one pack of the run (the compiled-model cache keeps its own entries beside, in model/).
      const transpiled = path.join(cache, 'transpile');
      const entries = filesUnder(transpiled);
      expect(entries).toHaveLength(1);
      expect(Object.keys(JSON.parse(readFileSync(entries[0]!, 'utf8')) as object)).toHaveLength(1);

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

  it("keeps a run's entries in one pack; merges what a run used once it finds eight packs, removing the others", async () => {
    const dir = tempDir('transpile-packs');
    try {
      const transpiled = path.join(dir.dir, 'transpile');
      const packs = () => readdirSync(transpiled).filter((name) => name.endsWith('.pack.json'));
      const run = async (sources: readonly string[], make: (source: string) => string) => {
        const cache = new TranspileCache(transpiled);
        const outputs = sources.map((source) => cache.get('salt', `/app/${source}.ts`, source, () => make(source)));
        await cache.flush();
        return outputs;
      };
      // Nine runs, each transpiling one new file: eight packs, then the ninth run merges.
      for (let i = 0; i < 8; i++) await run([`file${i}`], (source) => `made ${source}`);
      expect(packs()).toHaveLength(8);
      // A run reads every pack: nothing is transpiled again.
      const never = (): string => {
        throw new Error('transpiled again');
      };
      expect(await run(['file0', 'file7'], never)).toEqual(['made file0', 'made file7']);
      // That run found eight packs and used two entries: one pack left, holding those two.
      expect(packs()).toHaveLength(1);
      const merged = JSON.parse(readFileSync(path.join(transpiled, packs()[0]!), 'utf8')) as Record<string, string>;
      expect(Object.values(merged).sort()).toEqual(['made file0', 'made file7']);
      expect(await run(['file0', 'file7'], never)).toEqual(['made file0', 'made file7']);
      // An entry it did not use is gone (transpiled again when asked for).
      expect(await run(['file3'], (source) => `again ${source}`)).toEqual(['again file3']);
      expect(packs()).toHaveLength(2);

      // A damaged pack, or one removed while a run lists the directory, is a miss, not an error.
      writeFileSync(path.join(transpiled, `0-0-0.pack.json`), '{"trunc');
      expect(await run(['file0', 'file9'], (source) => `new ${source}`)).toEqual(['made file0', 'new file9']);
      // It counts among the packs a merge removes.
      for (let i = 10; i < 14; i++) await run([`file${i}`], (source) => `made ${source}`);
      expect(packs()).toHaveLength(8);
      await run(['file0'], never);
      expect(packs()).toHaveLength(1);
      // No run leaves a temporary file.
      expect(readdirSync(transpiled).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it('transpiles every time and writes nothing when caching is off (SCHEMAPLAN_CACHE_DIR empty)', async () => {
    const project = tempDir('transpile-off');
    try {
      const cache = TranspileCache.forProject(project.dir, { SCHEMAPLAN_CACHE_DIR: '' });
      let made = 0;
      const transpile = () => `made ${++made}`;
      expect(cache.get('salt', '/app/a.ts', 'a', transpile)).toBe('made 1');
      expect(cache.get('salt', '/app/a.ts', 'a', transpile)).toBe('made 2');
      await cache.flush();
      expect(readdirSync(project.dir)).toEqual([]);
    } finally {
      project.remove();
    }
  });
});
