/**
 * The sample app the adoption test installs schemaplan into, as a team's app looks: its own TypeORM (0.3.31, most
 * apps; or 1.x), `pg`, `reflect-metadata` and TypeScript; a tsconfig that extends a base config and maps
 * `@app/entities/*` with `baseUrl` + `paths`; `.env` with DATABASE_URL; a DataSource file whose `migrations` glob is
 * where migrations go; entities with PostgreSQL-only types (timestamptz, jsonb, uuid, enum) and a many-to-many with
 * `@JoinTable` on both sides (one junction name).
 *
 * `baseline: true` leaves out what other work adds to schemaplan (resolving tsconfig `paths`, reading `.env`, a
 * both-sided `@JoinTable`): relative imports, a one-sided `@JoinTable`, the URL passed with `--url`. It shows the rest
 * of the adoption passes without them.
 */
export interface AppOptions {
  /** `typeorm` version the app pins. */
  readonly typeorm: string;
  /** The schemaplan tarball (`npm pack`). */
  readonly tarball: string;
  readonly databaseUrl: string;
  readonly baseline: boolean;
}

export function appFiles(options: AppOptions): Record<string, string> {
  // An entity as imported from src/data-source.ts (`fromEntities`: from another entity file).
  const entity = (name: string, fromEntities = true) =>
    options.baseline ? `./${fromEntities ? '' : 'entities/'}${name}` : `@app/entities/${name}`;
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'package.json': json({
      name: 'adopt-app',
      version: '1.0.0',
      private: true,
      scripts: {
        // TypeORM's CLI the way TypeORM documents it for TypeScript, with the tsconfig paths registered.
        typeorm: 'node -r ts-node/register -r tsconfig-paths/register ./node_modules/typeorm/cli.js',
      },
      dependencies: {
        pg: '^8.11.0',
        'reflect-metadata': '^0.2.2',
        schemaplan: `file:${options.tarball}`,
        typeorm: options.typeorm,
      },
      devDependencies: {
        '@types/node': '^20.19.0',
        'ts-node': '^10.9.2',
        'tsconfig-paths': '^4.2.0',
        typescript: '~5.9.0',
      },
    }),
    'tsconfig.base.json': json({
      compilerOptions: {
        target: 'ES2021',
        module: 'commonjs',
        moduleResolution: 'node',
        strict: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        strictPropertyInitialization: false,
        esModuleInterop: true,
        skipLibCheck: true,
        noUnusedLocals: true,
        types: ['node'],
      },
    }),
    'tsconfig.json': json({
      extends: './tsconfig.base.json',
      compilerOptions: { baseUrl: '.', paths: { '@app/entities/*': ['src/entities/*'] }, outDir: 'dist' },
      include: ['src'],
      'ts-node': { transpileOnly: true },
    }),
    '.env': `DATABASE_URL=${options.databaseUrl}\n`,
    'schema.config.json': json({ dataSource: 'src/data-source.ts' }),
    'src/data-source.ts': [
      "import 'reflect-metadata';",
      "import { DataSource } from 'typeorm';",
      `import { Project } from '${entity('project', false)}';`,
      `import { Team } from '${entity('team', false)}';`,
      `import { User } from '${entity('user', false)}';`,
      '',
      'export default new DataSource({',
      "  type: 'postgres',",
      '  url: process.env.DATABASE_URL,',
      '  entities: [User, Team, Project],',
      "  migrations: ['src/migrations/*.ts'],",
      '});',
      '',
    ].join('\n'),
    'src/entities/user.ts': [
      `import { Column, CreateDateColumn, Entity, Index, ${options.baseline ? '' : 'JoinTable, '}ManyToMany, PrimaryGeneratedColumn } from 'typeorm';`,
      `import { Team } from '${entity('team')}';`,
      '',
      "export enum UserRole {\n  Admin = 'admin',\n  Member = 'member',\n}",
      '',
      "@Entity('users')",
      'export class User {',
      "  @PrimaryGeneratedColumn('uuid')",
      '  id: string;',
      '',
      "  @Index('IDX_users_email', { unique: true })",
      "  @Column({ type: 'varchar', length: 200 })",
      '  email: string;',
      '',
      "  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role', default: UserRole.Member })",
      '  role: UserRole;',
      '',
      "  @Column({ type: 'jsonb', default: {} })",
      '  settings: Record<string, unknown>;',
      '',
      "  @CreateDateColumn({ type: 'timestamptz' })",
      '  createdAt: Date;',
      '',
      // Actions on both sides: without them TypeORM 0.3 gives the two junction sides different ones (each side's key to
      // the other table takes that side's relation's actions: NO ACTION when it declares none), and its own schema
      // builder is never done with the table (its log() right after its synchronize() drops and re-adds both keys).
      "  @ManyToMany(() => Team, (team) => team.members, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })",
      ...(options.baseline
        ? []
        : [
            "  @JoinTable({ name: 'team_members', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'team_id' } })",
          ]),
      '  teams: Team[];',
      '}',
      '',
    ].join('\n'),
    'src/entities/team.ts': [
      "import { Column, Entity, JoinTable, ManyToMany, OneToMany, PrimaryGeneratedColumn } from 'typeorm';",
      `import { Project } from '${entity('project')}';`,
      `import { User } from '${entity('user')}';`,
      '',
      "@Entity('teams')",
      'export class Team {',
      '  @PrimaryGeneratedColumn()',
      '  id: number;',
      '',
      "  @Column({ type: 'varchar', length: 100 })",
      '  name: string;',
      '',
      "  @ManyToMany(() => User, (user) => user.teams, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })",
      "  @JoinTable({ name: 'team_members', joinColumn: { name: 'team_id' }, inverseJoinColumn: { name: 'user_id' } })",
      '  members: User[];',
      '',
      '  @OneToMany(() => Project, (project) => project.team)',
      '  projects: Project[];',
      '}',
      '',
    ].join('\n'),
    'src/entities/project.ts': [
      "import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';",
      `import { Team } from '${entity('team')}';`,
      '',
      "export enum ProjectStatus {\n  Active = 'active',\n  Archived = 'archived',\n}",
      '',
      "@Entity('projects')",
      'export class Project {',
      '  @PrimaryGeneratedColumn()',
      '  id: number;',
      '',
      "  @Column({ type: 'uuid', nullable: true })",
      '  externalId: string | null;',
      '',
      "  @Column({ type: 'enum', enum: ProjectStatus, default: ProjectStatus.Active })",
      '  status: ProjectStatus;',
      '',
      "  @UpdateDateColumn({ type: 'timestamptz' })",
      '  updatedAt: Date;',
      '',
      "  @ManyToOne(() => Team, (team) => team.projects, { onDelete: 'CASCADE' })",
      '  team: Team;',
      '}',
      '',
    ].join('\n'),
    // The app's own scripts, run with its TypeORM: what TypeORM's schema builder would still change, and synchronize().
    'scripts/pending.ts': [
      "import dataSource from '../src/data-source';",
      '',
      'async function main(): Promise<void> {',
      '  await dataSource.initialize();',
      '  const sql = await dataSource.driver.createSchemaBuilder().log();',
      '  process.stdout.write(JSON.stringify(sql.upQueries.map((q) => q.query)));',
      '  await dataSource.destroy();',
      '}',
      'main().catch((error) => {',
      '  process.stderr.write(`${error}\\n`);',
      '  process.exit(1);',
      '});',
      '',
    ].join('\n'),
    'scripts/synchronize.ts': [
      "import dataSource from '../src/data-source';",
      '',
      'async function main(): Promise<void> {',
      '  await dataSource.initialize();',
      '  await dataSource.synchronize();',
      '  await dataSource.destroy();',
      '}',
      'main().catch((error) => {',
      '  process.stderr.write(`${error}\\n`);',
      '  process.exit(1);',
      '});',
      '',
    ].join('\n'),
  };
}

/** The entity edit a team makes next: a `nickname` column on User. */
export function withNickname(userEntity: string): string {
  return userEntity.replace(
    '  @CreateDateColumn',
    "  @Column({ type: 'varchar', length: 50, nullable: true })\n  nickname: string | null;\n\n  @CreateDateColumn",
  );
}
