import { relationsNamedIn } from './view-dependencies';

const relations = [
  { schema: 'public', name: 'posts' },
  { schema: 'public', name: 'authors' },
  { schema: 'public', name: 'Tags' },
  { schema: 'app', name: 'posts' },
  { schema: 'public', name: 'generate_series' },
];
const read = (sql: string) =>
  relationsNamedIn(sql, relations, ['public'])
    .map((r) => `${r.schema}.${r.name}`)
    .sort();

describe('relationsNamedIn', () => {
  it('finds the relations after FROM, JOIN and the commas of a FROM list, quoted or not, at any depth', () => {
    expect(read('SELECT "p"."id" AS "posts" FROM "posts" "p" JOIN authors a ON a.id = p."authorId"')).toEqual([
      'public.authors',
      'public.posts',
    ]);
    expect(read('SELECT * FROM (SELECT id FROM app.posts) x, "Tags" t WHERE x.id IN (SELECT id FROM AUTHORS)')).toEqual(
      ['app.posts', 'public.Tags', 'public.authors'],
    );
  });

  it('ignores columns, aliases, strings, comments, function calls and case-mismatched quoted names', () => {
    expect(read(`SELECT posts, 'FROM authors' FROM generate_series(1, 3) -- FROM authors\nWHERE 1 = 1`)).toEqual([]);
    expect(read('SELECT * FROM "tags"')).toEqual([]);
    expect(read('SELECT * FROM tags')).toEqual(['public.Tags']);
  });
});
