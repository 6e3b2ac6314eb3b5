import type { Argv } from 'yargs';
import { DEFAULT_DATABASE_URL, type DatabaseTarget } from '../connect/url';
import { readDotenv, type DotenvFile } from '../config/dotenv';
import {
  DEFAULT_ENTITIES,
  resolveSources as resolveFrom,
  type ProjectSources,
  type SourceFlags,
  type Sources,
} from '../config/sources';
import { renderDatabaseOrigin } from '../report/database-origin';
import { DEFAULT_LOCK_ATTEMPTS, DEFAULT_LOCK_TIMEOUT_SECONDS, type Dialect } from '../dialects/dialect';
import { UsageError } from '../errors/errors';
import type { Timeouts } from '../report/text';
import { DEFAULT_RENAMES_FILE } from '../hints/renames-file';
import type { CliIo } from './io';

export { DEFAULT_ENTITIES };

export interface SourceArgs {
  url?: string;
  entities?: string[];
  concurrently?: boolean;
  renames?: string;
  config?: string;
  'data-source'?: string;
}

export function withUrl<T>(yargs: Argv<T>) {
  return yargs.option('url', {
    type: 'string',
    describe:
      `database URL (default: $DATABASE_URL from the environment, else from .env, else the config file's "url", else the data ` +
      `source's connection, else ${DEFAULT_DATABASE_URL})`,
  });
}

export function withEntities<T>(yargs: Argv<T>) {
  return yargs.option('entities', {
    type: 'string',
    array: true,
    describe: `entity file globs (default: $SCHEMA_ENTITIES, else the config file's, else the data source's, else ${DEFAULT_ENTITIES.join(' ')})`,
  });
}

export function withConcurrently<T>(yargs: Argv<T>) {
  return yargs.option('concurrently', {
    type: 'boolean',
    describe:
      'PostgreSQL: build and drop indexes of existing tables with CONCURRENTLY, outside the transaction ' +
      '(default: $SCHEMA_CONCURRENTLY=1, else the config file\'s "concurrently", else off)',
  });
}

export function withRenames<T>(yargs: Argv<T>) {
  return yargs.option('renames', {
    type: 'string',
    describe: `declared renames file (default: $SCHEMA_RENAMES, else the config file's, else ${DEFAULT_RENAMES_FILE} if it exists)`,
  });
}

export interface TimeoutArgs {
  'lock-timeout': number;
  'statement-timeout'?: number;
}

/** `--lock-timeout` and `--statement-timeout` (plan shows them, apply keeps to them; planning reads are bound too). */
export function withTimeouts<T>(yargs: Argv<T>) {
  return yargs
    .option('lock-timeout', {
      type: 'number',
      default: DEFAULT_LOCK_TIMEOUT_SECONDS,
      describe:
        "seconds to wait for each lock: another apply's, and every table lock a statement needs (then rolled back and " +
        `retried, ${DEFAULT_LOCK_ATTEMPTS} attempts in all, before apply gives up)`,
    })
    .option('statement-timeout', {
      type: 'number',
      describe: 'seconds a statement may run before it is cancelled (default: no limit)',
    });
}

/** The timeouts the flags give, checked: a usage error for a negative or non-numeric value. */
export function timeoutsOf(args: TimeoutArgs, dialect?: Dialect): Timeouts {
  const lockTimeout = args['lock-timeout'];
  if (!Number.isFinite(lockTimeout) || lockTimeout < 0) {
    throw new UsageError('--lock-timeout must be a number of seconds, 0 or more', 'For example --lock-timeout 30.');
  }
  const statementTimeout = args['statement-timeout'];
  if (statementTimeout !== undefined && (!Number.isFinite(statementTimeout) || statementTimeout < 0)) {
    throw new UsageError(
      '--statement-timeout must be a number of seconds, 0 or more (0: no limit)',
      'For example --statement-timeout 60.',
    );
  }
  return {
    lockTimeout,
    lockAttempts: dialect?.capabilities.lockRetries ? DEFAULT_LOCK_ATTEMPTS : undefined,
    statementTimeout: statementTimeout || undefined,
  };
}

/** Options every command takes: where the settings come from. */
export function withConfig<T>(yargs: Argv<T>) {
  return yargs
    .option('config', {
      type: 'string',
      describe: 'config file (default: $SCHEMA_CONFIG, else schema.config.json, .ts or .js if present)',
    })
    .option('data-source', {
      type: 'string',
      describe:
        'TypeORM DataSource file: entities, naming strategy and connection (default: $SCHEMA_DATA_SOURCE, else the config file\'s "dataSource")',
    });
}

/**
 * Flags > environment > .env > config file > data source > defaults (see `resolveSources` in src/config/sources.ts).
 * The project's `.env` is read first and its variables set for the user's files (`CliIo.exportEnv`), so a data
 * source reading `process.env.DATABASE_URL` sees it. The resolved URL may come from a file and carry a password: it
 * is noted so that errors mask it.
 */
export async function resolveSources(args: SourceArgs, io: CliIo): Promise<Sources> {
  const sources = await resolveFrom(flagsOf(args), io.env, io.cwd, { dotenv: loadDotenv(io) });
  io.noteSecret?.(sources.url);
  return sources;
}

/** As `resolveSources`, for a command that connects to no database (`generate`, `check`, `diff`): no URL resolved. */
export async function resolveProject(args: Omit<SourceArgs, 'url'>, io: CliIo): Promise<ProjectSources> {
  return resolveFrom(flagsOf(args), io.env, io.cwd, { dotenv: loadDotenv(io), database: false });
}

function loadDotenv(io: CliIo): DotenvFile | null {
  const dotenv = readDotenv(io.cwd, io.env);
  if (dotenv) io.exportEnv?.(dotenv.values);
  return dotenv ?? null;
}

function flagsOf(args: Partial<SourceArgs>): SourceFlags {
  return {
    url: args.url,
    entities: args.entities,
    concurrently: args.concurrently,
    renames: args.renames,
    config: args.config,
    dataSource: args['data-source'],
  };
}

/**
 * Says on stderr which database the run is about to use, and where that came from (see `renderDatabaseOrigin`):
 * called before the connection is used, so a connection error follows the line that names it.
 */
export function announceDatabase(sources: Pick<Sources, 'urlOrigin'>, io: CliIo): (target: DatabaseTarget) => void {
  return (target) => {
    if (sources.urlOrigin) io.stderr.write(renderDatabaseOrigin(target.redacted, sources.urlOrigin));
  };
}
