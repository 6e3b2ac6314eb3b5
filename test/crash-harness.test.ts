/**
 * The crash harness's own manners (scripts/crash): `--help` prints the usage and does nothing else, and a harness
 * stopped part-way (main.ts aborts on SIGINT/SIGTERM) drops every database it created, its seeded template included.
 */
import { Client } from 'pg';
import { parseCrashArgs, runHarness, USAGE } from '../scripts/crash/harness';
import { REPO_ROOT } from './support/cli';
import { adminUrl } from './support/postgres';

jest.setTimeout(180_000);

/** The harness's databases of this process: `sp_crash_tpl_<pid>_...` and `sp_crash_<pid>_...`. */
async function harnessDatabases(): Promise<string[]> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ $1 ORDER BY 1`,
      [`^sp_crash_(tpl_)?${process.pid}_`],
    );
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

test('--help prints the usage and creates nothing; unknown options are refused', async () => {
  let out = '';
  const code = await runHarness(['--help'], {
    write: (text) => (out += text),
    repoRoot: REPO_ROOT,
    adminUrl: adminUrl(),
  });
  expect(code).toBe(0);
  expect(out).toBe(USAGE);
  expect(out).toMatch(/--runs N .*\n.*--seed N .*\n.*--dialect postgres\|sqlite/);
  expect(await harnessDatabases()).toEqual([]);
  expect(parseCrashArgs(['--runs', '2', '--seed', '5', '--dialect', 'sqlite'])).toEqual({
    runs: 2,
    seed: 5,
    dialects: ['sqlite'],
  });
  expect(() => parseCrashArgs(['--frobnicate'])).toThrow('unknown option --frobnicate (see --help)');
  expect(() => parseCrashArgs(['--runs', '0'])).toThrow('--runs needs a positive whole number, got 0');
});

test('stopped while it builds its template, it drops every database it created and returns 130', async () => {
  const controller = new AbortController();
  let out = '';
  let seen: string[] = [];
  // Stop once the template database exists (polled between the harness's steps).
  const poll = setInterval(() => {
    void harnessDatabases().then((names) => {
      if (names.length > 0 && !controller.signal.aborted) {
        seen = names;
        controller.abort();
      }
    });
  }, 100);
  try {
    const code = await runHarness(['--runs', '1', '--dialect', 'postgres'], {
      write: (text) => (out += text),
      signal: controller.signal,
      repoRoot: REPO_ROOT,
      adminUrl: adminUrl(),
    });
    expect(seen.some((name) => name.startsWith(`sp_crash_tpl_${process.pid}_`))).toBe(true);
    expect(code).toBe(130);
    expect(out).toBe("cancelled after 0 run(s); the harness's databases were dropped\n");
  } finally {
    clearInterval(poll);
  }
  expect(await harnessDatabases()).toEqual([]);
});
