/**
 * TypeScript names for database objects: class, enum and property identifiers and kebab-case file names, always
 * valid and unique in their scope. Database names themselves are never derived from these: every decorator states
 * the database name explicitly.
 */

/** A JavaScript identifier (Unicode letters allowed, as in TypeScript source). */
const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*$/u;

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** Words of a name: split at anything that is not a letter or digit, and at lower-to-upper case changes. */
function words(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `card_statistics` -> `CardStatistics`, `user-deck progress` -> `UserDeckProgress`; `fallback` when nothing is left. */
export function pascalCase(name: string, fallback: string): string {
  const result = words(name).map(capitalize).join('');
  if (result === '') return fallback;
  return /^\p{N}/u.test(result) ? `${fallback}${result}` : result;
}

/** `owner_id` -> `ownerId`: a camel-case identifier (not checked against reserved words). */
export function camelCase(name: string, fallback: string): string {
  const pascal = pascalCase(name, '');
  if (pascal === '') return fallback;
  const camel = pascal.charAt(0).toLowerCase() + pascal.slice(1);
  return /^\p{N}/u.test(camel) ? `_${camel}` : camel;
}

/** `CardStatistics` -> `card-statistics`. */
export function kebabCase(name: string): string {
  return words(name)
    .map((word) => word.toLowerCase())
    .join('-');
}

/** Names a class cannot have as an instance property. */
export const RESERVED_PROPERTY_NAMES: readonly string[] = ['constructor', '__proto__'];

/** A property name for a column: the column name itself when it is an identifier, else a camel-case spelling of it. */
export function propertyNameFor(columnName: string): string {
  if (isIdentifier(columnName)) return columnName;
  return camelCase(columnName, 'column');
}

/**
 * Hands out names unique within one scope (compared case-insensitively when asked, as file names on some systems
 * are), never one of the `reserved` names: a taken name gets a numeric suffix.
 */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(
    reserved: Iterable<string> = [],
    private readonly caseInsensitive = false,
  ) {
    for (const name of reserved) this.taken.add(this.key(name));
  }

  private key(name: string): string {
    return this.caseInsensitive ? name.toLowerCase() : name;
  }

  has(name: string): boolean {
    return this.taken.has(this.key(name));
  }

  /** The first free name of `candidates`, else the first one with the smallest free numeric suffix. */
  claim(...candidates: string[]): string {
    const usable = candidates.filter((c) => c !== '');
    for (const candidate of usable) {
      if (!this.has(candidate)) return this.take(candidate);
    }
    const base = usable[0] ?? 'name';
    for (let n = 2; ; n++) {
      const candidate = `${base}${n}`;
      if (!this.has(candidate)) return this.take(candidate);
    }
  }

  private take(name: string): string {
    this.taken.add(this.key(name));
    return name;
  }
}
