import type { Column, Model, Table } from '../model';
import { typeormEntityFiles } from './typeorm-entities';

const id: Column = { name: 'id', type: 'integer', nullable: false, generated: 'increment' };
const table = (name: string, extra: Partial<Table> = {}): Table => ({
  schema: 'public',
  name,
  columns: [id],
  primaryKey: { name: `PK_${name}`, columns: ['id'] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
  ...extra,
});
const model = (tables: Table[], extra: Partial<Model> = {}): Model => ({ dialect: 'postgres', extensions: [], enums: [], tables, ...extra });

describe('typeormEntityFiles', () => {
  it("leaves out TypeORM's own tables and reports a table without a primary key instead of declaring it", () => {
    const { files, diagnostics } = typeormEntityFiles(
      model([table('migrations'), table('typeorm_metadata'), table('logs', { primaryKey: undefined }), table('users')]),
    );
    expect([...files.keys()]).toEqual(['users.ts']);
    expect(diagnostics.map((d) => [d.severity, d.code, d.location])).toEqual([['error', 'ENTITY_NO_PRIMARY_KEY', 'table public.logs']]);
  });

  it('gives colliding names distinct classes and files, none of them a TypeORM decorator or the enum file', () => {
    const { files } = typeormEntityFiles(
      model([table('user_tag'), table('user-tag'), table('Index'), table('enums'), table('con'), table('user_tag', { schema: 'billing' })]),
    );
    const classes = [...files.values()].map((content) => /export class (\w+)/.exec(content)![1]);
    expect(Object.fromEntries([...files.keys()].map((file, i) => [file, classes[i]]))).toEqual({
      'billing-user-tag.ts': 'BillingUserTag',
      'con-entity.ts': 'Con',
      'enums-entity.ts': 'Enums',
      'index-entity.ts': 'IndexEntity',
      'user-tag-entity.ts': 'UserTagEntity',
      'user-tag.ts': 'UserTag',
    });
  });

  it('keeps TypeORM from refusing a cycle of required relations: those are declared nullable', () => {
    const fk = (name: string, to: string) => ({
      name,
      columns: ['other_id'],
      referencedSchema: 'public',
      referencedTable: to,
      referencedColumns: ['id'],
      onDelete: 'NO ACTION' as const,
      onUpdate: 'NO ACTION' as const,
    });
    const other: Column = { name: 'other_id', type: 'integer', nullable: false };
    const { files } = typeormEntityFiles(
      model([
        table('a', { columns: [id, other], foreignKeys: [fk('FK_a', 'b')] }),
        table('b', { columns: [id, other], foreignKeys: [fk('FK_b', 'a')] }),
        table('c', { columns: [id, other], foreignKeys: [fk('FK_c', 'a')] }),
      ]),
    );
    expect(files.get('a.ts')).toContain('@ManyToOne(() => B)\n');
    expect(files.get('b.ts')).toContain('@ManyToOne(() => A)\n');
    expect(files.get('c.ts')).toContain('@ManyToOne(() => A, { nullable: false })\n');
  });

  it('reports enum types no column uses, and writes the same files for the same model', () => {
    const m = model([table('users')], { enums: [{ schema: 'public', name: 'mood', values: ['happy'] }] });
    const first = typeormEntityFiles(m);
    expect(first.diagnostics.map((d) => d.code)).toEqual(['ENTITY_ENUM_UNUSED']);
    expect([...first.files.keys()]).toEqual(['users.ts']);
    expect(typeormEntityFiles(m)).toEqual(first);
  });

  it('reports standalone sequences, which no entity declares', () => {
    const m = model([table('users')], { sequences: [{ schema: 'public', name: 'invoice_no', type: 'integer' }] });
    expect(typeormEntityFiles(m).diagnostics).toEqual([
      expect.objectContaining({ code: 'ENTITY_SEQUENCE_NOT_DECLARED', severity: 'warning', location: 'sequence public.invoice_no' }),
    ]);
  });

  it('declares the columns of a primary key in key order, as TypeORM orders a key by its properties', () => {
    const a: Column = { name: 'a', type: 'integer', nullable: false };
    const b: Column = { name: 'b', type: 'integer', nullable: false };
    const c: Column = { name: 'c', type: 'text', nullable: true };
    const { files } = typeormEntityFiles(model([table('pairs', { columns: [a, c, b], primaryKey: { name: 'PK', columns: ['b', 'a'] } })]));
    const properties = [...files.get('pairs.ts')!.matchAll(/^ {2}(\w+)!:/gm)].map((m) => m[1]);
    expect(properties).toEqual(['b', 'a', 'c']);
  });

  it('reports an index with a key sorted DESC or NULLS FIRST as not declarable, and comments it', () => {
    const at: Column = { name: 'at', type: 'integer', nullable: true };
    const indexes = [
      { name: 'IDX_at', columns: ['at'], keys: [{ column: 'at', desc: true as const }], unique: false },
      { name: 'IDX_at_nulls', columns: ['at'], keys: [{ column: 'at', nulls: 'first' as const }], unique: false },
      { name: 'IDX_at_plain', columns: ['at'], unique: false },
    ];
    const { files, diagnostics } = typeormEntityFiles(model([table('events', { columns: [id, at], indexes })]));
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['ENTITY_INDEX_NOT_DECLARED', 'public.events: index IDX_at is not declared: TypeORM cannot declare the sort order of an index key (DESC, NULLS FIRST/LAST)'],
      ['ENTITY_INDEX_NOT_DECLARED', 'public.events: index IDX_at_nulls is not declared: TypeORM cannot declare the sort order of an index key (DESC, NULLS FIRST/LAST)'],
    ]);
    const file = files.get('events.ts')!;
    expect(file).toContain('INDEX "IDX_at" ("at" DESC)');
    expect(file).toContain('INDEX "IDX_at_nulls" ("at" NULLS FIRST)');
    expect(file).toContain(`@Index('IDX_at_plain', ['at'])`);
    expect(file).not.toContain(`@Index('IDX_at',`);
  });

  it('declares exclusion constraints with @Exclusion, the text after EXCLUDE as TypeORM sends it', () => {
    const room: Column = { name: 'room', type: 'integer', nullable: false };
    const during: Column = { name: 'during', type: 'tsrange', nullable: false };
    const exclusions = [
      {
        name: 'EXC_room',
        method: 'gist',
        elements: [
          { column: 'room', operator: '=' },
          { column: 'during', operator: '&&' },
        ],
        where: 'NOT "cancelled"',
        deferrable: 'INITIALLY DEFERRED' as const,
      },
    ];
    const { files } = typeormEntityFiles(model([table('bookings', { columns: [id, room, during], exclusions })]));
    const file = files.get('bookings.ts')!;
    expect(file).toContain(
      `@Exclusion('EXC_room', 'USING "gist" ("room" WITH =, "during" WITH &&) WHERE (NOT "cancelled") DEFERRABLE INITIALLY DEFERRED')`,
    );
    expect(file).toMatch(/^import \{ [^}]*\bExclusion\b[^}]* \} from 'typeorm';$/m);
  });
});
