import { formatCount, formatNumber, tableRows } from './row-counts';
import type { Measurement } from '../model';

describe('row counts', () => {
  it('writes exact counts with thousands separators and estimates rounded, marked with ~', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatCount({ value: 1, estimated: false }, 'row')).toBe('1 row');
    expect(formatCount({ value: 1234, estimated: false }, 'row')).toBe('1,234 rows');
    expect(formatCount({ value: 1, estimated: true }, 'row')).toBe('~1 rows');
    expect(formatCount({ value: 1234, estimated: true }, 'row')).toBe('~1.2K rows');
    expect(formatCount({ value: 56_789, estimated: true }, 'row')).toBe('~57K rows');
    expect(formatCount({ value: 2_149_000, estimated: true }, 'row')).toBe('~2.1M rows');
    expect(formatCount({ value: 3_000_000_000, estimated: true }, 'row')).toBe('~3B rows');
  });

  it('reads a table by the name the plan uses, NULLs as rows minus non-null values, and nothing without a database', () => {
    const measurement: Measurement = {
      probe: {
        kind: 'tableRows',
        table: { schema: 'public', name: 'people' },
        planned: { table: { schema: 'public', name: 'users' } },
        counts: { rows: { kind: 'rows' }, 'nonNull:bio': { kind: 'nonNull', column: 'about' } },
      },
      counts: { rows: 10, 'nonNull:bio': 7 },
    };
    const rows = tableRows([measurement], { schema: 'public', name: 'users' });
    expect(rows.measured && [rows.rows, rows.nonNull('bio'), rows.nulls('bio'), rows.longer('bio')]).toEqual([
      { value: 10, estimated: false },
      { value: 7, estimated: false },
      { value: 3, estimated: false },
      undefined,
    ]);
    expect(tableRows([measurement], { schema: 'public', name: 'people' })).toEqual({
      measured: false,
      why: 'not counted',
    });
    expect(tableRows(undefined, { schema: 'public', name: 'users' })).toEqual({
      measured: false,
      why: 'not counted: planned without a database',
    });
  });
});
