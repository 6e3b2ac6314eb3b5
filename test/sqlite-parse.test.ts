import { parseCreateIndex, parseCreateTable } from '../src/dialects/sqlite';
import { stripOuterParens, tokenize } from '../src/dialects/sqlite/tokenize';

describe('SQLite DDL parser', () => {
  it("reads TypeORM's CREATE TABLE: enum CHECK, AUTOINCREMENT, named constraints", () => {
    const parsed = parseCreateTable(
      `CREATE TABLE "card_statistics" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "status" varchar CHECK( "status" IN ('new','it''s','a,b') ) NOT NULL DEFAULT ('new'), ` +
        `"easeFactor" real NOT NULL DEFAULT (2.5), "cardId" integer NOT NULL, CONSTRAINT "REL_70b0" UNIQUE ("cardId"), ` +
        `CONSTRAINT "CHK_ease" CHECK ("easeFactor" >= 1.3), CONSTRAINT "FK_70b0" FOREIGN KEY ("cardId") REFERENCES "cards" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    expect(parsed.name).toBe('card_statistics');
    expect(parsed.columns.map((c) => [c.name, c.type, c.autoincrement, c.enumValues])).toEqual([
      ['id', 'integer', true, undefined],
      ['status', 'varchar', false, ['new', "it's", 'a,b']],
      ['easeFactor', 'real', false, undefined],
      ['cardId', 'integer', false, undefined],
    ]);
    expect(parsed.primaryKey).toEqual({ name: undefined, columns: ['id'] });
    expect(parsed.uniques).toEqual([{ name: 'REL_70b0', columns: ['cardId'] }]);
    expect(parsed.checks).toEqual([{ name: 'CHK_ease', expression: '"easeFactor" >= 1.3' }]);
    expect(parsed.foreignKeys).toEqual([
      {
        name: 'FK_70b0',
        columns: ['cardId'],
        referencedTable: 'cards',
        referencedColumns: ['id'],
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
      },
    ]);
  });

  it('reads hand-written DDL: quoting styles, column-level constraints, comments, composite keys', () => {
    const parsed = parseCreateTable(
      `CREATE TABLE IF NOT EXISTS main.[Weird "t"] ( -- a comment
        \`a b\` INT CONSTRAINT pk_a PRIMARY KEY DESC ON CONFLICT ABORT,
        "c""d" varchar(10) NOT NULL UNIQUE CHECK (length("c""d") > 0) COLLATE NOCASE,
        e TEXT CONSTRAINT chk_e CHECK (e IN ('x')) CONSTRAINT fk_e REFERENCES other ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
        f decimal(5, 2) DEFAULT -1 /* block */ GENERATED ALWAYS AS (e || 'x') STORED,
        UNIQUE ("c""d" COLLATE NOCASE DESC, e),
        CHECK (f > 0 AND (e <> ',')),
        FOREIGN KEY (e, f) REFERENCES "other"(x, y) MATCH SIMPLE ON UPDATE CASCADE DEFERRABLE,
        FOREIGN KEY (f) REFERENCES other (y) NOT DEFERRABLE INITIALLY DEFERRED
      ) WITHOUT ROWID, STRICT`,
    );
    expect(parsed.name).toBe('Weird "t"');
    expect(parsed.columns.map((c) => [c.name, c.type, c.enumValues])).toEqual([
      ['a b', 'INT', undefined],
      ['c"d', 'varchar(10)', undefined],
      ['e', 'TEXT', undefined], // a named CHECK stays a check, not TypeORM's inline enum
      ['f', 'decimal(5, 2)', undefined],
    ]);
    expect(parsed.primaryKey).toEqual({ name: 'pk_a', columns: ['a b'] });
    expect(parsed.uniques).toEqual([
      { name: undefined, columns: ['c"d'] },
      { name: undefined, columns: ['c"d', 'e'] },
    ]);
    expect(parsed.checks).toEqual([
      { name: undefined, expression: 'length("c""d") > 0' },
      { name: 'chk_e', expression: "e IN ('x')" },
      { name: undefined, expression: "f > 0 AND (e <> ',')" },
    ]);
    expect(parsed.foreignKeys).toEqual([
      {
        name: 'fk_e',
        columns: ['e'],
        referencedTable: 'other',
        referencedColumns: [],
        onDelete: 'SET NULL',
        onUpdate: 'NO ACTION',
        deferrable: 'INITIALLY DEFERRED',
      },
      {
        name: undefined,
        columns: ['e', 'f'],
        referencedTable: 'other',
        referencedColumns: ['x', 'y'],
        onDelete: 'NO ACTION',
        onUpdate: 'CASCADE',
        deferrable: 'INITIALLY IMMEDIATE',
      },
      {
        name: undefined,
        columns: ['f'],
        referencedTable: 'other',
        referencedColumns: ['y'],
        onDelete: 'NO ACTION',
        onUpdate: 'NO ACTION',
        deferrable: undefined,
      },
    ]);
    expect(parsed.withoutRowid).toBe(true);
  });

  it('reads CREATE INDEX with a partial predicate and expression items', () => {
    expect(
      parseCreateIndex(
        `CREATE UNIQUE INDEX "IDX a" ON "t" ("x", lower(y) DESC) WHERE "isPublic" = true AND y <> 'WHERE'`,
      ),
    ).toEqual({
      name: 'IDX a',
      table: 't',
      unique: true,
      columns: ['x', 'lower(y)'],
      where: `"isPublic" = true AND y <> 'WHERE'`,
    });
    expect(parseCreateIndex('CREATE INDEX "IDX_56b9" ON "refresh_tokens" ("expiresAt") ')).toEqual({
      name: 'IDX_56b9',
      table: 'refresh_tokens',
      unique: false,
      columns: ['expiresAt'],
      where: undefined,
    });
  });

  it('tokenizes literals and strips only redundant parentheses', () => {
    expect(tokenize(`x'00ff' 1.5e3 'it''s' "a""b" [c] ?1 :p ->> <>`).map((t) => [t.kind, t.value])).toEqual([
      ['blob', '00ff'],
      ['number', '1.5e3'],
      ['string', "it's"],
      ['identifier', 'a"b'],
      ['identifier', 'c'],
      ['parameter', '?1'],
      ['parameter', ':p'],
      ['punct', '->>'],
      ['punct', '<>'],
    ]);
    // Doubled delimiters anywhere in the token, numbers in every form, words beyond ASCII, Unicode whitespace,
    // comments; every token's text is its source and its offsets cut it out of the statement.
    const sql = "'''' \"\"\"\" `a``b` 'x''y''z' .5 0x1F 1_000 2. 1e-3 é_$1,\u00a0-- note\n/* c */ n$";
    const tokens = tokenize(sql);
    expect(tokens.map((t) => [t.kind, t.value])).toEqual([
      ['string', "'"],
      ['identifier', '"'],
      ['identifier', 'a`b'],
      ['string', "x'y'z"],
      ['number', '.5'],
      ['number', '0x1F'],
      ['number', '1_000'],
      ['number', '2.'],
      ['number', '1e-3'],
      ['word', 'é_$1'],
      ['punct', ','],
      ['word', 'n$'],
    ]);
    for (const t of tokens) expect(sql.slice(t.start, t.end)).toBe(t.text);
    expect(() => tokenize("'it''s")).toThrow(/unterminated ' at offset 0/);
    expect(() => tokenize('a "b')).toThrow(/unterminated " at offset 2/);
    expect(stripOuterParens(" ((datetime('now'))) ")).toBe("datetime('now')");
    expect(stripOuterParens('(a) + (b)')).toBe('(a) + (b)');
    expect(stripOuterParens("(')')")).toBe("')'");
  });
});
