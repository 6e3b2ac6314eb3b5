import type { Argv } from 'yargs';
import type { DialectName } from '../../model';
import { renderDatabaseOrigin } from '../../report/database-origin';
import { diffSources } from '../../workflow/diff-sources';
import { colourEnabled, type CliIo } from '../io';
import { resolveProject, withRenames } from '../options';
import { checkDiffFormat, ddlDiffSection, planExitCode, renderPlan, type PlanFormat } from './plan';

export interface DiffArgs {
  from: string;
  to: string;
  dialect?: DialectName;
  'dev-url'?: string;
  format: PlanFormat;
  'exit-code': boolean;
  diff: boolean;
  renames?: string;
  config?: string;
  'data-source'?: string;
  color?: boolean;
}

export function diffOptions<T>(yargs: Argv<T>) {
  return withRenames(yargs)
    .option('from', {
      type: 'string',
      demandOption: true,
      describe: 'the current state: a database URL, entities:GLOB, a model .json or a .sql file',
    })
    .option('to', { type: 'string', demandOption: true, describe: 'the desired state, as --from' })
    .option('dialect', {
      choices: ['postgres', 'sqlite'] as const,
      describe: 'when neither side is a database (nor --dev-url given): the dialect to compare in',
    })
    .option('dev-url', {
      type: 'string',
      describe:
        'PostgreSQL (so it implies --dialect postgres): an empty database to evaluate .sql sides in, inside a transaction that is rolled back (default: the built-in sandbox, PGlite)',
    })
    .option('format', {
      choices: ['text', 'json', 'sql', 'markdown'] as const,
      default: 'text' as const,
      describe: 'output format',
    })
    .option('exit-code', {
      type: 'boolean',
      default: false,
      describe: 'exit 2 when the sides differ, 0 when they do not',
    })
    .option('diff', {
      type: 'boolean',
      default: false,
      describe: 'also show a unified diff of the schema DDL, from vs to',
    });
}

/** `argv` word as a POSIX shell reads it back: as is when plain, else in single quotes. */
const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/**
 * `schema diff --from SRC --to SRC`: the plan that turns FROM into TO (see `diffSources`), in every format `plan` has.
 */
export async function runDiff(
  args: DiffArgs,
  io: CliIo,
  argv: readonly string[] = ['diff', '--from', args.from, '--to', args.to],
): Promise<number> {
  checkDiffFormat(args);
  const again = (dialect: DialectName) => ['schema', ...argv, '--dialect', dialect].map(shellWord).join(' ');
  const result = await diffSources({
    from: args.from,
    to: args.to,
    dialect: args.dialect,
    devUrl: args['dev-url'],
    renames: args.renames,
    cwd: io.cwd,
    project: () => resolveProject({ config: args.config, 'data-source': args['data-source'] }, io),
    signal: io.signal,
    missingDialectHint: `Name it with --dialect: ${again('postgres')} (or --dialect sqlite)`,
    onDatabase: (label, side) =>
      io.stderr.write(renderDatabaseOrigin(label, { kind: 'flag', flag: side === 'from' ? '--from' : '--to' })),
  });
  const { plan, from, to, dialect } = result;
  const colour = colourEnabled(io, args.color);
  const target = { redacted: `${from.label} -> ${to.label}` };
  io.stdout.write(
    renderPlan(
      { plan, target, serverVersion: result.serverVersion, renamesFile: args.renames ?? 'schema/renames.json' },
      args.format,
      colour,
    ),
  );
  if (args.diff) {
    const names = { before: from.label, after: to.label };
    io.stdout.write(ddlDiffSection({ current: from.model, desired: to.model, dialect, names }, args.format, colour));
  }
  return planExitCode(plan, args['exit-code']);
}
