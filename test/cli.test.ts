import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from '../src/connect/url';
import { runCli } from './support/cli';
import { DIALECTS, freshDatabase } from './support/databases';
import { tempDir } from './support/temp';
import { validatePlanDocument } from './support/plan-schema';

/** The CLI contract, through the real binary, without a TTY (as in CI). */
describe.each(DIALECTS)('schema CLI on %s', (dialect) => {
  it('plans the example schema, refuses to apply without --yes, applies with it, then has nothing to do', async () => {
    const db = await freshDatabase(dialect, 'cli');
    try {
      const plan = runCli(['plan', '--url', db.url]);
      const named = `Database: ${parseDatabaseUrl(db.url).redacted} (from --url)\n`;
      expect(plan.stderr).toBe(named);
      expect(plan.status).toBe(0);
      expect(plan.stdout).toContain(dialect === 'postgres' ? '+4 enums, +8 tables' : '+8 tables');
      expect(plan.stdout).toMatch(/CREATE TABLE ("public"\.)?"users"/);

      const pending = runCli(['plan', '--url', db.url, '--exit-code', '--format', 'json']);
      expect(pending.status).toBe(2);
      const json = JSON.parse(pending.stdout);
      expect(json).toMatchObject({ version: 1, dialect, summary: { byKind: { 'table.create': 8 } } });
      expect(json.changes.every((c: { kind?: string }) => typeof c.kind === 'string')).toBe(true);
      expect(json.statements[0]).toEqual(
        expect.objectContaining({ sql: expect.any(String), hazards: expect.any(Array) }),
      );
      expect(json.fromHash).toMatch(/^sha256:/);
      expect(validatePlanDocument(json)).toEqual([]);

      const sql = runCli(['plan', '--url', db.url, '--format', 'sql']);
      expect(sql.status).toBe(0);
      expect(sql.stdout).toMatch(/^-- /);
      expect(sql.stdout).not.toMatch(/Plan for/);

      const markdown = runCli(['plan', '--url', db.url, '--format', 'markdown', '--exit-code']);
      expect(markdown.status).toBe(2);
      expect(markdown.stdout).toMatch(/^### Schema plan for `.*` \((postgres|sqlite)/);
      expect(markdown.stdout).toContain('```sql\n');

      const refused = runCli(['apply', '--url', db.url]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(
        /^Database: .* \(from --url\)\nerror: refusing to apply without confirmation: stdin is not a terminal\nhint: Pass --yes/,
      );
      expect(refused.stderr.startsWith(named)).toBe(true);

      const dry = runCli(['apply', '--url', db.url, '--dry-run']);
      expect(dry.status).toBe(0);
      expect(dry.stdout).toContain('Dry run: nothing was applied.');

      const applied = runCli(['apply', '--url', db.url, '--yes']);
      expect(applied.stderr).toBe(named);
      expect(applied.status).toBe(0);
      expect(applied.stdout).toContain('the database is in line with the schema');

      const clean = runCli(['plan', '--url', db.url, '--exit-code']);
      expect(clean.status).toBe(0);
      expect(clean.stdout).toContain('No changes');

      const inspect = runCli(['inspect', '--url', db.url]);
      expect(inspect.status).toBe(0);
      expect(inspect.stdout).toContain(
        dialect === 'postgres'
          ? '8 tables, 4 enums: card_difficulty (3 values), card_status (5 values), deck_level (4 values), review_rating (4 values)'
          : '8 tables, 4 enum columns',
      );
    } finally {
      await db.drop();
    }
  });
});

describe('schema CLI', () => {
  it('defaults to sqlite:./dev.sqlite (and $DATABASE_URL overrides it), saying so; plan creates neither file', () => {
    const tmp = tempDir('cli-default');
    try {
      const viaEnv = runCli(['plan', '--entities', path.resolve('schema/**/*.ts')], {
        cwd: tmp.dir,
        env: { DATABASE_URL: 'sqlite:./from-env.sqlite' },
      });
      expect(viaEnv.status).toBe(0);
      expect(viaEnv.stderr).toBe('Database: sqlite:from-env.sqlite (from DATABASE_URL in the environment)\n');
      expect(existsSync(path.join(tmp.dir, 'from-env.sqlite'))).toBe(false);
      const viaDefault = runCli(['plan', '--entities', path.resolve('schema/**/*.ts')], {
        cwd: tmp.dir,
        env: { DATABASE_URL: undefined },
      });
      expect(viaDefault.status).toBe(0);
      expect(viaDefault.stderr).toBe(
        'Database: sqlite:dev.sqlite (the default: no --url, DATABASE_URL, config file or data source names one)\n',
      );
      expect(viaDefault.stdout).toContain('Plan for sqlite:dev.sqlite');
      expect(existsSync(path.join(tmp.dir, 'dev.sqlite'))).toBe(false);
    } finally {
      tmp.remove();
    }
  });

  it('reports an unreachable PostgreSQL server in one line and exits 1', () => {
    const result = runCli(['plan', '--url', 'postgres://nobody:hunter2@127.0.0.1:1/x']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('Database: postgres://nobody:***@127.0.0.1:1/x (from --url)');
    expect(lines[1]).toMatch(/^error: cannot connect to PostgreSQL at 127\.0\.0\.1:1/);
    expect(lines.slice(2).every((line) => line.startsWith('hint: '))).toBe(true);
    expect(result.stderr).not.toContain('hunter2');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a syntax error in an entity file as file:line:column in one line and exits 1', () => {
    const tmp = tempDir('cli-syntax');
    try {
      mkdirSync(path.join(tmp.dir, 'schema'));
      writeFileSync(
        path.join(tmp.dir, 'schema', 'broken.ts'),
        "import { Entity } from 'typeorm';\n@Entity()\nexport class Broken {\n  id: number = ;\n}\n",
      );
      const result = runCli(['plan', '--url', 'sqlite::memory:'], { cwd: tmp.dir });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^error: .*schema\/broken\.ts:4:\d+: Expression expected\.\nhint: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      tmp.remove();
    }
  });

  it('rejects an unknown flag and a malformed URL with exit 1', () => {
    const unknown = runCli(['plan', '--frobnicate']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe(
      'error: unknown option for schema plan: --frobnicate\nhint: Run schema plan --help for its options.\n',
    );
    const malformed = runCli(['plan', '--url', 'mysql://root@localhost/db']);
    expect(malformed.status).toBe(1);
    expect(malformed.stderr).toMatch(/^error: unsupported database URL scheme "mysql:"/);
  });
});
