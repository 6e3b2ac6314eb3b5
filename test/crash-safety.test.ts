/**
 * `schema apply` killed with SIGKILL mid-apply, through the real binary, on both dialects: the database is exactly
 * before or after (or, with --concurrently, between phases, and the next apply completes it), no row is lost, the
 * lock is free, SQLite's journal is recovered, and the next apply converges. A few fixed seeds of scripts/crash
 * (`npm run crash -- --runs N` runs many more); see RELIABILITY.md.
 */
import { createTemplate, type Template } from '../scripts/crash/databases';
import { runCrashCase } from '../scripts/crash/run';
import { REPO_ROOT } from './support/cli';
import { adminUrl } from './support/postgres';

jest.setTimeout(180_000);

/** Seeds whose kill lands mid-apply by construction (progress and blocked modes; see scripts/crash/run.ts). */
const SEEDS = {
  postgres: [2, 3, 5], // blocked in a concurrent build; progress with --concurrently; blocked inside the transaction
  sqlite: [2, 3, 6], // blocked at COMMIT (rollback journal); progress in WAL mode; progress (rollback journal)
} as const;

describe.each(['postgres', 'sqlite'] as const)('SIGKILL during schema apply on %s', (dialect) => {
  let template: Template;
  beforeAll(async () => {
    template = await createTemplate(dialect, {
      repoRoot: REPO_ROOT,
      adminUrl: dialect === 'postgres' ? adminUrl() : undefined,
    });
  });
  afterAll(() => template?.drop());

  it.each(SEEDS[dialect])(
    'seed %i: entirely before or after, rows kept, lock free, the next apply converges',
    async (seed) => {
      const result = await runCrashCase(template, seed, {
        repoRoot: REPO_ROOT,
        adminUrl: dialect === 'postgres' ? adminUrl() : undefined,
      });
      expect(result.failures).toEqual([]);
      expect(result.mode).not.toBe('timer');
      // Killed while applying: after a statement had started, not before or after the run.
      expect(result.killed).toBe(true);
      expect(result.killedAt).toMatch(/^\[\s*\d+\/\d+\]$/);
      if (dialect === 'sqlite' || result.variant === 'plain') expect(['before', 'after']).toContain(result.state);
      if (result.mode === 'blocked') {
        if (dialect === 'postgres' && result.variant === 'plain') expect(result.state).toBe('before');
        // The cut concurrent build left an invalid index; the next apply rebuilt it (runCrashCase checks none is left).
        if (result.variant === 'concurrently') expect(result.invalidIndexes).toBe(1);
        if (dialect === 'sqlite') expect(result.state).toBe('before');
      }
    },
  );
});
