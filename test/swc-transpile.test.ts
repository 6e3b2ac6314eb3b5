import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { transpileWithSwc, transpileWithSwcAsync } from '../src/compile/swc-transpile';
import { REPO_ROOT } from './support/cli';

/** Every folder of entity files in the repository (fixtures' from/to, test entities). */
function entityFolders(): string[] {
  const folders = new Set<string>();
  for (const root of ['fixtures', 'test/entities']) {
    for (const entry of readdirSync(path.join(REPO_ROOT, root), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) folders.add(path.relative(REPO_ROOT, entry.parentPath));
    }
  }
  return [...folders].sort();
}

/**
 * Compiles every entity folder in a fresh Node process (Node's loader, so entity files go through schemaplan's own
 * transpiler, with no cache), for both dialects: the schema hash of each model, or the error it gave.
 */
function compileAll(folders: readonly string[], env: Record<string, string>): Record<string, string> {
  const script = `
    const { compileFiles } = require(${JSON.stringify(path.join(REPO_ROOT, 'dist/compile/compile.js'))});
    const { hashModel } = require(${JSON.stringify(path.join(REPO_ROOT, 'dist/model/index.js'))});
    (async () => {
      const out = {};
      for (const folder of ${JSON.stringify(folders)}) {
        for (const dialect of ['postgres', 'sqlite']) {
          try {
            const compiled = await compileFiles([folder + '/**/*.ts'], dialect, ${JSON.stringify(REPO_ROOT)});
            out[folder + ' ' + dialect] = hashModel(compiled.model) + ' ' + JSON.stringify(compiled.diagnostics);
          } catch (error) {
            out[folder + ' ' + dialect] = 'error: ' + (error && error.message);
          }
        }
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, SCHEMAPLAN_CACHE_DIR: '', ...env },
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`compiling failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string>;
}

describe('SWC transpilation', () => {
  it('gives every entity folder of the repository the same model as TypeScript transpilation, on both dialects', () => {
    const folders = entityFolders();
    expect(folders.length).toBeGreaterThan(50);
    // Most files do take the SWC path (the rest fall back to TypeScript by design).
    const files = folders.flatMap((folder) =>
      readdirSync(path.join(REPO_ROOT, folder))
        .filter((name) => name.endsWith('.ts'))
        .map((name) => path.join(REPO_ROOT, folder, name)),
    );
    const bySwc = files.filter((file) => transpileWithSwc(readFileSync(file, 'utf8'), file) !== undefined);
    expect(bySwc.length).toBeGreaterThan(files.length / 2);

    const typescript = compileAll(folders, { SCHEMAPLAN_TRANSPILER: 'typescript' });
    const swc = compileAll(folders, {});
    expect(Object.keys(swc)).toHaveLength(folders.length * 2);
    expect(swc).toEqual(typescript);
    // Not vacuous: most folders compile.
    expect(Object.values(swc).filter((outcome) => outcome.startsWith('sha256:')).length).toBeGreaterThan(
      folders.length,
    );
  });

  it('transpiles ahead (on SWC threads) exactly as in the require hook, file by file', async () => {
    const files = entityFolders().flatMap((folder) =>
      readdirSync(path.join(REPO_ROOT, folder))
        .filter((name) => name.endsWith('.ts'))
        .map((name) => path.join(REPO_ROOT, folder, name)),
    );
    const sources = files.map((file) => readFileSync(file, 'utf8'));
    const sync = files.map((file, i) => transpileWithSwc(sources[i]!, file) ?? null);
    const ahead = await Promise.all(
      files.map(async (file, i) => (await transpileWithSwcAsync(sources[i]!, file)) ?? null),
    );
    expect(ahead).toEqual(sync);
    expect(sync.filter((code) => code !== null).length).toBeGreaterThan(files.length / 2);
    // A syntax error is left to TypeScript on both paths.
    expect(await transpileWithSwcAsync('export class {', 'bad.ts')).toBeUndefined();
  });

  it('tolerates import cycles as TypeScript output does: a class read before its file finished loading is undefined', () => {
    const code = transpileWithSwc(`export class A {}\nexport const B = 1;\n`, 'a.ts');
    expect(code).toBeDefined();
    expect(code).toContain('catch (error) { if (error instanceof ReferenceError) return undefined;');
    const single = transpileWithSwc(`export class A {}\n`, 'a.ts');
    expect(single).toContain('catch (error) { if (error instanceof ReferenceError) return undefined;');
  });

  it('leaves to TypeScript the files whose decorator metadata SWC cannot give as TypeScript does', () => {
    // A type alias of the file (TypeScript resolves it to String), a property typed with its own class.
    expect(
      transpileWithSwc(`type Status = 'a' | 'b';\nexport class A { @Reflect.metadata('k', 1) s: Status; }\n`, 'a.ts'),
    ).toBeUndefined();
    expect(transpileWithSwc(`export class Node { @Reflect.metadata('k', 1) parent: Node; }\n`, 'a.ts')).toBeUndefined();
    // In a union with null, TypeScript 6 (strict by default) gives Object too: SWC may do it.
    expect(
      transpileWithSwc(`export class Node { @Reflect.metadata('k', 1) parent: Node | null; }\n`, 'a.ts'),
    ).toContain('_ts_metadata("design:type", Object)');
    // A syntax error: TypeScript's message.
    expect(transpileWithSwc(`export class A {`, 'a.ts')).toBeUndefined();
    // An imported type's run-time value: TypeScript's guard (a function, else Object).
    const imported = transpileWithSwc(
      `import { Role } from './role';\nexport class A { @Reflect.metadata('k', 1) r: Role; }\n`,
      'a.ts',
    );
    expect(imported).toContain('_ts_metadata("design:type", typeof _role.Role === "function" ? _role.Role : Object)');
  });
});
