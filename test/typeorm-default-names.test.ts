import { createHash } from 'node:crypto';
import { DefaultNamingStrategy } from 'typeorm';
import { defaultNames } from '../src/typeorm/default-names';
import { TEST_TYPEORM_LINE } from './support/typeorm-line';

/**
 * The names the SQLite introspector gives unnamed constraints are TypeORM's `DefaultNamingStrategy` names, computed
 * without TypeORM: checked here against TypeORM's own strategy, on each line (this file runs in both Jest projects).
 */
const typeorm = new DefaultNamingStrategy();
const TABLES: readonly (readonly [string, readonly string[], string])[] = [
  ['orders', ['customer_id'], '"total" > 0'],
  ['order_lines', ['product_id', 'order_id'], 'quantity BETWEEN 1 AND 99'],
  ['línea', ['año', 'id'], '"nombre" <> \'ñ\''],
  ['日本', ['列'], '"値" > 0'],
];

describe(`TypeORM ${TEST_TYPEORM_LINE} default constraint names`, () => {
  it.each(TABLES)('on %s', (table, columns, expression) => {
    expect(defaultNames.foreignKeyName(table, columns)).toBe(typeorm.foreignKeyName(table, [...columns]));
    expect(defaultNames.uniqueConstraintName(table, columns)).toBe(typeorm.uniqueConstraintName(table, [...columns]));
    expect(defaultNames.checkConstraintName(table, expression)).toBe(typeorm.checkConstraintName(table, expression));
  });

  it('differ between the lines for keys that encodeURIComponent changes, and schemaplan follows the line loaded', () => {
    const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');
    const key = 'línea_año_id';
    expect(sha1(key)).not.toBe(sha1(encodeURIComponent(key)));
    const expected = TEST_TYPEORM_LINE === '0.3' ? sha1(encodeURIComponent(key)) : sha1(key);
    expect(defaultNames.uniqueConstraintName('línea', ['id', 'año'])).toBe(`UQ_${expected.slice(0, 27)}`);
  });
});
