/**
 * Adoption test: `npm run adopt-test [-- --baseline] [--keep]`. Installs the packed schemaplan into a sample app
 * outside the repository, the way a team would (npm, the registry, the app's own TypeORM), and runs the commands a
 * team runs, checking each outcome against the app's own TypeORM:
 *
 *  TypeORM 0.3.31 app
 *   1. one TypeORM in the installed tree (`npm ls typeorm`), the app's
 *   2. `npx schema plan` plans against the `.env` database (DATABASE_URL), through the DataSource of schema.config.json
 *   3. `npx schema apply --yes`, then the app's TypeORM `log()` has nothing pending
 *   4. a database built by the app's TypeORM `synchronize()` plans as no changes (`--exit-code` 0)
 *   5. `npx schema generate`, then `npx schema check` exits 0; after an entity edit, `check` exits 2
 *   6. `npx schema plan --url U -m "add user nickname"` writes the migration into the DataSource's migrations folder;
 *      it type-checks under the app's strict `tsc`; TypeORM's CLI runs it and reverts it, and `schema plan
 *      --exit-code` agrees after each step (0, 2, 0)
 *  TypeORM 1.1.3 app (a second install): steps 1, 3 and 4.
 *
 * Prints one line per step and exits 1 if any failed. Needs PostgreSQL (as the tests find it) and the npm registry;
 * takes a few minutes (two `npm install`s). `--baseline`: the app without tsconfig paths, `.env` and a both-sided
 * `@JoinTable` (see app-files.ts); `--keep`: leave the app directories for inspection; `--reuse DIR`: run again in
 * the directory a `--keep` run left (its tarball and installs; the app's files are written afresh).
 */
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { resolveAdminDatabase } from '../support/postgres-server';
import { appFiles, withNickname } from './app-files';
import { run, type RunResult } from './run';

const REPO = path.resolve(__dirname, '..', '..', '..');

interface Step {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

const steps: Step[] = [];
/** `--reuse DIR`: the apps installed by an earlier `--keep` run (files rewritten, npm install and pack skipped). */
let reusing = false;

/** Runs one check; a failure is recorded with its reason and the run goes on to the next step. */
async function step(name: string, check: () => Promise<void> | void): Promise<boolean> {
  const started = Date.now();
  try {
    await check();
    steps.push({ name, ok: true });
    process.stdout.write(`ok    ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)\n`);
    return true;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    steps.push({ name, ok: false, detail });
    process.stdout.write(`FAIL  ${name}\n${detail.replace(/^/gm, '      ')}\n`);
    return false;
  }
}

function expectStatus(result: RunResult, status: number, what: string): void {
  if (result.status !== status) {
    throw new Error(`${what}: exit ${result.status}, expected ${status}\n${result.stdout}${result.stderr}`.trimEnd());
  }
}

class Databases {
  private readonly created: string[] = [];
  constructor(private readonly adminUrl: string) {}

  async create(label: string): Promise<string> {
    const name = `schemaplan_adopt_${process.pid}_${label}`;
    await this.admin(`DROP DATABASE IF EXISTS "${name}"`);
    await this.admin(`CREATE DATABASE "${name}"`);
    this.created.push(name);
    const url = new URL(this.adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async dropAll(): Promise<void> {
    for (const name of this.created)
      await this.admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
  }

  private async admin(sql: string): Promise<void> {
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

/** The app's TypeORM, run by the app's own loader (ts-node + tsconfig-paths), against `url`. */
function appScript(app: string, script: string, url: string): RunResult {
  return run(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', script], {
    cwd: app,
    env: { DATABASE_URL: url },
  });
}

function pendingQueries(app: string, url: string): string[] {
  const result = appScript(app, 'scripts/pending.ts', url);
  expectStatus(result, 0, "the app's TypeORM log()");
  return JSON.parse(result.stdout) as string[];
}

function expectNothingPending(app: string, url: string): void {
  const pending = pendingQueries(app, url);
  if (pending.length > 0) throw new Error(`the app's TypeORM still wants to run:\n${pending.join('\n')}`);
}

/** Files whose name matches, outside node_modules. */
function filesNamed(dir: string, name: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesNamed(full, name) : name.test(entry.name) ? [full] : [];
  });
}

const schema = (app: string, args: readonly string[], env: Record<string, string | undefined> = {}): RunResult =>
  run('npx', ['--no-install', 'schema', ...args], { cwd: app, env });

/** Writes the sample app and installs it; the directory of the app. */
async function installApp(
  root: string,
  label: string,
  typeorm: string,
  tarball: string,
  databaseUrl: string,
  baseline: boolean,
): Promise<string> {
  const app = path.join(root, label);
  for (const dir of ['src', 'scripts', 'generated', 'migrations'])
    rmSync(path.join(app, dir), { recursive: true, force: true });
  for (const [file, content] of Object.entries(appFiles({ typeorm, tarball, databaseUrl, baseline }))) {
    mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    writeFileSync(path.join(app, file), content);
  }
  if (!(reusing && existsSync(path.join(app, 'node_modules')))) {
    expectStatus(
      run('npm', ['install', '--no-audit', '--no-fund'], { cwd: app, timeoutMs: 600_000 }),
      0,
      `npm install (${label})`,
    );
  }
  return app;
}

/** `npm ls typeorm`: every TypeORM in the tree must be the app's one copy. */
function expectOneTypeorm(app: string, version: string): void {
  const result = run('npm', ['ls', 'typeorm', '--all', '--parseable', '--long'], { cwd: app });
  expectStatus(result, 0, 'npm ls typeorm');
  const copies = [
    ...new Set(
      result.stdout
        .trim()
        .split('\n')
        .filter((line) => /node_modules\/typeorm:/.test(line)),
    ),
  ];
  if (copies.length !== 1 || !copies[0]!.endsWith(`:typeorm@${version}`)) {
    throw new Error(`expected one typeorm@${version}, found:\n${copies.join('\n') || '(none)'}`);
  }
}

async function adoptTypeorm03(root: string, tarball: string, databases: Databases, baseline: boolean): Promise<void> {
  const envDb = await databases.create('env');
  let app = '';
  if (
    !(await step('TypeORM 0.3.31 app: npm install (the packed schemaplan, its peers from the app)', async () => {
      app = await installApp(root, 'app-typeorm-0.3', '0.3.31', tarball, envDb, baseline);
    }))
  )
    return;
  // Without .env support (baseline), the URL is given on the command line.
  const urlArgs = (url: string) => (baseline ? ['--url', url] : []);

  await step("one TypeORM in the tree: the app's 0.3.31 (npm ls typeorm)", () => expectOneTypeorm(app, '0.3.31'));

  await step('`schema plan` plans against the .env database, through the DataSource of schema.config.json', () => {
    const result = schema(app, ['plan', ...urlArgs(envDb)]);
    expectStatus(result, 0, 'schema plan');
    const dbName = new URL(envDb).pathname.slice(1);
    if (!result.stdout.includes(dbName))
      throw new Error(`the plan does not name the .env database ${dbName}:\n${result.stdout}`);
    if (!/CREATE TABLE/.test(result.stdout)) throw new Error(`the plan creates no table:\n${result.stdout}`);
  });

  await step("`schema apply --yes`, then the app's TypeORM (0.3.31) log() has nothing pending", () => {
    expectStatus(schema(app, ['apply', '--yes', ...urlArgs(envDb)]), 0, 'schema apply --yes');
    expectNothingPending(app, envDb);
  });

  // The database the migration step starts from: the schema before the entity edit below, as a team's would be.
  const migrateDb = await databases.create('migrate');
  await step('`schema apply --yes --url U` (the database the migration step starts from)', () => {
    expectStatus(schema(app, ['apply', '--yes', '--url', migrateDb]), 0, 'schema apply --yes --url U');
  });

  await step("a database built by the app's TypeORM synchronize() plans as no changes", async () => {
    const synced = await databases.create('sync');
    expectStatus(appScript(app, 'scripts/synchronize.ts', synced), 0, "the app's synchronize()");
    expectStatus(schema(app, ['plan', '--url', synced, '--exit-code']), 0, 'schema plan --exit-code');
  });

  await step('`schema generate`, then `schema check` exits 0', () => {
    expectStatus(schema(app, ['generate']), 0, 'schema generate');
    expectStatus(schema(app, ['check']), 0, 'schema check (unchanged)');
  });
  // The team's next change: a `nickname` column on User.
  const userFile = path.join(app, 'src/entities/user.ts');
  writeFileSync(userFile, withNickname(readFileSync(userFile, 'utf8')));
  await step('after an entity edit (User.nickname), `schema check` exits 2', () => {
    expectStatus(schema(app, ['check']), 2, 'schema check (after adding User.nickname)');
  });

  const migrationsDir = path.join(app, 'src/migrations');
  await step(
    '`schema plan --url U -m "add user nickname"` writes the .ts migration into src/migrations (the DataSource\'s)',
    () => {
      // The baseline app names the folder; otherwise it is the DataSource's `migrations` folder.
      const folder = baseline ? ['--migrations-dir', 'src/migrations'] : [];
      expectStatus(
        schema(app, ['plan', '--url', migrateDb, '-m', 'add user nickname', ...folder]),
        0,
        'schema plan -m',
      );
      const written = existsSync(migrationsDir)
        ? readdirSync(migrationsDir).filter((file) => file.endsWith('.ts'))
        : [];
      if (written.length !== 1 || !readFileSync(path.join(migrationsDir, written[0]!), 'utf8').includes('nickname')) {
        const elsewhere = filesNamed(app, /nickname/i).map((file) => path.relative(app, file));
        throw new Error(
          `expected one migration adding nickname in src/migrations, found: ${written.join(', ') || '(none)'}` +
            (elsewhere.length ? `; written instead: ${elsewhere.join(', ')}` : ''),
        );
      }
    },
  );

  await step("the migration type-checks under the app's strict tsc", () => {
    if (!existsSync(migrationsDir) || !readdirSync(migrationsDir).some((file) => file.endsWith('.ts')))
      throw new Error('no migration to check');
    expectStatus(
      run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json', '--noEmit'], { cwd: app }),
      0,
      'tsc --noEmit',
    );
  });

  await step("TypeORM's CLI runs and reverts the migration; `schema plan --exit-code` agrees after each step", () => {
    const typeormCli = (command: string) =>
      run('npm', ['run', '--silent', 'typeorm', '--', command, '-d', 'src/data-source.ts'], {
        cwd: app,
        env: { DATABASE_URL: migrateDb },
      });
    if (!existsSync(migrationsDir) || !readdirSync(migrationsDir).some((file) => file.endsWith('.ts')))
      throw new Error('no migration to run');
    const planExit = () => schema(app, ['plan', '--url', migrateDb, '--exit-code']).status;
    expectStatus(typeormCli('migration:run'), 0, 'typeorm migration:run');
    if (planExit() !== 0) throw new Error('after migration:run, `schema plan --exit-code` does not say "no changes"');
    expectStatus(typeormCli('migration:revert'), 0, 'typeorm migration:revert');
    if (planExit() !== 2) throw new Error('after migration:revert, `schema plan --exit-code` does not say "changes"');
    expectStatus(typeormCli('migration:run'), 0, 'typeorm migration:run (again)');
    if (planExit() !== 0)
      throw new Error('after migration:run again, `schema plan --exit-code` does not say "no changes"');
    expectNothingPending(app, migrateDb);
  });
}

async function adoptTypeorm1(root: string, tarball: string, databases: Databases, baseline: boolean): Promise<void> {
  const envDb = await databases.create('v1');
  let app = '';
  if (
    !(await step('TypeORM 1.1.3 app: npm install', async () => {
      app = await installApp(root, 'app-typeorm-1', '1.1.3', tarball, envDb, baseline);
    }))
  )
    return;
  await step("one TypeORM in the tree: the app's 1.1.3 (npm ls typeorm)", () => expectOneTypeorm(app, '1.1.3'));
  await step("`schema apply --yes`, then the app's TypeORM (1.1.3) log() has nothing pending", () => {
    expectStatus(schema(app, ['apply', '--yes', ...(baseline ? ['--url', envDb] : [])]), 0, 'schema apply --yes');
    expectNothingPending(app, envDb);
  });
  await step("a database built by the app's TypeORM (1.1.3) synchronize() plans as no changes", async () => {
    const synced = await databases.create('v1sync');
    expectStatus(appScript(app, 'scripts/synchronize.ts', synced), 0, "the app's synchronize()");
    expectStatus(schema(app, ['plan', '--url', synced, '--exit-code']), 0, 'schema plan --exit-code');
  });
}

async function main(): Promise<number> {
  const baseline = process.argv.includes('--baseline');
  const reuse = process.argv.indexOf('--reuse');
  reusing = reuse >= 0;
  const keep = process.argv.includes('--keep') || reusing;
  const root = reusing
    ? path.resolve(process.argv[reuse + 1] ?? '')
    : mkdtempSync(path.join(tmpdir(), 'schemaplan-adopt-'));
  const admin = await resolveAdminDatabase();
  const databases = new Databases(admin.url);
  const started = Date.now();
  try {
    let tarball = '';
    const earlier = reusing ? readdirSync(root).find((file) => file.endsWith('.tgz')) : undefined;
    if (earlier) tarball = path.join(root, earlier);
    const packed =
      earlier !== undefined ||
      (await step('npm pack (builds dist/ through `prepare`)', () => {
        const result = run('npm', ['pack', '--pack-destination', root, '--json'], { cwd: REPO, timeoutMs: 600_000 });
        expectStatus(result, 0, 'npm pack');
        const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as { filename: string }[];
        tarball = path.join(root, info!.filename);
      }));
    if (packed) {
      await adoptTypeorm03(root, tarball, databases, baseline);
      await adoptTypeorm1(root, tarball, databases, baseline);
    }
  } finally {
    await databases.dropAll();
    await admin.cluster?.stop();
    if (keep) process.stdout.write(`kept ${root}\n`);
    else rmSync(root, { recursive: true, force: true });
  }
  const failed = steps.filter((s) => !s.ok);
  process.stdout.write(
    `\n${steps.length - failed.length} of ${steps.length} steps passed in ${Math.round((Date.now() - started) / 1000)}s` +
      `${baseline ? ' (baseline app)' : ''}${failed.length ? `; failed: ${failed.map((s) => s.name).join('; ')}` : ''}\n`,
  );
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
