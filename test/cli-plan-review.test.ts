import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from '../src/connect/url';
import { migrationClasses as loadMigrationClasses } from './support/migration-classes';
import { runCli } from './support/cli';
import { DIALECTS, freshDatabase } from './support/databases';
import { entityClasses } from './support/entities';
import { tempDir } from './support/temp';
import { runTypeormMigrations, typeormPendingQueries } from './support/typeorm-oracle';

const ESC = '\u001b[';
const entities = (state: 'from' | 'to') => path.resolve(`fixtures/enum-add-value/${state}/**/*.ts`);

/** `plan --diff` and `plan -m`, through the real binary, on a project directory of its own. */
describe.each(DIALECTS)('plan for review on %s', (dialect) => {
  it('--diff shows the schema DDL, current vs desired, coloured only where colour is wanted', async () => {
    const db = await freshDatabase(dialect, 'plan-diff');
    const tmp = tempDir('plan-diff');
    try {
      const run = (args: string[], env: Record<string, string | undefined> = {}) =>
        runCli(['plan', '--url', db.url, '--entities', entities('from'), '--diff', ...args], { cwd: tmp.dir, env });
      const plain = run([]);
      expect(plain.status).toBe(0);
      expect(plain.stdout).not.toContain(ESC);
      expect(plain.stdout).toContain('\n--- database (current)\n+++ entities (desired)\n@@ ');
      expect(plain.stdout).toMatch(/^\+CREATE TABLE ("public"\.)?"decks"/m);

      // Not a TTY and no NO_COLOR: still no colour. FORCE_COLOR turns it on; --no-color wins over FORCE_COLOR.
      expect(run([], { NO_COLOR: undefined }).stdout).not.toContain(ESC);
      const forced = run([], { NO_COLOR: undefined, FORCE_COLOR: '1' });
      // eslint-disable-next-line no-control-regex -- an ANSI colour escape
      expect(forced.stdout).toMatch(/\u001b\[32m\+CREATE TABLE/);
      expect(forced.stdout).toContain(`${ESC}1mPlan for`);
      expect(run(['--no-color'], { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout).not.toContain(ESC);

      const markdown = run(['--format', 'markdown']);
      expect(markdown.stdout).toContain(
        '<details><summary>Schema DDL diff (current vs desired)</summary>\n\n```diff\n--- database (current)',
      );

      const json = run(['--format', 'json']);
      expect(json.status).toBe(1);
      expect(json.stderr).toMatch(/^error: --diff has no place in --format json\nhint: /);
    } finally {
      tmp.remove();
      await db.drop();
    }
  });

  it('-m writes TypeORM migrations that TypeORM runs and reverts; the result plans empty', async () => {
    const db = await freshDatabase(dialect, 'plan-migration');
    const tmp = tempDir('plan-migration');
    const dir = path.join(tmp.dir, 'generated', 'migrations');
    const plan = (state: 'from' | 'to', args: string[]) =>
      runCli(['plan', '--url', db.url, '--entities', entities(state), ...args], { cwd: tmp.dir });
    const migrationClasses = async () =>
      loadMigrationClasses(
        readdirSync(dir)
          .filter((f) => f.endsWith('.ts'))
          .sort(),
        dir,
      );
    try {
      const first = plan('from', ['-m', 'Create decks & cards!']);
      expect(first.status).toBe(0);
      const written = /^Wrote (\S+\.ts) and (\S+\.sql)$/m.exec(first.stderr);
      expect(written).not.toBeNull();
      expect(path.basename(written![1]!)).toMatch(/^\d{8}_\d{6}_create_decks_cards\.ts$/);
      expect(path.dirname(written![1]!)).toBe(path.join('generated', 'migrations'));
      const sql = readFileSync(path.join(tmp.dir, written![2]!), 'utf8');
      expect(sql).toMatch(/^-- up: /m);
      expect(sql).toMatch(/^-- down: /m);
      expect(sql).toMatch(/^DROP TABLE/m);

      await runTypeormMigrations(db.oracle, await migrationClasses(), 'run');
      expect(plan('from', ['--exit-code']).status).toBe(0);
      // Nothing to do: nothing written.
      const none = plan('from', ['-m', 'nothing']);
      expect(none.stderr).toBe(
        `Database: ${parseDatabaseUrl(db.url, tmp.dir).redacted} (from --url)\nNo migration written: there are no changes.\n`,
      );
      expect(readdirSync(dir)).toHaveLength(2);

      // A second migration from the migrated database; the same second never overwrites.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const second = plan('to', ['--migration', 'add deck levels', '--exit-code']);
      expect(second.status).toBe(2);
      expect(second.stderr).toMatch(/^Wrote \S+_add_deck_levels\.ts and \S+_add_deck_levels\.sql$/m);
      const classes = await migrationClasses();
      expect(classes).toHaveLength(2);
      await runTypeormMigrations(db.oracle, classes, 'run');
      expect(plan('to', ['--exit-code']).status).toBe(0);
      expect(await typeormPendingQueries(db.oracle, await entityClasses('fixtures/enum-add-value/to'))).toEqual([]);

      // down, once: back to the first state; twice: an empty database.
      await runTypeormMigrations(db.oracle, classes, 'undo');
      expect(plan('from', ['--exit-code']).status).toBe(0);
      await runTypeormMigrations(db.oracle, classes, 'undo');
      const empty = plan('from', ['--exit-code']);
      expect(empty.status).toBe(2);
      expect(empty.stdout).toContain(dialect === 'postgres' ? '+1 enum, +2 tables' : '+2 tables');
    } finally {
      tmp.remove();
      await db.drop();
    }
  });
});

test('-m follows the configured migrations dir and file name template; --migrations-dir wins over the config', async () => {
  const db = await freshDatabase('sqlite', 'plan-migration-config');
  const tmp = tempDir('plan-migration-config');
  try {
    writeFileSync(
      path.join(tmp.dir, 'schema.config.json'),
      JSON.stringify({ migrations: { dir: 'db/migrations', template: '{epoch}-{slug}' } }),
    );
    const plan = (args: string[]) =>
      runCli(['plan', '--url', db.url, '--entities', entities('from'), ...args], { cwd: tmp.dir });
    const configured = plan(['-m', 'add decks']);
    expect(configured.status).toBe(0);
    const named = `Database: ${parseDatabaseUrl(db.url, tmp.dir).redacted} (from --url)\n`;
    expect(configured.stderr.startsWith(named)).toBe(true);
    expect(configured.stderr.slice(named.length)).toMatch(
      /^Wrote db\/migrations\/\d{13}-add_decks\.ts and db\/migrations\/\d{13}-add_decks\.sql\n$/,
    );
    const flagged = plan(['-m', 'add decks', '--migrations-dir', 'elsewhere']);
    expect(flagged.stderr.slice(named.length)).toMatch(/^Wrote elsewhere\/\d{13}-add_decks\.ts and /);
    expect(readdirSync(path.join(tmp.dir, 'elsewhere'))).toHaveLength(2);
  } finally {
    tmp.remove();
    await db.drop();
  }
});
