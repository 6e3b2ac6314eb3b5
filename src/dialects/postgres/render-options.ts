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
