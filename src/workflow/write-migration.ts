import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors/errors';
import { reverseRenames } from '../model';
import { createPlan } from '../plan/plan';
import { migrationFiles } from '../report/migration-files';
import type { PlannedTarget } from './plan-database';

export interface MigrationRequest {
  /** What the migration does, in the user's words (`-m "add deck level"`). */
  readonly description: string;
  /** Directory the files go to, relative to `cwd`. */
  readonly dir: string;
  /** File name template (see `MigrationInput.template`). */
  readonly template?: string;
  readonly cwd: string;
  readonly now?: Date;
}

/**
 * Writes the plan as a TypeORM migration and a SQL script. `down` is the reverse plan (desired -> current, with the
 * declared renames run backwards); what `up` destroys, `down` recreates empty, and both files say so. Returns the
 * paths written, relative to `cwd`. Never overwrites a file.
 */
export function writeMigration(
  planned: Pick<PlannedTarget, 'plan' | 'current' | 'desired' | 'dialect' | 'declared'>,
  request: MigrationRequest,
): string[] {
  const { plan, current, desired, dialect, declared } = planned;
  const down = createPlan({ from: desired, to: current, dialect, renames: reverseRenames(declared.renames, current) });
  if (down.decisions.length > 0 || down.diagnostics.some((d) => d.severity === 'error')) {
    const why = [
      ...down.decisions.map((d) => d.question),
      ...down.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    ];
    throw new UsageError(
      `cannot write the down migration: ${why.join('; ')}`,
      'Declare the renames involved (schema/renames.json or @RenamedFrom) and plan again.',
    );
  }
  const files = migrationFiles({
    description: request.description,
    createdAt: request.now ?? new Date(),
    up: plan,
    down,
    template: request.template,
  });
  const dir = path.resolve(request.cwd, request.dir);
  const written = [`${files.baseName}.ts`, `${files.baseName}.sql`].map((name) => path.join(dir, name));
  const taken = written.find((file) => existsSync(file));
  if (taken) {
    throw new UsageError(
      `refusing to overwrite ${path.relative(request.cwd, taken)}`,
      'Wait a second (names carry the time to the second) or change the migration file name template.',
    );
  }
  mkdirSync(path.dirname(written[0]!), { recursive: true });
  writeFileSync(written[0]!, files.typescript);
  writeFileSync(written[1]!, files.sql);
  return written.map((file) => path.relative(request.cwd, file));
}
