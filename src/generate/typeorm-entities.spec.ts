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
const model = (tables: Table[], extra: Partial<Model> = {}): Model => ({
  dialect: 'postgres',
  extensions: [],
  enums: [],
  tables,
  ...extra,
});

describe('typeormEntityFiles', () => {
  it("leaves out TypeORM's own tables and reports a table without a primary key instead of declaring it", () => {
    const { files, diagnostics } = typeormEntityFiles(
      model([table('migrations'), table('typeorm_metadata'), table('logs', { primaryKey: undefined }), table('users')]),
    );
    expect([...files.keys()]).toEqual(['users.ts']);
    expect(diagnostics.map((d) => [d.severity, d.code, d.location])).toEqual([
      ['error', 'ENTITY_NO_PRIMARY_KEY', 'table public.logs'],
    ]);
  });

  it('gives colliding names distinct classes and files, none of them a TypeORM decorator or the enum file', () => {
    const { files } = typeormEntityFiles(
      model([
        table('user_tag'),
        table('user-tag'),
        table('Index'),
        table('enums'),
        table('con'),
        table('user_tag', { schema: 'billing' }),
      ]),
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
      expect.objectContaining({
        code: 'ENTITY_SEQUENCE_NOT_DECLARED',
        severity: 'warning',
        location: 'sequence public.invoice_no',
      }),
    ]);
  });

  it('declares the columns of a primary key in key order, as TypeORM orders a key by its properties', () => {
    const a: Column = { name: 'a', type: 'integer', nullable: false };
    const b: Column = { name: 'b', type: 'integer', nullable: false };
    const c: Column = { name: 'c', type: 'text', nullable: true };
    const { files } = typeormEntityFiles(
      model([table('pairs', { columns: [a, c, b], primaryKey: { name: 'PK', columns: ['b', 'a'] } })]),
    );
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
      [
        'ENTITY_INDEX_NOT_DECLARED',
        'public.events: index IDX_at is not declared: TypeORM cannot declare the sort order of an index key (DESC, NULLS FIRST/LAST)',
      ],
      [
        'ENTITY_INDEX_NOT_DECLARED',
        'public.events: index IDX_at_nulls is not declared: TypeORM cannot declare the sort order of an index key (DESC, NULLS FIRST/LAST)',
      ],
    ]);
    const file = files.get('events.ts')!;
    expect(file).toContain('INDEX "IDX_at" ("at" DESC)');
    expect(file).toContain('INDEX "IDX_at_nulls" ("at" NULLS FIRST)');
    expect(file).toContain(`@Index('IDX_at_plain', ['at'])`);
    expect(file).not.toContain(`@Index('IDX_at',`);
  });

  it('declares a column of a type TypeORM does not accept as the nearest one it does, with a comment, never leaves it out', () => {
    const sqlite = (columns: Column[], pk = ['id']): Model => ({
      dialect: 'sqlite',
      extensions: [],
      enums: [],
      tables: [
        { name: 't', columns, primaryKey: { columns: pk }, foreignKeys: [], uniques: [], checks: [], indexes: [] },
      ],
    });
    const col = (name: string, type: string, extra: Partial<Column> = {}): Column => ({
      name,
      type,
      nullable: true,
      ...extra,
    });
    const { files, diagnostics } = typeormEntityFiles(
      sqlite([
        col('id', 'int', { nullable: false }),
        col('at', 'timestamp'),
        col('code', 'char', { length: 3 }),
        col('label', 'character varying', { length: 20 }),
        col('payload', ''),
        col('amount', 'money'),
        col('ratio', 'float8'),
        col('p', 'point'),
      ]),
    );
    const declared = [...files.get('t.ts')!.matchAll(/name: '(\w+)', type: '([\w ]+)'(?:, length: (\d+))?/g)].map((m) =>
      m.slice(1).filter(Boolean).join(' '),
    );
    expect(declared).toEqual([
      'id integer',
      'at datetime',
      'code character 3',
      'label varchar 20',
      'payload blob',
      'amount numeric',
      'ratio float',
      // SQLite's rule: a declared type containing INT has INTEGER affinity.
      'p integer',
    ]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.location])).toEqual(
      ['id', 'at', 'code', 'label', 'payload', 'amount', 'ratio', 'p'].map((c) => [
        'warning',
        'ENTITY_TYPE_APPROXIMATED',
        `column t.${c}`,
      ]),
    );
    expect(diagnostics[0]!.message).toBe(
      't.id: TypeORM accepts int but creates it as integer, which makes a sole primary key an alias of the rowid (an int one is not); ' +
        'it is declared as integer, the nearest type it accepts (what TypeORM creates for int)',
    );
    expect(files.get('t.ts')).toContain(
      '  // the database type is timestamp: TypeORM cannot declare type timestamp on sqlite; declared as datetime (same NUMERIC affinity)\n' +
        "  @Column({ name: 'at', type: 'datetime', nullable: true })\n  at!: Date | null;",
    );
  });

  it('declares a column of a domain as its base type, and one of a type TypeORM does not know on PostgreSQL as text', () => {
    const year: Column = {
      name: 'y',
      type: 'year',
      nullable: true,
      domain: { schema: 'public', name: 'year', base: { type: 'integer' } },
    };
    const tid: Column = { name: 'tid', type: 'oid', nullable: true, array: true };
    const { files, diagnostics } = typeormEntityFiles(model([table('films', { columns: [id, year, tid] })]));
    expect(diagnostics.map((d) => [d.code, d.location])).toEqual([
      ['ENTITY_DOMAIN_AS_BASE_TYPE', 'column public.films.y'],
      ['ENTITY_TYPE_APPROXIMATED', 'column public.films.tid'],
    ]);
    const file = files.get('films.ts')!;
    expect(file).toContain(
      '  // the database type is the domain public.year (over integer), which TypeORM cannot declare: declared as integer\n' +
        "  @Column({ name: 'y', type: 'integer', nullable: true })",
    );
    expect(file).toContain(
      "@Column({ name: 'tid', type: 'text', array: true, nullable: true })\n  tid!: string[] | null;",
    );
  });

  it('writes a partitioned table as an ordinary entity with its partitioning in a comment, and reports it as an error', () => {
    const partitioning = {
      strategy: 'range' as const,
      key: 'at',
      partitions: [
        { schema: 'public', name: 'events_2024', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" },
      ],
    };
    const { files, diagnostics } = typeormEntityFiles(model([table('events', { partitioning })]));
    expect(diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      [
        'error',
        'ENTITY_PARTITIONING_NOT_DECLARED',
        'table public.events is partitioned (PARTITION BY RANGE (at)), which TypeORM entities cannot declare: its entity declares an ' +
          'ordinary table, and its partition (not managed) has no entity',
      ],
    ]);
    expect(files.get('events.ts')).toContain(
      '// In the database this table is partitioned: PARTITION BY RANGE (at), which TypeORM cannot declare.\n' +
        '// Its partitions (not managed):\n' +
        "//   public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')\n" +
        "@Entity({ name: 'events' })",
    );
  });

  it('reports every object no entity can declare, one diagnostic each; not extensions, partitions or TypeORM tables', () => {
    const notManaged = [
      { schema: 'public', kind: 'function' as const, names: ['f(integer)', 'g()'] },
      { schema: 'public', kind: 'trigger' as const, names: ['users.touch'] },
      { schema: 'public', kind: 'privilege' as const, names: ['schema public', 'users'] },
      { schema: 'public', kind: 'extension' as const, names: ['hstore'] },
      { schema: 'public', kind: 'partition' as const, names: ['events_2024'] },
      { schema: 'public', kind: 'typeorm table' as const, names: ['migrations'] },
      { kind: 'event trigger' as const, names: ['audit'] },
    ];
    const { diagnostics } = typeormEntityFiles(model([table('users')], { notManaged }));
    expect(diagnostics.map((d) => [d.severity, d.code, d.location])).toEqual([
      ['warning', 'ENTITY_OBJECT_NOT_DECLARED', 'function public.f(integer)'],
      ['warning', 'ENTITY_OBJECT_NOT_DECLARED', 'function public.g()'],
      ['warning', 'ENTITY_OBJECT_NOT_DECLARED', 'trigger public.users.touch'],
      ['warning', 'ENTITY_OBJECT_NOT_DECLARED', 'privilege schema public'],
      ['warning', 'ENTITY_OBJECT_NOT_DECLARED', 'privilege public.users'],
      ['warning', 'ENTITY_OBJECT_NOT_DECLARED', 'event trigger audit'],
    ]);
  });

  it('declares the indexes of a materialized view on view columns; one TypeORM cannot declare is a comment', () => {
    const view = {
      schema: 'public',
      name: 'mv',
      expression: 'SELECT cat, count(*) AS n FROM t GROUP BY cat',
      materialized: true as const,
      indexes: [
        { name: 'mv_cat', columns: ['cat'], unique: true },
        { name: 'mv_n', columns: ['n'], unique: false, method: 'hash' },
        { name: 'mv_lower', columns: [], keys: [{ expression: 'lower(cat)' }], unique: false },
      ],
      dependsOn: [],
    };
    const { files, diagnostics } = typeormEntityFiles(model([], { views: [view] }));
    expect(diagnostics.map((d) => [d.code, d.location])).toEqual([['ENTITY_INDEX_NOT_DECLARED', 'view public.mv']]);
    expect(files.get('mv.ts')).toContain(
      "import { Index, ViewColumn, ViewEntity } from 'typeorm';\n\n" +
        "@ViewEntity({ name: 'mv', materialized: true, expression: 'SELECT cat, count(*) AS n FROM t GROUP BY cat' })\n" +
        "@Index('mv_cat', ['cat'], { unique: true })\n" +
        "@Index('mv_n', ['n'], { type: 'hash' })\n" +
        '// not declared (TypeORM cannot declare an index key that is an expression): INDEX "mv_lower" ((lower(cat)))\n' +
        'export class Mv {\n' +
        "  @ViewColumn({ name: 'cat' })\n  cat!: unknown;\n\n" +
        "  @ViewColumn({ name: 'n' })\n  n!: unknown;\n}\n",
    );
  });

  it('generates no entity whose primary-key column cannot be declared, and no relation to a column that is not', () => {
    const code: Column = { name: 'code', type: 'enum', enum: { schema: 'other', name: 'code' }, nullable: false };
    const fk = (name: string, column: string, to: string, referenced: string) => ({
      name,
      columns: [column],
      referencedSchema: 'public',
      referencedTable: to,
      referencedColumns: [referenced],
      onDelete: 'NO ACTION' as const,
      onUpdate: 'NO ACTION' as const,
    });
    const ref: Column = { name: 'ref', type: 'text', nullable: true };
    const { files, diagnostics } = typeormEntityFiles(
      model([
        table('codes', { columns: [code], primaryKey: { name: 'PK_codes', columns: ['code'] } }),
        table('tagged', { columns: [id, code], uniques: [{ name: 'UQ_tagged_code', columns: ['code'] }] }),
        table('users', {
          columns: [id, ref],
          foreignKeys: [fk('FK_users_codes', 'ref', 'codes', 'code'), fk('FK_users_tagged', 'ref', 'tagged', 'code')],
        }),
      ]),
    );
    expect([...files.keys()]).toEqual(['tagged.ts', 'users.ts']);
    expect(diagnostics.map((d) => [d.severity, d.code, d.location])).toEqual([
      ['error', 'ENTITY_PRIMARY_KEY_NOT_DECLARED', 'table public.codes'],
      ['warning', 'ENTITY_FOREIGN_KEY_TARGET_MISSING', 'table public.users'],
      ['warning', 'ENTITY_FOREIGN_KEY_TARGET_MISSING', 'table public.users'],
      ['error', 'ENTITY_ENUM_TYPE_MISSING', 'column public.tagged.code'],
      ['error', 'ENTITY_CONSTRAINT_ON_SKIPPED_COLUMN', 'table public.tagged'],
    ]);
    expect(files.get('users.ts')).not.toContain('ManyToOne');
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
