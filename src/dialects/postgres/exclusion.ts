/**
 * PostgreSQL exclusion constraints as SQL text and back: what follows `EXCLUDE` in `pg_get_constraintdef` and in
 * TypeORM's `@Exclusion` expression (`USING gist ("room" WITH =, "during" WITH &&) WHERE (NOT cancelled)`), read into
 * the model's `Exclusion`, put in canonical spelling, and written as a constraint clause.
 */
import type { Deferrable, Exclusion, ExclusionElement } from '../../model';
import { SchemaplanError } from '../../errors/errors';
import { enclosedExpression } from '../index-expression';
import { canonicalizeExpression, canonicalizeKeyExpression } from './expression';
import { quoteIdentifier } from './quote';

/** The text could not be read as an exclusion constraint; `message` says where. */
export class ExclusionSyntaxError extends Error {}

const SPACE = /\s/;

/** Index after the quoted run (`'...'`, `"..."`) starting at `i`. */
function skipQuoted(text: string, i: number): number {
  const quote = text[i]!;
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === quote) {
      if (text[j + 1] !== quote) return j + 1;
      j += 2;
    } else j++;
  }
  throw new ExclusionSyntaxError(`unterminated ${quote === '"' ? 'quoted name' : 'string'}`);
}

/** Index of the `)` closing the `(` at `open`, quotes and nesting considered. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length;) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      i = skipQuoted(text, i);
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return i;
    i++;
  }
  throw new ExclusionSyntaxError('unbalanced parentheses');
}

/** `text` split at top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === "'" || c === '"') i = skipQuoted(text, i);
    else if (c === '(') i = closingParen(text, i) + 1;
    else {
      if (c === ',') {
        parts.push(text.slice(start, i));
        start = i + 1;
      }
      i++;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim());
}

/** Top-level words and parenthesised groups of `text`, with where each starts. */
function topLevelWords(text: string): { word: string; at: number; end: number }[] {
  const words: { word: string; at: number; end: number }[] = [];
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      const end = skipQuoted(text, i);
      words.push({ word: text.slice(i, end), at: i, end });
      i = end;
    } else if (c === '(') {
      const end = closingParen(text, i) + 1;
      words.push({ word: text.slice(i, end), at: i, end });
      i = end;
    } else {
      let j = i;
      while (j < text.length && !SPACE.test(text[j]!) && !'()\'"'.includes(text[j]!)) j++;
      if (j === i) j++;
      words.push({ word: text.slice(i, j), at: i, end: j });
      i = j;
    }
  }
  return words;
}

/** A name as PostgreSQL reads it: `"Weird Col"` exactly, an unquoted one folded to lower case. */
function identifier(text: string): string {
  const t = text.trim();
  if (t.startsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
  return t.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const NAME = /^(?:"(?:[^"]|"")+"|[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)$/;

/** `pg_catalog.=` and `OPERATOR(pg_catalog.=)` are `=`; spaces removed. */
function canonicalOperator(text: string): string {
  let op = text.replace(/\s+/g, '');
  const wrapped = /^OPERATOR\((.*)\)$/i.exec(op);
  if (wrapped) op = wrapped[1]!;
  op = op.replace(/^pg_catalog\./i, '');
  return /^[A-Za-z_"]/.test(op) || op.includes('.') ? `OPERATOR(${op})` : op;
}

/** `"room" text_pattern_ops DESC NULLS LAST WITH =`, `lower(name) WITH =`, `(a + b) WITH &&`. */
function parseElement(text: string): ExclusionElement {
  const words = topLevelWords(text);
  const withAt = words.map((w) => w.word.toUpperCase()).lastIndexOf('WITH');
  if (withAt <= 0 || withAt === words.length - 1)
    throw new ExclusionSyntaxError(`element "${text}" has no WITH operator`);
  const operator = canonicalOperator(text.slice(words[withAt + 1]!.at));
  const key = words.slice(0, withAt);
  // The key: a parenthesised expression, a (qualified) function call, or a column name.
  let used: number;
  let subject: { column: string } | { expression: string };
  const first = key[0]!;
  if (first.word.startsWith('(')) {
    subject = { expression: first.word.slice(1, -1) };
    used = 1;
  } else if (key[1]?.word.startsWith('(') && key[1].at === first.end) {
    subject = { expression: text.slice(first.at, key[1].end) };
    used = 2;
  } else if (/[.(]/.test(first.word.replace(/"(?:[^"]|"")*"/g, '')) || !NAME.test(first.word)) {
    // `schema.f(x)` splits into `schema.f` and its arguments only when written with no space.
    const call = key[1]?.word.startsWith('(') ? key[1] : undefined;
    subject = { expression: text.slice(first.at, (call ?? first).end) };
    used = call ? 2 : 1;
  } else {
    subject = { column: identifier(first.word) };
    used = 1;
  }
  if (key[used]?.word.toUpperCase() === 'COLLATE' && key[used + 1]) {
    // `"name" COLLATE "C"`: the collated value is the element's expression.
    subject = { expression: text.slice(first.at, key[used + 1]!.end) };
    used += 2;
  }
  const rest = key.slice(used).map((w) => w.word);
  const upper = rest.map((w) => w.toUpperCase());
  let nulls: 'first' | 'last' | undefined;
  if (upper.length >= 2 && upper[upper.length - 2] === 'NULLS') {
    nulls = upper[upper.length - 1] === 'FIRST' ? 'first' : 'last';
    rest.splice(-2);
    upper.splice(-2);
  }
  let desc = false;
  if (upper[upper.length - 1] === 'DESC' || upper[upper.length - 1] === 'ASC') {
    desc = upper[upper.length - 1] === 'DESC';
    rest.pop();
    upper.pop();
  }
  if (rest.length > 1) throw new ExclusionSyntaxError(`element "${text}" is not understood`);
  const opclass = rest[0];
  return {
    ...subject,
    ...(opclass ? { opclass: opclass.startsWith('"') ? opclass : opclass.toLowerCase() } : {}),
    ...(desc ? { desc: true as const } : {}),
    ...(nulls ? { nulls } : {}),
    operator,
  };
}

/**
 * Reads the text after `EXCLUDE` (the word itself may lead): `USING method (elements) [INCLUDE ...] [WITH (...)]
 * [USING INDEX TABLESPACE ...] [WHERE (predicate)] [[NOT] DEFERRABLE] [INITIALLY DEFERRED|IMMEDIATE]`. Throws
 * `ExclusionSyntaxError` on anything else.
 */
export function parseExclusion(text: string): Omit<Exclusion, 'name'> {
  let rest = text.trim().replace(/^EXCLUDE\b\s*/i, '');
  let method = 'btree';
  const using = /^USING\s+("(?:[^"]|"")+"|\w+)\s*/i.exec(rest);
  if (using) {
    method = identifier(using[1]!);
    rest = rest.slice(using[0].length);
  }
  if (!rest.startsWith('(')) throw new ExclusionSyntaxError('expected the elements in parentheses');
  const close = closingParen(rest, 0);
  const elements = splitTopLevel(rest.slice(1, close)).map(parseElement);
  if (elements.length === 0 || elements.some((e) => e === undefined)) throw new ExclusionSyntaxError('no elements');
  const words = topLevelWords(rest.slice(close + 1));
  const tail = rest.slice(close + 1);
  let where: string | undefined;
  let deferrable = false;
  let deferred = false;
  let optionsEnd = 0;
  let optionsStart: number | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.word.toUpperCase();
    if (word === 'WHERE') {
      const group = words[++i];
      if (!group?.word.startsWith('(')) throw new ExclusionSyntaxError('WHERE needs its predicate in parentheses');
      where = group.word.slice(1, -1);
    } else if (word === 'DEFERRABLE') {
      deferrable = true;
    } else if (word === 'NOT' && words[i + 1]?.word.toUpperCase() === 'DEFERRABLE') {
      i++;
    } else if (word === 'INITIALLY') {
      deferred = words[++i]?.word.toUpperCase() === 'DEFERRED';
      if (deferred) deferrable = true;
    } else if (where === undefined && !deferrable) {
      // INCLUDE (...), WITH (...), USING INDEX TABLESPACE name: kept as written.
      optionsStart ??= words[i]!.at;
      optionsEnd = words[i]!.end;
    } else {
      throw new ExclusionSyntaxError(`unexpected ${words[i]!.word}`);
    }
  }
  const options =
    optionsStart === undefined ? undefined : tail.slice(optionsStart, optionsEnd).replace(/\s+/g, ' ').trim();
  const deferral: Deferrable | undefined = deferrable
    ? deferred
      ? 'INITIALLY DEFERRED'
      : 'INITIALLY IMMEDIATE'
    : undefined;
  return {
    method,
    elements,
    ...(where !== undefined ? { where } : {}),
    ...(deferral ? { deferrable: deferral } : {}),
    ...(options ? { options } : {}),
  };
}

/** Canonical spelling: method lower case, element expressions and predicate as `canonicalizeExpression` writes them. */
export function normalizeExclusion(exclusion: Exclusion): Exclusion {
  return {
    name: exclusion.name,
    method: exclusion.method.trim().toLowerCase() || 'btree',
    elements: exclusion.elements.map((element) => ({
      ...('column' in element
        ? { column: element.column }
        : { expression: canonicalizeKeyExpression(element.expression) }),
      ...(element.opclass ? { opclass: element.opclass } : {}),
      ...(element.desc ? { desc: true as const } : {}),
      ...(element.nulls && element.nulls !== (element.desc ? 'first' : 'last') ? { nulls: element.nulls } : {}),
      operator: canonicalOperator(element.operator),
    })),
    ...(exclusion.where?.trim() ? { where: canonicalizeExpression(exclusion.where) } : {}),
    ...(exclusion.deferrable ? { deferrable: exclusion.deferrable } : {}),
    ...(exclusion.options?.trim() ? { options: exclusion.options.trim() } : {}),
    ...(exclusion.comment ? { comment: exclusion.comment } : {}),
  };
}

const OPERATOR =
  /^(?:[+\-*/<>=~!@#%^&|`?]+|OPERATOR\((?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\.[+\-*/<>=~!@#%^&|`?]+\))$/;
const QUALIFIED_NAME = /^(?:(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\.)?(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)$/;

/** Text that comes from the catalog or an entity and cannot be quoted is checked to be what it claims, or refused. */
function checked(text: string, pattern: RegExp, what: string, name: string): string {
  if (!pattern.test(text)) {
    throw new SchemaplanError(
      `exclusion constraint ${name}: ${what} ${JSON.stringify(text)} is not one`,
      'Exclusion constraints come from the database catalog, an @Exclusion expression or the model file; check it.',
    );
  }
  return text;
}

/** What follows `EXCLUDE`: `USING "gist" ("room" WITH =, (lower("name")) WITH =) WHERE (...) DEFERRABLE ...`. */
export function exclusionBody(exclusion: Exclusion): string {
  const elements = exclusion.elements.map((element) => {
    const subject =
      'column' in element ? quoteIdentifier(element.column) : enclosedExpression(element.expression, 'postgres');
    const opclass = element.opclass
      ? ` ${checked(element.opclass, QUALIFIED_NAME, 'operator class', exclusion.name)}`
      : '';
    const order = `${element.desc ? ' DESC' : ''}${element.nulls ? ` NULLS ${element.nulls.toUpperCase()}` : ''}`;
    return `${subject}${opclass}${order} WITH ${checked(element.operator, OPERATOR, 'operator', exclusion.name)}`;
  });
  // Options are a run of clauses, never a statement: the same check as an expression's (balanced, no `;`, no comment).
  const options = exclusion.options ? ` ${enclosedExpression(exclusion.options, 'postgres').slice(1, -1)}` : '';
  return (
    `USING ${quoteIdentifier(exclusion.method)} (${elements.join(', ')})${options}` +
    (exclusion.where !== undefined ? ` WHERE ${enclosedExpression(exclusion.where, 'postgres')}` : '') +
    (exclusion.deferrable ? ` DEFERRABLE ${exclusion.deferrable}` : '')
  );
}

/** `CONSTRAINT "EXC_bookings" EXCLUDE USING gist (...)`, for CREATE TABLE and ADD. */
export function exclusionClause(exclusion: Exclusion): string {
  return `CONSTRAINT ${quoteIdentifier(exclusion.name)} EXCLUDE ${exclusionBody(exclusion)}`;
}
