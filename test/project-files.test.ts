import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parseDatabaseUrl } from '../src/connect/url';
import { REPO_ROOT, runCli, type CliResult } from './support/cli';
import { createTestDatabase, type TestPostgresDatabase } from './support/postgres';
import { tempDir } from './support/temp';

jest.setTimeout(180_000);

/**
 * A TypeORM app as teams write them, adopting schemaplan with nothing but `"dataSource"` in schema.config.json:
 * - tsconfig.json extends config/tsconfig.base.json, which extends the package @tsconfig/node20 and declares
 *   `baseUrl` (relative to itself) and `paths`; the data source and the entities import through `@app/...` aliases,
 *   a `baseUrl` import (`src/...`) and a relative import written with `.js` for a `.ts` file (node16 style);
 * - `.env` holds DATABASE_URL and TABLE_PREFIX, which the data source file reads from `process.env`;
 * - src/data-source.ts: PostgreSQL, entities and migrations as globs, a snake-case naming strategy;
 * - PostgreSQL-only types: uuid, timestamptz, jsonb, an enum.
 * Runs through the real binary: aliases are resolved by Node's loader, which Jest replaces with its own.
 */
const FILES: Record<string, string> = {
  'tsconfig.json': '{ "extends": "./config/tsconfig.base.json", "include": ["src"] }\n',
  'config/tsconfig.base.json': `{
  // The team's shared settings: a strict app.
  "extends": "@tsconfig/node20/tsconfig.json",
  "compilerOptions": {
    "module": "nodenext",
    "moduleResolution": "nodenext",
    "experimentalDecorators": true,
    "emitDecoratorMetadata": true,
    "strictPropertyInitialization": false,
    "noUnusedLocals": true,
    "noUnusedParameters": true,
    "noImplicitReturns": true,
    "noImplicitOverride": true,
    "noFallthroughCasesInSwitch": true,
    "exactOptionalPropertyTypes": true,
    "noUncheckedIndexedAccess": true,
    "noPropertyAccessFromIndexSignature": true,
    "isolatedModules": true,
    "ignoreDeprecations": "6.0",
    "baseUrl": "..",
    "paths": { "@app/*": ["src/*"] },
  },
}
`,
  'schema.config.json': '{ "dataSource": "src/data-source.ts" }\n',
  'src/data-source.ts': `import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { SnakeNamingStrategy } from '@app/naming/snake-naming';

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entityPrefix: process.env.TABLE_PREFIX,
  entities: ['src/entities/*.ts'],
  migrations: ['src/migrations/*.ts'],
  namingStrategy: new SnakeNamingStrategy(),
});
`,
  'src/naming/snake-naming.ts': readFileSync(path.join(REPO_ROOT, 'test/projects/data-source/snake-naming.ts'), 'utf8'),
  'src/domain/account-role.ts': "export enum AccountRole {\n  Owner = 'owner',\n  Member = 'member',\n}\n",
  'src/entities/account.ts': `import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { AccountRole } from '@app/domain/account-role';
import { Membership } from './membership.js';

@Entity()
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'enum', enum: AccountRole, enumName: 'account_role', default: AccountRole.Member })
  role: AccountRole;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => Membership, (membership) => membership.account)
  memberships: Membership[];
}
`,
  'src/entities/membership.ts': `import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from 'src/entities/account';

@Entity()
export class Membership {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @ManyToOne(() => Account, (account) => account.memberships, { onDelete: 'CASCADE' })
  account: Account;
}
`,
};

/** The project in a fresh folder; its node_modules is the repository's (typeorm, @tsconfig/node20, @types/node). */
function writeProject(): { dir: string; write(file: string, text: string): void; remove(): void } {
  const tmp = tempDir('project-files');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(tmp.dir, file)), { recursive: true });
    writeFileSync(path.join(tmp.dir, file), text);
  };
  for (const [file, text] of Object.entries(FILES)) write(file, text);
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(tmp.dir, 'node_modules'), 'dir');
  return { dir: tmp.dir, write, remove: tmp.remove };
}

/** Diagnostics of `tsc --noEmit` on one file under the app's own tsconfig (its extends chain, its strict flags). */
function typeCheck(projectDir: string, file: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(projectDir, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('tsconfig.json not parsed');
  expect(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))).toEqual([]);
  expect(parsed.options).toMatchObject({
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    exactOptionalPropertyTypes: true,
  });
  const program = ts.createProgram([file], { ...parsed.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined
        ? `${path.relative(projectDir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: `
        : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

describe('a PostgreSQL TypeORM app with tsconfig aliases, .env and a DataSource (through the real binary)', () => {
  let db: TestPostgresDatabase;
  let project: ReturnType<typeof writeProject>;
  beforeAll(async () => {
    db = await createTestDatabase('project-files');
    project = writeProject();
  });
  afterAll(async () => {
    project?.remove();
    await db?.drop();
  });

  /** The binary in the project, with no database or schemaplan setting inherited from the test's environment. */
  const cli = (args: readonly string[], env: Record<string, string | undefined> = {}): CliResult =>
    runCli(args, {
      cwd: project.dir,
      env: {
        DATABASE_URL: undefined,
        SCHEMA_ENTITIES: undefined,
        SCHEMA_CONFIG: undefined,
        SCHEMA_DATA_SOURCE: undefined,
        TABLE_PREFIX: undefined,
        ...env,
      },
    });
  const redacted = () => parseDatabaseUrl(db.url).redacted;

  it('plans with the aliases, the .env and the data source; the environment wins over .env; no secret of .env is printed', () => {
    const bogus = new URL(db.url);
    bogus.username = 'nobody';
    bogus.password = 'dotenv-secret';
    bogus.pathname = '/sp_no_such_database';
    project.write('.env', `# local settings\nDATABASE_URL=${bogus.toString()}\nTABLE_PREFIX=app_\n`);

    const fromDotenv = cli(['plan']);
    expect(fromDotenv.status).toBe(1);
    expect(fromDotenv.stderr.split('\n')[0]).toBe(
      `Database: ${parseDatabaseUrl(bogus.toString()).redacted} (from DATABASE_URL in .env)`,
    );
    expect(fromDotenv.stderr).toMatch(/^error: /m);
    expect(fromDotenv.stdout + fromDotenv.stderr).not.toContain('dotenv-secret');

    const plan = cli(['plan', '--exit-code'], { DATABASE_URL: db.url });
    expect(plan.stderr).toBe(`Database: ${redacted()} (from DATABASE_URL in the environment)\n`);
    expect(plan.status).toBe(2);
    // The data source read TABLE_PREFIX from .env while it loaded; the snake-case strategy named the rest.
    expect(plan.stdout).toContain('CREATE TYPE "public"."account_role" AS ENUM (\'owner\', \'member\')');
    expect(plan.stdout).toMatch(
      /CREATE TABLE "public"\."app_account" \("id" uuid NOT NULL DEFAULT uuid_generate_v4\(\), "display_name" character varying\(120\) NOT NULL, "role" "public"\."account_role" NOT NULL DEFAULT 'member', "settings" jsonb NOT NULL DEFAULT '\{\}', "created_at" timestamp with time zone NOT NULL DEFAULT now\(\), CONSTRAINT "pk_app_account_id" PRIMARY KEY \("id"\)\)/,
    );
    expect(plan.stdout).toContain('"expires_at" timestamp with time zone');
    expect(plan.stdout).toContain(
      'CONSTRAINT "fk_app_membership_account_id" FOREIGN KEY ("account_id") REFERENCES "public"."app_account" ("id") ON DELETE CASCADE',
    );
  });

  it("applies from .env alone, generates and checks for PostgreSQL only, and writes a strict migration into the DataSource's folder", () => {
    project.write('.env', `DATABASE_URL=${db.url}\nTABLE_PREFIX=app_\n`);
    const apply = cli(['apply', '--yes']);
    expect(apply.stderr).toBe(`Database: ${redacted()} (from DATABASE_URL in .env)\n`);
    expect(apply.status).toBe(0);

    const generate = cli(['generate']);
    expect(generate).toMatchObject({ status: 0, stderr: '' });
    expect(readdirSync(path.join(project.dir, 'generated')).sort()).toEqual(['model.json', 'schema.postgres.sql']);
    const document = JSON.parse(readFileSync(path.join(project.dir, 'generated', 'model.json'), 'utf8')) as {
      models: object;
    };
    expect(Object.keys(document.models)).toEqual(['postgres']);
    expect(cli(['check'])).toMatchObject({
      status: 0,
      stderr: '',
      stdout: 'generated/ is up to date with the entities of src/data-source.ts\n',
    });

    // The entity gains a column: check fails (no database needed), and the migration adds it.
    const account = path.join(project.dir, 'src', 'entities', 'account.ts');
    project.write(
      'src/entities/account.ts',
      readFileSync(account, 'utf8').replace(
        '  @CreateDateColumn',
        "  @Column({ type: 'varchar', length: 40, nullable: true })\n  nickname: string | null;\n\n  @CreateDateColumn",
      ),
    );
    const stale = cli(['check']);
    expect(stale.status).toBe(2);
    expect(stale.stdout).toContain('generated/model.json is stale\n  postgres: +1 column\n');
    expect(stale.stdout).not.toContain('sqlite');

    const migration = cli(['plan', '-m', 'add user nickname']);
    expect(migration.status).toBe(0);
    const [line, wrote, ...rest] = migration.stderr.split('\n');
    expect(line).toBe(`Database: ${redacted()} (from DATABASE_URL in .env)`);
    expect(wrote).toMatch(
      /^Wrote src\/migrations\/\d{8}_\d{6}_add_user_nickname\.ts and src\/migrations\/\d{8}_\d{6}_add_user_nickname\.sql$/,
    );
    expect(rest).toEqual(['']);
    const file = path.join(project.dir, wrote!.split(' ')[1]!);
    expect(readFileSync(file, 'utf8')).toContain(
      'ALTER TABLE "public"."app_account" ADD COLUMN "nickname" character varying(40)',
    );
    expect(typeCheck(project.dir, file)).toEqual([]);
  });

  it("diff compiles entities: sides with the data source's naming strategy and prefix", () => {
    const to = 'entities:src/entities/*.ts';
    const configured = cli(['diff', '--from', db.url, '--to', to, '--exit-code']);
    expect(configured.stderr).toBe(`Database: ${redacted()} (from --from)\n`);
    expect(configured.status).toBe(2);
    expect(configured.stdout.split('\n')[1]).toBe('+1 column  (1 statement)');
    expect(configured.stdout).toContain(
      'ALTER TABLE "public"."app_account" ADD COLUMN "nickname" character varying(40)',
    );

    // Without the project's configuration the names are TypeORM's defaults: other tables and columns, and the
    // wrong rename questions the issue reported.
    project.write('none.json', '{}');
    const unconfigured = cli(['diff', '--from', db.url, '--to', to, '--exit-code', '--config', 'none.json']);
    expect(unconfigured.status).toBe(3);
    expect(unconfigured.stdout).toContain('? Is table public.account renamed from public.app_account?');
    expect(unconfigured.stdout).toContain('"expiresAt" timestamp with time zone');
  });
});

test('an import that cannot be found, under a tsconfig that cannot be read, names both in one line', () => {
  const tmp = tempDir('project-files-bad-tsconfig');
  try {
    mkdirSync(path.join(tmp.dir, 'schema'));
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(tmp.dir, 'node_modules'), 'dir');
    writeFileSync(path.join(tmp.dir, 'tsconfig.json'), '{ "extends": "@tsconfig/not-installed/tsconfig.json" }\n');
    writeFileSync(
      path.join(tmp.dir, 'schema', 'note.ts'),
      "import { Entity, PrimaryColumn } from 'typeorm';\nimport { prefix } from '@app/naming';\n@Entity(`${prefix}note`)\nexport class Note {\n  @PrimaryColumn() id: string;\n}\n",
    );
    const result = runCli(['plan', '--url', 'sqlite::memory:'], { cwd: tmp.dir, env: { DATABASE_URL: undefined } });
    expect(result).toMatchObject({ status: 1, stdout: '' });
    expect(result.stderr).toBe(
      "error: schema/note.ts: cannot find module '@app/naming', and tsconfig.json cannot be read to map it: File '@tsconfig/not-installed/tsconfig.json' not found.\n" +
        'hint: Fix the tsconfig (an "extends" must name an existing file or an installed package), as `tsc` needs it too.\n',
    );
  } finally {
    tmp.remove();
  }
});
