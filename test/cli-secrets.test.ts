import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { EXIT } from '../src/cli/exit-codes';
import type { CliIo } from '../src/cli/io';
import { main } from '../src/cli/main';
import { APPLY_LOCK_KEY } from '../src/dialects/postgres/apply-lock';
import { REPO_ROOT, runCli } from './support/cli';
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
    expect(unreachable.stderr).toMatch(
      /^Database: postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/app \(from --url\)\nerror: cannot connect to PostgreSQL at 127\.0\.0\.1:1: connection refused\n/,
    );
    expect(unreachable.stderr).toMatch(/^\s+at /m);
    const missing = new URL(url);
    missing.pathname = '/sp_secrets_no_such_db';
    const noDatabase = run(['apply', '--yes', '--debug', '--url', missing.toString()]);
    expect(noDatabase.stderr).toMatch(
      /^Database: postgres:\/\/postgres:\*\*\*@[^ ]+\/sp_secrets_no_such_db \(from --url\)\nerror: database "sp_secrets_no_such_db" does not exist/,
    );
    expect(noDatabase.stderr).toMatch(/^\s+at /m);
    const malformed = run(['plan', '--debug', '--url', `postgres://app:${SECRET}@[::1/app`]);
    expect(malformed.stderr).toMatch(/^error: the PostgreSQL URL is malformed\n/);
  });

  it('in every report format, the plan header, migration files, inspect and apply (URL given by flag or $DATABASE_URL)', () => {
    const text = run(['plan', '--url', url]);
    expect(text.stdout).toContain(`Plan for postgres://postgres:***@`);
    for (const format of ['json', 'markdown', 'sql'])
      expect(run(['plan', '--url', url, '--format', format]).status).toBe(0);
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

/**
 * Every secret a URL can carry, not only the user info password: `?password=` (which libpq and pg take over the user
 * info) and `?sslpassword=`. Run through the CLI in-process (`main`, exactly what bin/schema.js runs) for every
 * command and format, with and without --debug, on success and on each kind of failure.
 */
describe('the secrets of a URL, query parameters included, are never printed nor written', () => {
  const SECRETS = ['Pw1-UserInfo-zq', 'Pw2-Query-xk', 'Pw3-SslKeyPass-vm'];
  let db: TestPostgresDatabase;
  let other: TestPostgresDatabase;
  let project: { dir: string; remove(): void };
  let url: string;
  const withSecrets = (base: string): string => {
    const u = new URL(base);
    u.password = SECRETS[0]!;
    return `${u.toString()}?password=${SECRETS[1]}&sslpassword=${SECRETS[2]}`;
  };
  beforeAll(async () => {
    db = await createTestDatabase('secrets-query');
    other = await createTestDatabase('secrets-query-other');
    url = withSecrets(db.url);
    project = tempProject('secrets-query');
  });
  afterAll(async () => {
    project?.remove();
    await db?.drop();
    await other?.drop();
  });

  /** Runs the CLI in-process; every byte it prints is checked for every secret. */
  // Entities of the repository (in-process, `typeorm` resolves from it), written output in a temporary directory.
  const ENTITIES = path.join(REPO_ROOT, 'test/entities/runtime/from/*.ts');
  async function cli(
    args: string[],
    env: Record<string, string> = {},
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      stdinIsTTY: false,
      env: { ...process.env, NO_COLOR: '1', SCHEMA_ENTITIES: ENTITIES, ...env },
      cwd: project.dir,
      ask: async () => undefined,
    };
    const code = await main(args, io);
    for (const secret of SECRETS) {
      expect(stdout).not.toContain(secret);
      expect(stderr).not.toContain(secret);
    }
    return { code, stdout, stderr };
  }

  it.each([[[]], [['--debug']]])('plan in every format, --out, diff, inspect, apply (flags: %j)', async (debug) => {
    const text = await cli(['plan', '--url', url, ...debug]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Plan for postgres://postgres:***@');
    expect(text.stdout).toContain('?password=***&sslpassword=***');
    for (const format of ['json', 'markdown', 'sql'])
      expect((await cli(['plan', '--url', url, '--format', format, ...debug])).code).toBe(0);
    expect((await cli(['plan', '--url', url, '--out', 'plan.json', ...debug])).code).toBe(0);
    const diff = await cli(['diff', '--from', url, '--to', `entities:${ENTITIES}`, ...debug]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('password=***');
    expect((await cli(['inspect', '--url', url, ...debug])).code).toBe(0);
    expect((await cli(['inspect', '--url', url, '--format', 'json', ...debug])).code).toBe(0);
    const applied = await cli(['apply', '--yes', ...debug], { DATABASE_URL: withSecrets(other.url) });
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('sslpassword=***');
    for (const file of allFiles(project.dir))
      for (const secret of SECRETS) expect(readFileSync(file, 'utf8')).not.toContain(secret);
  });

  it.each([[[]], [['--debug']]])('in lock errors and connection errors (flags: %j)', async (debug) => {
    // Another apply holds the apply lock.
    const holder = new Client({ connectionString: db.url, application_name: 'other-apply' });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(${APPLY_LOCK_KEY})`);
      const locked = await cli(['apply', '--url', url, '--yes', '--lock-timeout', '0', ...debug]);
      expect(locked.code).toBe(EXIT.gaveUp);
      expect(locked.stderr).toMatch(
        /^Database: postgres:\/\/postgres:\*\*\*@.*\?password=\*\*\*&sslpassword=\*\*\* \(from --url\)\n/,
      );
      expect(locked.stderr).toMatch(
        /^error: cannot take the apply lock on postgres:\/\/postgres:\*\*\*@.*\?password=\*\*\*&sslpassword=\*\*\*: another apply holds it/m,
      );
    } finally {
      await holder.end();
    }
    const refused = await cli([
      'plan',
      '--url',
      `postgres://app:${SECRETS[0]}@127.0.0.1:1/app?password=${SECRETS[1]}&sslpassword=${SECRETS[2]}`,
      ...debug,
    ]);
    expect(refused.stderr).toMatch(
      /^Database: postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/app\?password=\*\*\*&sslpassword=\*\*\* \(from --url\)\nerror: cannot connect to PostgreSQL at 127\.0\.0\.1:1: connection refused\n/,
    );
    const missing = new URL(db.url);
    missing.pathname = '/sp_secrets_query_no_such_db';
    const noDatabase = await cli(['apply', '--yes', '--url', withSecrets(missing.toString()), ...debug]);
    expect(noDatabase.stderr).toMatch(
      /^Database: postgres:\/\/postgres:\*\*\*@.*\(from --url\)\nerror: database "sp_secrets_query_no_such_db" does not exist/,
    );
    if (debug.length > 0) expect(noDatabase.stderr).toMatch(/^\s+at /m);
  });
});
