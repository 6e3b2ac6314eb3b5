import type { Column, Model, Renames, Table } from '../model';
import { NO_RENAMES, normalizeModel } from '../model';
import { postgresEnums } from '../dialects/postgres/enum-diff';
import { diffModels as diffWith, type DiffOptions } from './diff';

const diffModels = (from: Model, to: Model, options: Omit<DiffOptions, 'enums'> = {}) =>
  diffWith(from, to, { enums: postgresEnums, ...options });

const col = (name: string, extra: Partial<Column> = {}): Column => ({
  name,
  type: 'integer',
  nullable: false,
  ...extra,
});
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
    const from = model([
      table('users', {
        columns: [col('id'), col('bio', { type: 'text', nullable: true }), col('old', { type: 'boolean' })],
      }),
    ]);
    const to = model([
      table('users', {
        columns: [col('id'), col('bio', { type: 'text', nullable: false, default: "''" }), col('age')],
      }),
    ]);
    const changes = diffModels(from, to).changes;
    expect(changes.map((c) => c.kind)).toEqual(['column.add', 'column.drop', 'column.alter']);
    expect(changes[2]).toMatchObject({ kind: 'column.alter', fields: ['nullable', 'default'] });
  });

  it('validates a NOT VALID constraint in place, but drops and re-adds one that becomes NOT VALID', () => {
    const check = { name: 'CHK_a', expression: '(id > 0)' };
    const notValid = model([table('t', { checks: [{ ...check, notValid: true }] })]);
    const valid = model([table('t', { checks: [check] })]);
    expect(diffModels(notValid, valid).changes).toMatchObject([
      { kind: 'constraint.validate', constraintType: 'check', name: 'CHK_a', table: { name: 't' } },
    ]);
    expect(kinds(valid, notValid)).toEqual(['check.drop', 'check.add']);
    // Another definition as well: drop and add, never a validation of the old expression.
    const changed = model([table('t', { checks: [{ ...check, expression: '(id > 1)' }] })]);
    expect(kinds(notValid, changed)).toEqual(['check.drop', 'check.add']);
  });

  it('treats a length change as a type change', () => {
    const from = model([table('t', { columns: [col('id'), col('name', { type: 'character varying', length: 50 })] })]);
    const to = model([table('t', { columns: [col('id'), col('name', { type: 'character varying', length: 200 })] })]);
    expect(diffModels(from, to).changes).toMatchObject([{ kind: 'column.alter', fields: ['type'] }]);
  });

  it('drops and re-adds a constraint whose definition changed under the same name', () => {
    const from = model([table('t', { uniques: [{ name: 'UQ_x', columns: ['id'] }] })]);
    const to = model([
      table('t', { columns: [col('id'), col('b')], uniques: [{ name: 'UQ_x', columns: ['id', 'b'] }] }),
    ]);
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

  describe('enums', () => {
    const level = (values: string[], name = 'level') => ({ schema: 'public', name, values });
    const decks = (extra: Partial<Column> = {}, tableExtra: Partial<Table> = {}) =>
      table('decks', {
        columns: [col('id'), col('level', { type: 'enum', enum: { schema: 'public', name: 'level' }, ...extra })],
        ...tableExtra,
      });
    const declared = (from: string, to: string, rename = true): Renames => ({
      ...NO_RENAMES,
      enumValues: [
        {
          enum: { schema: 'public', name: 'level' },
          from,
          to,
          rename,
          source: 'test',
          columns: [{ table: { schema: 'public', name: 'decks' }, column: 'level' }],
        },
      ],
    });

    it('swaps the type when labels are removed or reordered, converting every column that keeps it', () => {
      const from = model([decks({ default: "'B1'" })], { enums: [level(['A1', 'B1', 'C1'])] });
      const to = model([decks({ default: "'B1'" })], { enums: [level(['B1', 'A1'])] });
      const result = diffModels(from, to);
      expect(result.diagnostics).toEqual([]);
      expect(result.changes).toEqual([
        expect.objectContaining({
          kind: 'enum.recreate',
          from: level(['A1', 'B1', 'C1']),
          to: level(['B1', 'A1']),
          mappings: [],
          columns: [
            expect.objectContaining({
              table: { schema: 'public', name: 'decks' },
              from: expect.objectContaining({ name: 'level' }),
            }),
          ],
        }),
      ]);
    });

    it('drops and recreates the checks and partial indexes that mention a swapped column', () => {
      const check = { name: 'CHK_level', expression: `"level" <> 'A1'` };
      const index = { name: 'IDX_b1', columns: ['id'], unique: false, where: `level = 'B1'` };
      const other = { name: 'IDX_id', columns: ['id'], unique: false, where: 'id > 0' };
      const tables = decks({}, { checks: [check], indexes: [index, other] });
      const result = diffModels(
        model([tables], { enums: [level(['A1', 'B1'])] }),
        model([tables], { enums: [level(['B1', 'A1'])] }),
      );
      expect(
        result.changes.map((c) =>
          `${c.kind} ${c.kind === 'enum.recreate' ? '' : c.kind.startsWith('check') ? 'CHK_level' : (c as { index: { name: string } }).index.name}`.trim(),
        ),
      ).toEqual([
        'enum.recreate',
        'check.drop CHK_level',
        'check.add CHK_level',
        'index.drop IDX_b1',
        'index.create IDX_b1',
      ]);
    });

    it('renames a label in place when declared, and maps rows onto a kept label when that is declared', () => {
      const from = model([decks({ default: "'A0'" })], { enums: [level(['A0', 'B1'])] });
      const renamed = diffModels(from, model([decks({ default: "'A1'" })], { enums: [level(['A1', 'B1'])] }), {
        renames: declared('A0', 'A1'),
      });
      expect(renamed.changes).toEqual([expect.objectContaining({ kind: 'enum.value.rename', from: 'A0', to: 'A1' })]);
      expect(renamed.decisions).toEqual([]);

      const mapped = diffModels(
        model([decks()], { enums: [level(['A0', 'A1', 'B1'])] }),
        model([decks()], { enums: [level(['A1', 'B1'])] }),
        { renames: declared('A0', 'A1') },
      );
      expect(mapped.changes).toEqual([
        expect.objectContaining({ kind: 'enum.recreate', mappings: [{ from: 'A0', to: 'A1', source: 'test' }] }),
      ]);
    });

    it('asks whether a label removed and one added at the same position is a rename, unless declared', () => {
      const from = model([decks()], { enums: [level(['A0', 'B1'])] });
      const to = model([decks()], { enums: [level(['A1', 'B1'])] });
      expect(diffModels(from, to).decisions).toEqual([
        {
          code: 'RENAME_OR_DROP',
          object: 'enumValue',
          from: "public.level 'A0'",
          to: "public.level 'A1'",
          question: "Is label 'A1' of enum public.level renamed from 'A0'?",
          entry: { section: 'enumValues', value: { enum: 'public.level', from: 'A0', to: 'A1' } },
          decorator: '@RenamedFrom({ values: { "A0": "A1" } }) on the property of decks.level',
        },
      ]);
      expect(diffModels(from, to, { renames: declared('A0', 'A1', false) }).decisions).toEqual([]);
    });

    it('renames a type when declared, and otherwise asks about a dropped and an added type with the same labels', () => {
      const to = model([decks()], { enums: [level(['A1', 'B1'])] });
      const fromTables = model(
        [
          table('decks', {
            columns: [col('id'), col('level', { type: 'enum', enum: { schema: 'public', name: 'old_level' } })],
          }),
        ],
        { enums: [level(['A1', 'B1'], 'old_level')] },
      );
      const asked = diffModels(fromTables, to);
      expect(asked.decisions).toEqual([
        expect.objectContaining({ object: 'enum', from: 'public.old_level', to: 'public.level' }),
      ]);
      const renames: Renames = {
        ...NO_RENAMES,
        enums: [
          {
            from: { schema: 'public', name: 'old_level' },
            to: { schema: 'public', name: 'level' },
            rename: true,
            source: 'test',
          },
        ],
      };
      const renamed = diffModels(fromTables, to, { renames });
      expect(renamed.changes).toEqual([expect.objectContaining({ kind: 'enum.rename' })]);
      expect(renamed.decisions).toEqual([]);
    });
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
    expect(
      changes.filter((c) => c.kind === 'foreignKey.drop').map((c) => c.kind === 'foreignKey.drop' && c.foreignKey.name),
    ).toEqual(['FK_a_b', 'FK_b_a']);
  });

  it('only ever adds extensions', () => {
    expect(kinds(model([], { extensions: ['uuid-ossp'] }), model([]))).toEqual([]);
    expect(kinds(model([]), model([], { extensions: ['uuid-ossp'] }))).toEqual(['extension.create']);
  });

  it('against an inventory, creates an extension in the schema the inventory has it in', () => {
    const to = model([], {
      extensions: ['pg_trgm', 'uuid-ossp'],
      notManaged: [{ schema: 'search', kind: 'extension', names: ['pg_trgm'] }],
    });
    expect(diffModels(model([]), to, { targetScope: 'inventory' }).changes).toMatchObject([
      { kind: 'extension.create', name: 'pg_trgm', schema: 'search' },
      { kind: 'extension.create', name: 'uuid-ossp' },
    ]);
    expect(diffModels(model([]), to).changes.map((c) => c.kind === 'extension.create' && c.schema)).toEqual([
      undefined,
      undefined,
    ]);
  });

  describe('PostgreSQL index and constraint details', () => {
    const ix = { name: 'IDX_a', columns: ['id'], unique: false };
    const view = { schema: 'public', name: 'v', expression: 'SELECT 1', dependsOn: [] };

    it('sets a comment alone in place, for indexes, constraints, views, enum types, sequences', () => {
      const from = model([table('users', { indexes: [ix], primaryKey: { name: 'PK_users', columns: ['id'] } })], {
        views: [view],
        enums: [{ schema: 'public', name: 'mood', values: ['a'] }],
        sequences: [{ schema: 'public', name: 's', type: 'bigint' }],
      });
      const to = model(
        [
          table('users', {
            indexes: [{ ...ix, comment: 'i' }],
            primaryKey: { name: 'PK_users', columns: ['id'], comment: 'pk' },
          }),
        ],
        {
          views: [{ ...view, comment: 'v' }],
          enums: [{ schema: 'public', name: 'mood', values: ['a'], comment: 'm' }],
          sequences: [{ schema: 'public', name: 's', type: 'bigint', comment: 's' }],
        },
      );
      const changes = diffModels(from, to).changes;
      expect(changes.map((c) => (c.kind === 'comment.set' ? [c.target.kind, c.to] : c.kind)).sort()).toEqual(
        [
          ['constraint', 'pk'],
          ['index', 'i'],
          ['sequence', 's'],
          ['type', 'm'],
          ['view', 'v'],
        ].sort(),
      );
    });

    it('re-creates an index whose operator class, collation, INCLUDE, storage parameters or NULLS NOT DISTINCT change', () => {
      const variants = [
        { ...ix, keys: [{ column: 'id', opclass: 'int4_ops_custom' }] },
        { ...ix, keys: [{ column: 'id', collation: 'C' }] },
        { ...ix, include: ['name'] },
        { ...ix, options: ['fillfactor=70'] },
        { ...ix, unique: true, nullsNotDistinct: true as const },
      ];
      for (const variant of variants) {
        expect(
          kinds(model([table('users', { indexes: [ix] })]), model([table('users', { indexes: [variant] })])),
        ).toEqual(['index.drop', 'index.create']);
      }
    });

    it('drops and adds a unique or primary key whose DEFERRABLE changes, and a foreign key whose MATCH changes', () => {
      const unique = { name: 'UQ_a', columns: ['id'] };
      expect(
        kinds(
          model([table('users', { uniques: [unique] })]),
          model([table('users', { uniques: [{ ...unique, deferrable: 'INITIALLY DEFERRED' }] })]),
        ),
      ).toEqual(['unique.drop', 'unique.add']);
      expect(
        kinds(
          model([table('users')]),
          model([
            table('users', { primaryKey: { name: 'PK_users', columns: ['id'], deferrable: 'INITIALLY IMMEDIATE' } }),
          ]),
        ),
      ).toEqual(['primaryKey.drop', 'primaryKey.add']);
      const fk = {
        name: 'FK_a',
        columns: ['id'],
        referencedSchema: 'public',
        referencedTable: 'users',
        referencedColumns: ['id'],
        onDelete: 'NO ACTION' as const,
        onUpdate: 'NO ACTION' as const,
      };
      expect(
        kinds(
          model([table('users', { foreignKeys: [fk] })]),
          model([table('users', { foreignKeys: [{ ...fk, match: 'FULL' }] })]),
        ),
      ).toEqual(['foreignKey.drop', 'foreignKey.add']);
    });

    it('never compares what the model does not describe', () => {
      const from = model([
        table('users', { unmodelled: [{ attribute: 'persistence', value: 'unlogged' }], indexes: [ix] }),
      ]);
      const to = model([
        table('users', { indexes: [{ ...ix, unmodelled: [{ attribute: 'tablespace', value: 'fast' }] }] }),
      ]);
      expect(diffModels(from, to).changes).toEqual([]);
    });

    it('re-creates a view whose options change', () => {
      expect(
        kinds(model([], { views: [view] }), model([], { views: [{ ...view, options: ['security_barrier=true'] }] })),
      ).toEqual(['view.drop', 'view.create']);
    });
  });
});
