/**
 * The library API from a script, as a team's deploy tool uses it: a child node process `require`s the built package
 * (package.json `main`), calls `plan({ url, entities })` with entity globs as TypeORM's DataSource takes them, then
 * `apply(...)` and `plan(...)` again, and exits by itself (no open handles). The plan is a plain object whose JSON is
 * exactly what `schema plan --format json` prints for the same database; after apply the CLI agrees there is nothing
 * to do (`plan --exit-code` exits 0).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runCli } from './support/cli';
import { DIALECTS, freshDatabase } from './support/databases';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { main: string };
const ENTITIES = path.join(REPO_ROOT, 'schema', '**', '*.ts');

/** What the script prints: the first plan (plain? and its JSON), what apply did, and the statements of the second plan. */
interface ScriptOutput {
  readonly plain: boolean;
  readonly planJson: string;
  readonly applied: number;
  readonly timed: boolean;
  readonly verification: { inLine: boolean; remainingChanges: number; schemaHash: string };
  readonly afterStatements: number;
  readonly afterFromHash: string;
}

/** The script a user writes; it never calls process.exit: node must end by itself once the work is done. */
const SCRIPT = `
const { plan, apply } = require(process.argv[1]);
const options = { url: process.argv[2], entities: [process.argv[3]] };
const plainDeep = (value) => {
  if (value === null || typeof value !== 'object') return true;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype) return false;
  return Object.values(value).every(plainDeep);
};
(async () => {
  const first = await plan(options);
  const applied = await apply({ ...options, allowHazards: 'all' });
  const after = await plan(options);
  process.stdout.write(JSON.stringify({
    plain: Object.getPrototypeOf(first) === Object.prototype && plainDeep(first),
    planJson: JSON.stringify(first, null, 2) + '\\n',
    applied: applied.applied.length,
    timed: applied.applied.every((s) => typeof s.sql === 'string' && s.ms >= 0),
    verification: applied.verification,
    afterStatements: after.statements.length,
    afterFromHash: after.fromHash,
  }));
})().catch((error) => {
  process.stderr.write(String(error.code) + ': ' + error.message + '\\n');
  process.exitCode = 1;
});
`;

/** Runs the script in a child process and waits for it to exit on its own (killed, and failed, after a minute). */
function runScript(url: string): Promise<{ code: number | null; killed: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SCRIPT, path.join(REPO_ROOT, pkg.main), url, ENTITIES], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, killed, stdout, stderr });
    });
  });
}

describe('the library API, required from the built package', () => {
  beforeAll(() => {
    if (!existsSync(path.join(REPO_ROOT, pkg.main)))
      throw new Error(`${pkg.main} is not built: run \`npm run build\` first`);
  });

  for (const dialect of DIALECTS) {
    it(`${dialect}: plan() equals \`schema plan --format json\`, apply() converges, and node exits by itself`, async () => {
      const db = await freshDatabase(dialect, 'library-api');
      try {
        const cli = runCli(['plan', '--url', db.url, '--entities', ENTITIES, '--format', 'json']);
        expect(cli.stderr).toMatch(/^Database: .* \(from --url\)\n$/);
        expect(cli.status).toBe(0);

        const run = await runScript(db.url);
        expect(run.stderr).toBe('');
        expect(run.killed).toBe(false);
        expect(run.code).toBe(0);
        const output = JSON.parse(run.stdout) as ScriptOutput;

        expect(output.plain).toBe(true);
        expect(output.planJson).toBe(cli.stdout);
        const document = JSON.parse(output.planJson) as {
          version: number;
          target: string;
          serverVersion: string;
          fromHash: string;
          statements: unknown[];
        };
        expect(document).toMatchObject({
          version: 1,
          dialect,
          target: expect.any(String),
          fromHash: expect.stringMatching(/^sha256:/),
        });
        if (dialect === 'postgres') expect(document.serverVersion).toMatch(/^\d+/);
        expect(document.statements.length).toBeGreaterThan(0);

        expect(output.applied).toBe(document.statements.length);
        expect(output.timed).toBe(true);
        expect(output.verification).toEqual({ inLine: true, remainingChanges: 0, schemaHash: output.afterFromHash });
        expect(output.afterStatements).toBe(0);

        const agreed = runCli(['plan', '--url', db.url, '--entities', ENTITIES, '--exit-code']);
        expect(agreed.status).toBe(0);
      } finally {
        await db.drop();
      }
    });
  }
});
