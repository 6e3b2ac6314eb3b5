import { HAZARD_CODES } from '../src/plan/hazard-gate';
import { CHANGE_KINDS } from '../src/plan/summary';
import { renderJson } from '../src/report/json';
import { expectGolden, fixturePlan } from './support/fixture-plan';
import { PLAN_SCHEMA as schema, validatePlanDocument, validator as validate } from './support/plan-schema';

describe('JSON plan (bots rely on it)', () => {
  it('matches its snapshot', async () => {
    const plan = await fixturePlan('drop-column-and-table', 'postgres');
    expectGolden(
      'drop-column-and-table.postgres.json',
      renderJson(plan, { target: 'postgres://app:***@db:5432/app', serverVersion: '15.4' }),
    );
  });

  it('lists every change kind and hazard code the code has', () => {
    expect(schema.definitions.changeKind.enum).toEqual(CHANGE_KINDS);
    expect(schema.definitions.hazardCode.enum).toEqual(HAZARD_CODES);
  });

  it.each([
    ['drop-column-and-table', 'postgres'],
    ['drop-column-and-table', 'sqlite'],
    ['not-a-rename', 'postgres'],
    ['enum-value-remove-mapped', 'postgres'],
    ['enum-value-remove-mapped', 'sqlite'],
    ['index-kinds', 'postgres'],
    ['view-create-replace-drop', 'sqlite'],
  ] as const)('%s (%s) conforms to docs/plan.schema.json', async (fixture, dialect) => {
    const document = JSON.parse(renderJson(await fixturePlan(fixture, dialect), { target: 'x', serverVersion: '1' }));
    expect(document.changes.length + document.decisions.length).toBeGreaterThan(0);
    expect(validatePlanDocument(document)).toEqual([]);
  });

  it('rejects what the schema forbids (the validator is live)', () => {
    expect(validate({ version: 2 })).toBe(false);
    expect(
      validate({
        version: 1,
        dialect: 'postgres',
        summary: {},
        changes: [],
        statements: [],
        diagnostics: [],
        decisions: [],
        extra: 1,
      }),
    ).toBe(false);
  });
});
