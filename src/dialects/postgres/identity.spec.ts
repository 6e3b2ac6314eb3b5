import { effectiveIdentity, identityOptionsClause, narrowedIdentityBounds, normalizeIdentity } from './identity';

describe('identity sequence options', () => {
  it('keeps only the options that differ from the defaults for the column type', () => {
    const catalog = { start: '1', increment: '1', minValue: '1', maxValue: '2147483647', cache: '1' };
    expect(normalizeIdentity('integer', catalog)).toBeUndefined();
    expect(normalizeIdentity('bigint', { ...catalog, maxValue: '9223372036854775807' })).toBeUndefined();
    // integer's maximum is not bigint's default
    expect(normalizeIdentity('bigint', catalog)).toEqual({ maxValue: '2147483647' });
    // START defaults to the minimum, whatever the minimum is
    expect(normalizeIdentity('bigint', { start: '2', minValue: '2' })).toEqual({ minValue: '2' });
    expect(
      normalizeIdentity('smallint', {
        start: '3',
        increment: '4',
        minValue: '2',
        maxValue: '9',
        cache: '5',
        cycle: true,
      }),
    ).toEqual({ start: '3', increment: '4', minValue: '2', maxValue: '9', cache: '5', cycle: true });
  });

  it('knows the defaults of a descending sequence', () => {
    expect(effectiveIdentity('integer', { increment: '-1' })).toMatchObject({
      minValue: '-2147483648',
      maxValue: '-1',
      start: '-1',
    });
    expect(
      normalizeIdentity('integer', { increment: '-1', minValue: '-2147483648', maxValue: '-1', start: '-1' }),
    ).toEqual({
      increment: '-1',
    });
  });

  it('renders the options a column sets', () => {
    const column = { name: 'id', type: 'bigint', nullable: false, identity: { start: '3', cycle: true as const } };
    expect(identityOptionsClause(column)).toBe(' (START WITH 3 CYCLE)');
    expect(identityOptionsClause({ ...column, identity: undefined })).toBe('');
  });

  it('tells when new bounds may not hold the current value (PostgreSQL then needs a RESTART)', () => {
    const column = (identity: object) => ({ name: 'v', type: 'integer', nullable: false, identity });
    const from = column({ start: '-200', increment: '10', minValue: '-200', maxValue: '200' });
    expect(
      narrowedIdentityBounds(from, column({ start: '-100', increment: '5', minValue: '-100', maxValue: '100' })),
    ).toEqual({ minValue: '-100', maxValue: '100', start: '-100' });
    expect(narrowedIdentityBounds(from, column({ increment: '5', minValue: '-300', maxValue: '300' }))).toBeUndefined();
    // defaults filled in: 1..2147483647 holds 100..1000
    expect(narrowedIdentityBounds(column({ minValue: '100', maxValue: '1000' }), column({}))).toBeUndefined();
  });
});
