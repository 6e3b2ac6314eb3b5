import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseLine, runCli, type CliResult } from './support/cli';
import { adminUrl, createTestDatabase, type TestPostgresDatabase } from './support/postgres';
import { tempDir, tempProject } from './support/temp';

/** What `diff` wrote on stderr after the lines naming its database sides (`from --from`, `from --to`), checked exactly. */
function afterDatabaseLines(
  result: CliResult,
  cwd: string,
  sides: readonly (readonly [string, '--from' | '--to'])[],
): string {
  const lines = sides.map(([url, flag]) => databaseLine(url, cwd, `from ${flag}`)).join('');
  expect(result.stderr.slice(0, lines.length)).toBe(lines);
  return result.stderr.slice(lines.length);
}

// The sandbox (PGlite) takes seconds to start, tens of seconds on a busy machine.
jest.setTimeout(240_000);

/**
 * Issue 14 through the real binary: a `.sql` schema source is evaluated in a sandbox, never on the server of the
 * other side; a hostile one is refused in one line and nothing happens; bad input (a malformed model JSON, a renames
 * file with any TO side, NUL characters in SQLite paths and names) is one clear line, before anything is touched.
 */
const dir = tempDir('cli-sandbox');
let db: TestPostgresDatabase;
let dev: TestPostgresDatabase;
let victim: TestPostgresDatabase;
const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
const LOGIN_ROLE = `sp_login_only_${suffix}`;
const HOSTILE_ROLE = `sp_hostile_${suffix}`;
const STOLEN = `/tmp/schemaplan-stolen-${suffix}`;

async function admin<T>(action: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/**
 * What the hostile schema file would change on the server: its role, the victim database, the superusers. (Other test
 * files create and drop their own databases on the shared server meanwhile, so only these are compared.)
 */
const serverState = () =>
  admin(async (c) => ({
    hostileRole: (await c.query('SELECT rolname FROM pg_roles WHERE rolname = $1', [HOSTILE_ROLE])).rows,
    superusers: (await c.query('SELECT rolname FROM pg_roles WHERE rolsuper ORDER BY 1')).rows,
    victim: (await c.query('SELECT datname FROM pg_database WHERE datname = $1', [victim.name])).rows,
  }));

function write(name: string, text: string): string {
  writeFileSync(path.join(dir.dir, name), text);
  return name;
}

const urlAs = (database: TestPostgresDatabase, user: string) => {
  const url = new URL(database.url);
  url.username = user;
  url.password = '';
  return url.toString();
};

beforeAll(async () => {
  db = await createTestDatabase('cli-sandbox');
  dev = await createTestDatabase('cli-sandbox-dev');
  victim = await createTestDatabase('cli-sandbox-victim');
  await admin(async (c) => {
    await c.query(`CREATE ROLE "${LOGIN_ROLE}" LOGIN NOCREATEDB NOCREATEROLE NOSUPERUSER`);
    await c.query(`GRANT CONNECT ON DATABASE "${db.name}" TO "${LOGIN_ROLE}"`);
  });
  const client = new Client({ connectionString: db.url });
  await client.connect();
  await client.query('CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL)');
  // The role may log in and connect, and read the catalog: not the table's rows (the plan then does without counts).
  await client.query(`GRANT USAGE ON SCHEMA public TO "${LOGIN_ROLE}"`);
  await client.end();
});

afterAll(async () => {
  for (const d of [db, dev, victim]) await d?.drop();
  await admin(async (c) => {
    await c.query(`DROP ROLE IF EXISTS "${LOGIN_ROLE}"`);
    await c.query(`DROP ROLE IF EXISTS "${HOSTILE_ROLE}"`);
  });
  dir.remove();
});

describe('a .sql source is never evaluated on the server of the other side', () => {
  it('the benign plan works when the --from role has only LOGIN and CONNECT (no CREATEDB)', async () => {
    const attributes = await admin(
      async (c) =>
        (await c.query('SELECT rolcreatedb, rolsuper, rolcreaterole FROM pg_roles WHERE rolname = $1', [LOGIN_ROLE]))
          .rows,
    );
    expect(attributes).toEqual([{ rolcreatedb: false, rolsuper: false, rolcreaterole: false }]);
    const to = write(
      'benign.sql',
      'CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10, 2));\nCREATE INDEX items_name ON items (name);\n',
    );
    const result = runCli(['diff', '--from', urlAs(db, LOGIN_ROLE), '--to', to, '--format', 'sql'], { cwd: dir.dir });
    expect(result.stderr).toBe(databaseLine(urlAs(db, LOGIN_ROLE), dir.dir, 'from --from'));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('(not counted: planned without a database)'); // it may not read the rows
    expect(result.stdout).toContain('ALTER TABLE "public"."items" ADD COLUMN "price" numeric(10,2);');
    expect(result.stdout).toContain('CREATE INDEX "items_name" ON "public"."items" ("name");');
  });

  it.each([['without --dev-url'], ['with --dev-url']])(
    'the hostile script of the issue is refused in one line, %s, and nothing happened',
    async (mode) => {
      const hostile = write(
        'hostile.sql',
        `CREATE TABLE items (id integer PRIMARY KEY);
DROP DATABASE "${victim.name}";
CREATE ROLE "${HOSTILE_ROLE}" SUPERUSER LOGIN PASSWORD 'x';
COPY (SELECT 'owned') TO '${STOLEN}';
`,
      );
      const before = await serverState();
      const devFlag = mode === 'with --dev-url' ? ['--dev-url', dev.url] : [];
      const result = runCli(['diff', '--from', db.url, '--to', hostile, ...devFlag], { cwd: dir.dir });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      const lines = afterDatabaseLines(result, dir.dir, [[db.url, '--from']])
        .trimEnd()
        .split('\n');
      expect(lines[0]).toBe(
        `error: hostile.sql:2: DROP DATABASE is not allowed in a schema file (DROP DATABASE "${victim.name}"): databases are outside a schema`,
      );
      expect(lines.slice(1).every((line) => line.startsWith('hint: '))).toBe(true);
      expect(await serverState()).toEqual(before);
      expect(before.hostileRole).toEqual([]);
      expect(before.victim).toEqual([{ datname: victim.name }]);
      expect(existsSync(STOLEN)).toBe(false);
    },
  );

  it('each hostile statement alone is refused too, also after a harmless first line', () => {
    for (const [statement, what] of [
      [`CREATE ROLE "${HOSTILE_ROLE}" SUPERUSER;`, 'CREATE ROLE'],
      [`COPY (SELECT 1) TO '${STOLEN}';`, 'COPY'],
    ] as const) {
      const file = write('one.sql', `CREATE TABLE items (id integer PRIMARY KEY);\n${statement}\n`);
      const result = runCli(['diff', '--from', db.url, '--to', file], { cwd: dir.dir });
      expect(result.status).toBe(1);
      expect(afterDatabaseLines(result, dir.dir, [[db.url, '--from']])).toMatch(
        new RegExp(`^error: one\\.sql:2: ${what} is not allowed in a schema file`),
      );
    }
    expect(existsSync(STOLEN)).toBe(false);
  });
});

describe('--renames is honoured for every kind of TO side', () => {
  it.each([['a .sql file'], ['a database URL'], ['a model .json']])('%s', async (kind) => {
    const renames = write(
      'renames.json',
      JSON.stringify({ columns: [{ table: 'public.items', from: 'name', to: 'title' }] }),
    );
    const target = write('target.sql', 'CREATE TABLE items (id integer PRIMARY KEY, title text NOT NULL);\n');
    let to = target;
    let targetDb: TestPostgresDatabase | undefined;
    if (kind === 'a database URL') {
      targetDb = await createTestDatabase('cli-sandbox-target');
      const client = new Client({ connectionString: targetDb.url });
      await client.connect();
      await client.query('CREATE TABLE items (id integer PRIMARY KEY, title text NOT NULL)');
      await client.end();
      to = targetDb.url;
    } else if (kind === 'a model .json') {
      const inspected = runCli(['inspect', '--url', db.url, '--format', 'json'], { cwd: dir.dir });
      to = write('target.json', inspected.stdout.replace('"name": "name"', '"name": "title"'));
      expect(to).toBe('target.json');
    }
    try {
      const result = runCli(['diff', '--from', db.url, '--to', to, '--renames', renames, '--format', 'sql'], {
        cwd: dir.dir,
      });
      const sides: [string, '--from' | '--to'][] = [[db.url, '--from']];
      if (targetDb) sides.push([targetDb.url, '--to']);
      expect(afterDatabaseLines(result, dir.dir, sides)).toBe('');
      expect(result.stdout).toContain('ALTER TABLE "public"."items" RENAME COLUMN "name" TO "title";');
      expect(result.stdout).not.toMatch(/DROP COLUMN/);
    } finally {
      await targetDb?.drop();
    }
  });
});

describe('bad input is one clear line', () => {
  it.each([
    [
      'a raw model with a wrong type',
      '{"dialect":"postgres","extensions":[],"enums":[],"tables":[{"name":"t","columns":[{"name":"id","type":"integer","nullable":"no"}],"foreignKeys":[],"uniques":[],"checks":[],"indexes":[]}]}',
      'bad.json: not a valid schemaplan model: tables[0].columns[0].nullable: must be boolean',
      false,
    ],
    [
      'a raw model without tables',
      '{"dialect":"postgres","tables":7,"extensions":[],"enums":[]}',
      'bad.json: not a valid schemaplan model: tables: must be array',
      false,
    ],
    [
      'a model document with a broken model',
      '{"format":"schemaplan.model","version":1,"models":{"postgres":{"dialect":"postgres"}}}',
      "bad.json: not a valid schemaplan model document: models.postgres: must have required property 'extensions'",
      true,
    ],
  ])(
    'malformed model JSON (%s): exit 1, one error line naming the file and the problem',
    (_what, json, message, databaseNamed) => {
      write('bad.json', json);
      const result = runCli(['diff', '--from', 'bad.json', '--to', db.url], { cwd: dir.dir });
      expect(result.status).toBe(1);
      // A raw model is read for its dialect before any database is named; a model document's models only when loaded.
      const stderr = databaseNamed ? afterDatabaseLines(result, dir.dir, [[db.url, '--to']]) : result.stderr;
      const lines = stderr.trimEnd().split('\n');
      expect(lines[0]).toBe(`error: ${message}`);
      expect(lines[0]!.length).toBeLessThanOrEqual(240);
      expect(lines.slice(1).every((line) => line.startsWith('hint: '))).toBe(true);
    },
  );

  it('a NUL in a SQLite path or in a name: exit 1 before any file exists', () => {
    // A project of the user's: TypeORM (linked node_modules) comes from it.
    const nul = tempProject('cli-sandbox-nul');
    try {
      const url = runCli(['diff', '--from', 'sqlite:bad%00name.sqlite', '--to', 'sqlite:other.sqlite'], {
        cwd: nul.dir,
      });
      expect(url.status).toBe(1);
      expect(url.stderr).toMatch(/^error: the SQLite path contains a NUL character\n/);
      expect(readdirSync(nul.dir)).toEqual(['node_modules']);
      writeFileSync(
        path.join(nul.dir, 'e.ts'),
        "import { Entity, PrimaryColumn } from 'typeorm';\n@Entity('bad\\u0000name')\nexport class E { @PrimaryColumn() id!: number; }\n",
      );
      const name = runCli(['apply', '--yes', '--url', 'sqlite:fresh.sqlite', '--entities', 'e.ts'], { cwd: nul.dir });
      expect(name.status).toBe(1);
      expect(name.stderr).toMatch(/^error: table name "bad\\u0000name" of entity E contains a NUL character/);
      expect(readdirSync(nul.dir).sort()).toEqual(['e.ts', 'node_modules']);
      writeFileSync(
        path.join(nul.dir, 'm.json'),
        '{"dialect":"sqlite","extensions":[],"enums":[],"tables":[{"name":"a\\u0000b","columns":[],"foreignKeys":[],"uniques":[],"checks":[],"indexes":[]}]}',
      );
      const model = runCli(['diff', '--from', 'sqlite:fresh.sqlite', '--to', 'm.json'], { cwd: nul.dir });
      expect(model.status).toBe(1);
      expect(model.stderr).toMatch(
        /^error: m\.json: not a valid schemaplan model: tables\[0\]\.name: must not contain a NUL character\n/,
      );
      expect(readdirSync(nul.dir).sort()).toEqual(['e.ts', 'm.json', 'node_modules']);
    } finally {
      nul.remove();
    }
  });
});
