/**
 * Parses the `CREATE TABLE` / `CREATE INDEX` text SQLite keeps in `sqlite_master.sql`, for what the pragmas do not
 * report: constraint names, CHECK expressions (and TypeORM's inline enum CHECK), AUTOINCREMENT, column collations and
 * index predicates.
 */
import { isKeyword, isPunct, matchingParen, sourceText, splitTopLevel, tokenize, type Token } from './tokenize';

export interface ParsedForeignKey {
  readonly name?: string;
  readonly columns: readonly string[];
  readonly referencedTable: string;
  /** Empty when the clause names no columns (it then references the parent's primary key). */
  readonly referencedColumns: readonly string[];
  /** Upper case, `NO ACTION` when not declared. */
  readonly onDelete: string;
  readonly onUpdate: string;
  /** `DEFERRABLE` (initially immediate unless `INITIALLY DEFERRED`); absent for `NOT DEFERRABLE` or none. */
  readonly deferrable?: 'INITIALLY IMMEDIATE' | 'INITIALLY DEFERRED';
}

export interface ParsedColumn {
  readonly name: string;
  /** The declared type as written, e.g. `varchar(255)`; empty when none. */
  readonly type: string;
  readonly autoincrement: boolean;
  /** Values of the column's unnamed `CHECK ("col" IN ('a', 'b'))`, TypeORM's inline enum. */
  readonly enumValues?: readonly string[];
  /** `[GENERATED ALWAYS] AS (expression) [STORED|VIRTUAL]`: the expression's text (VIRTUAL when not stated). */
  readonly computed?: { readonly expression: string; readonly stored: boolean };
  /** `COLLATE name`: the collating sequence's name as written (unquoted). */
  readonly collation?: string;
}

export interface ParsedTable {
  readonly name: string;
  readonly columns: readonly ParsedColumn[];
  readonly primaryKey?: { readonly name?: string; readonly columns: readonly string[] };
  readonly uniques: readonly { readonly name?: string; readonly columns: readonly string[] }[];
  /** Named and unnamed CHECKs, table- and column-level, except a column's inline enum CHECK. */
  readonly checks: readonly { readonly name?: string; readonly expression: string }[];
  readonly foreignKeys: readonly ParsedForeignKey[];
  readonly withoutRowid: boolean;
  readonly strict: boolean;
}

export interface ParsedIndex {
  readonly name: string;
  readonly table: string;
  readonly unique: boolean;
  /** Column names, or the expression text of an expression item. */
  readonly columns: readonly string[];
  /** Partial index predicate, without `WHERE`. */
  readonly where?: string;
}

/** Words that start a column constraint (and so end a column's type). */
const COLUMN_CONSTRAINT_START = new Set([
  'CONSTRAINT',
  'PRIMARY',
  'NOT',
  'NULL',
  'UNIQUE',
  'CHECK',
  'DEFAULT',
  'COLLATE',
  'REFERENCES',
  'GENERATED',
  'AS',
]);

const TABLE_CONSTRAINT_START = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN']);

const isName = (t: Token | undefined): t is Token =>
  t !== undefined && (t.kind === 'word' || t.kind === 'identifier' || t.kind === 'string');

class Cursor {
  constructor(
    readonly sql: string,
    readonly tokens: readonly Token[],
    public pos: number,
    readonly end: number,
  ) {}
  get peek(): Token | undefined {
    return this.pos < this.end ? this.tokens[this.pos] : undefined;
  }
  at(offset: number): Token | undefined {
    return this.pos + offset < this.end ? this.tokens[this.pos + offset] : undefined;
  }
  done(): boolean {
    return this.pos >= this.end;
  }
  keyword(word: string): boolean {
    if (!isKeyword(this.peek, word)) return false;
    this.pos++;
    return true;
  }
  expectKeyword(word: string): void {
    if (!this.keyword(word)) throw this.error(`expected ${word}`);
  }
  name(): string {
    const t = this.peek;
    if (!isName(t)) throw this.error('expected a name');
    this.pos++;
    return t.value;
  }
  /** `schema.name` or `name`: returns the name. */
  qualifiedName(): string {
    let name = this.name();
    if (isPunct(this.peek, '.')) {
      this.pos++;
      name = this.name();
    }
    return name;
  }
  /** Consumes `( ... )` and returns the token range inside. */
  parenthesized(): [number, number] {
    if (!isPunct(this.peek, '(')) throw this.error('expected (');
    const close = matchingParen(this.tokens, this.pos);
    const inner: [number, number] = [this.pos + 1, close];
    this.pos = close + 1;
    return inner;
  }
  /** Skips one token, or a whole parenthesised group. */
  skip(): void {
    this.pos = isPunct(this.peek, '(') ? matchingParen(this.tokens, this.pos) + 1 : this.pos + 1;
  }
  error(message: string): SyntaxError {
    const near = this.peek ? `near "${this.peek.text}"` : 'at the end';
    const text = this.sql.replace(/\s+/g, ' ');
    return new SyntaxError(`${message} ${near} in: ${text.length > 160 ? `${text.slice(0, 160)}...` : text}`);
  }
}

/** Column names of an indexed-column list (`"a" COLLATE NOCASE DESC, lower(b)`). */
function indexedColumns(sql: string, tokens: readonly Token[], from: number, to: number): string[] {
  return splitTopLevel(tokens, from, to).map(([a, b]) => {
    let end = b;
    while (end > a && (isKeyword(tokens[end - 1], 'ASC') || isKeyword(tokens[end - 1], 'DESC'))) end--;
    if (end - a >= 2 && isKeyword(tokens[end - 2], 'COLLATE')) end -= 2;
    const first = tokens[a];
    return end - a === 1 && isName(first) ? first.value : sourceText(sql, tokens, a, end);
  });
}

function nameList(cursor: Cursor): string[] {
  const [from, to] = cursor.parenthesized();
  return indexedColumns(cursor.sql, cursor.tokens, from, to);
}

/** `ON CONFLICT <resolution>` */
function skipConflictClause(cursor: Cursor): void {
  if (isKeyword(cursor.peek, 'ON') && isKeyword(cursor.at(1), 'CONFLICT')) cursor.pos += 3;
}

/** `REFERENCES t [(cols)] [ON DELETE|UPDATE action | MATCH name | [NOT] DEFERRABLE [INITIALLY ...]]*` */
function referencesClause(cursor: Cursor): Omit<ParsedForeignKey, 'name' | 'columns'> {
  cursor.expectKeyword('REFERENCES');
  const referencedTable = cursor.name();
  const referencedColumns = isPunct(cursor.peek, '(') ? nameList(cursor) : [];
  const actions = { DELETE: 'NO ACTION', UPDATE: 'NO ACTION' };
  let deferrable = false;
  let initiallyDeferred = false;
  for (;;) {
    if (isKeyword(cursor.peek, 'ON') && (isKeyword(cursor.at(1), 'DELETE') || isKeyword(cursor.at(1), 'UPDATE'))) {
      const event = cursor.at(1)!.value.toUpperCase() as keyof typeof actions;
      cursor.pos += 2;
      const first = cursor.peek?.value.toUpperCase() ?? '';
      const words = first === 'SET' || first === 'NO' ? 2 : 1; // SET NULL | SET DEFAULT | NO ACTION | CASCADE | RESTRICT
      actions[event] = sourceText(cursor.sql, cursor.tokens, cursor.pos, cursor.pos + words)
        .toUpperCase()
        .replace(/\s+/g, ' ');
      cursor.pos += words;
    } else if (cursor.keyword('MATCH')) {
      cursor.pos++;
    } else if (isKeyword(cursor.peek, 'NOT') && isKeyword(cursor.at(1), 'DEFERRABLE')) {
      cursor.pos += 2;
      deferrable = false;
    } else if (cursor.keyword('DEFERRABLE')) {
      deferrable = true; // INITIALLY DEFERRED | IMMEDIATE handled below
    } else if (cursor.keyword('INITIALLY')) {
      initiallyDeferred = isKeyword(cursor.peek, 'DEFERRED');
      cursor.pos++;
    } else {
      const deferral = deferrable ? (initiallyDeferred ? 'INITIALLY DEFERRED' : 'INITIALLY IMMEDIATE') : undefined;
      return {
        referencedTable,
        referencedColumns,
        onDelete: actions.DELETE,
        onUpdate: actions.UPDATE,
        deferrable: deferral,
      };
    }
  }
}

/** `"col" IN ('a', 'b')` -> ['a', 'b'] when the CHECK is exactly TypeORM's enum form for this column. */
function enumCheckValues(tokens: readonly Token[], from: number, to: number, column: string): string[] | undefined {
  const first = tokens[from];
  if (!isName(first) || first.kind === 'string' || first.value.toLowerCase() !== column.toLowerCase()) return undefined;
  if (!isKeyword(tokens[from + 1], 'IN') || !isPunct(tokens[from + 2], '(')) return undefined;
  const close = matchingParen(tokens, from + 2);
  if (close !== to - 1) return undefined;
  const items = splitTopLevel(tokens, from + 3, close);
  const values: string[] = [];
  for (const [a, b] of items) {
    const token = tokens[a];
    if (b - a !== 1 || token?.kind !== 'string') return undefined;
    values.push(token.value);
  }
  return values.length > 0 ? values : undefined;
}

export function parseCreateTable(sql: string): ParsedTable {
  const tokens = tokenize(sql);
  const cursor = new Cursor(sql, tokens, 0, tokens.length);
  cursor.expectKeyword('CREATE');
  if (!cursor.keyword('TEMP')) cursor.keyword('TEMPORARY');
  cursor.expectKeyword('TABLE');
  if (isKeyword(cursor.peek, 'IF')) cursor.pos += 3; // IF NOT EXISTS
  const name = cursor.qualifiedName();

  const columns: ParsedColumn[] = [];
  const uniques: { name?: string; columns: string[] }[] = [];
  const checks: { name?: string; expression: string }[] = [];
  const foreignKeys: ParsedForeignKey[] = [];
  let primaryKey: ParsedTable['primaryKey'];

  if (!isPunct(cursor.peek, '(')) {
    // CREATE TABLE ... AS SELECT: no declared constraints.
    return { name, columns, uniques, checks, foreignKeys, withoutRowid: false, strict: false };
  }
  const [bodyFrom, bodyTo] = cursor.parenthesized();
  for (const [from, to] of splitTopLevel(tokens, bodyFrom, bodyTo)) {
    const item = new Cursor(sql, tokens, from, to);
    const first = item.peek;
    // These words are reserved: a column with such a name must be quoted, so a bare one starts a constraint.
    const isTableConstraint = first?.kind === 'word' && TABLE_CONSTRAINT_START.has(first.value.toUpperCase());
    if (isTableConstraint) {
      let constraintName: string | undefined;
      if (item.keyword('CONSTRAINT')) constraintName = item.name();
      if (item.keyword('PRIMARY')) {
        item.expectKeyword('KEY');
        primaryKey = { name: constraintName, columns: nameList(item) };
      } else if (item.keyword('UNIQUE')) {
        uniques.push({ name: constraintName, columns: nameList(item) });
      } else if (item.keyword('CHECK')) {
        const [a, b] = item.parenthesized();
        checks.push({ name: constraintName, expression: sourceText(sql, tokens, a, b) });
      } else if (item.keyword('FOREIGN')) {
        item.expectKeyword('KEY');
        const fkColumns = nameList(item);
        foreignKeys.push({ name: constraintName, columns: fkColumns, ...referencesClause(item) });
      } else {
        throw item.error('unknown table constraint');
      }
      continue;
    }

    // A column definition.
    const columnName = item.name();
    const typeFrom = item.pos;
    while (
      !item.done() &&
      !(item.peek!.kind === 'word' && COLUMN_CONSTRAINT_START.has(item.peek!.value.toUpperCase()))
    ) {
      item.skip();
    }
    const type = sourceText(sql, tokens, typeFrom, item.pos);
    let autoincrement = false;
    let enumValues: string[] | undefined;
    let computed: ParsedColumn['computed'];
    let collation: string | undefined;
    while (!item.done()) {
      let constraintName: string | undefined;
      if (item.keyword('CONSTRAINT')) constraintName = item.name();
      if (item.keyword('PRIMARY')) {
        item.expectKeyword('KEY');
        if (!item.keyword('ASC')) item.keyword('DESC');
        skipConflictClause(item);
        if (item.keyword('AUTOINCREMENT')) autoincrement = true;
        primaryKey = { name: constraintName, columns: [columnName] };
      } else if (item.keyword('NOT')) {
        item.expectKeyword('NULL');
        skipConflictClause(item);
      } else if (item.keyword('NULL')) {
        skipConflictClause(item);
      } else if (item.keyword('UNIQUE')) {
        skipConflictClause(item);
        uniques.push({ name: constraintName, columns: [columnName] });
      } else if (item.keyword('CHECK')) {
        const [a, b] = item.parenthesized();
        const values =
          constraintName === undefined && !enumValues ? enumCheckValues(tokens, a, b, columnName) : undefined;
        if (values) enumValues = values;
        else checks.push({ name: constraintName, expression: sourceText(sql, tokens, a, b) });
      } else if (item.keyword('DEFAULT')) {
        // `DEFAULT (expr)`, a literal, a signed number or a bare word: the pragma reports the text.
        if (isPunct(item.peek, '+') || isPunct(item.peek, '-')) item.pos++;
        item.skip();
      } else if (item.keyword('COLLATE')) {
        collation = item.name();
      } else if (isKeyword(item.peek, 'REFERENCES')) {
        foreignKeys.push({ name: constraintName, columns: [columnName], ...referencesClause(item) });
      } else if (item.keyword('GENERATED')) {
        item.expectKeyword('ALWAYS');
      } else if (item.keyword('AS')) {
        const [a, b] = item.parenthesized();
        const stored = item.keyword('STORED');
        if (!stored) item.keyword('VIRTUAL');
        computed = { expression: sourceText(sql, tokens, a, b), stored };
      } else {
        item.skip();
      }
    }
    columns.push({ name: columnName, type, autoincrement, enumValues, computed, collation });
  }

  // Table options after the body, separated by commas: WITHOUT ROWID, STRICT.
  let withoutRowid = false;
  let strict = false;
  for (let i = cursor.pos; i < tokens.length; i++) {
    if (isKeyword(tokens[i], 'WITHOUT') && isKeyword(tokens[i + 1], 'ROWID')) withoutRowid = true;
    if (isKeyword(tokens[i], 'STRICT')) strict = true;
  }
  return { name, columns, primaryKey, uniques, checks, foreignKeys, withoutRowid, strict };
}

export function parseCreateIndex(sql: string): ParsedIndex {
  const tokens = tokenize(sql);
  const cursor = new Cursor(sql, tokens, 0, tokens.length);
  cursor.expectKeyword('CREATE');
  const unique = cursor.keyword('UNIQUE');
  cursor.expectKeyword('INDEX');
  if (isKeyword(cursor.peek, 'IF')) cursor.pos += 3; // IF NOT EXISTS
  const name = cursor.qualifiedName();
  cursor.expectKeyword('ON');
  const table = cursor.name();
  const columns = nameList(cursor);
  let where: string | undefined;
  if (cursor.keyword('WHERE')) {
    let end = tokens.length;
    if (isPunct(tokens[end - 1], ';')) end--;
    where = sourceText(sql, tokens, cursor.pos, end);
  }
  return { name, table, unique, columns, where };
}

/** `CREATE [TEMP] VIEW [IF NOT EXISTS] name [(columns)] AS select`: the name and the select's text. */
export function parseCreateView(sql: string): { readonly name: string; readonly expression: string } {
  const tokens = tokenize(sql);
  const cursor = new Cursor(sql, tokens, 0, tokens.length);
  cursor.expectKeyword('CREATE');
  if (!cursor.keyword('TEMP')) cursor.keyword('TEMPORARY');
  cursor.expectKeyword('VIEW');
  if (isKeyword(cursor.peek, 'IF')) cursor.pos += 3; // IF NOT EXISTS
  const name = cursor.qualifiedName();
  if (isPunct(cursor.peek, '(')) cursor.parenthesized();
  cursor.expectKeyword('AS');
  if (cursor.done()) throw cursor.error('expected a select');
  let end = tokens.length;
  if (isPunct(tokens[end - 1], ';')) end--;
  return { name, expression: sourceText(sql, tokens, cursor.pos, end) };
}
