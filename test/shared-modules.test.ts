import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './support/cli';

/**
 * `shareModules` redirects the user's `typeorm` imports to the compiler's copy. Node's resolver is process-wide, so
 * this runs in a child process on the built module: each request is resolved once (a thousand entity files importing
 * `typeorm` must not cost a thousand resolutions, nor one that re-enters the hook until the stack overflows).
 */
test("each shared request resolves once, to the compiler's typeorm, without re-entering the hook", () => {
  const script = `
    const Module = require('node:module');
    const path = require('node:path');
    const original = Module._resolveFilename;
    let calls = 0;
    Module._resolveFilename = function (request, ...rest) {
      if (request === 'typeorm') calls++;
      return original.call(this, request, ...rest);
    };
    require(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'compile', 'shared-modules.js'))}).shareModules();
    const fromUserFile = Module.createRequire(path.join(${JSON.stringify(REPO_ROOT)}, 'test', 'user-entity.js'));
    const files = Array.from({ length: 200 }, () => fromUserFile.resolve('typeorm'));
    process.stdout.write(JSON.stringify({ calls, files: [...new Set(files)] }));
  `;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  const { calls, files } = JSON.parse(result.stdout) as { calls: number; files: string[] };
  expect(files).toEqual([require.resolve('typeorm')]);
  expect(calls).toBe(1);
});
