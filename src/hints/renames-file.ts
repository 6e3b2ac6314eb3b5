import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CompileError } from '../errors/errors';

/**
 * `schema/renames.json`: the declarative, reviewable alternative to `@RenamedFrom`. Names are database names; a table
 * may be written `schema.table`.
 *
 *   {
 *     "tables":     [{ "from": "user", "to": "users" }],
 *     "columns":    [{ "table": "users", "from": "name", "to": "full_name" }],
 *     "enums":      [{ "from": "level", "to": "deck_level" }],
 *     "enumValues": [{ "enum": "deck_level", "from": "A0", "to": "A1" }]
 *   }
 *
 * Any entry may add `"rename": false` to declare the opposite: `from` is dropped and `to` is new, on purpose.
 */
export interface RenamesFile {
  readonly file: string;
  readonly tables: readonly RenameEntry[];
  readonly columns: readonly (RenameEntry & { readonly table: string })[];
  readonly enums: readonly RenameEntry[];
  readonly enumValues: readonly (RenameEntry & { readonly enum: string })[];
}

export interface RenameEntry {
  readonly from: string;
  readonly to: string;
  readonly rename: boolean;
}

export const DEFAULT_RENAMES_FILE = 'schema/renames.json';

const SECTIONS = { tables: [], columns: ['table'], enums: [], enumValues: ['enum'] } as const;

/** Reads and validates a renames file; `undefined` when it does not exist and was not asked for explicitly. */
export function readRenamesFile(file: string, cwd: string, required: boolean): RenamesFile | undefined {
  const absolute = path.resolve(cwd, file);
  const shown = path.relative(cwd, absolute) || absolute;
  if (!existsSync(absolute)) {
    if (!required) return undefined;
    throw new CompileError(
      `${shown}: no such renames file`,
      'Create it, or drop --renames to use schema/renames.json.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(absolute, 'utf8'));
  } catch (error) {
    throw new CompileError(`${shown}: not valid JSON: ${(error as Error).message}`, 'Fix the JSON syntax.');
  }
  return parseRenames(data, shown);
}

export function parseRenames(data: unknown, shown: string): RenamesFile {
  const fail = (where: string, what: string): never => {
    throw new CompileError(
      `${shown}: ${where} ${what}`,
      'Each section is a list of { "from": "...", "to": "..." } (columns add "table", enumValues add "enum"; optional "rename": false).',
    );
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail('the file', 'must be a JSON object');
  const object = data as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (key !== '$schema' && !(key in SECTIONS))
      fail(`"${key}"`, `is not a section (use ${Object.keys(SECTIONS).join(', ')})`);
  }
  const section = (name: keyof typeof SECTIONS) => {
    const list = object[name] ?? [];
    if (!Array.isArray(list)) return fail(`"${name}"`, 'must be a list');
    return list.map((entry: unknown, i: number) => {
      const where = `${name}[${i}]`;
      if (typeof entry !== 'object' || entry === null) return fail(where, 'must be an object');
      const e = entry as Record<string, unknown>;
      const fields = ['from', 'to', ...SECTIONS[name]];
      for (const field of fields) {
        if (typeof e[field] !== 'string' || e[field] === '') fail(where, `needs a non-empty string "${field}"`);
      }
      for (const key of Object.keys(e)) {
        if (key !== 'rename' && !fields.includes(key)) fail(where, `has an unknown field "${key}"`);
      }
      if (e.rename !== undefined && typeof e.rename !== 'boolean') fail(where, '"rename" must be true or false');
      const result: Record<string, unknown> = { ...e, rename: e.rename !== false };
      return result;
    });
  };
  return {
    file: shown,
    tables: section('tables') as unknown as RenameEntry[],
    columns: section('columns') as unknown as RenamesFile['columns'],
    enums: section('enums') as unknown as RenameEntry[],
    enumValues: section('enumValues') as unknown as RenamesFile['enumValues'],
  };
}
