import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tsconfigCandidates } from '../src/compile/tsconfig-paths';
import { tempDir } from './support/temp';

/**
 * Which files an import may name, as TypeScript maps it in the project: the tsconfig nearest to the importing file,
 * its `extends` chain (files and packages), `paths` before `baseUrl`, each relative to the file that declares it.
 * (The require hook that uses these is exercised end to end by test/project-files.test.ts, through the real binary:
 * Jest resolves modules itself.)
 */
describe('tsconfigCandidates', () => {
  let tmp: ReturnType<typeof tempDir>;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(tmp.dir, file)), { recursive: true });
    writeFileSync(path.join(tmp.dir, file), text);
  };
  const at = (...parts: string[]) => path.join(tmp.dir, ...parts);
  beforeEach(() => {
    tmp = tempDir('tsconfig-paths');
  });
  afterEach(() => tmp.remove());

  it('follows extends through a package and a file; paths and baseUrl are relative to the tsconfig declaring them', () => {
    write('node_modules/@team/tsconfig/package.json', '{ "name": "@team/tsconfig", "version": "1.0.0" }');
    write('node_modules/@team/tsconfig/base.json', '{ "compilerOptions": { "strict": true } }');
    write(
      'config/tsconfig.base.json',
      `{
        // comments and trailing commas, as tsc accepts them
        "extends": "@team/tsconfig/base.json",
        "compilerOptions": { "baseUrl": "..", "paths": { "@app/*": ["src/*", "lib/*"], "@db": ["src/db/index.ts"] }, },
      }`,
    );
    write('tsconfig.json', '{ "extends": "./config/tsconfig.base.json" }');
    const from = at('src', 'entities', 'user.ts');
    // A pattern that matches is all TypeScript tries; baseUrl serves the specifiers no pattern matches.
    expect(tsconfigCandidates('@app/entities/team', from)).toEqual([
      at('src', 'entities', 'team'),
      at('lib', 'entities', 'team'),
    ]);
    expect(tsconfigCandidates('@db', from)).toEqual([at('src', 'db', 'index.ts')]);
    // A relative specifier, a built-in, or an import from a file in node_modules is never mapped.
    expect(tsconfigCandidates('src/shared/columns', from)).toEqual([at('src', 'shared', 'columns')]);
    expect(tsconfigCandidates('./team', from)).toEqual([]);
    expect(tsconfigCandidates('node:path', from)).toEqual([]);
    expect(tsconfigCandidates('fs', from)).toEqual([]);
    expect(tsconfigCandidates('@app/x', at('node_modules', 'lib', 'index.js'))).toEqual([]);
  });

  it('uses the tsconfig nearest to the importing file (a package of a monorepo has its own)', () => {
    write('tsconfig.json', '{ "compilerOptions": { "paths": { "@root/*": ["./shared/*"] } } }');
    write(
      'packages/api/tsconfig.json',
      '{ "extends": "../../tsconfig.json", "compilerOptions": { "paths": { "@api/*": ["./src/*"] } } }',
    );
    // `paths` of the extending file replace the base's, as in TypeScript.
    expect(tsconfigCandidates('@api/entities/user', at('packages', 'api', 'src', 'data-source.ts'))).toEqual([
      at('packages', 'api', 'src', 'entities', 'user'),
    ]);
    expect(tsconfigCandidates('@root/x', at('packages', 'api', 'src', 'data-source.ts'))).toEqual([]);
    expect(tsconfigCandidates('@root/x', at('tools', 'seed.ts'))).toEqual([at('shared', 'x')]);
  });

  it('leaves out candidates inside node_modules: packages resolve as Node resolves them', () => {
    write(
      'tsconfig.json',
      '{ "compilerOptions": { "baseUrl": ".", "paths": { "*": ["node_modules/*", "types/*"] } } }',
    );
    expect(tsconfigCandidates('typeorm', at('src', 'a.ts'))).toEqual([at('types', 'typeorm')]);
  });

  it('maps nothing without a tsconfig, with one that has neither paths nor baseUrl, or with one tsc refuses', () => {
    expect(tsconfigCandidates('@app/x', at('src', 'a.ts'))).toEqual([]);
    write('sub/tsconfig.json', '{ "compilerOptions": { "strict": true } }');
    expect(tsconfigCandidates('@app/x', at('sub', 'a.ts'))).toEqual([]);
    write('bad/tsconfig.json', '{ "compilerOptions": { "paths": { "@app/*": ["src/*"] } } }'); // no baseUrl: "./src/*" needed
    expect(tsconfigCandidates('@app/x', at('bad', 'a.ts'))).toEqual([]);
    write('missing/tsconfig.json', '{ "extends": "@tsconfig/not-installed/tsconfig.json" }');
    expect(tsconfigCandidates('@app/x', at('missing', 'a.ts'))).toEqual([]);
  });
});
