import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './support/cli';
import { createTestDatabase, type TestPostgresDatabase } from './support/postgres';
import { tempProject } from './support/temp';

/**
 * The password of a database URL never reaches stdout, stderr or a written file: not in headers, reports, migration
 * files, inspect output, database error messages, nor --debug stack traces. (The shared test server trusts local
 * connections, so a URL carrying a password connects, and every output path can be exercised.)
 */

const SECRET = 'Zq7-SeCrEt-pw';
const ENTITY = `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity() export class Note { @PrimaryGeneratedColumn() id!: number; @Column({ default: 'x' }) body!: string; }
`;

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules') return []; // the repository's packages, linked (see tempProject)
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });
}

describe('the password in a URL is never printed nor written', () => {
  let db: TestPostgresDatabase;
  let project: { dir: string; remove(): void };
  let url: string;
  beforeAll(async () => {
    db = await createTestDatabase('secrets');
    const withSecret = new URL(db.url);
    withSecret.password = SECRET;
    url = withSecret.toString();
    project = tempProject('secrets');
    mkdirSync(path.join(project.dir, 'schema'));
    writeFileSync(path.join(project.dir, 'schema', 'note.ts'), ENTITY);
  });
  afterAll(async () => {
    project?.remove();
    await db?.drop();
  });

  const run = (args: string[], env: Record<string, string> = {}) => {
    const result = runCli(args, { cwd: project.dir, env });
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    return result;
  };

  it('in errors from the database and the network, with --debug stack traces', () => {
    const unreachable = run(['plan', '--debug', '--url', `postgres://app:${SECRET}@127.0.0.1:1/app`]);
    expect(unreachable.stderr).toMatch(/^error: cannot connect to PostgreSQL at 127\.0\.0\.1:1: connection refused\n/);
    expect(unreachable.stderr).toMatch(/^\s+at /m);
    const missing = new URL(url);
    missing.pathname = '/sp_secrets_no_such_db';
    const noDatabase = run(['apply', '--yes', '--debug', '--url', missing.toString()]);
    expect(noDatabase.stderr).toMatch(/^error: database "sp_secrets_no_such_db" does not exist/);
    expect(noDatabase.stderr).toMatch(/^\s+at /m);
    const malformed = run(['plan', '--debug', '--url', `postgres://app:${SECRET}@[::1/app`]);
    expect(malformed.stderr).toMatch(/^error: the PostgreSQL URL is malformed\n/);
  });

  it('in every report format, the plan header, migration files, inspect and apply (URL given by flag or $DATABASE_URL)', () => {
    const text = run(['plan', '--url', url]);
    expect(text.stdout).toContain(`Plan for postgres://postgres:***@`);
    for (const format of ['json', 'markdown', 'sql']) expect(run(['plan', '--url', url, '--format', format]).status).toBe(0);
    const migration = run(['plan', '--url', url, '--migration', 'add notes', '--migrations-dir', 'migrations']);
    expect(migration.status).toBe(0);
    expect(allFiles(path.join(project.dir, 'migrations')).length).toBeGreaterThan(0);
    expect(run(['inspect', '--url', url]).status).toBe(0);
    expect(run(['inspect', '--url', url, '--format', 'json']).status).toBe(0);
    const applied = run(['apply', '--yes', '--debug'], { DATABASE_URL: url });
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain('postgres://postgres:***@');
    expect(run(['plan', '--exit-code', '--debug'], { DATABASE_URL: url }).status).toBe(0);
    for (const file of allFiles(project.dir)) expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
  });
});
