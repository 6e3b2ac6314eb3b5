import { normalizeModel } from './normalize';
import { respellLike, respellReferences } from './respell';
import type { Column, Model, Table } from './types';

const column = (name: string): Column => ({ name, type: 'integer', nullable: false });
const table = (name: string, columns: string[], extra: Partial<Table> = {}): Table => ({
  name,
  columns: columns.map(column),
  primaryKey: { columns: [columns[0]!] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
  ...extra,
});
const model = (...tables: Table[]): Model => normalizeModel({ dialect: 'sqlite', extensions: [], enums: [], tables });

const users = (email = 'email') =>
  table('users', ['id', email], { indexes: [{ name: 'IDX_email', columns: [email], unique: false }] });
const posts = (author = 'author', referenced = 'users', referencedColumn = 'id') =>
  table('posts', ['id', author], {
    foreignKeys: [
      {
        name: 'FK_author',
        columns: [author],
        referencedTable: referenced,
        referencedColumns: [referencedColumn],
        onDelete: 'NO ACTION',
        onUpdate: 'NO ACTION',
      },
    ],
  });

describe('respellLike', () => {
  it('returns the current model itself when no name differs in case alone (no copy to make)', () => {
    const from = model(users(), posts());
    expect(respellLike(from, model(users(), posts()))).toBe(from);
  });

  it('respells each name the target spells in another case, wherever it appears', () => {
    const from = model(users('email'), posts('author'));
    const to = model(users('Email'), posts('Author'));
    const respelled = respellLike(from, to);
    expect(respelled).not.toBe(from);
    expect(respelled).toEqual(to);
  });

  it('respells a name used only as a reference in the target (a conservative check cannot miss it)', () => {
    const from = model(table('Users', ['id']), posts('author', 'Users'));
    const to = model(table('users', ['id']), posts('author', 'users'));
    expect(respellLike(from, to)).toEqual(to);
  });
});

describe('respellReferences', () => {
  it('returns the model itself when every reference is spelled as the object it names', () => {
    const alike = model(users(), posts());
    expect(respellReferences(alike)).toBe(alike);
  });

  it('spells references as the objects they name', () => {
    const respelled = respellReferences(model(users(), posts('author', 'USERS', 'ID')));
    expect(respelled.tables.find((t) => t.name === 'posts')!.foreignKeys[0]).toMatchObject({
      referencedTable: 'users',
      referencedColumns: ['id'],
    });
  });
});
