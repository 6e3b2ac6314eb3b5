/**
 * How plausible it is that a dropped and an added object are one object renamed: the rule behind rename questions
 * (see `findLookAlikes`). A question stops a CI run (exit 3), so it must be worth asking: a pair is asked about only
 * when the names are alike, or the definitions are, or both enough. Pure and deterministic; documented in the README
 * ("Renames").
 */
import type { Column, Table } from '../model';

/**
 * The words of a name, lower case: camelCase, PascalCase, snake_case, kebab-case and digits split apart
 * (`legacyMenuState` -> legacy, menu, state; `HTTPStatus_code2` -> http, status, code, 2).
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])|([0-9])([A-Za-z])/g, (_, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`))
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Levenshtein distance (insertions, deletions, substitutions), two rows of the table. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** 1 - edit distance / longer length: `colour`/`color` 0.83, `title`/`heading` 0.14. */
function spellingSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/** Two words are the same word: equal, one abbreviating the other (`desc`/`description`), or spelled alike. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return true;
  return short.length >= 4 && spellingSimilarity(a, b) >= 0.8;
}

/**
 * How alike two names are, from 0 (unrelated) to 1 (the same words, e.g. `userName`/`user_name`): the larger of the
 * share of words they have in common (Dice coefficient: `email`/`emailAddress` 0.67, `name`/`full_name` 0.67) and the
 * spelling similarity of the names with case and separators removed (`colour`/`color` 0.83).
 */
export function nameSimilarity(a: string, b: string): number {
  const [wa, wb] = [nameWords(a), nameWords(b)];
  const [ja, jb] = [wa.join(''), wb.join('')];
  if (ja === jb) return 1;
  const unmatched = [...wb];
  let shared = 0;
  for (const word of wa) {
    const i = unmatched.findIndex((other) => sameWord(word, other));
    if (i < 0) continue;
    shared++;
    unmatched.splice(i, 1);
  }
  const words = wa.length + wb.length === 0 ? 0 : (2 * shared) / (wa.length + wb.length);
  return Math.max(words, spellingSimilarity(ja, jb));
}

/** Names this alike (or more) are alike. */
export const ALIKE_NAMES = 0.5;
/** Names this alike (or more) differ only in spelling, case or separators. */
export const NEAR_IDENTICAL_NAMES = 0.8;

/** What can differ between two columns of the same base type, besides the name. */
export type DefinitionField = 'size' | 'nullable' | 'default' | 'generated' | 'computed' | 'enum' | 'collation';
const DEFINITION_FIELDS = 7;

/** Same base type and array-ness: the values of one fit the other (a precondition of every rename question). */
export function sameBaseType(a: Column, b: Column): boolean {
  return a.type === b.type && Boolean(a.array) === Boolean(b.array);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The parts of two columns' definitions (name, base type and comment aside) that differ. */
export function definitionDifferences(a: Column, b: Column): DefinitionField[] {
  const fields: DefinitionField[] = [];
  if (!same([a.length, a.precision, a.scale], [b.length, b.precision, b.scale])) fields.push('size');
  if (a.nullable !== b.nullable) fields.push('nullable');
  if (a.default !== b.default) fields.push('default');
  if (a.generated !== b.generated || !same(a.identity, b.identity)) fields.push('generated');
  if (!same(a.computed, b.computed)) fields.push('computed');
  if (!same(a.enum, b.enum) || !same(a.enumValues, b.enumValues)) fields.push('enum');
  if (a.collation !== b.collation) fields.push('collation');
  return fields;
}

export interface ColumnLikeness {
  /** Worth a question (see `columnLikeness`). */
  readonly plausible: boolean;
  /** For choosing among several plausible partners: higher is more alike. */
  readonly score: number;
  readonly names: number;
  readonly differences: readonly DefinitionField[];
}

/**
 * A dropped and an added column of the same table may be one column renamed when their base types are the same and
 * - their definitions are otherwise identical (whatever the names: `title` -> `heading`), or
 * - their names are alike (`email` -> `emailAddress`, `name` -> `full_name`) and at most two parts of the definition
 *   differ (a length widened and a default added), or
 * - their names differ only in spelling, case or separators (`userName` -> `user_name`), whatever else changed.
 * So `legacyMenuState varchar(32) NULL` dropped and `timezone varchar(64) DEFAULT 'UTC'` added is not asked about.
 */
export function columnLikeness(dropped: Column, added: Column): ColumnLikeness {
  const names = nameSimilarity(dropped.name, added.name);
  const differences = sameBaseType(dropped, added) ? definitionDifferences(dropped, added) : [];
  const plausible =
    sameBaseType(dropped, added) &&
    (differences.length === 0 || names >= NEAR_IDENTICAL_NAMES || (names >= ALIKE_NAMES && differences.length <= 2));
  return { plausible, score: names + 1 - differences.length / DEFINITION_FIELDS, names, differences };
}

export interface TableLikeness {
  readonly plausible: boolean;
  /** Columns in common, weighted (see `tableLikeness`), over the larger table. */
  readonly columns: number;
  readonly names: number;
  readonly score: number;
}

/** Tables sharing this weighted share of columns (or more) may be one table renamed when their names are alike. */
export const TABLE_SIMILARITY = 0.5;
/** Tables sharing this weighted share of columns (or more) may be one table renamed whatever their names. */
export const TABLE_SIMILARITY_ANY_NAME = 0.75;

/**
 * The columns two tables have in common, over the larger table: a column with the same name and base type counts 1
 * when its definition is identical, ½ otherwise. `posts (id, title, body)` and `articles (id, title, body, slug)`
 * share 3 of 4 (0.75).
 */
export function tableSimilarity(a: Table, b: Table): number {
  let shared = 0;
  for (const column of a.columns) {
    const other = b.columns.find((c) => c.name === column.name);
    if (!other || !sameBaseType(column, other)) continue;
    shared += definitionDifferences(column, other).length === 0 ? 1 : 0.5;
  }
  return shared / Math.max(a.columns.length, b.columns.length, 1);
}

/**
 * A dropped and an added table may be one table renamed when they share at least half of their columns (weighted,
 * see `tableSimilarity`) and their names are alike (`sessions` -> `auth_sessions`), or when they share at least three
 * quarters whatever their names (`writers` -> `authors` with the same columns).
 */
export function tableLikeness(dropped: Table, added: Table): TableLikeness {
  const columns = tableSimilarity(dropped, added);
  const names = nameSimilarity(dropped.name, added.name);
  const plausible = columns >= TABLE_SIMILARITY_ANY_NAME || (columns >= TABLE_SIMILARITY && names >= ALIKE_NAMES);
  return { plausible, columns, names, score: columns + names / 4 };
}
