import type { Change } from '../diff/changes';
import type { Table } from '../model';
import { DependencyCycleError, topologicalSort } from './graph';
import { orderChanges } from './order';

const table = (name: string, extra: Partial<Table> = {}): Table => ({
  schema: 'public',
  name,
  columns: [{ name: 'id', type: 'integer', nullable: false }],
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
  ...extra,
});
const fk = (name: string, to: string) => ({
  name,
  columns: ['ref'],
  referencedSchema: 'public',
  referencedTable: to,
  referencedColumns: ['id'],
  onDelete: 'NO ACTION' as const,
  onUpdate: 'NO ACTION' as const,
});
const labels = (changes: Change[]) =>
  changes.map((c) => ('table' in c && c.table ? `${c.kind} ${c.table.name}` : c.kind));

describe('orderChanges', () => {
  it('creates enums before the tables using them and tables before foreign keys pointing at them', () => {
    const changes: Change[] = [
      { kind: 'foreignKey.add', table: { schema: 'public', name: 'a' }, foreignKey: fk('FK_a_b', 'b'), reason: '' },
      { kind: 'foreignKey.add', table: { schema: 'public', name: 'b' }, foreignKey: fk('FK_b_a', 'a'), reason: '' },
      { kind: 'table.create', table: table('b'), reason: '' },
      {
        kind: 'table.create',
        table: table('a', {
          columns: [{ name: 'e', type: 'enum', enum: { schema: 'public', name: 'e' }, nullable: false }],
        }),
        reason: '',
      },
      { kind: 'enum.create', enum: { schema: 'public', name: 'e', values: ['x'] }, reason: '' },
    ];
    expect(labels(orderChanges(changes))).toEqual([
      'enum.create',
      'table.create a',
      'table.create b',
      'foreignKey.add a',
      'foreignKey.add b',
    ]);
  });

  it('drops a referencing table before the key it references is dropped (found by convergence fuzzing)', () => {
    const parent = { schema: 'public', name: 'parent' };
    const changes: Change[] = [
      { kind: 'primaryKey.drop', table: parent, primaryKey: { name: 'pk_parent', columns: ['id'] }, reason: '' },
      { kind: 'table.drop', table: table('child', { foreignKeys: [fk('FK_child_parent', 'parent')] }), reason: '' },
      { kind: 'column.drop', table: parent, column: { name: 'id', type: 'integer', nullable: false }, reason: '' },
    ];
    expect(labels(orderChanges(changes))).toEqual(['table.drop child', 'primaryKey.drop parent', 'column.drop parent']);
  });

  it('drops a referencing table before the table it references, and enums after their last user', () => {
    const changes: Change[] = [
      { kind: 'enum.drop', enum: { schema: 'public', name: 'e', values: ['x'] }, reason: '' },
      { kind: 'table.drop', table: table('parent'), reason: '' },
      {
        kind: 'table.drop',
        table: table('child', {
          columns: [{ name: 'e', type: 'enum', enum: { schema: 'public', name: 'e' }, nullable: false }],
          foreignKeys: [fk('FK_child_parent', 'parent')],
        }),
        reason: '',
      },
    ];
    expect(labels(orderChanges(changes))).toEqual(['table.drop child', 'table.drop parent', 'enum.drop']);
  });

  it('drops tables that reference each other once the diff has dropped the foreign key closing the cycle', () => {
    const a = table('a', { foreignKeys: [fk('FK_a_b', 'b')] });
    const b = table('b', { foreignKeys: [fk('FK_b_a', 'a')] });
    const changes: Change[] = [
      { kind: 'table.drop', table: a, reason: '' },
      { kind: 'table.drop', table: b, reason: '' },
      { kind: 'foreignKey.drop', table: { schema: 'public', name: 'a' }, foreignKey: fk('FK_a_b', 'b'), reason: '' },
    ];
    expect(labels(orderChanges(changes))).toEqual(['foreignKey.drop a', 'table.drop b', 'table.drop a']);
  });

  it('drops an index before dropping its column, and adds a column before indexing it', () => {
    const t = { schema: 'public', name: 't' };
    const changes: Change[] = [
      { kind: 'column.drop', table: t, column: { name: 'old', type: 'integer', nullable: true }, reason: '' },
      { kind: 'index.create', table: t, index: { name: 'IDX_new', columns: ['new'], unique: false }, reason: '' },
      { kind: 'index.drop', table: t, index: { name: 'IDX_old', columns: ['old'], unique: false }, reason: '' },
      { kind: 'column.add', table: t, column: { name: 'new', type: 'integer', nullable: true }, reason: '' },
    ];
    expect(orderChanges(changes).map((c) => c.kind)).toEqual([
      'index.drop',
      'column.add',
      'index.create',
      'column.drop',
    ]);
  });

  it('creates referenced tables first when foreign keys are inline (SQLite), unless they form a cycle', () => {
    const withFk = (name: string, to: string) => table(name, { foreignKeys: [fk(`FK_${name}`, to)] });
    const create = (t: Table): Change => ({ kind: 'table.create', table: t, reason: '' });
    expect(labels(orderChanges([create(withFk('a_child', 'z_parent')), create(table('z_parent'))]))).toEqual([
      'table.create z_parent',
      'table.create a_child',
    ]);
    expect(labels(orderChanges([create(withFk('b', 'a')), create(withFk('a', 'b'))]))).toEqual([
      'table.create a',
      'table.create b',
    ]);
  });

  it('is deterministic whatever the input order', () => {
    const changes: Change[] = ['c', 'a', 'b'].map((name) => ({ kind: 'table.create', table: table(name), reason: '' }));
    const once = labels(orderChanges(changes));
    expect(labels(orderChanges([...changes].reverse()))).toEqual(once);
    expect(once).toEqual(['table.create a', 'table.create b', 'table.create c']);
  });
});

describe('topologicalSort', () => {
  it('names the cycle it cannot order', () => {
    const nodes = [0, 1, 2].map((id) => ({ id, priority: [id], label: `n${id}` }));
    expect(() =>
      topologicalSort(nodes, [
        [0, 1],
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(DependencyCycleError);
    expect(() =>
      topologicalSort(nodes, [
        [0, 1],
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/n1\n {2}-> n2\n {2}-> n1/);
  });

  it('renames a table or column before anything uses the new name, and frees a name before a rename reuses it', () => {
    const at = (name: string) => ({ schema: 'public', name });
    const people = table('people');
    const index = (name: string) => ({ name, columns: ['id'], unique: false });
    const changes: Change[] = [
      { kind: 'index.rename', table: at('members'), from: index('IDX_old'), to: index('IDX_new'), reason: '' },
      { kind: 'index.drop', table: at('members'), index: index('IDX_new'), reason: '' },
      {
        kind: 'foreignKey.add',
        table: at('pets'),
        foreignKey: { ...fk('FK_pets', 'members'), referencedColumns: ['member_id'] },
        reason: '',
      },
      {
        kind: 'column.rename',
        table: at('members'),
        from: 'id',
        to: 'member_id',
        column: people.columns[0]!,
        reason: '',
      },
      { kind: 'table.rename', from: at('people'), to: at('members'), table: people, reason: '' },
    ];
    expect(orderChanges(changes).map((c) => c.kind)).toEqual([
      'table.rename',
      'column.rename',
      'index.drop',
      'index.rename',
      'foreignKey.add',
    ]);
  });
});

describe('orderChanges: standalone sequences', () => {
  const seq = { schema: 'public', name: 's', type: 'bigint' as const };
  const owned = { ...seq, ownedBy: { table: 't', column: 'n' } };
  const calling = table('t', {
    columns: [
      { name: 'id', type: 'integer', nullable: false },
      { name: 'n', type: 'bigint', nullable: true, default: `nextval('s'::regclass)` },
    ],
  });
  const label = (c: Change) => ('table' in c && c.table ? `${c.kind} ${c.table.name}` : c.kind);

  it('creates a sequence before the table calling it, and owns it once the table exists', () => {
    const changes: Change[] = [
      { kind: 'sequence.alter', from: seq, to: owned, fields: ['ownedBy'], reason: '' },
      { kind: 'table.create', table: calling, reason: '' },
      { kind: 'sequence.create', sequence: seq, reason: '' },
    ];
    expect(orderChanges(changes).map(label)).toEqual(['sequence.create', 'table.create t', 'sequence.alter']);
  });

  it('drops a sequence after the table calling it, and gives up an owner before its column goes', () => {
    const changes: Change[] = [
      { kind: 'sequence.drop', sequence: seq, reason: '' },
      { kind: 'table.drop', table: calling, reason: '' },
    ];
    expect(orderChanges(changes).map(label)).toEqual(['table.drop t', 'sequence.drop']);
    const release: Change[] = [
      { kind: 'column.drop', table: { schema: 'public', name: 't' }, column: calling.columns[1]!, reason: '' },
      { kind: 'sequence.alter', from: owned, to: seq, fields: ['ownedBy'], reason: '' },
    ];
    expect(orderChanges(release).map(label)).toEqual(['sequence.alter', 'column.drop t']);
  });
});
