/**
 * A reader that closes the CLI's stdout early (`schema plan | head -1`, a CI step that died): the write fails with
 * EPIPE, which must end nothing. `plan` exits as if done, quietly; `apply` still finishes (or rolls back) as one unit,
 * and its exit code tells which. Tested with a real pipe, closed before the binary writes to it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { applyPlanned, planAgainstDatabase } from '../src/workflow/plan-database';
import { DEFAULT_MIGRATIONS_DIR } from '../src/config/settings';
import { DEFAULT_MIGRATION_TEMPLATE } from '../src/report/migration-files';
import { databaseLine, REPO_ROOT } from './support/cli';
import { freshDatabase, type TestDatabase } from './support/databases';

jest.setTimeout(120_000);

const ENTITIES = { from: 'test/entities/runtime/from/*.ts', to: 'test/entities/runtime/to/*.ts' } as const;

/** Runs the binary with its stdout a pipe this side has already closed; resolves with the exit and stderr. */
function runWithClosedStdout(
  args: readonly string[],
): Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'schema.js'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.destroy();
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
  });
}

const sources = (db: TestDatabase, set: keyof typeof ENTITIES) => ({
  url: db.url,
  entities: [ENTITIES[set]],
  cwd: REPO_ROOT,
  migrations: { dir: DEFAULT_MIGRATIONS_DIR, template: DEFAULT_MIGRATION_TEMPLATE },
});

async function planned(db: TestDatabase, set: keyof typeof ENTITIES) {
  return planAgainstDatabase(sources(db, set));
}

describe.each(['postgres', 'sqlite'] as const)('a closed stdout on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(dialect, 'closed-stdout');
    const from = await planned(db, 'from');
    try {
      await applyPlanned(from);
    } finally {
      await from.session.close();
    }
  });
  afterAll(() => db?.drop());

  it('plan ends quietly with the exit code it would have had', async () => {
    const result = await runWithClosedStdout(['plan', '--url', db.url, '--entities', ENTITIES.to, '--exit-code']);
    // Only the line naming the database: nothing about the closed pipe.
    expect(result.stderr).toBe(databaseLine(db.url));
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
  });

  it('apply finishes as one unit, exits 0, and the database is in line', async () => {
    const result = await runWithClosedStdout(['apply', '--url', db.url, '--entities', ENTITIES.to, '--yes']);
    // Only the line naming the database: nothing about the closed pipe.
    expect(result.stderr).toBe(databaseLine(db.url));
    expect(result.status).toBe(0);
    const after = await planned(db, 'to');
    try {
      expect(after.plan.changes).toEqual([]);
    } finally {
      await after.session.close();
    }
  });
});
