import path from 'node:path';
import { parseDatabaseUrl } from '../connect/url';
import { UsageError } from '../errors/errors';
import type { DialectName } from '../model';

/**
 * One side of `schema diff`: a live database, entity files, a model JSON file (`generated/model.json` or one
 * `inspect --format json` printed) or such a model given as data (the library API), or a `.sql` file loaded into a
 * scratch database.
 */
export type SourceSpec =
  | { readonly kind: 'database'; readonly url: string; readonly dialect: DialectName; readonly label: string }
  | { readonly kind: 'entities'; readonly globs: readonly string[]; readonly label: string }
  | { readonly kind: 'model'; readonly file: string; readonly label: string }
  | { readonly kind: 'modelData'; readonly data: unknown; readonly label: string }
  | { readonly kind: 'sql'; readonly file: string; readonly label: string };

const HINT = 'A source is a database URL, entities:GLOB[,GLOB], a model .json file or a .sql file.';

/**
 * One side as the library API takes it: the text of `--from`/`--to`, or a model (as `inspect()` returns it) or a model
 * document (`generated/model.json`, parsed) as data, labelled `side` ("from", "to"). Data is checked when it is read.
 */
export function sourceSpecOf(value: unknown, side: string, cwd: string): SourceSpec {
  if (typeof value === 'string') return parseSourceSpec(value, cwd);
  if (typeof value === 'object' && value !== null) return { kind: 'modelData', data: value, label: `(${side} model)` };
  throw new UsageError(
    `${side} is ${value === null ? 'null' : typeof value}`,
    `${HINT} From code, also a model or a model document as data.`,
  );
}

/** Reads `--from`/`--to` text; labels never hold a password. */
export function parseSourceSpec(text: string, cwd: string): SourceSpec {
  const value = text.trim();
  if (value.startsWith('entities:')) {
    const globs = value
      .slice('entities:'.length)
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
    if (globs.length === 0) throw new UsageError(`no glob after entities: in "${value}"`, HINT);
    return { kind: 'entities', globs, label: `entities:${globs.join(',')}` };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[a-z]:[\\/]/i.test(value)) {
    const target = parseDatabaseUrl(value, cwd);
    return { kind: 'database', url: value, dialect: target.dialect, label: target.redacted };
  }
  const extension = path.extname(value).toLowerCase();
  if (extension === '.sql') return { kind: 'sql', file: value, label: value };
  if (extension === '.json') return { kind: 'model', file: value, label: value };
  throw new UsageError(`cannot tell what kind of source "${value}" is`, HINT);
}
