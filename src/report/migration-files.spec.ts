import path from 'node:path';
import ts from 'typescript';
import type { Plan } from '../plan/types';
import { migrationFiles, slugify } from './migration-files';

const plan = (statements: Plan['statements'], changes: Plan['changes'] = []): Plan => ({
  dialect: 'postgres',
  changes,
  statements,
  diagnostics: [],
  decisions: [],
  summary: { changes: changes.length, statements: statements.length, byKind: {}, hazards: 0, text: 'summary' },
});

describe('slugify', () => {
  it.each([
    ['add deck level', 'add_deck_level'],
    ['  Add "deck" LEVEL!! ', 'add_deck_level'],
    ['Ελληνικά και café', 'cafe'],
    ['split users into accounts and profiles, then drop the legacy columns', 'split_users_into_accounts_and_profiles'],
    ['a'.repeat(50), 'a'.repeat(40)],
    ['!!!', 'migration'],
  ])('%j -> %j', (description, slug) => {
    expect(slugify(description)).toBe(slug);
    expect(slug).toMatch(/^[a-z0-9_]{1,40}$/);
  });
});

describe('migrationFiles', () => {
  const createdAt = new Date(Date.UTC(2026, 10, 21, 8, 15, 0, 123));
  const table = { name: 't', columns: [], foreignKeys: [], uniques: [], checks: [], indexes: [] };
  const up = plan(
    [
      { sql: 'ALTER TYPE "e" ADD VALUE \'x`${y}\\\'', hazards: [], transactional: false, change: 0 },
      {
        sql: 'DROP TABLE "t"',
        hazards: [{ code: 'DATA_LOSS', message: 'table t and all its rows are dropped' }],
        transactional: true,
        change: 1,
      },
    ],
    [
      { kind: 'enum.value.add', enum: { name: 'e' }, value: 'x', reason: 'enum e lacks x' },
      { kind: 'table.drop', table, reason: 'table t is not in the target schema' },
    ],
  );
  const down = plan(
    [{ sql: 'CREATE TABLE "t" ()', hazards: [], transactional: true, change: 0 }],
    [{ kind: 'table.create', table, reason: 'table t is missing' }],
  );

  it('names files by UTC time and slug (or a template) and the class by the 13-digit timestamp TypeORM orders by', () => {
    const files = migrationFiles({ description: 'Drop t', createdAt, up, down });
    expect(files.baseName).toBe('20261121_081500_drop_t');
    expect(files.name).toBe('DropT1795248900123');
    expect(migrationFiles({ description: 'Drop t', createdAt, up, down, template: '{epoch}-{slug}' }).baseName).toBe(
      '1795248900123-drop_t',
    );
  });

  it('writes SQL verbatim into template literals, runs non-transactional statements outside, and marks what down cannot restore', () => {
    const { typescript, sql } = migrationFiles({ description: 'Drop t', createdAt, up, down });
    expect(typescript).toContain(
      "export class DropT1795248900123 implements MigrationInterface {\n  name = 'DropT1795248900123';",
    );
    expect(typescript).toContain(
      'await this.outsideTransaction(queryRunner, `ALTER TYPE "e" ADD VALUE \'x\\`\\${y}\\\\\'`);',
    );
    expect(typescript).toContain(
      '    // hazard DATA_LOSS: table t and all its rows are dropped\n    await queryRunner.query(`DROP TABLE "t"`);',
    );
    expect(typescript).toContain(
      '  public async down(queryRunner: QueryRunner): Promise<void> {\n' +
        '    // IRREVERSIBLE: table t and all its rows are dropped: the data is not restored\n',
    );
    expect(typescript).toContain('private async outsideTransaction(');
    expect(sql).toContain('-- runs outside the transaction\nALTER TYPE "e" ADD VALUE \'x`${y}\\\';');
    expect(sql).toContain(
      '-- down: summary\n-- IRREVERSIBLE: table t and all its rows are dropped: the data is not restored\n',
    );
  });

  it('type-checks under a strict app tsconfig, a method that issues nothing included (noUnusedParameters)', () => {
    const empty = plan([]);
    const { typescript } = migrationFiles({ description: 'Drop t', createdAt, up, down: empty });
    expect(typescript).toContain(
      '  public async down(_queryRunner: QueryRunner): Promise<void> {\n    // IRREVERSIBLE: ',
    );
    expect(typescript).toContain('  public async up(queryRunner: QueryRunner): Promise<void> {\n');
    // The file as if it were in this folder, so `typeorm` resolves to the installed package.
    const file = path.join(__dirname, 'strict-migration-check.ts');
    const options: ts.CompilerOptions = {
      strict: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
      noImplicitOverride: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noPropertyAccessFromIndexSignature: true,
      isolatedModules: true,
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, ...rest) =>
      name === file ? ts.createSourceFile(name, typescript, language) : read(name, language, ...rest);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === file || fileExists(name);
    const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram([file], options, host));
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))).toEqual([]);
  });
});
