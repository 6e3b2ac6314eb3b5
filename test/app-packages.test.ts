import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveDriver } from '../src/connect/driver-package';
import { DependencyError } from '../src/errors/errors';
import { locateTypeorm } from '../src/typeorm/runtime';
import { REPO_ROOT, runCli, type CliResult } from './support/cli';
import { tempDir } from './support/temp';

/**
 * schemaplan takes TypeORM and the database drivers from the app: the copy the app's files resolve (a monorepo
 * package's own before the workspace root's), and one clear line when one is missing or unusable.
 */
const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');

function expectOneLineError(result: CliResult, first: RegExp, hint: string): void {
  expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 1, stdout: '' });
  expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(first), `hint: ${hint}`]);
}

/** The junction's foreign keys of the test/entities/typeorm-lines entities as compiled: `column onDelete`. */
function junctionKeys(result: CliResult): string[] {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const model = JSON.parse(result.stdout) as {
    tables: { name: string; foreignKeys: { columns: string[]; onDelete: string }[] }[];
  };
  return model.tables
    .find((t) => t.name === 'post_tags')!
    .foreignKeys.map((fk) => `${fk.columns.join()} ${fk.onDelete}`)
    .sort();
}

describe("the app's TypeORM", () => {
  it("in a monorepo, is the one the data source's package resolves (its own node_modules before the root's)", () => {
    const repo = tempDir('monorepo');
    try {
      // The workspace root has TypeORM 1.x (hoisted); packages/api has its own TypeORM 0.3.
      symlinkSync(NODE_MODULES, path.join(repo.dir, 'node_modules'), 'dir');
      const api = path.join(repo.dir, 'packages', 'api');
      cpSync(path.join(REPO_ROOT, 'test', 'entities', 'typeorm-lines'), path.join(api, 'src', 'entities'), {
        recursive: true,
      });
      writeFileSync(
        path.join(api, 'src', 'data-source.ts'),
        [
          "import { DataSource } from 'typeorm';",
          "import { Post } from './entities/post';",
          "import { Tag } from './entities/tag';",
          "export default new DataSource({ type: 'postgres', entities: [Post, Tag] });",
        ].join('\n'),
      );
      const inspect = () =>
        runCli(
          ['inspect', '--dialect', 'postgres', '--format', 'json', '--data-source', 'packages/api/src/data-source.ts'],
          { cwd: repo.dir },
        );

      // Only the root's: TypeORM 1.x makes the inverse side's junction key ON DELETE CASCADE.
      expect(junctionKeys(inspect())).toEqual(['postsId CASCADE', 'tagsId CASCADE']);
      // The package's own 0.3 wins: the inverse side's key takes the inverse relation's actions (none: NO ACTION).
      mkdirSync(path.join(api, 'node_modules'));
      symlinkSync(path.join(NODE_MODULES, 'typeorm-0.3'), path.join(api, 'node_modules', 'typeorm'), 'dir');
      expect(junctionKeys(inspect())).toEqual(['postsId CASCADE', 'tagsId NO ACTION']);
    } finally {
      repo.remove();
    }
  });

  it('missing: one line naming the app, and the install command', () => {
    const app = tempDir('no-typeorm');
    try {
      mkdirSync(path.join(app.dir, 'schema'));
      writeFileSync(
        path.join(app.dir, 'schema', 'note.ts'),
        "import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n@Entity() export class Note { @PrimaryGeneratedColumn() id!: number; }\n",
      );
      expectOneLineError(
        runCli(['plan', '--url', 'sqlite::memory:', '--entities', 'schema/*.ts'], { cwd: app.dir }),
        /^error: TypeORM is not installed in \/.*schemaplan-no-typeorm-\w+: schemaplan compiles the entities with the app's own TypeORM \(>=0\.3\.17 <2\)$/,
        'npm install typeorm',
      );
    } finally {
      app.remove();
    }
  });

  it('outside >=0.3.17 <2: refused in one line', () => {
    const app = tempDir('old-typeorm');
    try {
      const typeorm = path.join(app.dir, 'node_modules', 'typeorm');
      mkdirSync(typeorm, { recursive: true });
      writeFileSync(
        path.join(typeorm, 'package.json'),
        JSON.stringify({ name: 'typeorm', version: '0.2.45', main: 'index.js' }),
      );
      writeFileSync(path.join(typeorm, 'index.js'), 'module.exports = {};\n');
      let error: unknown;
      try {
        locateTypeorm(app.dir);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DependencyError);
      expect((error as DependencyError).message).toBe(
        `TypeORM 0.2.45 (${typeorm}) is not supported: schemaplan works with TypeORM >=0.3.17 <2`,
      );
      expect((error as DependencyError).hint).toBe('Upgrade the app: npm install typeorm@^0.3.17 (or typeorm@^1).');
    } finally {
      app.remove();
    }
  });
});

describe("the app's database driver", () => {
  it("pg loads without Node's fetch implementation, and no navigator is left behind", () => {
    // pg asks at load time whether it runs in a Cloudflare Worker; without `navigator` (Node 20) it builds a fetch
    // Response to find out, which loads undici. Node 21 and later define navigator themselves.
    const script = `
      const hadNavigator = 'navigator' in globalThis;
      require(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'connect', 'driver-package.js'))}).requireDriver('pg');
      const undici = process.moduleLoadList.filter((m) => m.includes('undici'));
      console.log(JSON.stringify({ undici, navigatorKept: 'navigator' in globalThis === hadNavigator }));`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ undici: [], navigatorKept: true });
  });

  it('is resolved from the app; missing: one line naming the package and the app, and the install command', () => {
    const app = tempDir('no-driver');
    try {
      expect(resolveDriver('pg', [REPO_ROOT], app.dir)).toBe(require.resolve('pg'));
      for (const [name, database] of [
        ['pg', 'PostgreSQL'],
        ['sqlite3', 'SQLite'],
      ] as const) {
        expect(() => resolveDriver(name, [app.dir], app.dir)).toThrow(
          new DependencyError(`${database} needs the driver package "${name}", which is not installed in ${app.dir}`),
        );
        try {
          resolveDriver(name, [app.dir], app.dir);
        } catch (error) {
          expect((error as DependencyError).hint).toBe(`npm install ${name}`);
        }
      }
    } finally {
      app.remove();
    }
  });
});
