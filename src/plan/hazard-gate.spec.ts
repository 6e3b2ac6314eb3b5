import { blockedHazards, failingHazards, HAZARD_CODES, parseAllowedHazards } from './hazard-gate';
import type { Plan } from './types';

const plan: Pick<Plan, 'statements'> = {
  statements: [
    { sql: 'a', transactional: true, change: 0, hazards: [{ code: 'TABLE_REWRITE', message: 'rewrites t' }] },
    { sql: 'b', transactional: true, change: 1, hazards: [{ code: 'DATA_LOSS', message: 'drops t.c' }] },
    { sql: 'c', transactional: true, change: 2, hazards: [] },
  ],
};

describe('hazard gate', () => {
  it('blocks every hazard not allowed and names the flag that allows them', () => {
    expect(blockedHazards(plan, new Set())).toEqual({
      codes: ['DATA_LOSS', 'TABLE_REWRITE'],
      messages: ['TABLE_REWRITE: rewrites t', 'DATA_LOSS: drops t.c'],
      flag: '--allow-hazards DATA_LOSS,TABLE_REWRITE',
    });
    expect(blockedHazards(plan, new Set(['TABLE_REWRITE']))?.flag).toBe('--allow-hazards DATA_LOSS,TABLE_REWRITE');
    expect(blockedHazards(plan, new Set(['TABLE_REWRITE']))?.codes).toEqual(['DATA_LOSS']);
  });

  it('lets the plan through when everything present is allowed', () => {
    expect(blockedHazards(plan, new Set(['DATA_LOSS', 'TABLE_REWRITE']))).toBeUndefined();
    expect(blockedHazards(plan, 'all')).toBeUndefined();
    expect(blockedHazards({ statements: [] }, new Set())).toBeUndefined();
  });

  it('sets apart the hazards the counted rows make fail: no flag allows them, the others stay blocked as usual', () => {
    const failing: Pick<Plan, 'statements'> = {
      statements: [
        ...plan.statements,
        {
          sql: 'd',
          transactional: true,
          change: 3,
          hazards: [
            { code: 'DATA_LOSS', message: 'narrows t.d: 2 values are longer, apply will fail', fails: true },
            { code: 'NOT_NULL_VIOLATION', message: 'sets t.d NOT NULL: 1 row is NULL, apply will fail', fails: true },
          ],
        },
        {
          sql: 'e',
          transactional: true,
          change: 4,
          hazards: [
            {
              code: 'NOT_NULL_VIOLATION',
              message: 'sets t.e NOT NULL: ~3 rows are NULL (catalog estimate), apply will likely fail',
            },
          ],
        },
      ],
    };
    expect(failingHazards(failing)).toEqual({
      codes: ['DATA_LOSS', 'NOT_NULL_VIOLATION'],
      messages: [
        'DATA_LOSS: narrows t.d: 2 values are longer, apply will fail',
        'NOT_NULL_VIOLATION: sets t.d NOT NULL: 1 row is NULL, apply will fail',
      ],
      statements: 1,
    });
    expect(blockedHazards(failing, new Set())?.flag).toBe('--allow-hazards DATA_LOSS,NOT_NULL_VIOLATION,TABLE_REWRITE');
    expect(blockedHazards(failing, new Set())?.messages).not.toContainEqual(expect.stringContaining('apply will fail'));
    expect(blockedHazards(failing, new Set(['DATA_LOSS', 'NOT_NULL_VIOLATION', 'TABLE_REWRITE']))).toBeUndefined();
    expect(failingHazards(plan)).toBeUndefined();
  });

  it('parses comma-separated, repeated, lower-case codes and reports unknown ones', () => {
    expect(parseAllowedHazards(['data_loss,TABLE_REWRITE', 'INDEX_BUILD'], false)).toEqual(
      new Set(['DATA_LOSS', 'TABLE_REWRITE', 'INDEX_BUILD']),
    );
    expect(parseAllowedHazards(['DATA_LOSS,OOPS'], false)).toEqual({ unknown: ['OOPS'] });
    expect(parseAllowedHazards([], true)).toBe('all');
    expect(parseAllowedHazards([' enum_value_removed '], false)).toEqual(new Set(['ENUM_VALUE_REMOVED']));
  });

  it('knows every hazard code the plan can carry', () => {
    expect(HAZARD_CODES).toEqual([
      'DATA_LOSS',
      'NOT_NULL_VIOLATION',
      'TABLE_REWRITE',
      'ACCESS_EXCLUSIVE_LOCK',
      'SQLITE_REBUILD',
      'INDEX_BUILD',
      'UNIQUE_VIOLATION',
      'ENUM_VALUE_REMOVED',
      'SEQUENCE_RESTART',
    ]);
  });
});
