/**
 * Planning needs no write access: `plan` (and `inspect`, `diff`) open an existing SQLite file read-only, so a
 * read-only file (mode 0444) in a read-only directory can be planned against, byte for byte untouched; only `apply`
 * opens it for writing (and is refused there, as before).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sqliteDialect } from '../src/dialects/sqlite';
import { ApplyError } from '../src/errors/errors';
import { databaseLine, REPO_ROOT } from './support/cli';
import { rawSqlite } from './support/sqlite';
import { tempProject } from './support/temp';

jest.setTimeout(120_000);

const BIN = path.join(REPO_ROOT, 'bin', 'schema.js');
const ENTITY = `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity('existing') export class Existing { @PrimaryGeneratedColumn() id!: number; @Column({ type: 'text', nullable: true }) x!: string | null; @Column({ type: 'text', nullable: true }) y!: string | null; }
`;

/** A project whose database file holds table `existing` (the entity adds a column to it). */
async function project(): Promise<{ dir: string; file: string; remove(): void }> {
  // A project of the user's: TypeORM (linked node_modules) comes from it.
  const tmp = tempProject('read-only');
  mkdirSync(path.join(tmp.dir, 'schema'));
  writeFileSync(path.join(tmp.dir, 'schema', 'existing.ts'), ENTITY);
  const file = path.join(tmp.dir, 'app.sqlite');
  await rawSqlite(
    file,
    `CREATE TABLE "existing" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "x" text); INSERT INTO "existing" ("x") VALUES ('kept')`,
  );
  return { dir: tmp.dir, file, remove: () => (chmodSync(tmp.dir, 0o755), tmp.remove()) };
}

/** Runs the binary as a user whom file permissions bind (nobody, when the tests run as root). */
function runAsUser(args: readonly string[], cwd: string) {
  const asRoot = process.getuid?.() === 0;
  const [command, prefix] = asRoot
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN]]
    : [process.execPath, [BIN]];
  const result = spawnSync(command as string, [...(prefix as string[]), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', SCHEMAPLAN_CACHE_DIR: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return result;
}

test('a session opened read-only reads, and cannot write (even as root)', async () => {
  const p = await project();
  try {
    const session = await sqliteDialect.connect(
      { dialect: 'sqlite', filename: p.file, redacted: 'sqlite:app.sqlite' },
      { readOnly: true },
    );
    try {
      expect((await session.introspect()).tables.map((t) => t.name)).toEqual(['existing']);
      await expect(session.runScript('CREATE TABLE "other" ("id" integer)')).rejects.toMatchObject({
        code: 'SQLITE_READONLY',
      });
      const refused = await session
        .apply([{ sql: 'CREATE TABLE "other" ("id" integer)', hazards: [], transactional: true }])
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(refused).toBeInstanceOf(ApplyError);
      expect((refused as ApplyError).message).toBe('cannot apply to sqlite:app.sqlite: it was opened read-only');
    } finally {
      await session.close();
    }
  } finally {
    p.remove();
  }
});

test('plan and inspect work on a read-only file in a read-only directory, leaving it as it was; apply is refused', async () => {
  const p = await project();
  try {
    chmodSync(p.file, 0o444);
    chmodSync(p.dir, 0o555);
    const bytes = readFileSync(p.file);
    const listing = readdirSync(p.dir).sort();

    const planned = runAsUser(['plan', '--url', 'sqlite:app.sqlite', '--exit-code'], p.dir);
    expect(planned.stderr).toBe(databaseLine('sqlite:app.sqlite', p.dir));
    expect(planned.status).toBe(2);
    expect(planned.stdout).toContain('ALTER TABLE "existing" ADD COLUMN "y" text');
    const inspected = runAsUser(['inspect', '--url', 'sqlite:app.sqlite'], p.dir);
    expect(inspected.stderr).toBe(databaseLine('sqlite:app.sqlite', p.dir));
    expect(inspected.status).toBe(0);

    const applied = runAsUser(['apply', '--url', 'sqlite:app.sqlite', '--yes'], p.dir);
    expect(applied.status).toBe(1);
    expect(applied.stderr).toMatch(
      /^error: cannot open SQLite database sqlite:app\.sqlite: .*app\.sqlite is not readable and writable$/m,
    );

    expect(readFileSync(p.file).equals(bytes)).toBe(true);
    expect(readdirSync(p.dir).sort()).toEqual(listing);
    expect(existsSync(`${p.file}-journal`)).toBe(false);
  } finally {
    p.remove();
  }
});
