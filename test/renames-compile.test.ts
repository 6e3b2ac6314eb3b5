import { compileEntities } from '../src/compile/compile';
import { CompileError } from '../src/errors/errors';
import { parseRenames } from '../src/hints/renames-file';
import { entityClasses } from './support/entities';

describe('declared renames', () => {
  it('resolves @RenamedFrom on classes, properties and enum labels to database names, per dialect', async () => {
    const classes = await entityClasses('test/entities/renames');
    const postgres = (await compileEntities(classes, 'postgres')).renames;
    const source = (what: string) => `@RenamedFrom on ${what}`;
    expect(postgres).toEqual({
      tables: [
        {
          from: { schema: 'public', name: 'users' },
          to: { schema: 'public', name: 'members' },
          rename: true,
          source: source('Member'),
        },
      ],
      columns: [
        {
          table: { schema: 'public', name: 'members' },
          from: 'name',
          to: 'full_name',
          rename: true,
          source: source('Member.fullName'),
        },
      ],
      enums: [
        {
          from: { schema: 'public', name: 'plan' },
          to: { schema: 'public', name: 'tier' },
          rename: true,
          source: source('Member.tier'),
        },
      ],
      enumValues: ['basic', 'premium'].map((from, i) => ({
        enum: { schema: 'public', name: 'tier' },
        from,
        to: ['free', 'pro'][i],
        rename: true,
        source: source('Member.tier'),
        columns: [
          { table: { schema: 'public', name: 'members' }, column: 'previousTier' },
          { table: { schema: 'public', name: 'members' }, column: 'tier' },
        ],
      })),
    });
    const sqlite = (await compileEntities(classes, 'sqlite')).renames;
    expect(sqlite.tables).toEqual([
      { from: { name: 'users' }, to: { name: 'members' }, rename: true, source: source('Member') },
    ]);
    expect(sqlite.enumValues[0]!.columns).toEqual([
      { table: { name: 'members' }, column: 'previousTier' },
      { table: { name: 'members' }, column: 'tier' },
    ]);
  });

  it('merges a renames file, counts a declaration made twice once, and refuses conflicting ones', async () => {
    const classes = await entityClasses('test/entities/renames');
    const file = parseRenames(
      {
        tables: [{ from: 'users', to: 'members' }],
        columns: [{ table: 'members', from: 'nick', to: 'full_name', rename: false }],
      },
      'schema/renames.json',
    );
    const renames = (await compileEntities(classes, 'postgres', { renamesFile: file })).renames;
    expect(renames.tables).toHaveLength(1);
    expect(renames.columns.map((c) => [c.from, c.to, c.rename, c.source])).toEqual([
      ['name', 'full_name', true, '@RenamedFrom on Member.fullName'],
      ['nick', 'full_name', false, 'schema/renames.json'],
    ]);

    const conflicting = parseRenames({ tables: [{ from: 'users', to: 'people' }] }, 'schema/renames.json');
    await expect(compileEntities(classes, 'postgres', { renamesFile: conflicting })).rejects.toThrow(
      'conflicting renames of public.users: @RenamedFrom on Member says public.members, schema/renames.json says public.people',
    );
  });

  it.each([
    [[], 'the file must be a JSON object'],
    [{ table: [] }, '"table" is not a section (use tables, columns, enums, enumValues)'],
    [{ tables: {} }, '"tables" must be a list'],
    [{ columns: [{ from: 'a', to: 'b' }] }, 'columns[0] needs a non-empty string "table"'],
    [{ enums: [{ from: 'a', to: 'b', rename: 'no' }] }, 'enums[0] "rename" must be true or false'],
    [{ tables: [{ from: 'a', to: 'b', schema: 'x' }] }, 'tables[0] has an unknown field "schema"'],
  ])('rejects a malformed renames file: %j', (data, message) => {
    expect(() => parseRenames(data, 'renames.json')).toThrow(new CompileError(`renames.json: ${message}`));
  });
});
