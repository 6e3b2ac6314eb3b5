/**
 * TypeScript string enums for database enums: a PostgreSQL enum type (shared, in `enums.ts`) or the values of a
 * SQLite enum CHECK (inline, in the entity's file). Every label is its own value, in the database's order.
 */
import { isIdentifier, NameScope } from './names';
import { lineComment, tsString, type Code } from './literals';

export interface TsEnum {
  readonly name: string;
  /** label -> member key, in declared order. */
  readonly members: ReadonlyMap<string, string>;
}

/** A member key for a label: the label when it is an identifier, else quoted, else (numeric names) `_1`. */
function memberKeyFor(label: string): string {
  if (isIdentifier(label)) return label;
  // TypeScript rejects a numeric member name ('1', '-1', 'NaN') even quoted, and an empty one.
  if (label === '') return 'EMPTY';
  if (String(Number(label)) === label) return `_${label.replace(/[^\p{L}\p{N}_$]/gu, '_')}`;
  return label;
}

/**
 * Members an enum object cannot have without ceasing to be assignable to `Object` (which TypeORM's `enum` option
 * takes): `Object.prototype`'s own names.
 */
const RESERVED_MEMBERS = [
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__proto__',
];

export function tsEnum(name: string, labels: readonly string[]): TsEnum {
  const scope = new NameScope(RESERVED_MEMBERS);
  const members = new Map<string, string>();
  for (const label of labels) members.set(label, scope.claim(memberKeyFor(label), `${memberKeyFor(label)}_`));
  return { name, members };
}

const keyCode = (key: string): Code => (isIdentifier(key) ? key : tsString(key, false));

/** `DeckLevel.A1`, `Status['in progress']`; `undefined` for a label the enum does not have. */
export function enumMemberCode(tsEnumType: TsEnum, label: string): Code | undefined {
  const key = tsEnumType.members.get(label);
  if (key === undefined) return undefined;
  return isIdentifier(key) ? `${tsEnumType.name}.${key}` : `${tsEnumType.name}[${tsString(key, false)}]`;
}

/** The `export enum` declaration. */
export function renderEnum(tsEnumType: TsEnum, comment?: string): string {
  const lines = [...tsEnumType.members].map(([label, key]) => `  ${keyCode(key)} = ${tsString(label, false)},`);
  return `${comment ? `${lineComment(comment)}\n` : ''}export enum ${tsEnumType.name} {\n${lines.join('\n')}\n}\n`;
}
