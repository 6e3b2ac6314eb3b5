import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { SUPPORTED_RANGE } from '../src/typeorm/versions';
import { REPO_ROOT } from './support/cli';

/**
 * What `npm install schemaplan` gives an app: the package is publishable and ships what it names; TypeORM and the
 * database drivers are the app's (peer dependencies), every other package the built code loads is a dependency; and
 * only the runtime module (src/typeorm/runtime.ts) loads TypeORM. Checks the built dist/ (`npm test` builds it).
 */
interface PackageJson {
  readonly name: string;
  readonly private?: boolean;
  readonly license: string;
  readonly main: string;
  readonly types: string;
  readonly bin: Record<string, string>;
  readonly files: readonly string[];
  readonly dependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
  readonly peerDependencies: Record<string, string>;
  readonly peerDependenciesMeta: Record<string, { optional?: boolean }>;
}

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
const DRIVERS = ['pg', 'sqlite3'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** The built JavaScript that ships, relative to the repository: dist/**.js and the bin scripts. */
const shippedScripts = (): string[] =>
  [...filesUnder(path.join(REPO_ROOT, 'dist')), ...filesUnder(path.join(REPO_ROOT, 'bin'))]
    .filter((file) => file.endsWith('.js'))
    .map((file) => path.relative(REPO_ROOT, file));

/**
 * `require('x')`, `require.resolve('x', ...)` and `requireDriver('x')` (the drivers, loaded from the app; compiled as
 * `(0, driver_package_1.requireDriver)('x')`).
 */
const REQUIRE = /\b(?:require(?:\.resolve)?\(|requireDriver\)?\()\s*(['"])([^'"]+)\1/g;

function requiredModules(file: string): string[] {
  return [...readFileSync(path.join(REPO_ROOT, file), 'utf8').matchAll(REQUIRE)].map((match) => match[2]!);
}

/** `typeorm/driver/x` -> `typeorm`, `@types/node` -> `@types/node`; undefined for relative paths and Node's own. */
function packageOf(request: string): string | undefined {
  if (request.startsWith('.') || request.startsWith('/') || request.startsWith('node:')) return undefined;
  const parts = request.split('/');
  const name = request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtinModules.includes(name) ? undefined : name;
}

describe('the published package', () => {
  beforeAll(() => {
    if (!existsSync(path.join(REPO_ROOT, 'dist', 'index.js')))
      throw new Error('dist/ is not built: run `npm run build` first');
  });

  it('is publishable under its name, MIT with the licence text, and ships every file it names', () => {
    expect(pkg.name).toBe('schemaplan');
    expect(pkg.private).toBeUndefined();
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(pkg.bin).toEqual({ schema: 'bin/schema.js', schemaplan: 'bin/schema.js' });

    const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const [packed] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'docs/plan.schema.json',
        pkg.main,
        pkg.types,
        ...Object.values(pkg.bin),
      ]),
    );
    // Nothing else: no sources, tests, fixtures or scripts.
    expect(
      files.filter(
        (file) =>
          !/^(bin|dist)\//.test(file) &&
          !['LICENSE', 'README.md', 'package.json', 'docs/plan.schema.json'].includes(file),
      ),
    ).toEqual([]);
    expect(files.filter((file) => file.startsWith('dist/') && /\.spec\.|\.test\./.test(file))).toEqual([]);
  });

  it('takes TypeORM and the database drivers from the app: peer dependencies, the drivers optional', () => {
    expect(pkg.peerDependencies.typeorm).toBe(SUPPORTED_RANGE);
    expect(pkg.peerDependenciesMeta.typeorm?.optional).not.toBe(true);
    for (const name of ['typeorm', ...DRIVERS]) expect(pkg.dependencies[name]).toBeUndefined();
    for (const name of DRIVERS) {
      expect(pkg.peerDependencies[name]).toBeDefined();
      expect(pkg.peerDependenciesMeta[name]).toEqual({ optional: true });
    }
    // The repository's own development and tests: TypeORM 1.x, 0.3 (as an alias), and both drivers.
    expect(pkg.devDependencies.typeorm).toMatch(/^\^1\./);
    expect(pkg.devDependencies['typeorm-0.3']).toBe('npm:typeorm@0.3.31');
    for (const name of DRIVERS) expect(pkg.devDependencies[name]).toBeDefined();
  });

  it('declares every package the built code loads, as a dependency or a peer dependency', () => {
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]);
    const loaded = new Map<string, string>();
    for (const file of shippedScripts()) {
      for (const request of requiredModules(file)) {
        const name = packageOf(request);
        if (name !== undefined && !loaded.has(name)) loaded.set(name, file);
      }
    }
    // The scan sees the packages loaded lazily, by name, from the app or on first use.
    expect([...loaded.keys()]).toEqual(
      expect.arrayContaining(['typeorm', 'typescript', 'pg', 'sqlite3', 'reflect-metadata']),
    );
    expect([...loaded].filter(([name]) => !declared.has(name)).map(([name, file]) => `${name} (${file})`)).toEqual([]);
  });

  it("loads TypeORM in one module only, the app's copy, through the runtime handle", () => {
    const loading = shippedScripts().filter((file) =>
      requiredModules(file).some((request) => packageOf(request) === 'typeorm'),
    );
    expect(loading).toEqual(['dist/typeorm/runtime.js']);
  });
});
