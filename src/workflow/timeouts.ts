import { DEFAULT_LOCK_TIMEOUT_SECONDS } from '../dialects/dialect';
import { UsageError } from '../errors/errors';

/** `lockTimeout` and `statementTimeout` of a library call, checked, with the CLI's defaults (5 s; no limit). */
export function timeoutsOf(options: { readonly lockTimeout?: number; readonly statementTimeout?: number }): {
  lockTimeout: number;
  statementTimeout?: number;
} {
  const { lockTimeout = DEFAULT_LOCK_TIMEOUT_SECONDS, statementTimeout } = options;
  if (!Number.isFinite(lockTimeout) || lockTimeout < 0)
    throw new UsageError('lockTimeout must be a number of seconds, 0 or more');
  if (statementTimeout !== undefined && (!Number.isFinite(statementTimeout) || statementTimeout < 0)) {
    throw new UsageError('statementTimeout must be a number of seconds, 0 or more (0: no limit)');
  }
  return { lockTimeout, statementTimeout: statementTimeout || undefined };
}
