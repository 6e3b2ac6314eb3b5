import { normalizeNotManaged } from './normalize';
import type { Model, QualifiedName } from './types';

/**
 * The model without its standalone sequences, for a plan whose desired side comes from entities: entities cannot
 * declare sequences, so those in the database are left alone (never dropped, never changed) and move to the model's
 * `notManaged` list (kind `sequence`), which the plan shows. Column defaults that call `nextval` on one of them then
 * read as the serial columns TypeORM sees. Pure; returns `model` itself when it has none.
 */
export function withoutSequences(model: Model): Model {
  if (model.sequences === undefined) return model;
  const { sequences, notManaged = [], ...rest } = model;
  const listed = sequences.map((s) => ({ schema: s.schema, kind: 'sequence' as const, names: [s.name] }));
  const merged = normalizeNotManaged([...notManaged, ...listed]);
  return merged ? { ...rest, notManaged: merged } : rest;
}

/** `nextval('a.b'::regclass)`, `nextval('"Odd"""_seq')`: the whole default is one `nextval` call on a literal name. */
const NEXTVAL = /^nextval\('((?:[^']|'')+)'(?:::regclass)?\)$/i;

/**
 * PostgreSQL: the sequence a column default like `nextval('s'::regclass)` draws from (in `public` when the name has
 * no schema, as the catalog prints names on the default search path), or `undefined` when the default is anything
 * else.
 */
export function sequenceOfDefault(expression: string | undefined): QualifiedName | undefined {
  const match = expression === undefined ? null : NEXTVAL.exec(expression.trim());
  if (!match) return undefined;
  const parts = splitName(match[1]!.replace(/''/g, "'"));
  if (parts === undefined || parts.length === 0 || parts.length > 2) return undefined;
  return parts.length === 1 ? { schema: 'public', name: parts[0]! } : { schema: parts[0]!, name: parts[1]! };
}

/** `a."B""c"` -> `['a', 'B"c']`: unquoted parts folded to lower case, as PostgreSQL reads a name. */
function splitName(text: string): string[] | undefined {
  const parts: string[] = [];
  const pattern = /\s*(?:"((?:[^"]|"")*)"|([^".\s]+))\s*(\.|$)/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return undefined;
    parts.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]!.toLowerCase());
    at = pattern.lastIndex;
    if (match[3] === '') break;
  }
  return at >= text.length ? parts : undefined;
}
