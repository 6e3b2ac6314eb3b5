import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runCli } from './support/cli';
import { tempDir } from './support/temp';

describe('schema check (no database)', () => {
  it('passes on this repository, whose generated/ is committed', () => {
    const result = runCli(['check']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('generated/ is up to date with schema/**/*.ts\n');
    expect(result.status).toBe(0);
  });

  it('exits 2 with what changed when generated/ is stale, missing or unreadable, and 0 once regenerated', () => {
    const project = tempDir('check');
    const run = (...args: string[]) =>
      runCli(args, {
        cwd: project.dir,
        env: { NODE_PATH: path.join(REPO_ROOT, 'node_modules'), DATABASE_URL: undefined },
      });
    try {
      const entity = path.join(project.dir, 'schema', 'item.ts');
      mkdirSync(path.dirname(entity));
      copyFileSync(path.join(REPO_ROOT, 'fixtures/nullability-default/to/item.ts'), entity);

      expect(run('check').status).toBe(2); // nothing generated yet
      expect(run('generate').status).toBe(0);
      expect(run('check')).toMatchObject({
        status: 0,
        stdout: 'generated/ is up to date with schema/**/*.ts\n',
        stderr: '',
      });

      // An entity gains a column: the committed files no longer match.
      const source = readFileSync(entity, 'utf8');
      writeFileSync(
        entity,
        source.replace(/}\s*$/, "\n  @Column({ type: 'integer', default: 0 })\n  weight: number;\n}\n"),
      );
      const stale = run('check');
      expect(stale.status).toBe(2);
      expect(stale.stderr).toBe('');
      expect(stale.stdout).toContain('generated/model.json is stale\n  postgres: +1 column\n  sqlite: +1 column\n');
      expect(stale.stdout).toContain('generated/schema.postgres.sql is stale');
      expect(stale.stdout).toMatch(
        /^-CREATE TABLE "public"."items" \(.*"note" character varying\(20\) DEFAULT 'σημείωση', CONSTRAINT .*\);$/m,
      );
      expect(stale.stdout).toMatch(
        /^\+CREATE TABLE "public"."items" \(.*"weight" integer NOT NULL DEFAULT '0', CONSTRAINT .*\);$/m,
      );
      expect(stale.stdout).toMatch(/^\+CREATE TABLE "items" \(.*"weight" integer NOT NULL DEFAULT \(0\)\);$/m);
      expect(stale.stdout).toContain('generated/ is stale: run `schema generate` and commit the result.');

      rmSync(path.join(project.dir, 'generated', 'schema.sqlite.sql'));
      writeFileSync(path.join(project.dir, 'generated', 'model.json'), '{"format": "other"}');
      const broken = run('check');
      expect(broken.status).toBe(2);
      expect(broken.stdout).toContain('generated/schema.sqlite.sql is missing');
      expect(broken.stdout).toContain('generated/model.json is stale\n  generated/model.json: not a schemaplan model');

      expect(run('generate').status).toBe(0);
      expect(run('check').status).toBe(0);
    } finally {
      project.remove();
    }
  });
});
