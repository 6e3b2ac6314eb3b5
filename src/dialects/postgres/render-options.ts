/** PostgreSQL storage parameters and options (`WITH (fillfactor=70)`), as the catalog stores them (`name=value`). */
import { quoteIdentifier, quoteLiteral } from './quote';

const WORD = /^[a-z_][a-z0-9_.]*$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** `fillfactor=70` -> `fillfactor=70`; a value that is not a number or a plain word is a string literal. */
function optionSql(option: string): string {
  const at = option.indexOf('=');
  const name = at < 0 ? option : option.slice(0, at);
  const value = at < 0 ? undefined : option.slice(at + 1);
  const key = WORD.test(name) ? name : quoteIdentifier(name);
  if (value === undefined) return key;
  return `${key}=${NUMBER.test(value) || /^[a-z_][a-z0-9_]*$/.test(value) ? value : quoteLiteral(value)}`;
}

/** ` WITH (a=1, b=on)`, or nothing when there are no options. */
export function withOptions(options: readonly string[] | undefined): string {
  return options && options.length > 0 ? ` WITH (${options.map(optionSql).join(', ')})` : '';
}

/**
 * Storage parameters and view options whose value is a boolean: PostgreSQL accepts `on`/`off`, `true`/`false`,
 * `yes`/`no`, `1`/`0` (and unique prefixes) and stores the spelling it was given. (`buffering` and
 * `vacuum_index_cleanup` are not booleans: they also take `auto`.)
 */
const BOOLEAN_OPTIONS = new Set([
  'autovacuum_enabled',
  'toast.autovacuum_enabled',
  'user_catalog_table',
  'vacuum_truncate',
  'toast.vacuum_truncate',
  'deduplicate_items',
  'fastupdate',
  'autosummarize',
  'security_barrier',
  'security_invoker',
]);

/** The value PostgreSQL's `parse_bool` reads `value` as, or `undefined` when it is no boolean spelling. */
function booleanValue(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  if (v === '1' || v === '0') return v === '1';
  if ('true'.startsWith(v) || 'yes'.startsWith(v)) return true;
  if ('false'.startsWith(v) || 'no'.startsWith(v)) return false;
  if (v.length >= 2 && 'on'.startsWith(v)) return true;
  if (v.length >= 2 && 'off'.startsWith(v)) return false;
  return undefined;
}

/**
 * One `name=value` option as PostgreSQL means it, whatever spelling stored it: a boolean option's value `true` or
 * `false` (`autovacuum_enabled=off` -> `autovacuum_enabled=false`), a number without leading zeros or a trailing
 * `.0` (`fillfactor=070` -> `fillfactor=70`). Anything else is kept as stored.
 */
export function canonicalOption(option: string): string {
  const at = option.indexOf('=');
  if (at < 0) return option;
  const [name, value] = [option.slice(0, at), option.slice(at + 1)];
  if (BOOLEAN_OPTIONS.has(name)) {
    const bool = booleanValue(value);
    return bool === undefined ? option : `${name}=${bool}`;
  }
  if (NUMBER.test(value.trim())) return `${name}=${String(Number(value))}`;
  return option;
}

/** `canonicalOption` of each; `undefined` stays `undefined`. */
export function canonicalOptions(options: readonly string[] | undefined): readonly string[] | undefined {
  return options?.map(canonicalOption);
}
