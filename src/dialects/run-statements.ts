/** Runs a checked PostgreSQL script one statement at a time, as psql runs a file, with errors that name the line. */
import { redactSecrets } from '../connect/url';
import type { DatabaseSession } from './dialect';
import { SourceError } from '../errors/errors';
import type { ScriptStatement } from './postgres/check-script';

const messageOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/**
 * A database error from one statement as one line: the file, the line (the statement's, moved down to where
 * PostgreSQL points inside it), what evaluated it, and PostgreSQL's own message (never the server's password).
 */
export function statementError(
  error: unknown,
  statement: ScriptStatement,
  file: string,
  evaluator: string,
  url?: string,
): SourceError {
  const position = Number((error as { position?: unknown } | null)?.position);
  const inside =
    Number.isInteger(position) && position > 0 ? (statement.sql.slice(0, position - 1).match(/\n/g) ?? []).length : 0;
  // 55P04: a value added by ALTER TYPE ... ADD VALUE used in the same transaction (the dev database's only one).
  const code = (error as { code?: unknown } | null)?.code;
  const hint =
    code === '55P04'
      ? 'In a dev database the file runs in one transaction, where PostgreSQL forbids using an enum value added by ALTER TYPE ... ADD VALUE; list the value in CREATE TYPE, or evaluate the file in the sandbox (without --dev-url).'
      : code === '42501' && statement.kind === 'CreateExtensionStmt'
        ? 'The file runs as a role without superuser rights: install the extension in the dev database beforehand and write CREATE EXTENSION IF NOT EXISTS in the file.'
        : 'The .sql source must build its schema on an empty database; fix the statement PostgreSQL names.';
  return new SourceError(
    `cannot evaluate ${file}:${statement.line + inside} in ${evaluator}: ${redactSecrets(messageOf(error), url)}`,
    hint,
    {
      cause: error,
    },
  );
}

/** Runs each statement on its own (PostgreSQL's simple protocol); the first failure is a `SourceError`. */
export async function runStatements(
  session: DatabaseSession,
  statements: readonly ScriptStatement[],
  file: string,
  evaluator: string,
  url?: string,
): Promise<void> {
  for (const statement of statements) {
    try {
      await session.runScript(statement.sql);
    } catch (error) {
      throw statementError(error, statement, file, evaluator, url);
    }
  }
}
