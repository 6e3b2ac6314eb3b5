import { dialectFor } from '../src/dialects/registry';
import { enclosedExpression } from '../src/dialects/index-expression';
import type { DialectName, Index, Model } from '../src/model';
import { emptyModel } from '../src/model';
import { createPlan } from '../src/plan/plan';
import { connect } from './support/apply-model';
import { DIALECTS, freshDatabase } from './support/databases';
import { rawQuery } from './support/raw-query';

/** Expression, method, partial and mixed indexes, and a column literally named `(x)` with a plain index on it. */
const SOURCE: Record<DialectName, string> = {
  postgres: `
    CREATE TABLE "docs" ("id" serial PRIMARY KEY, "email" varchar(255) NOT NULL, "code" integer NOT NULL,
      "tags" text[] NOT NULL DEFAULT '{}', "body" jsonb, "createdAt" timestamptz NOT NULL DEFAULT now(), "(x)" integer);
    CREATE UNIQUE INDEX "docs_email_lower" ON "docs" (lower("email"));
    CREATE INDEX "docs_search" ON "docs" USING gin (to_tsvector('english', "email"));
    CREATE INDEX "docs_tags" ON "docs" USING gin ("tags");
    CREATE INDEX "docs_body" ON "docs" USING gin ("body");
    CREATE INDEX "docs_code_hash" ON "docs" USING hash ("code");
    CREATE INDEX "docs_created_brin" ON "docs" USING brin ("createdAt");
    CREATE INDEX "docs_mixed" ON "docs" ("code", (lower("email")), ("code" + 1)) WHERE "code" > 0;
    CREATE INDEX "docs_cast" ON "docs" ((("code")::text));
    CREATE INDEX "docs_paren" ON "docs" ("(x)");
    CREATE INDEX "docs_paren_expr" ON "docs" (("(x)" + 1));`,
  sqlite: `
    CREATE TABLE "docs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(255) NOT NULL,
      "code" integer NOT NULL, "(x)" integer);
    CREATE UNIQUE INDEX "docs_email_lower" ON "docs" (lower("email"));
    CREATE INDEX "docs_mixed" ON "docs" ("code", lower("email"), ("code" + 1)) WHERE "code" > 0;
    CREATE INDEX "docs_paren" ON "docs" ("(x)");
    CREATE INDEX "docs_paren_expr" ON "docs" (("(x)" + 1));`,
};

function indexesOf(model: Model): Record<string, Index> {
  return Object.fromEntries(model.tables.find((t) => t.name === 'docs')!.indexes.map((index) => [index.name, index]));
}

describe.each(DIALECTS)('indexes on %s', (dialectName) => {
  it('introspects expression keys, methods and a column named (x) as what they are', async () => {
    const db = await freshDatabase(dialectName, 'ix-read');
    try {
      await rawQuery(db, SOURCE[dialectName]);
      const session = await connect(db.url);
      const indexes = indexesOf(await session.introspect());
      await session.close();
      expect(indexes.docs_paren).toEqual({ name: 'docs_paren', columns: ['(x)'], unique: false });
      expect(indexes.docs_email_lower!.columns).toEqual([]);
      expect(indexes.docs_email_lower!.keys).toEqual([{ expression: expect.stringMatching(/^lower\(/) }]);
      expect(indexes.docs_mixed!.columns).toEqual(['code']);
      expect(indexes.docs_mixed!.keys!.map((key) => ('column' in key ? 'column' : 'expression'))).toEqual([
        'column',
        'expression',
        'expression',
      ]);
      expect(indexes.docs_paren_expr!.keys).toEqual([{ expression: '"(x)" + 1' }]);
      if (dialectName === 'postgres') {
        expect(indexes.docs_tags).toEqual({ name: 'docs_tags', columns: ['tags'], unique: false, method: 'gin' });
        expect(indexes.docs_code_hash!.method).toBe('hash');
        expect(indexes.docs_created_brin!.method).toBe('brin');
        expect(indexes.docs_search!.method).toBe('gin');
        expect(indexes.docs_search!.keys).toEqual([{ expression: "to_tsvector('english'::regconfig, email::text)" }]);
        expect(indexes.docs_cast!.keys).toEqual([{ expression: 'code::text' }]);
        expect(indexes.docs_mixed!.method).toBeUndefined();
      }
    } finally {
      await db.drop();
    }
  });

  it('a model with those indexes, applied to an empty database, introspects equal and re-plans empty', async () => {
    const source = await freshDatabase(dialectName, 'ix-src');
    const target = await freshDatabase(dialectName, 'ix-dst');
    try {
      await rawQuery(source, SOURCE[dialectName]);
      let session = await connect(source.url);
      const model = await session.introspect();
      await session.close();

      const dialect = dialectFor(dialectName);
      session = await connect(target.url);
      try {
        const plan = createPlan({ from: await session.introspect(), to: model, dialect });
        expect(plan.statements.some((s) => s.sql.includes('("(x)")'))).toBe(true);
        await session.apply(plan.statements);
        const after = await session.introspect();
        expect(after).toEqual(model);
        expect(createPlan({ from: after, to: model, dialect }).changes).toEqual([]);
      } finally {
        await session.close();
      }
    } finally {
      await source.drop();
      await target.drop();
    }
  });
});

describe('index expressions are emitted only as one enclosed expression', () => {
  it.each(DIALECTS)('%s: wraps a valid expression in parentheses', (dialect) => {
    expect(enclosedExpression('lower("email")', dialect)).toBe('(lower("email"))');
    expect(enclosedExpression(`coalesce(name, 'a;b'')--')`, dialect)).toBe(`(coalesce(name, 'a;b'')--'))`);
    expect(enclosedExpression('"a)b" + 1', dialect)).toBe('("a)b" + 1)');
  });

  it.each(DIALECTS)('%s: refuses text that would escape its parentheses or end the statement', (dialect) => {
    for (const text of [
      'x); DROP TABLE users; --',
      'a) + (b',
      'a)',
      '(a',
      'a -- b',
      'a /* b */',
      "'open",
      '',
      'f($$x$$)',
    ]) {
      expect(() => enclosedExpression(text, dialect)).toThrow(/is not a single SQL expression/);
    }
  });

  it('PostgreSQL: a backslash escape in an E string does not close it early', () => {
    expect(enclosedExpression(`a = E'it\\'s'`, 'postgres')).toBe(`(a = E'it\\'s')`);
    expect(() => enclosedExpression(`a = E'\\'); DROP TABLE t; --'`, 'postgres')).not.toThrow();
    expect(() => enclosedExpression(`a = 'x\\'); DROP TABLE t; --`, 'postgres')).toThrow();
    // SQLite has no E strings: there the backslash is an ordinary character and the quote closes the literal.
    expect(() => enclosedExpression(`a = E'\\'); DROP TABLE t; --'`, 'sqlite')).toThrow();
  });

  it('renders a column named (x) as a quoted name and an expression key as SQL', () => {
    const model = emptyModel('postgres');
    const table = { schema: 'public', name: 't' };
    const render = (index: Index) =>
      dialectFor('postgres').render(
        { kind: 'index.create', table, index, reason: 'test' },
        { from: model, to: model },
      )[0]!.sql;
    expect(render({ name: 'i', columns: ['(x)'], unique: false })).toBe('CREATE INDEX "i" ON "public"."t" ("(x)")');
    expect(render({ name: 'i', columns: [], keys: [{ expression: 'x' }], unique: false, method: 'hash' })).toBe(
      'CREATE INDEX "i" ON "public"."t" USING "hash" ((x))',
    );
  });
});
