import type { Argv } from 'yargs';
import { DEFAULT_DATABASE_URL } from '../connect/url';
import { DEFAULT_RENAMES_FILE } from '../hints/renames-file';
import type { CliIo } from './io';
import type { Sources } from './workflow';

export const DEFAULT_ENTITIES = ['schema/**/*.ts'];

export interface SourceArgs {
  url?: string;
  entities?: string[];
  concurrently?: boolean;
  renames?: string;
}

export function withUrl<T>(yargs: Argv<T>) {
  return yargs.option('url', {
    type: 'string',
    describe: `database URL (default: $DATABASE_URL, else ${DEFAULT_DATABASE_URL})`,
  });
}

export function withEntities<T>(yargs: Argv<T>) {
  return yargs.option('entities', {
    type: 'string',
    array: true,
    describe: `entity file globs (default: $SCHEMA_ENTITIES, else ${DEFAULT_ENTITIES.join(' ')})`,
  });
}

export function withConcurrently<T>(yargs: Argv<T>) {
  return yargs.option('concurrently', {
    type: 'boolean',
    describe:
      'PostgreSQL: build and drop indexes of existing tables with CONCURRENTLY, outside the transaction ' +
      '(default: $SCHEMA_CONCURRENTLY=1, else off)',
  });
}

const TRUE = /^(1|true|yes|on)$/i;

export function withRenames<T>(yargs: Argv<T>) {
  return yargs.option('renames', {
    type: 'string',
    describe: `declared renames file (default: $SCHEMA_RENAMES, else ${DEFAULT_RENAMES_FILE} if it exists)`,
  });
}

/** Flags > environment > defaults. A renames file named by flag or environment must exist; the default may not. */
export function resolveSources(args: SourceArgs, io: CliIo): Sources {
  const envEntities = io.env.SCHEMA_ENTITIES?.split(',').map((s) => s.trim()).filter(Boolean);
  return {
    url: args.url ?? io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    entities: args.entities?.length ? args.entities : envEntities?.length ? envEntities : DEFAULT_ENTITIES,
    cwd: io.cwd,
    concurrently: args.concurrently ?? TRUE.test(io.env.SCHEMA_CONCURRENTLY ?? ''),
    renames: args.renames
      ? { file: args.renames, required: true }
      : io.env.SCHEMA_RENAMES
        ? { file: io.env.SCHEMA_RENAMES, required: true }
        : { file: DEFAULT_RENAMES_FILE, required: false },
  };
}
