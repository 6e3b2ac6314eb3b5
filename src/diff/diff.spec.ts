import type { Column, Model, Table } from '../model';
import { normalizeModel } from '../model';
import { diffModels } from './diff';

const col = (name: string, extra: Partial<Column> = {}): Column => ({ name, type: 'integer', nullable: false, ...extra });
const table = (name: string, extra: Partial<Table> = {}): Table => ({
  schema: 'public',
  name,
  columns: [col('id')],
  primaryKey: { name: `PK_${name}`, columns: ['id'] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
  ...extra,
});
const model = (tables: Table[], extra: Partial<Model> = {}): Model =>
  normalizeModel({ dialect: 'postgres', extensions: [], enums: [], tables, ...extra });
const kinds = (from: Model, to: Model) => diffModels(from, to).changes.map((c) => c.kind);

describe('diffModels', () => {
  it('finds nothing between equal models', () => {
    const m = model([table('users', { indexes: [{ name: 'IDX_a', columns: ['id'], unique: false }] })]);
    expect(diffModels(m, m)).toEqual({ changes: [], diagnostics: [], decisions: [], from: m });
  });

  it('creates a new table without its foreign keys and adds each foreign key separately', () => {
    const fk = {
      name: 'FK_1',
      columns: ['ownerId'],
      referencedSchema: 'public',
      referencedTable: 'users',
      referencedColumns: ['id'],
      onDelete: 'CASCADE' as const,
      onUpdate: 'NO ACTION' as const,
    };
    const decks = table('decks', { columns: [col('id'), col('ownerId')], foreignKeys: [fk] });
    const changes = diffModels(model([]), model([decks])).changes;
    expect(changes.map((c) => c.kind)).toEqual(['table.create', 'foreignKey.add']);
    expect(changes[0]).toMatchObject({ kind: 'table.create', table: { name: 'decks', foreignKeys: [] } });
    expect(changes[1]).toMatchObject({ kind: 'foreignKey.add', foreignKey: fk });
  });

  it('reports columns added, dropped and altered, naming the fields that differ', () => {
    // `old` and `age` have different types: not a possible rename (see diff-renames.spec.ts for those).
    const from = model([table('users', { columns: [col('id'), col('bio', { type: 'text', nullable: true }), col('old', { type: 'boolean' })] })]);
    const to = model([
      table('users', { columns: [col('id'), col('bio', { type: 'text', nullable: false, default: "''" }), col('age')] }),
    ]);
    const changes = diffModels(from, to).changes;
    expect(changes.map((c) => c.kind)).toEqual(['column.add', 'column.drop', 'column.alter']);
    expect(changes[2]).toMatchObject({ kind: 'column.alter', fields: ['nullable', 'default'] });
  });

  it('treats a length change as a type change', () => {
    const from = model([table('t', { columns: [col('id'), col('name', { type: 'character varying', length: 50 })] })]);
    const to = model([table('t', { columns: [col('id'), col('name', { type: 'character varying', length: 200 })] })]);
    expect(diffModels(from, to).changes).toMatchObject([{ kind: 'column.alter', fields: ['type'] }]);
  });

  it('drops and re-adds a constraint whose definition changed under the same name', () => {
    const from = model([table('t', { uniques: [{ name: 'UQ_x', columns: ['id'] }] })]);
    const to = model([table('t', { columns: [col('id'), col('b')], uniques: [{ name: 'UQ_x', columns: ['id', 'b'] }] })]);
    expect(kinds(from, to)).toEqual(['column.add', 'unique.drop', 'unique.add']);
  });

  it('adds enum values at their declared position', () => {
    const from = model([], { enums: [{ schema: 'public', name: 'level', values: ['A1', 'B1'] }] });
    const to = model([], { enums: [{ schema: 'public', name: 'level', values: ['A1', 'A2', 'B1', 'B2'] }] });
    expect(diffModels(from, to).changes).toEqual([
      expect.objectContaining({ kind: 'enum.value.add', value: 'A2', before: 'B1' }),
      expect.objectContaining({ kind: 'enum.value.add', value: 'B2', before: undefined }),
    ]);
  });

  it('refuses, as an error diagnostic, to plan enum value removal it cannot do yet', () => {
    const from = model([], { enums: [{ schema: 'public', name: 'level', values: ['A1', 'B1'] }] });
    const to = model([], { enums: [{ schema: 'public', name: 'level', values: ['B1'] }] });
    const result = diffModels(from, to);
    expect(result.changes).toEqual([]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'ENUM_VALUES_REMOVED_OR_REORDERED' })]);
  });

  it('drops the foreign keys that close a reference cycle among dropped tables, and only those', () => {
    const fk = (name: string, to: string) => ({
      name,
      columns: ['id'],
      referencedSchema: 'public',
      referencedTable: to,
      referencedColumns: ['id'],
      onDelete: 'NO ACTION' as const,
      onUpdate: 'NO ACTION' as const,
    });
    const from = model([
      table('a', { foreignKeys: [fk('FK_a_b', 'b')] }),
      table('b', { foreignKeys: [fk('FK_b_a', 'a'), fk('FK_b_c', 'c')] }),
      table('c'),
      table('d', { foreignKeys: [fk('FK_d_d', 'd')] }),
    ]);
    const changes = diffModels(from, model([])).changes;
    expect(changes.filter((c) => c.kind === 'foreignKey.drop').map((c) => c.kind === 'foreignKey.drop' && c.foreignKey.name)).toEqual([
      'FK_a_b',
      'FK_b_a',
    ]);
  });

  it('only ever adds extensions', () => {
    expect(kinds(model([], { extensions: ['uuid-ossp'] }), model([]))).toEqual([]);
    expect(kinds(model([]), model([], { extensions: ['uuid-ossp'] }))).toEqual(['extension.create']);
  });
});
