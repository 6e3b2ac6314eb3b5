/**
 * A synthetic but realistic TypeORM schema of N entities, as entity source files: about ten columns per table
 * (varchar, text, numeric, int, boolean, timestamps), a string enum in every third table and a numeric enum in every
 * fifth, one foreign key per table (to an earlier table, the first to itself), one or two indexes, and a CHECK in
 * every fourth table. `changed` alters about 5% of the tables (every twentieth: a column added, a varchar widened, an
 * index added), the "someone edited a few entities" case.
 */
import type { DialectName } from '../../src/model';

export interface GeneratedEntities {
  /** File name (relative to the entities folder) -> TypeScript source. */
  readonly files: ReadonlyMap<string, string>;
  /** Tables whose entity differs from the in-sync version. */
  readonly changedTables: number;
}

const pad = (i: number): string => String(i).padStart(4, '0');
const className = (i: number): string => `Bench${pad(i)}`;
const tableName = (i: number): string => `bench_${pad(i)}`;
const fileName = (i: number): string => `bench-${pad(i)}.ts`;

/** Every twentieth table (offset so table 0, the self-referencing one, stays as is) changes in the changed set. */
export const isChangedTable = (i: number): boolean => i % 20 === 7;

function entitySource(i: number, dialect: DialectName, changed: boolean): string {
  const name = className(i);
  const parent = i === 0 ? 0 : Math.floor((i * 7) / 10); // an earlier table, spread over the schema
  const stringEnum = i % 3 === 0;
  const numericEnum = i % 5 === 0;
  const enumType = dialect === 'postgres' ? 'enum' : 'simple-enum';
  const lines: string[] = [];
  const imports = [
    'Column',
    'CreateDateColumn',
    'Entity',
    'Index',
    'JoinColumn',
    'ManyToOne',
    'PrimaryGeneratedColumn',
  ];
  if (i % 4 === 0) imports.push('Check');
  lines.push(`import { ${imports.sort().join(', ')} } from 'typeorm';`);
  if (parent !== i)
    lines.push(`import type { ${className(parent)} } from './${fileName(parent).replace(/\.ts$/, '')}';`);
  lines.push('');
  if (stringEnum)
    lines.push(`export enum ${name}Status {\n  Draft = 'draft',\n  Active = 'active',\n  Archived = 'archived',\n}\n`);
  if (numericEnum) lines.push(`export enum ${name}Priority {\n  Low = 1,\n  Normal = 2,\n  High = 3,\n}\n`);
  lines.push(`@Entity('${tableName(i)}')`);
  lines.push(`@Index(['name'])`);
  if (i % 2 === 0) lines.push(`@Index(['code'], { unique: true })`);
  if (changed) lines.push(`@Index(['quantity', 'active'])`);
  if (i % 4 === 0) lines.push(`@Check('"quantity" >= 0')`);
  lines.push(`export class ${name} {`);
  const member = (decorators: string[], declaration: string) =>
    lines.push(...decorators.map((d) => `  ${d}`), `  ${declaration}`, '');
  member(['@PrimaryGeneratedColumn()'], 'id: number;');
  member([`@Column({ type: 'varchar', length: ${changed ? 160 : 120} })`], 'name: string;');
  member([`@Column({ type: 'varchar', length: 32 })`], 'code: string;');
  member([`@Column({ type: 'text', nullable: true })`], 'description: string | null;');
  member([`@Column({ type: 'decimal', precision: 12, scale: 2, default: 0 })`], 'amount: string;');
  member([`@Column({ type: 'int', default: 0 })`], 'quantity: number;');
  member([`@Column({ type: 'boolean', default: true })`], 'active: boolean;');
  if (stringEnum)
    member(
      [`@Column({ type: '${enumType}', enum: ${name}Status, default: ${name}Status.Draft })`],
      `status: ${name}Status;`,
    );
  if (numericEnum)
    member(
      [`@Column({ type: '${enumType}', enum: ${name}Priority, nullable: true })`],
      `priority: ${name}Priority | null;`,
    );
  if (changed) member([`@Column({ type: 'varchar', length: 200, nullable: true })`], 'note: string | null;');
  member(['@CreateDateColumn()'], 'createdAt: Date;');
  member([`@Column({ type: 'int', nullable: true })`], 'parentId: number | null;');
  member(
    [
      `@ManyToOne('${className(parent)}', { nullable: true, onDelete: 'SET NULL' })`,
      `@JoinColumn({ name: 'parentId' })`,
    ],
    `parent: ${parent === i ? name : className(parent)} | null;`,
  );
  lines.pop();
  lines.push('}', '');
  return lines.join('\n');
}

/** The entity files of an N-table schema; `changed` gives the version with about 5% of the tables altered. */
export function generateEntities(count: number, dialect: DialectName, changed = false): GeneratedEntities {
  const files = new Map<string, string>();
  let changedTables = 0;
  for (let i = 0; i < count; i++) {
    const alter = changed && isChangedTable(i);
    if (alter) changedTables++;
    files.set(fileName(i), entitySource(i, dialect, alter));
  }
  return { files, changedTables };
}
