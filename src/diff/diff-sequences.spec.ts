import type { Model, Sequence, Table } from '../model';
import { normalizeModel } from '../model';
import { postgresEnums } from '../dialects/postgres/enum-diff';
import { diffModels as diffWith, type DiffOptions } from './diff';

const diffModels = (from: Model, to: Model, options: Omit<DiffOptions, 'enums'> = {}) =>
  diffWith(from, to, { enums: postgresEnums, ...options });

const table = (name: string, columns: Table['columns']): Table => ({
  schema: 'public',
  name,
  columns,
  primaryKey: { name: `PK_${name}`, columns: ['id'] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
});
const id = { name: 'id', type: 'integer', nullable: false };
const n = { name: 'n', type: 'bigint', nullable: true };
const model = (tables: Table[], sequences?: Sequence[]): Model =>
  normalizeModel({ dialect: 'postgres', extensions: [], enums: [], tables, sequences });
const seq = (name: string, extra: Partial<Sequence> = {}): Sequence => ({
  schema: 'public',
  name,
  type: 'bigint',
  ...extra,
});
const changes = (from: Model, to: Model) => diffModels(from, to).changes;

describe('diffSequences', () => {
  it('finds nothing between equal sequences, and nothing when neither side has any', () => {
    const m = model([table('t', [id, n])], [seq('s', { increment: '2', ownedBy: { table: 't', column: 'n' } })]);
    expect(changes(m, m)).toEqual([]);
    expect(changes(model([]), model([]))).toEqual([]);
  });

  it('creates a sequence without its owner, then owns it with an alter', () => {
    const owned = seq('s', { start: '5', ownedBy: { table: 't', column: 'n' } });
    const t = table('t', [id, n]);
    expect(changes(model([t]), model([t], [owned]))).toEqual([
      { kind: 'sequence.create', sequence: seq('s', { start: '5' }), reason: 'sequence public.s is missing' },
      {
        kind: 'sequence.alter',
        from: seq('s', { start: '5' }),
        to: owned,
        fields: ['ownedBy'],
        reason: 'sequence public.s is owned by t.n',
      },
    ]);
  });

  it('alters the fields that differ, owner included', () => {
    const t = table('t', [id, n]);
    const before = seq('s', { type: 'integer', cycle: true, ownedBy: { table: 't', column: 'n' } });
    const after = seq('s', { increment: '3', cache: '10' });
    expect(changes(model([t], [before]), model([t], [after]))).toEqual([
      expect.objectContaining({ kind: 'sequence.alter', fields: ['type', 'increment', 'cache', 'cycle', 'ownedBy'] }),
    ]);
  });

  it('drops a sequence, except one its dropped owner (table or column) takes along', () => {
    const t = table('t', [id, n]);
    const from = model(
      [t, table('gone', [id, n])],
      [
        seq('loose'),
        seq('of_gone', { ownedBy: { table: 'gone', column: 'n' } }),
        seq('of_n', { ownedBy: { table: 't', column: 'n' } }),
      ],
    );
    const to = model([table('t', [id])]);
    expect(changes(from, to).filter((c) => c.kind.startsWith('sequence.'))).toEqual([
      { kind: 'sequence.drop', sequence: seq('loose'), reason: 'sequence public.loose is not in the target schema' },
    ]);
  });

  it("alters a serial's sequence that becomes standalone, and a standalone one that becomes a serial's", () => {
    const serial = table('t', [{ ...id, generated: 'increment' }]);
    const drawing = table('t', [{ ...id, default: `nextval('t_id_seq'::regclass)` }]);
    const standalone = seq('t_id_seq');
    const implied = seq('t_id_seq', { type: 'integer', ownedBy: { table: 't', column: 'id' } });
    expect(changes(model([serial]), model([drawing], [standalone]))).toEqual([
      expect.objectContaining({ kind: 'sequence.alter', from: implied, to: standalone, fields: ['type', 'ownedBy'] }),
      expect.objectContaining({ kind: 'column.alter', fields: ['default', 'generated'] }),
    ]);
    expect(changes(model([drawing], [standalone]), model([serial]))).toEqual([
      expect.objectContaining({ kind: 'sequence.alter', from: standalone, to: implied, fields: ['type', 'ownedBy'] }),
      expect.objectContaining({ kind: 'column.alter', fields: ['default', 'generated'] }),
    ]);
  });

  it('follows a declared table rename with the owner', () => {
    const from = model([table('old', [id, n])], [seq('s', { ownedBy: { table: 'old', column: 'n' } })]);
    const to = model([table('new', [id, n])], [seq('s', { ownedBy: { table: 'new', column: 'n' } })]);
    const renames = {
      tables: [
        {
          from: { schema: 'public', name: 'old' },
          to: { schema: 'public', name: 'new' },
          rename: true,
          source: 'test',
        },
      ],
      columns: [],
      enums: [],
      enumValues: [],
    };
    const kinds = diffModels(from, to, { renames }).changes.map((c) => c.kind);
    expect(kinds).toContain('table.rename');
    expect(kinds.filter((kind) => kind.startsWith('sequence.'))).toEqual([]);
  });
});
