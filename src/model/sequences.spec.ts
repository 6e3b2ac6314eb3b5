import { excludeFromModel } from './exclude';
import { sequenceOfDefault, withoutSequences } from './sequences';
import type { Model } from './types';

describe('sequenceOfDefault', () => {
  it('reads the sequence of a nextval default, as PostgreSQL resolves the name', () => {
    expect(sequenceOfDefault(`nextval('s'::regclass)`)).toEqual({ schema: 'public', name: 's' });
    expect(sequenceOfDefault(`nextval('Billing.No'::regclass)`)).toEqual({ schema: 'billing', name: 'no' });
    expect(sequenceOfDefault(`nextval('"Odd""_id_seq"')`)).toEqual({ schema: 'public', name: 'Odd"_id_seq' });
    expect(sequenceOfDefault(`nextval('"a.b"."it''s"'::regclass)`)).toEqual({ schema: 'a.b', name: "it's" });
  });

  it('reads nothing from other defaults', () => {
    expect(sequenceOfDefault(undefined)).toBeUndefined();
    expect(sequenceOfDefault(`now()`)).toBeUndefined();
    expect(sequenceOfDefault(`(nextval('s'::regclass))::text`)).toBeUndefined();
    expect(sequenceOfDefault(`nextval('a.b.c'::regclass)`)).toBeUndefined();
  });
});

describe('sequences and the models that leave them out', () => {
  const model: Model = {
    dialect: 'postgres',
    extensions: [],
    enums: [],
    tables: [
      {
        schema: 'public',
        name: 'legacy',
        columns: [{ name: 'n', type: 'bigint', nullable: true }],
        foreignKeys: [],
        uniques: [],
        checks: [],
        indexes: [],
      },
    ],
    sequences: [
      { schema: 'public', name: 'kept', type: 'bigint' },
      { schema: 'public', name: 'legacy_n', type: 'bigint', ownedBy: { table: 'legacy', column: 'n' } },
    ],
  };

  it('an excluded table takes the sequences it owns along', () => {
    expect(excludeFromModel(model, ['legacy']).sequences?.map((s) => s.name)).toEqual(['kept']);
  });

  it('withoutSequences drops them all, lists them as not managed, and is the identity on a model without any', () => {
    expect(withoutSequences(model)).not.toHaveProperty('sequences');
    const listed = { ...model, notManaged: [{ schema: 'public', kind: 'function' as const, names: ['f()'] }] };
    expect(withoutSequences(listed).notManaged).toEqual([
      { schema: 'public', kind: 'function', names: ['f()'] },
      { schema: 'public', kind: 'sequence', names: ['kept', 'legacy_n'] },
    ]);
    const none = withoutSequences(model);
    expect(withoutSequences(none)).toBe(none);
  });
});
