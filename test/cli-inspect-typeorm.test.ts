import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from '../src/connect/url';
import { compileEntities } from '../src/compile/compile';
import { applyTowards, connect } from './support/apply-model';
import { runCli } from './support/cli';
import { DIALECTS, freshDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { tempProject } from './support/temp';

/** Adopting schemaplan on an existing database: `inspect --format typeorm` writes entities that plan as empty. */
describe.each(DIALECTS)('schema inspect --format typeorm on %s', (dialect) => {
  it('writes entity files for the database that plan as empty against it, and never overwrites', async () => {
    const db = await freshDatabase(dialect, 'inspect-typeorm');
    const tmp = tempProject('inspect-typeorm');
    try {
      const session = await connect(db.url);
      try {
        await applyTowards(session, (await compileEntities(await entityClasses('schema'), dialect)).model);
      } finally {
        await session.close();
      }
      const written = runCli(['inspect', '--url', db.url, '--format', 'typeorm', '--out', 'entities'], {
        cwd: tmp.dir,
      });
      const named = `Database: ${parseDatabaseUrl(db.url, tmp.dir).redacted} (from --url)\n`;
      expect(written.stderr.startsWith(named)).toBe(true);
      expect(written.stderr.slice(named.length)).toMatch(/^Wrote \d+ file\(s\) to entities\n$/);
      expect(written.status).toBe(0);
      expect(
        readdirSync(path.join(tmp.dir, 'entities')).filter((f) => f.endsWith('.ts')).length,
      ).toBeGreaterThanOrEqual(8);

      const plan = runCli(['plan', '--url', db.url, '--entities', 'entities/**/*.ts', '--exit-code'], { cwd: tmp.dir });
      expect(plan.stderr).toBe(named);
      expect(plan.stdout).toContain('No changes');
      expect(plan.status).toBe(0);

      const again = runCli(['inspect', '--url', db.url, '--format', 'typeorm', '--out', 'entities'], { cwd: tmp.dir });
      expect(again.status).toBe(1);
      expect(again.stderr.slice(named.length)).toMatch(/^error: refusing to overwrite \d+ file\(s\) in entities: /);
    } finally {
      tmp.remove();
      await db.drop();
    }
  });
});
