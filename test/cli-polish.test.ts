import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { REPO_ROOT, runCliOnTty } from './support/cli';
import { runInProcess } from './support/memory-io';
import { createTestDatabase } from './support/postgres';
import { validatePlanDocument } from './support/plan-schema';
import { tempDir } from './support/temp';

jest.setTimeout(120_000);

/**
 * The CLI as a new user meets it, in process (`main(argv, io)`): the help (examples, exit codes), "did you mean" for
 * mistyped commands and options, the DDL diff of a database whose columns are in another order, apply's refusal of
 * a plan the counted rows make fail, its progress with timings, its confirmation (a no is exit 1, an answer that is
 * neither is asked again), rename questions on a terminal (asked again; the answers merged into the renames file
 * that exists), and diff's dialect (a complete command in the hint; --dev-url is PostgreSQL).
 */

/** Runs SQL on a SQLite file, outside the product. */
function sqlite(file: string, sql: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => {
      if (error) return reject(error);
      db.all(sql, (e, rows) => db.close(() => (e ? reject(e) : resolve(rows as Record<string, unknown>[]))));
    });
  });
}

/** An account entity with these column declarations (after the generated id). */
const account = (columns: string) => `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn() id!: number;
${columns}
}
`;
const NAME = "  @Column({ type: 'varchar', length: 40, nullable: true }) name!: string | null;";
const NAME_REQUIRED = "  @Column({ type: 'varchar', length: 40 }) name!: string;";
const BIO = "  @Column({ type: 'text', nullable: true }) bio!: string | null;";
const NICKNAME = "  @Column({ type: 'varchar', length: 20, nullable: true }) nickname!: string | null;";

/** A project directory (the repository's node_modules) whose entity sets are folders of one account.ts each. */
function project(prefix: string, sets: Record<string, string>) {
  const tmp = tempDir(prefix);
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(tmp.dir, 'node_modules'), 'dir');
  for (const [set, text] of Object.entries(sets)) {
    mkdirSync(path.join(tmp.dir, set), { recursive: true });
    writeFileSync(path.join(tmp.dir, set, 'account.ts'), text);
  }
  const file = path.join(tmp.dir, 'app.sqlite');
  const url = `sqlite:${file}`;
  const run = (argv: string[], terminal?: string[]) => runInProcess(argv, tmp.dir, {}, terminal ? { terminal } : {});
  return {
    dir: tmp.dir,
    file,
    url,
    run,
    entities: (set: string) => ['--url', url, '--entities', `${set}/*.ts`],
    remove: tmp.remove,
  };
}

describe('--help', () => {
  it('lists the commands, examples and every exit code', async () => {
    const help = await runInProcess(['--help'], REPO_ROOT);
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(/^schema <command> \[options\]\n/);
    expect(help.stdout).toContain('\nExamples:\n  schema plan ');
    const codes = help.stdout
      .slice(help.stdout.indexOf('\nExit codes:\n'))
      .split('\n')
      .filter((l) => /^\d+ /.test(l))
      .map((l) => l.split(' ')[0]);
    expect(codes).toEqual(['0', '1', '2', '3', '4', '130']);
    expect(help.stdout).toMatch(/^130 +cancelled by Ctrl-C \(143: by SIGTERM\)/m);
    expect(help.stdout).toMatch(/^1 +an error: .*not confirmed/ms);
  });

  it.each([
    ['plan', ['0', '1', '2', '3', '4', '130']],
    ['apply', ['0', '1', '3', '4', '130']],
    ['diff', ['0', '1', '2', '3', '130']],
    ['inspect', ['0', '1', '130']],
    ['generate', ['0', '1']],
    ['check', ['0', '1', '2']],
  ])('schema %s --help: its options before the common ones, examples and its exit codes', async (command, expected) => {
    const help = await runInProcess([command, '--help'], REPO_ROOT);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^schema ${command} \\[options\\]\\n`));
    const options = help.stdout.indexOf('\nOptions:\n');
    const common = help.stdout.indexOf('\nCommon options:\n');
    expect(options).toBeGreaterThan(0);
    expect(common).toBeGreaterThan(options);
    expect(help.stdout.slice(common)).toContain('--debug');
    expect(help.stdout.slice(options, common)).not.toContain('--debug');
    expect(help.stdout).toContain(`\nExamples:\n  schema ${command}`);
    const tail = help.stdout.slice(help.stdout.indexOf('\nExit codes:\n'));
    expect(
      tail
        .split('\n')
        .filter((l) => /^\d+ /.test(l))
        .map((l) => l.split(' ')[0]),
    ).toEqual(expected);
    // Every line fits the layout (yargs does not re-wrap it without its indentation).
    expect(tail.split('\n').every((line) => line.length <= 110)).toBe(true);
  });
});

describe('mistyped commands and options', () => {
  it.each([
    [
      ['pln'],
      'unknown command "pln"; did you mean schema plan?',
      'The commands are plan, apply, diff, inspect, generate and check: run schema --help.',
    ],
    [
      ['aply', '--yes'],
      'unknown command "aply"; did you mean schema apply?',
      'The commands are plan, apply, diff, inspect, generate and check: run schema --help.',
    ],
    [
      ['frobnicate'],
      'unknown command "frobnicate"',
      'The commands are plan, apply, diff, inspect, generate and check: run schema --help.',
    ],
    [
      ['plan', '--exitcode'],
      'unknown option for schema plan: --exitcode (did you mean --exit-code?)',
      'Run schema plan --help for its options.',
    ],
    [
      ['apply', '--dryrun'],
      'unknown option for schema apply: --dryrun (did you mean --dry-run?)',
      'Run schema apply --help for its options.',
    ],
    [
      ['apply', '--allow-hazard', 'DATA_LOSS'],
      'unknown option for schema apply: --allow-hazard (did you mean --allow-hazards?)',
      'Run schema apply --help for its options.',
    ],
    [
      ['plan', '--yes'],
      'unknown option for schema plan: --yes (an option of schema apply, not of schema plan)',
      'Run schema plan --help for its options.',
    ],
    [
      ['plan', '--exit-cod', '--frobnicate'],
      'unknown options for schema plan: --exit-cod (did you mean --exit-code?), --frobnicate',
      'Run schema plan --help for its options.',
    ],
    [
      ['plan', 'sqlite:./app.db'],
      'unexpected argument "sqlite:./app.db" for schema plan',
      'Pass a database URL with --url: schema plan --url sqlite:./app.db',
    ],
    [
      ['plan', '--format', 'jsn'],
      '--format jsn is not one of text, json, sql, markdown; did you mean --format json?',
      'Run schema plan --help for its options and examples.',
    ],
    [['plan', '--url'], '--url needs a value', 'Run schema plan --help for its options and examples.'],
    [
      ['diff', '--from', 'a.sql'],
      'missing required option --to',
      'Run schema diff --help for its options and examples.',
    ],
  ])('schema %j', async (argv, error, hint) => {
    const result = await runInProcess(argv, REPO_ROOT);
    expect(result).toMatchObject({ status: 1, stdout: '', stderr: `error: ${error}\nhint: ${hint}\n` });
  });
});

describe('plan --diff against a database whose columns are in another order', () => {
  const p = project('polish-order', {
    declared: account(`${NAME}\n${BIO}`),
    reordered: account(`${BIO}\n${NAME}`),
    more: account(`${BIO}\n${NAME}\n${NICKNAME}`),
  });
  afterAll(() => p.remove());

  it('says there is no difference (and why), and a column added is one line of the diff', async () => {
    expect((await p.run(['apply', ...p.entities('declared'), '--yes'])).status).toBe(0);
    const same = await p.run(['plan', ...p.entities('reordered'), '--diff', '--exit-code']);
    expect(same.status).toBe(0);
    expect(same.stdout.split('\n').slice(1)).toEqual([
      'No changes: the database is in line with the schema.',
      '',
      'Schema DDL: no differences.',
      'Column order of table accounts differs between database (current) and entities (desired); apply never reorders ' +
        'columns, so the diff compares them in the desired order.',
      '',
    ]);
    const more = await p.run(['plan', ...p.entities('more'), '--diff', '--exit-code']);
    expect(more.status).toBe(2);
    const diff = more.stdout.slice(more.stdout.indexOf('--- database (current)'));
    expect(diff.split('\n').filter((l) => /^[+-]/.test(l) && !/^(---|\+\+\+) /.test(l))).toEqual([
      '+  "nickname" varchar(20)',
    ]);
    // The database's columns (id, name, bio) in the entities' order, one per line; the comma moved is no change.
    expect(diff).toContain(
      '\n   "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,\n   "bio" text,\n   "name" varchar(40),\n+  "nickname" varchar(20)\n );\n',
    );
    expect(diff).toContain(
      '\nColumn order of table accounts differs between database (current) and entities (desired)',
    );
    const markdown = await p.run(['plan', ...p.entities('reordered'), '--diff', '--format', 'markdown']);
    expect(markdown.stdout).toContain(
      '\nColumn order of table accounts differs between database (current) and entities (desired)',
    );
  });
});

describe('apply', () => {
  // The tests run in order on one database: from, then required, then more (one column added, no hazard).
  const p = project('polish-apply', {
    from: account(`${NAME}\n${BIO}`),
    required: account(`${NAME_REQUIRED}\n${BIO}`),
    more: account(`${NAME_REQUIRED}\n${BIO}\n${NICKNAME}`),
    extra: account(
      `${NAME_REQUIRED}\n${BIO}\n${NICKNAME}\n  @Column({ type: 'integer', nullable: true }) age!: number | null;`,
    ),
  });
  afterAll(() => p.remove());

  it('refuses up front, whatever is allowed, a plan the counted rows make fail; once the rows are fixed, applies with progress and timings', async () => {
    const built = await p.run(['apply', ...p.entities('from'), '--yes']);
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(
      /\n\n\[1\/1\] CREATE TABLE "accounts" \(.*\.\.\. \(\d+ ms\)\nApplied 1 statement in \d+ ms; verified: the database is in line with the schema\.\n$/,
    );
    await sqlite(p.file, `INSERT INTO "accounts" ("name", "bio") VALUES ('ada', 'x'), (NULL, 'y')`);

    const plan = await p.run(['plan', ...p.entities('required'), '--format', 'json']);
    const document = JSON.parse(plan.stdout);
    expect(validatePlanDocument(document)).toEqual([]);
    const hazards = document.statements.flatMap((s: { hazards: unknown[] }) => s.hazards);
    expect(hazards).toContainEqual({
      code: 'NOT_NULL_VIOLATION',
      message: 'sets accounts.name NOT NULL: 1 row is NULL, apply will fail',
      fails: true,
    });

    for (const allow of [['--allow-all-hazards'], ['--allow-hazards', 'NOT_NULL_VIOLATION,SQLITE_REBUILD']]) {
      // On a terminal, not even asked.
      const refused = await p.run(['apply', ...p.entities('required'), ...allow], ['y']);
      expect(refused.status).toBe(1);
      expect(refused.prompts).toEqual([]);
      expect(refused.stdout).toContain(
        '\nApply refuses this plan: the rows as counted make 1 statement fail (NOT_NULL_VIOLATION, "apply will fail" above)',
      );
      expect(refused.stderr).toBe(
        `Database: sqlite:app.sqlite (from --url)\n` +
          'error: the plan would fail on the rows as they are (1 statement); nothing was applied:\n' +
          '  NOT_NULL_VIOLATION: sets accounts.name NOT NULL: 1 row is NULL, apply will fail\n' +
          'hint: Fix those rows first (or change the entities), then apply again. --allow-hazards cannot allow a statement the rows make fail.\n',
      );
    }
    expect(await sqlite(p.file, 'SELECT "name" FROM "accounts" ORDER BY "id"')).toEqual([
      { name: 'ada' },
      { name: null },
    ]);

    await sqlite(p.file, `UPDATE "accounts" SET "name" = 'grace' WHERE "name" IS NULL`);
    const applied = await p.run(['apply', ...p.entities('required'), '--yes', '--allow-hazards', 'SQLITE_REBUILD']);
    expect(applied.status).toBe(0);
    const progress = applied.stdout.split('\n').filter((line) => line.startsWith('['));
    expect(progress.length).toBeGreaterThan(1);
    progress.forEach((line, i) =>
      expect(line).toMatch(new RegExp(`^\\[${i + 1}/${progress.length}\\] \\S.* \\(\\d+ ms\\)$`)),
    );
    expect(applied.stdout).toMatch(
      new RegExp(
        `\\nApplied ${progress.length} statements in \\d+ ms; verified: the database is in line with the schema\\.\\n$`,
      ),
    );
  });

  it('on a terminal: no is exit 1 with nothing applied, an answer that is neither is asked again, Enter is no', async () => {
    const question = `Apply 1 statement to sqlite:app.sqlite? [y/N] `;
    const no = await p.run(['apply', ...p.entities('more')], ['n']);
    expect(no.status).toBe(1);
    expect(no.prompts).toEqual([question]);
    expect(no.stderr.endsWith(`${question}n\nNot confirmed: nothing was applied.\n`)).toBe(true);
    expect(no.stdout).not.toMatch(/^\[1\/1\]/m);

    const unclear = await p.run(['apply', ...p.entities('more')], ['sure', '']);
    expect(unclear.status).toBe(1);
    expect(unclear.prompts).toEqual([question, question]);
    expect(unclear.stderr).toContain(
      `${question}sure\nPlease answer y (yes) or n (no), or press Enter for no.\n${question}\nNot confirmed: nothing was applied.\n`,
    );

    const ended = await p.run(['apply', ...p.entities('more')], []);
    expect(ended.status).toBe(1);
    expect(ended.stderr.endsWith('No answer: nothing was applied.\n')).toBe(true);
    expect((await sqlite(p.file, `SELECT name FROM pragma_table_info('accounts')`)).map((r) => r.name)).not.toContain(
      'nickname',
    );

    const yes = await p.run(['apply', ...p.entities('more')], ['yes']);
    expect(yes.status).toBe(0);
    expect(yes.stdout).toMatch(
      /\n\[1\/1\] ALTER TABLE "accounts" ADD COLUMN "nickname" varchar\(20\) \(\d+ ms\)\nApplied 1 statement in/,
    );
  });

  it('the real binary on a terminal: a no exits 1, nothing applied', async () => {
    const no = runCliOnTty(['apply', ...p.entities('extra')], 'n\n', { cwd: p.dir });
    expect(no.stdout).toContain('Apply 1 statement to sqlite:app.sqlite? [y/N] ');
    expect(no.stdout).toContain('Not confirmed: nothing was applied.\n');
    expect(no.status).toBe(1);
    expect((await sqlite(p.file, `SELECT name FROM pragma_table_info('accounts')`)).map((r) => r.name)).not.toContain(
      'age',
    );
  });
});

describe('rename questions on a terminal', () => {
  const FROM = ['--entities', path.join(REPO_ROOT, 'fixtures/rename-table/from/*.ts')];
  const TO = ['--entities', path.join(REPO_ROOT, 'test/entities/renames-undeclared/*.ts')];
  const p = project('polish-renames', {});
  afterAll(() => p.remove());
  const HELD = {
    $schema: 'https://example.com/renames.schema.json',
    tables: [{ from: 'legacy_users', to: 'users' }],
    enums: [],
  };

  it('asks again after an answer that is neither yes nor no, and prints the renames file with what it holds kept', async () => {
    expect((await p.run(['apply', '--url', p.url, ...FROM, '--yes'])).status).toBe(0);
    mkdirSync(path.join(p.dir, 'schema'));
    const renames = path.join(p.dir, 'schema', 'renames.json');
    writeFileSync(renames, JSON.stringify(HELD));
    const table = 'Is table authors renamed from writers? (no: writers is dropped and authors created) [y/n] ';
    const result = await p.run(['plan', '--url', p.url, ...TO], ['maybe', 'y', 'n']);
    expect(result.prompts).toEqual([
      table,
      table,
      'Is column books.heading renamed from books.title? (no: books.title is dropped and books.heading created) [y/n] ',
    ]);
    expect(result.stderr).toContain(`${table}maybe\nPlease answer y (yes) or n (no).\n${table}y\n`);
    expect(result.stderr).toContain(
      'These answers count for this run only. To keep them (or declare the yeses with @RenamedFrom), add them to ' +
        'schema/renames.json, which then reads (what it holds is kept):\n' +
        '{\n' +
        '  "$schema": "https://example.com/renames.schema.json",\n' +
        '  "tables": [\n    { "from": "legacy_users", "to": "users" },\n    { "from": "writers", "to": "authors" }\n  ],\n' +
        '  "enums": [],\n' +
        '  "columns": [\n    { "table": "books", "from": "title", "to": "heading", "rename": false }\n  ]\n' +
        '}\n',
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'table.rename  table writers is renamed to authors (declared by your answer on the terminal)',
    );
    // The file is the user's to change: it was not written.
    expect(JSON.parse(readFileSync(renames, 'utf8'))).toEqual(HELD);
  });

  it('leaves a question without an answer (input ended) open: the plan says so and exits 3', async () => {
    const result = await p.run(['plan', '--url', p.url, ...TO], ['y']);
    expect(result.prompts).toHaveLength(2);
    expect(result.status).toBe(3);
    expect(result.stdout).toContain('? Is column books.heading renamed from books.title?\n');
    expect(result.stdout).not.toContain('? Is table authors renamed from writers?');
    const apply = await p.run(['apply', '--url', p.url, ...TO, '--yes'], []);
    expect(apply.status).toBe(3);
    expect(apply.stderr).toContain(
      'error: 2 open questions must be answered before apply; nothing was applied\n' +
        'hint: Answer them yes or no at the prompt, or declare the answers in schema/renames.json or with @RenamedFrom (see above).\n',
    );
  });
});

describe('diff and its dialect', () => {
  const tmp = tempDir('polish-diff');
  afterAll(() => tmp.remove());
  writeFileSync(path.join(tmp.dir, 'a.sql'), 'CREATE TABLE a (id integer PRIMARY KEY);\n');
  writeFileSync(path.join(tmp.dir, 'b c.sql'), 'CREATE TABLE a (id integer PRIMARY KEY, b text);\n');

  it('when nothing names the dialect, the hint is the whole command again, with --dialect', async () => {
    const result = await runInProcess(['diff', '--from', 'a.sql', '--to', 'b c.sql', '--format', 'markdown'], tmp.dir);
    expect(result).toMatchObject({
      status: 1,
      stdout: '',
      stderr:
        'error: cannot tell which dialect to compare in: no side is a database\n' +
        "hint: Name it with --dialect: schema diff --from a.sql --to 'b c.sql' --format markdown --dialect postgres (or --dialect sqlite)\n",
    });
  });

  it('--dev-url is PostgreSQL: it names the dialect, and contradicts --dialect sqlite', async () => {
    const conflict = await runInProcess(
      [
        'diff',
        '--from',
        'a.sql',
        '--to',
        'b c.sql',
        '--dialect',
        'sqlite',
        '--dev-url',
        'postgres://nobody@127.0.0.1:1/x',
      ],
      tmp.dir,
    );
    expect(conflict.stderr).toBe(
      'error: --dialect is sqlite but --dev-url is postgres\n' +
        'hint: --dev-url is a PostgreSQL database to evaluate .sql sides in; SQLite evaluates them in memory: drop --dev-url.\n',
    );
    const dev = await createTestDatabase('polish-dev');
    try {
      const result = await runInProcess(
        ['diff', '--from', 'a.sql', '--to', 'b c.sql', '--dev-url', dev.url, '--exit-code'],
        tmp.dir,
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(2);
      expect(result.stdout).toMatch(/^Plan for a\.sql -> b c\.sql \(postgres\)\n\+1 column/);
    } finally {
      await dev.drop();
    }
  });
});
