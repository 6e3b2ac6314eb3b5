import { redactSecrets } from '../connect/url';
import { ApplyError, CancelledError, GaveUpError, SchemaplanError } from '../errors/errors';
import { EXIT } from './exit-codes';
import type { CliIo } from './io';

/**
 * Prints an error as one clear line (for a failed apply, followed by the failing statement) and a hint (a stack trace only with --debug), with every password that could be
 * in it masked, and returns the exit code.
 */
export function reportError(
  error: unknown,
  io: CliIo,
  options: { debug: boolean; urls: readonly (string | undefined)[] },
): number {
  const redact = (text: string) => options.urls.reduce<string>((out, url) => redactSecrets(out, url), text);
  if (error instanceof CancelledError) {
    // One line, what was applied; not an error of the tool (a stack trace still with --debug).
    io.stderr.write(`${redact(error.message)}\n`);
    if (options.debug) io.stderr.write(`${redact(error.stack ?? error.message)}\n`);
    return cancelledExitCode(io.signal);
  }
  const known = error instanceof SchemaplanError;
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = known ? message : `internal error: ${message.split('\n')[0]}`;
  io.stderr.write(`error: ${redact(firstLine)}\n`);
  // A failed apply shows the statement that failed, indented under the database's error.
  if ((error instanceof ApplyError || error instanceof GaveUpError) && error.statement.trim()) {
    for (const line of redact(error.statement).trim().split('\n')) io.stderr.write(`    ${line}\n`);
  }
  const hint = known ? error.hint : 'This is a bug in schemaplan; run again with --debug and report the output.';
  if (hint) io.stderr.write(`hint: ${redact(hint)}\n`);
  if (options.debug && error instanceof Error) {
    let current: unknown = error;
    while (current instanceof Error) {
      io.stderr.write(`${redact(current.stack ?? current.message)}\n`);
      current = current.cause;
      if (current) io.stderr.write('caused by: ');
    }
  }
  return exitCodeOf(error);
}

/**
 * The exit code of an error, by its stable `code` (the same codes library callers see): 4 when apply gave up waiting
 * and nothing was applied (running again later may succeed), 3 for open questions, else 1.
 */
export function exitCodeOf(error: unknown): number {
  if (!(error instanceof SchemaplanError)) return EXIT.error;
  switch (error.code) {
    case 'APPLY_LOCKED':
      return EXIT.gaveUp;
    case 'GAVE_UP':
      return (error as GaveUpError).applied === 0 ? EXIT.gaveUp : EXIT.error;
    case 'OPEN_DECISIONS':
      return EXIT.decisions;
    default:
      return EXIT.error;
  }
}

/** 143 when SIGTERM cancelled the run, 130 for SIGINT (and for a cancellation the caller gave no reason for). */
export function cancelledExitCode(signal: AbortSignal | undefined): number {
  return signal?.reason === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
}
