/**
 * The PostgreSQL expression printer, as properties:
 * - parse(print(tree)) is the tree, for trees of every node kind (the printer's parentheses are the ones the
 *   parser's precedence needs), and canonical spelling is idempotent;
 * - PostgreSQL itself evaluates the printed text, its canonical spelling and a fully parenthesised reference of
 *   generated well-typed trees to the same value (the precedence table is PostgreSQL's);
 * - every canonical expression, rendered as a column default, is accepted by PostgreSQL (`DEFAULT` takes a `b_expr`)
 *   and reads back from the catalog (`pg_get_expr`) as the same canonical default.
 */
import fc from 'fast-check';
import { canonicalizeExpression, defaultOperand } from '../src/dialects/postgres/expression';
import { Parser } from '../src/dialects/postgres/expression-parser';
import { print } from '../src/dialects/postgres/expression-print';
import { tokenize } from '../src/dialects/postgres/expression-tokens';
import { normalizeDefault } from '../src/dialects/postgres/normalize';
import {
  anyExpression,
  flattenBooleans,
  fullyParenthesised,
  SQL_TYPE,
  typedExpression,
  VALUE_TYPES,
  type ValueType,
} from './support/expression-arbitrary';
import { usePostgresTestDatabase } from './support/postgres';

const parse = (sql: string) => new Parser(tokenize(sql)).parseAll();

describe('printer and parser agree', () => {
  test('parse(print(tree)) is the tree', () => {
    fc.assert(
      fc.property(anyExpression, (tree) => {
        expect(flattenBooleans(parse(print(tree)))).toEqual(flattenBooleans(tree));
      }),
      { numRuns: 1000 },
    );
  });

  test('canonical spelling is a fixed point', () => {
    fc.assert(
      fc.property(anyExpression, (tree) => {
        const once = canonicalizeExpression(print(tree));
        expect(canonicalizeExpression(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  test.each([
    ['1 IS NOT NULL', '(1 IS NOT NULL)'],
    ["now() AT TIME ZONE 'utc'", "(now() AT TIME ZONE 'utc')"],
    [`'a' COLLATE "C"`, `('a' COLLATE "C")`],
    ['1 = 1', '(1 = 1)'],
    ['a AND b', '("a" AND "b")'],
    ['x = ANY (ARRAY[1, 2])', '("x" IN (1, 2))'],
    ['x < ANY (ARRAY[1])', '("x" < ANY (ARRAY[1]))'],
    [
      `1 + ('2020-01-01'::timestamp AT TIME ZONE 'utc')`,
      `(1 + '2020-01-01'::timestamp without time zone AT TIME ZONE 'utc')`,
    ],
    [`'x'`, `'x'`],
    ['now()', 'now()'],
    ['-1', '-1'],
    ['(1 + 2) * 3', '(1 + 2) * 3'],
    ['ARRAY[]::integer[]', 'ARRAY[]::integer[]'],
    [`'a' || 'b'`, `'a' || 'b'`],
    ['(SELECT 1)', '(SELECT 1)'],
    [`E'it\\'s\\n'`, `'it''s\n'`],
    ['x = ANY (SELECT 1)', '(x = ANY (SELECT 1))'],
  ])('DEFAULT %s is written DEFAULT %s', (expression, operand) => {
    expect(defaultOperand(canonicalizeExpression(expression))).toBe(operand);
  });
});

describe('PostgreSQL as the oracle', () => {
  const pg = usePostgresTestDatabase('expression_roundtrip');
  beforeAll(() => pg.raw.query(`SET TimeZone = 'UTC'`));
  const typed = fc
    .constantFrom(...VALUE_TYPES)
    .chain((type) => fc.tuple(fc.constant<ValueType>(type), typedExpression(type)));

  test('the printed text, its canonical spelling and a fully parenthesised reference evaluate alike', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async ([type, tree]) => {
        const printed = print(tree);
        const canonical = canonicalizeExpression(printed);
        const reference = fullyParenthesised(tree);
        const sqlType = SQL_TYPE[type];
        const { rows } = await pg.raw.query(
          `SELECT (${printed}) IS NOT DISTINCT FROM (${reference}) AS "printedMeansTree", ` +
            `CAST((${canonical}) AS ${sqlType}) IS NOT DISTINCT FROM CAST((${reference}) AS ${sqlType}) AS "canonicalMeansTree"`,
        );
        expect({ reference, printed, canonical, ...rows[0] }).toEqual({
          reference,
          printed,
          canonical,
          printedMeansTree: true,
          canonicalMeansTree: true,
        });
      }),
      { numRuns: 300 },
    );
  });

  test('every canonical expression is a valid default and reads back as the same default', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async ([type, tree]) => {
        const sqlType = SQL_TYPE[type];
        const canonical = normalizeDefault(print(tree), sqlType, false);
        if (canonical === undefined) return; // NULL: no default
        await pg.raw.query('BEGIN');
        try {
          await pg.raw.query(`CREATE TABLE "t" ("c" ${sqlType} DEFAULT ${defaultOperand(canonical)})`);
          const { rows } = await pg.raw.query<{ expr: string }>(
            `SELECT pg_get_expr(adbin, adrelid) AS expr FROM pg_attrdef WHERE adrelid = '"t"'::regclass`,
          );
          expect({ tree: print(tree), stored: normalizeDefault(rows[0]!.expr, sqlType, false) }).toEqual({
            tree: print(tree),
            stored: canonical,
          });
        } finally {
          await pg.raw.query('ROLLBACK');
        }
      }),
      { numRuns: 300 },
    );
  });
});
