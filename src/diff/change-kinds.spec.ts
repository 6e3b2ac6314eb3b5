import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHANGE_KIND_FACTS, type ChangeKindTable as Complete } from './change-kinds';

describe('change kinds', () => {
  test('a kind without an entry, or an entry for no kind, does not compile (checked by tsc, which npm test runs)', () => {
    const { 'schema.create': dropped, ...missingOne } = CHANGE_KIND_FACTS;
    // @ts-expect-error 'schema.create' is missing
    const incomplete: Complete = missingOne;
    const extra = {
      ...CHANGE_KIND_FACTS,
      // @ts-expect-error no change has this kind
      'table.explode': dropped,
    } satisfies Complete;
    expect(Object.keys(incomplete)).not.toContain('schema.create');
    expect(Object.keys(extra)).toContain('table.explode');
  });

  test('every kind of the table is one docs/plan.schema.json lists', () => {
    const schema = readFileSync(path.resolve(__dirname, '../../docs/plan.schema.json'), 'utf8');
    const listed = Object.keys(CHANGE_KIND_FACTS).filter((kind) => schema.includes(`"${kind}"`));
    expect(listed).toEqual(Object.keys(CHANGE_KIND_FACTS));
  });

  test('direction follows the kind: removals -, additions +, everything else ~', () => {
    for (const [kind, facts] of Object.entries(CHANGE_KIND_FACTS)) {
      const expected = kind.endsWith('.drop') ? '-' : kind.endsWith('.add') || kind.endsWith('.create') ? '+' : '~';
      expect([kind, facts.direction]).toEqual([kind, expected]);
    }
  });
});
