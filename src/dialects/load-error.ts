import { redactSecrets } from '../connect/url';
import { SourceError } from '../errors/errors';

const messageOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/** The 1-based line of a 1-based character position in `text`. */
function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(position - 1, text.length); i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * A driver error from running `sql` (the text of `file`) in a scratch database of `engine` (`Dialect.displayName`) as
 * one clear line: the file, the line when PostgreSQL gives
 * a position, and the database's own message, without the server's password.
 */
export function loadError(error: unknown, sql: string, file: string, engine: string, url?: string): SourceError {
  const position = Number((error as { position?: unknown } | null)?.position);
  const where = Number.isInteger(position) && position > 0 ? `:${lineAt(sql, position)}` : '';
  const message = redactSecrets(messageOf(error).replace(/^SQLITE_[A-Z_]+: /, ''), url);
  return new SourceError(
    `cannot load ${file}${where} into a scratch ${engine} database: ${message}`,
    `The SQL file must run on an empty ${engine} database; fix the statement the database names.`,
    { cause: error },
  );
}
